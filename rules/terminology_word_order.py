"""A multi-word name written in another word order than the corpus uses.

What it flags: "National Accord Government" where the corpus says "Government of National
Accord"; "Foreign Affairs Ministry" beside "Ministry of Foreign Affairs". The content words are
the same, their order is not: a literal rendering of the source language's word order.

Why it matters: an institution must have one name across a corpus, or readers, search and
entity linking take it for two.

Only names of three or more capitalized words are compared. The same words in another order
are not always the same body ("Agency for International Development" is not the World Bank's
"International Development Agency"; "National Statistics Office" is not "Office for National
Statistics"), so a variant needs evidence that it names the same one: both orders in one article
(then the one the article uses less, or later, is reported), or the acronym agreeing (the
variant's article uses the acronym that the usual order is given elsewhere, or the variant is
given the usual order's acronym or initials: "National Accord Government (GNA)"). An acronym that
disagrees (NSO beside ONS) marks two bodies. Across articles the usual order must occur at least
twice and more often than the variant. Titles and kinds of place, where English has both orders
("Commerce Secretary" / "Secretary of Commerce", "City of New York"), are left alone, and so is
a name the termbase lists under `accept` (in neither direction).
"""
from collections import defaultdict
from collections.abc import Mapping

import regex

from lint import regex_store
from lint.finding import Hit, Related
from lint.rule import Rule

CONNECTORS = r"(?:of|for|the|on|de|al)"  # not "and": "Japan and Britain" is a list, not a name
PHRASE = regex_store.compile(
    rf"(?<![\p{{L}}\p{{N}}-])\p{{Lu}}\p{{Ll}}+(?:(?:[ \t]+{CONNECTORS})*[ \t]+\p{{Lu}}\p{{Ll}}+)+(?![\p{{L}}\p{{N}}-])")
CONNECTOR_WORD = regex_store.compile(rf"{CONNECTORS}")
# Capitalized only because they start a sentence: not part of the name that follows.
LEADING = set("The A An As In On At By For From With But And Or If When While After Before Since This That "
              "These Those His Her Its Their Our Last Next Both Under Over Against Despite According January "
              "February March April May June July August September October November December".split())
# Both orders are standard English for a person's title ("Commerce Secretary" / "Secretary of
# Commerce") and for a place's kind ("New York City" / "City of New York"): not variants.
STANDARD_ALTERNATION = set("Secretary Chairman Chairwoman President Governor Director Chief Minister Democrats "
                           "Republicans Spokesman City County State Province Republic Kingdom Commonwealth Port "
                           "Isle District".split())


def content_words(phrase: str) -> tuple:
    return tuple(w for w in phrase.split() if not CONNECTOR_WORD.fullmatch(w))


def collect_phrases(doc) -> dict:
    phrases = defaultdict(list)
    for m in PHRASE.finditer(doc.text):
        words = m.group().split()
        start = m.start()
        while words and (words[0] in LEADING or CONNECTOR_WORD.fullmatch(words[0])):
            start = doc.text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        phrase = " ".join(words)
        if len(content_words(phrase)) < 3 or len(phrases[phrase]) >= 20 or STANDARD_ALTERNATION & set(words):
            continue
        line, col = doc.line_col(start)
        phrases[phrase].append((start, m.end(), line, col))
    return dict(phrases)


ACRONYM_AFTER = regex_store.compile(r"[ \t]*\((?P<acr>\p{Lu}[\p{Lu}&]{1,7})\)")
ACRONYM = regex_store.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}&]{1,7}(?![\p{L}\p{N}])")


def initials(phrase: str) -> str:
    return "".join(w[0] for w in content_words(phrase)).upper()


def collect_acronyms(doc, phrases: dict) -> tuple[dict, frozenset]:
    """The acronym given after each phrase ("Government of National Accord (GNA)"), and every
    acronym the article uses."""
    defined = {}
    for phrase, occurrences in phrases.items():
        for _, end, _, _ in occurrences:
            m = ACRONYM_AFTER.match(doc.text, end)
            if m:
                defined[phrase] = m.group("acr")
                break
    return defined, frozenset(ACRONYM.findall(doc.text))


def order_key(phrase: str) -> tuple[tuple, tuple]:
    """(its content words sorted and lower-cased, its content words in order)."""
    words = content_words(phrase)
    return tuple(sorted(w.lower() for w in words)), words


def word_orders(phrases_of) -> dict:
    """Names with the same content words in more than one order, across the corpus.

    `phrases_of` maps each path to its {phrase: occurrences}; it is read twice, one path at a
    time, so that only the names written in two orders are ever held with their occurrences.
    Returns {sorted words: [(words in order, [(path, occurrence, phrase), ...]), ...]}, each list
    ranked most used first (ties: the order that appears first, by file and position)."""
    orders = defaultdict(set)
    for path in phrases_of:
        for phrase in phrases_of[path]:
            key, words = order_key(phrase)
            orders[key].add(words)
    wanted = {key for key, seen in orders.items() if len(seen) > 1}
    del orders
    groups = defaultdict(lambda: defaultdict(list))
    for path in sorted(phrases_of):
        for phrase, occurrences in phrases_of[path].items():
            key, words = order_key(phrase)
            if key in wanted:
                for occ in occurrences:
                    groups[key][words].append((path, occ, phrase))
    return {key: sorted(orders.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0], kv[1][0][1][0]))
            for key, orders in groups.items()}


