"""An acronym that the article never expands.

What it flags: the first use of an acronym ("a statement issued by HCE") when nothing in the
article spells it out: neither "High Council of State (HCS)" style nor a phrase elsewhere in
the article whose initials give the letters ("Government of National Accord" for GNA), matched
without regard to case.

Why it matters: readers of a republished or translated article lack the context of the source;
an acronym in a foreign form (HCE for the French "Haut Conseil d'État") is doubly opaque.

Not flagged:
- acronyms common in English: those whose lower-cased form is frequent in general English text
  (a word-frequency list answers this: FDA, URL, CEO), and those listed as known (UN, NATO,
  ...; extend with `known-acronyms`);
- acronyms that are part of a proper name somewhere in the article ("FA Cup", "JP Morgan",
  "AMR Corp", "Siemens AG", "Cadillac XLR", a ticker "<AMR>", a channel "GMTV"), or that are
  introduced by what they are ("the news agency IRNA", "the IFPI industry body", "CTIA, a
  wireless show");
- words in capitals that are not acronyms: all-capital headlines, labels, one-word lines, runs of
  capitalized words ("KUALA LUMPUR -", "KEY MATCH STATS"), a place name opening a dateline
  ("BAKU, Azerbaijan"), wire slugs (NOTE, REUTER);
- designations with digits (SU-35), credit ratings (AAA, BB), Roman numerals.

Severity: info, a style suggestion (as acronym checks are in prose linters). Whether a reader
knows an organisation's initials depends on the readership, and copy editors annotating
machine-translated and scraped articles flag no unexpanded acronym as an artifact; on edited
newswire nearly every one is an organisation the paper's readers know (IFPI, INLA, GNER).
They print with every other finding and, under the default `--fail-on info`, still fail a check.
"""
import os
from functools import lru_cache
from importlib import resources

import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# Not an acronym: a designation with digits ("SU-35", "MUX 2000"), a call sign or code joined to
# a name ("KTXA-Dallas").
ACRONYM = regex_store.compile(r"(?<![\p{L}\p{N}<.&/-])(?P<a>[A-Z]{2,6})(?P<plural>s)?(?![\p{L}\p{N}>&/]|-[\p{N}\p{Lu}]|[ \t]\p{N}|\.\p{Lu})")
WORD = regex_store.compile(r"\p{L}[\p{L}’']*")
STOPWORDS = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "el", "in", "on", "to", "&", "d", "a", "an"}
# Bounded gaps only: a `\s+` before alternatives that fail is quadratic over long blank runs.
COMPANY_SUFFIX = regex_store.compile(r"[ \t]{1,3}(?:Corp|Inc|Co|Ltd|Plc|PLC|Group|Holdings?|SA|AG|NV|SpA|Bhd|LP|Cos|Corporation|Company|Industries|Bancorp|Airlines)\b")
# A capitalized word right after the acronym makes it part of a name: "FA Cup", "JP Morgan".
NAME_PART = regex_store.compile(r"[ \t]{1,2}\p{Lu}\p{Ll}")
# What the acronym is, said next to it: "IRNA news agency", "the agency IRNA".
KINDS = (r"agency|newspaper|daily|weekly|magazine|television|tv|channel|radio|station|broadcaster|website|"
         r"network|party|union|federation|association|body|regulator|exchange|index|system|software|"
         r"computer|chip|standard|format|protocol|technology|algorithm|handset|device|file|drug|steroid|"
         r"company|firm|group|giant|bank|unit|subsidiary|office|institute|authority|organi[sz]ation|"
         r"brand|label|airline|carrier|maker|manufacturer|team|club|league|model|venue|arena|"
         r"partnership|railways?|programme|program|scheme|symbol|ticker|code")
DESCRIBED_AFTER = regex_store.compile(rf"(?:['’]s)?[ \t]{{1,2}}(?:\p{{Ll}}{{2,20}}[ \t])?(?i:news[ \t]agency|{KINDS})s?\b"
                             r"|,[ \t]{1,2}(?:the|a|an)[ \t]")
