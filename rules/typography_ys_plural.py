"""A noun in -y with a bare -s: "the citys mayor", "the companys said".

What it flags: a lower-case word made of a noun that ends in a consonant and -y plus "s"
("countrys", "companys", "citys") where English writes the plural "-ies" and the possessive
"-y's". Either the apostrophe was lost ("the city's mayor": scraped text that dropped its
apostrophes, or a tool that stripped them) or the plural was formed by a rule that does not know
English spelling.

Why it matters: the word is not English in either reading, and the reader must guess which was
meant.

How it decides: the word is flagged only when word frequencies (`wordfreq`) know the noun in -y
and its plural in -ies well and the form in -ys far less, so names and words whose -ys plural is
right ("days", "boys", "standbys", "Sundays", "whys") are never flagged. No fix: the editor
chooses between the possessive and the plural.
"""
import regex

from lint import regex_store
from lint.corpus.names import zipf
from lint.finding import Hit
from lint.rule import Rule

# A lower-case word ending in consonant + "ys", not part of a hyphenated or apostrophized word.
YS_WORD = regex_store.compile(r"(?<![\p{L}'’-])(?P<stem>\p{Ll}{2,}[bcdfghjklmnpqrstvwxz])ys\b(?!['’-])")
KNOWN_NOUN = 3.0  # the noun in -y: at least once in a million words
KNOWN_PLURAL = 2.5  # its plural in -ies: at least once in three million words
RARER_BY = 1.5  # the -ys form: at least 30 times rarer than the -ies plural


class YsPlural(Rule):
    code = "TYP013"
    name = "ys-plural-or-possessive"
    category = "typography"
    severity = "warning"
    summary = "A noun in -y with a bare -s (\"the citys mayor\"): a lost apostrophe or a wrong plural"
    examples = [
        {"fail": "The citys mayor said the bridge would open in May.", "at": ["1:5"]},
        {"fail": "Both companys said the deal would close in May.", "at": ["1:6"]},
        {"pass": "Three days later the boys and the standbys left; the whys were never told."},
        {"pass": "The city's mayor and the companies' shares rose."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        if "ys" not in text:
            return
        for m in YS_WORD.finditer(text):
            stem = m.group("stem")
            plural = zipf(stem + "ies")
            if zipf(stem + "y") >= KNOWN_NOUN and plural >= KNOWN_PLURAL and zipf(m.group()) < plural - RARER_BY:
                yield Hit(m.start(), m.end(),
                          f"`{m.group()}`: write `{stem}y's` (possessive) or `{stem}ies` (plural)")


RULE = YsPlural
