"""An acronym that the article never expands.

What it flags: the first use of an acronym ("a statement issued by HCE") when nothing in the
article spells it out: neither "High Council of State (HCS)" style nor a phrase elsewhere in
the article whose initials give the letters ("Government of National Accord" for GNA).

Why it matters: readers of a republished or translated article lack the context of the source;
an acronym in a foreign form (HCE for the French "Haut Conseil d'État") is doubly opaque.

Not flagged: acronyms every reader knows (UN, NATO, EU, ...; extend with `known-acronyms`),
designations with digits (SU-35), company tickers in angle brackets, acronyms before a company
suffix ("AMR Corp") and legal forms ("Siemens AG"), credit ratings (AAA, BB), Roman numerals,
wire slugs (NOTE, REUTER) and all-capital headlines, labels or one-word lines.
"""
from importlib import resources

import regex

from lint.finding import Hit
from lint.rule import Rule

ACRONYM = regex.compile(r"(?<![\p{L}\p{N}<.&/-])(?P<a>[A-Z]{2,6})(?P<plural>s)?(?![\p{L}\p{N}>&/]|-\p{N}|\.\p{Lu})")
WORD = regex.compile(r"\p{L}[\p{L}’']*")
STOPWORDS = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "el", "in", "on", "to", "&", "d", "a", "an"}
COMPANY_SUFFIX = regex.compile(r"\s{1,3}(?:Corp|Inc|Co|Ltd|Plc|PLC|Group|Holdings?|SA|AG|NV|SpA|Bhd|LP|Cos|Corporation|Company|Industries|Bancorp|Airlines)\b")
# Legal forms of companies ("Siemens AG", "Philips NV"): part of a name, not an acronym to expand.
LEGAL_FORMS = {"AG", "PLC", "NV", "SA", "AB", "LP", "BV", "SPA", "KK", "AS", "ASA", "OY", "OYJ", "NL", "SE",
               "LLC", "LTD", "INC", "CO", "CORP", "GMBH", "SARL", "SRL", "PT", "TBK", "BHD"}
# Capitals that are words, not acronyms, in wire copy: slugs and labels.
WIRE_WORDS = {"NOTE", "NOTES", "MORE", "YEAR", "REUTER", "REUTERS", "UPDATE", "CORRECTED", "REPEAT", "URGENT",
              "FLASH", "BULLETIN", "PHOTO", "VIDEO", "WATCH", "LIVE", "BREAKING", "EXCLUSIVE", "ANALYSIS",
              "FACTBOX", "INSIGHT", "LEAD", "END", "TOTAL", "NEWS", "SOURCE", "TEXT"}
RATING = regex.compile(r"[ABC]{1,3}")  # credit ratings: AAA, BB, C
ROMAN = regex.compile(r"[IVXLCDM]+")
BRACKETED = regex.compile(r"\(\s*+([A-Z]{2,6}s?)\s*+\)")  # "(HCS)"
BEFORE_BRACKET = regex.compile(r"(?<![A-Z])([A-Z]{2,}+)s?\s*+\(\s*+\p{L}")  # "HCS (High Council"