class _Phrases(Mapping):
    """path -> its phrases, read from the summaries one at a time."""

    def __init__(self, summaries):
        self.summaries = summaries
        self.paths = [path for path in summaries if summaries[path]]

    def __getitem__(self, path):
        return self.summaries[path]["phrases"]

    def __iter__(self):
        return iter(self.paths)

    def __len__(self):
        return len(self.paths)


class WordOrderVariant(Rule):
    code = "TRM002"
    name = "word-order-variant"
    category = "terminology"
    severity = "warning"
    summary = "A multi-word name in another word order than the corpus uses (\"National Accord Government\")"
    corpus = True
    fixable = True
    fix_safety = "unsafe"
    examples = [
        {"files": {"a.txt": "The Government of National Accord (GNA) said the Government of National Accord would respond.",
                   "b.txt": "As Turkish backed National Accord Government in Libya gains new ground, the GNA advanced."},
         "at": ["b.txt:1:19"]},
        {"fail": "The Ministry of Foreign Affairs said so; the Ministry of Foreign Affairs added more; "
                 "the Foreign Affairs Ministry then declined.",
         "fix": "The Ministry of Foreign Affairs said so; the Ministry of Foreign Affairs added more; "
                "the Ministry of Foreign Affairs then declined."},
        {"fail": "The Customs General Administration said so. A spokesman for the General Administration of Customs added more.",
         "at": ["1:65"]},
        {"pass": "The Government of National Accord and the Libyan National Army met in Geneva."},
        {"files": {"a.txt": "The Government of National Accord (GNA) said the Government of National Accord would respond.",
                   "b.txt": "As Turkish backed National Accord Government in Libya gains new ground, Haftar retreated."}},
        {"files": {"a.txt": "The Office for National Statistics (ONS) said so. The Office for National Statistics agreed.",
                   "b.txt": "The National Statistics Office (NSO) of the Philippines said prices rose; the ONS did not."}},
        {"files": {"a.txt": "West Germany and Japan. West Germany and Japan.", "b.txt": "Japan and West Germany."}},
        {"files": {"a.txt": "Commerce Secretary Malcolm Baldrige. Commerce Secretary Malcolm Baldrige.",
                   "b.txt": "Secretary of Commerce Malcolm Baldrige spoke. New York City and the City of New York."}},
    ]

    def collect(self, doc, ctx):
        phrases = collect_phrases(doc)
        if not phrases:
            return None
        defined, acronyms = collect_acronyms(doc, phrases)
        return {"phrases": phrases, "defined": defined, "acronyms": acronyms}

    def finalize(self, summaries, ctx):
        tb = ctx.project.termbase if ctx.project else None
        accepted = tb.accept if tb else frozenset()
        groups = word_orders(_Phrases(summaries))
        if not groups:
            return
        # what the rule reads of the articles that use a name in two orders, and no more
        wanted = {phrase for ranked in groups.values() for _, occurrences in ranked for _, _, phrase in occurrences}
        involved = {path for ranked in groups.values() for _, occurrences in ranked for path, _, _ in occurrences}
        defined = defaultdict(set)  # phrase -> acronyms it is given anywhere
        own = {}  # path -> (its {phrase: acronym}, every acronym it uses)
        for path in summaries:
            s = summaries[path]
            if not s:
                continue
            for phrase, acr in s["defined"].items():
                if phrase in wanted:
                    defined[phrase].add(acr)
            if path in involved:
                own[path] = (s["defined"], s["acronyms"])
        for ranked in groups.values():
            usual = ranked[0][1]
            usual_phrases = {phrase for _, _, phrase in usual}
            usual_acronyms = set().union(*(defined[p] for p in usual_phrases)) | {initials(next(iter(usual_phrases)))}
            usual_files = {path for path, _, _ in usual}
            for words, occurrences in ranked[1:]:
                for path, (start, end, line, col), phrase in occurrences:
                    if phrase in accepted or usual_phrases & accepted:
                        continue  # the termbase accepts this order (or the other) as written
                    mine = own[path][0].get(phrase)
                    if mine and mine not in usual_acronyms:
                        continue  # its own acronym disagrees: another body
                    if path in usual_files:
                        here = [occ for p, occ, _ in usual if p == path]
                        mine_here = [occ for p, occ, _ in occurrences if p == path]
                        if (len(mine_here), -mine_here[0][0]) > (len(here), -here[0][0]):
                            continue  # the article's own usual order; the other one is reported
                        why = "in the same article"
                    elif len(usual) >= 2 and len(usual) > len(occurrences) and (
                            mine in usual_acronyms or own[path][1] & (usual_acronyms - {None})):
                        why = f"used {len(usual)} times in the corpus; the acronym agrees"
                    else:
                        continue
                    ref_path, (_, _, ref_line, ref_col), usual_phrase = next(
                        (u for u in usual if u[0] == path), usual[0])
                    related = (Related(ref_path, ref_line, ref_col, f"`{usual_phrase}` is used here"),)
                    yield path, Hit(start, end, f"`{phrase}` is a word-order variant of `{usual_phrase}` ({why})",
                                    fix=usual_phrase, related=related)


RULE = WordOrderVariant