DESCRIBED_BEFORE = regex_store.compile(rf"\b(?:(?i:{KINDS})s?,?|called|named|dubbed|known[ \t]as)[ \t]{{1,2}}(?:the[ \t]{{1,2}})?[\"“]?$")
# A brand or company name before it: "Cadillac XLR", "Daiwa Securities SMBC"; not a nationality
# ("Libyan HCE", "Turkish MFA") nor the first word of a sentence.
BRAND_BEFORE = regex_store.compile(r"(?<![.!?:;][ ]|\n|^)(?<!\p{L})\p{Lu}\p{Ll}{2,20}(?<!an|ish|ese|ic|i)[ ]$")
# One of a list of names: "Monsoon, HMV and Jessops", "EADS and BAE Systems".
IN_LIST_AFTER = regex_store.compile(r"(?:,[ \t]{1,2}|[ \t]{1,2}and[ \t]{1,2})\p{Lu}[\p{Ll}\p{Lu}]")
IN_LIST_BEFORE = regex_store.compile(r"(?<![\p{L}&])\p{Lu}[\p{L}&]++(?:,[ \t]{1,2}|[ \t]{1,2}and[ \t]{1,2})$")
# A place in capitals opening a dateline: "BAKU, Azerbaijan", "JAKARTA -", "PARIS (AFP)".
DATELINE_PLACE = regex_store.compile(r"[ \t]{0,2}(?:,[ \t]{0,2}\p{Lu}|[-–—]|\()")
BRACKETED = regex_store.compile(r"\(\s*+([A-Z]{2,6}s?)\s*+\)")  # "(HCS)"
BEFORE_BRACKET = regex_store.compile(r"(?<![A-Z])([A-Z]{2,}+)s?\s*+\(\s*+\p{L}")  # "HCS (High Council"
# Legal forms of companies ("Siemens AG", "Philips NV"): part of a name, not an acronym to expand.
LEGAL_FORMS = {"AG", "PLC", "NV", "SA", "AB", "LP", "BV", "SPA", "KK", "AS", "ASA", "OY", "OYJ", "NL", "SE",
               "LLC", "LTD", "INC", "CO", "CORP", "GMBH", "SARL", "SRL", "PT", "TBK", "BHD"}
# Capitals that are words, not acronyms, in wire copy: slugs and labels.
WIRE_WORDS = {"NOTE", "NOTES", "MORE", "YEAR", "REUTER", "REUTERS", "UPDATE", "CORRECTED", "REPEAT", "URGENT",
              "FLASH", "BULLETIN", "PHOTO", "VIDEO", "WATCH", "LIVE", "BREAKING", "EXCLUSIVE", "ANALYSIS",
              "FACTBOX", "INSIGHT", "LEAD", "END", "TOTAL", "NEWS", "SOURCE", "TEXT"}
RATING = regex_store.compile(r"[ABC]{1,3}")  # credit ratings: AAA, BB, C
ROMAN = regex_store.compile(r"[IVXLCDM]+")


@lru_cache(maxsize=None)
def known_acronyms() -> frozenset:
    """The shipped list, read once per process (not once per article)."""
    text = resources.files("lint.data").joinpath("known_acronyms.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# Zipf frequencies of the short words of English, prebuilt from wordfreq's data by
# benchmarks/make_common_words_data.py: read in milliseconds, where importing wordfreq and
# loading its English list takes a fifth of a second of a one-article run.
COMMON_WORDS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "common_short_words.txt")
COMMON_WORDS_FLOOR = 2.0  # the file lists every word at least this common


@lru_cache(maxsize=None)
def common_short_words() -> dict[str, float]:
    frequencies: dict[str, float] = {}
    with open(COMMON_WORDS_FILE, encoding="utf-8") as f:
        z = None
        for line in f:
            if line.startswith("#"):
                if line[1:2].isdigit():
                    z = float(line[1:])
                continue
            for word in line.split():
                frequencies[word] = z
    return frequencies


@lru_cache(maxsize=None)
def _frequency_list():
    import wordfreq  # imported only for a threshold below the prebuilt file's floor

    return wordfreq.zipf_frequency


@lru_cache(maxsize=4096)
def common_in_english(acronym: str, threshold: float) -> bool:
    """The lower-cased acronym is frequent in general English text (at least `threshold` on the
    Zipf scale: 3 is once per million words), so readers meet it without an expansion."""
    if threshold >= COMMON_WORDS_FLOOR:
        return common_short_words().get(acronym.lower(), 0.0) >= threshold
    return _frequency_list()(acronym.lower(), "en") >= threshold


