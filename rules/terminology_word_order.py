"""A multi-word name written in another word order than the corpus uses.

What it flags: "National Accord Government" where the corpus says "Government of National
Accord"; "Foreign Affairs Ministry" beside "Ministry of Foreign Affairs". The content words are
the same, their order is not: a literal rendering of the source language's word order.

Why it matters: an institution must have one name across a corpus, or readers, search and
entity linking take it for two.

Only names of three or more capitalized words are compared, and the corpus's usual order must
occur at least twice and more often than the variant. Titles and kinds of place, where English
has both orders ("Commerce Secretary" / "Secretary of Commerce", "City of New York"), are left
alone.
"""
from collections import defaultdict

import regex

from lint.finding import Hit, Related
from lint.rule import Rule

CONNECTORS = r"(?:of|for|the|on|de|al)"  # not "and": "Japan and Britain" is a list, not a name
PHRASE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}-])\p{{Lu}}\p{{Ll}}+(?:(?:[ \t]+{CONNECTORS})*[ \t]+\p{{Lu}}\p{{Ll}}+)+(?![\p{{L}}\p{{N}}-])")
CONNECTOR_WORD = regex.compile(rf"{CONNECTORS}")
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


def word_orders(summaries: dict) -> dict:
    """Names with the same content words in more than one order, across the corpus.

    Returns {sorted words: [(words in order, [(path, occurrence, phrase), ...]), ...]}, each list
    ranked most used first (ties: the order that appears first, by file and position)."""
    groups = defaultdict(lambda: defaultdict(list))
    for path in sorted(summaries):
        for phrase, occurrences in summaries[path].items():
            words = content_words(phrase)
            key = tuple(sorted(w.lower() for w in words))
            for occ in occurrences:
                groups[key][words].append((path, occ, phrase))
    return {key: sorted(orders.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0], kv[1][0][1][0]))
            for key, orders in groups.items() if len(orders) > 1}


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
                   "b.txt": "As Turkish backed National Accord Government in Libya gains new ground, Haftar retreated."},
         "at": ["b.txt:1:19"]},
        {"fail": "The Ministry of Foreign Affairs said so; the Ministry of Foreign Affairs added more; "
                 "the Foreign Affairs Ministry then declined.",
         "fix": "The Ministry of Foreign Affairs said so; the Ministry of Foreign Affairs added more; "
                "the Ministry of Foreign Affairs then declined."},
        {"pass": "The Government of National Accord and the Libyan National Army met in Geneva."},
        {"pass": "The National Accord Government met. The Government of National Accord replied."},
        {"files": {"a.txt": "West Germany and Japan. West Germany and Japan.", "b.txt": "Japan and West Germany."}},
        {"files": {"a.txt": "Commerce Secretary Malcolm Baldrige. Commerce Secretary Malcolm Baldrige.",
                   "b.txt": "Secretary of Commerce Malcolm Baldrige spoke. New York City and the City of New York."}},
    ]

    def collect(self, doc, ctx):
        return collect_phrases(doc)

    def finalize(self, summaries, ctx):
        for ranked in word_orders(summaries).values():
            usual = ranked[0][1]
            for words, occurrences in ranked[1:]:
                if len(usual) < 2 or len(usual) <= len(occurrences):
                    continue
                ref_path, (_, _, line, col), usual_phrase = usual[0]
                related = (Related(ref_path, line, col, f"`{usual_phrase}` is used here"),)
                for path, (start, end, _, _), phrase in occurrences:
                    yield path, Hit(start, end, f"`{phrase}` is a word-order variant of `{usual_phrase}` "
                                                f"(used {len(usual)} times in the corpus)",
                                    fix=usual_phrase, related=related)


RULE = WordOrderVariant