def known_acronyms() -> frozenset:
    text = resources.files("lint.data").joinpath("known_acronyms.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def expanded_in(text: str, acronym: str, words, index=None) -> bool:
    """True when `acronym (` ... or a run of words whose initials spell it is in the text.

    `index` is `expansion_index(text, words)`: the same answer in constant time per acronym."""
    if index is not None:
        bracketed, initials, capitals = index
        return (acronym in bracketed or (acronym + "s") in bracketed
                or acronym in (capitals if len(acronym) <= 2 else initials))
    if regex.search(rf"\(\s*{acronym}s?\s*\)|{acronym}s?\s*\(\s*\p{{L}}", text):
        return True  # "High Council of State (HCS)" or "HCS (High Council of State)"
    letters = acronym.upper()
    need_capitals = len(letters) <= 2
    for i in range(len(words)):
        k, j = 0, i
        while j < len(words) and k < len(letters):
            w = words[j]
            if w.lower() in STOPWORDS and k > 0:
                j += 1
                continue
            if w[0].upper() != letters[k] or (need_capitals and not w[0].isupper()):
                break
            # "Libyan-made" gives one letter; "unmanned aerial vehicles" three.
            k += 1
            j += 1
        if k == len(letters):
            return True
    return False


def expansion_index(text: str, words) -> tuple[set, set, set]:
    """What `expanded_in` looks for, collected in one pass: acronyms written next to a bracket,
    and the initials of every run of words (case-insensitive, and with capitals only)."""
    bracketed = set(BRACKETED.findall(text))
    for run in BEFORE_BRACKET.findall(text):
        bracketed.update(run[-n:] for n in range(2, min(len(run), 6) + 1))
    initials, capitals = set(), set()
    first = [w[0].upper() for w in words]
    upper = [w[0].isupper() for w in words]
    after = [0] * (len(words) + 1)  # after[j]: the first word at or after j that is not a stopword
    after[len(words)] = len(words)
    for j in range(len(words) - 1, -1, -1):
        after[j] = after[j + 1] if words[j].lower() in STOPWORDS else j
    for i in range(len(words)):
        letters, capital = first[i], upper[i]
        initials.add(letters)
        j = after[i + 1]
        while j < len(words) and len(letters) < 6:
            letters += first[j]
            capital = capital and upper[j]
            initials.add(letters)
            if capital:
                capitals.add(letters)
            j = after[j + 1]
    return bracketed, initials, capitals


class UndefinedAcronym(Rule):
    code = "ACR001"
    name = "undefined-acronym"
    category = "acronym"
    severity = "warning"
    summary = "An acronym used but never expanded in the article"
    options = {"min_length": 2}
    examples = [
        {"fail": "Akar and Mekher called for coordination, according to a statement issued by HCE.", "at": ["1:77"]},
        {"fail": "The GNA said it would respond. The GNA later declined to comment.", "at": ["1:5"]},
        {"pass": "The Government of National Accord (GNA) said the GNA would respond."},
        {"pass": "Later the GNA said it would respond to the Government of National Accord critics."},
        {"pass": "The UN and NATO met; SU-35 jets flew; <IBM> rose; AMR Corp fell; Louis XIV.\nWHAT HAPPENED?"},
    ]

    def check(self, doc, ctx):
        known = known_acronyms() | (ctx.project.known_acronyms if ctx.project else frozenset())
        words = None
        seen = set()
        for m in ACRONYM.finditer(doc.text):
            acronym = m.group("a")
            if acronym in seen or acronym in known or len(acronym) < ctx.options["min_length"]:
                continue
            if acronym in WIRE_WORDS or acronym in LEGAL_FORMS or ROMAN.fullmatch(acronym) or RATING.fullmatch(acronym):
                continue
            if COMPANY_SUFFIX.match(doc.text, m.end()) or _in_capitals_line(doc, m.start()):
                continue
            seen.add(acronym)
            if words is None:
                words = WORD.findall(doc.text)
                index = expansion_index(doc.text, words)
            if expanded_in(doc.text, acronym, words, index):
                continue
            yield Hit(m.start(), m.end("a"), f"Acronym `{acronym}` is never expanded in this article")


def _in_capitals_line(doc, offset: int) -> bool:
    """A headline or label in capitals: its words are not acronyms."""
    start = doc.text.rfind("\n", 0, offset) + 1
    cache = doc.computed.setdefault("ACR001-capitals-lines", {})
    if start not in cache:
        cache[start] = _capitals_line(doc, start)
    return cache[start]


def _capitals_line(doc, start: int) -> bool:
    end = doc.text.find("\n", start)
    line = doc.text[start:len(doc.text) if end < 0 else end]
    letters = [c for c in line if c.isalpha()]
    words = regex.findall(r"\p{L}+", line)
    return len(words) == 1 or sum(c.isupper() for c in letters) >= 0.6 * len(letters)


RULE = UndefinedAcronym