def expanded_in(text: str, acronym: str, words, index=None) -> bool:
    """True when `acronym (` ... or a run of words whose initials spell it is in the text.

    `index` is `expansion_index(text, words)`: the same answer in constant time per acronym."""
    if index is not None:
        bracketed, initials, capitals = index
        return (acronym in bracketed or (acronym + "s") in bracketed
                or acronym in (capitals if len(acronym) <= 2 else initials))
    if regex.search(rf"(?i:\([ \t]{{0,2}}{acronym}s?[ \t]{{0,2}}\)|\b{acronym}s?[ \t]{{0,2}}\([ \t]{{0,2}}\p{{L}})", text):
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
    severity = "info"
    summary = "An acronym used but never expanded in the article"
    options = {"min_length": 2, "common_zipf": 2.0}
    examples = [
        {"fail": "Akar and Mekher called for coordination, according to a statement issued by HCE.", "at": ["1:77"]},
        {"fail": "The LNRC said it would respond. The LNRC later declined to comment.", "at": ["1:5"]},
        {"pass": "The Libyan National Reconciliation Council (LNRC) said the LNRC would respond."},
        {"pass": "Later the LNRC said it would respond to the Libyan National Reconciliation Council critics."},
        {"pass": "The libyan national reconciliation council said the LNRC would respond."},
        {"pass": "Retailers including Monsoon, LNRC and Jessops gained. Telewest and UDKS lost."},
        {"pass": "The UN and NATO met; SU-35 jets flew; <IBM> rose; AMR Corp fell; Louis XIV.\nWHAT HAPPENED?"},
        {"pass": "The FDA approved the drug; details are at the URL below."},
        {"pass": "Arsenal won the FA Cup. The FA fined the club. JP Morgan said JP clients rose."},
        {"pass": "XKR Corp said profits rose. Analysts said XKR would buy more."},
        {"pass": "KUALA LUMPUR - The talks ended.\n\nKEY MATCH STATS\nGoals: 3"},
        {"pass": "BAKU, Azerbaijan, May 3. Officials met.\nThe IRNA news agency said talks ended."},
        {"pass": "The official news agency QNX said talks ended."},
        {"pass": "QZRT, the council of regional registries, met; the WQP formats and the banned steroid QHG."},
        {"pass": "It trades under the symbol QLTC, in a program called QTABEX."},
        {"pass": "GM recalled Cadillac QLR coupes; the statistical office QNSEE said so on QNTV."},
        {"fail": "The Libyan QHCE met the Turkish envoy.", "at": ["1:12"]},
    ]

    def check(self, doc, ctx):
        text = doc.text
        known = known_acronyms() | (ctx.project.known_acronyms if ctx.project else frozenset())
        threshold = ctx.options["common_zipf"]
        words = None
        candidates = {}
        in_name = set()
        for m in ACRONYM.finditer(text):
            acronym = m.group("a")
            if acronym in in_name or acronym in known or len(acronym) < ctx.options["min_length"]:
                continue
            if acronym in WIRE_WORDS or acronym in LEGAL_FORMS or ROMAN.fullmatch(acronym) or RATING.fullmatch(acronym):
                continue
            if _names_it(text, m) or _in_capitals(doc, m):
                in_name.add(acronym)  # a name or a heading anywhere: every use of it is fine
                candidates.pop(acronym, None)
                continue
            candidates.setdefault(acronym, m)
        for acronym, m in sorted(candidates.items(), key=lambda item: item[1].start()):
            if f"<{acronym}>" in text or common_in_english(acronym, threshold):
                continue
            if words is None:
                words = WORD.findall(text)
                index = expansion_index(text, words)
            if expanded_in(text, acronym, words, index):
                continue
            yield Hit(m.start(), m.end("a"), f"Acronym `{acronym}` is never expanded in this article")


def _names_it(text: str, m) -> bool:
    """The acronym is part of a proper name, or said to be an agency, paper or channel."""
    end = m.end()
    if COMPANY_SUFFIX.match(text, end) or DESCRIBED_AFTER.match(text, end):
        return True
    if NAME_PART.match(text, end):
        return True
    if IN_LIST_AFTER.match(text, end) or m.group("a").endswith("TV"):
        return True  # one of a list of names, or a television channel ("GMTV", "MUTV")
    before = text[max(0, m.start() - 40):m.start()]
    return bool(DESCRIBED_BEFORE.search(before) or IN_LIST_BEFORE.search(before) or BRAND_BEFORE.search(before))


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _in_capitals(doc, m) -> bool:
    """A headline, label or run of words in capitals, or a place in capitals opening a dateline:
    its words are not acronyms."""
    text = doc.text
    start = _line_start(text, m.start())
    lines = doc.computed.setdefault("ACR001-capitals-lines", {})
    if start not in lines:
        lines[start] = _capitals_line(text, start)
    if lines[start]:
        return True
    # Next to another word in capitals: "KUALA LUMPUR", "KEY MATCH STATS".
    if regex.match(r"[ \t]{1,2}\p{Lu}{2,}\b", text, pos=m.end()) or regex.search(r"\b\p{Lu}{2,}[ \t]{1,2}$", text[max(0, m.start() - 40):m.start()]):
        return True
    return m.start() == start and bool(DATELINE_PLACE.match(text, m.end()))


def _capitals_line(text: str, start: int) -> bool:
    """The line is a table row, one word, or mostly capitals (a headline or label)."""
    end = text.find("\n", start)
    line = text[start:len(text) if end < 0 else end]
    letters = [c for c in line if c.isalpha()]
    words = regex.findall(r"\p{L}+", line)
    if len(regex.findall(r"\p{N}+", line)) >= len(words):
        return True  # a row of a table: "JNE  2742  15315  off  139"
    return len(words) == 1 or sum(c.isupper() for c in letters) >= 0.6 * len(letters)


RULE = UndefinedAcronym
