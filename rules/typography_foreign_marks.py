"""Punctuation and number formats of another language's typography, and marks glued to words.

What it flags:
- guillemets (« ») used as quotation marks in English copy ("«Taking into account the needs»");
- a backtick between two letters used as an apostrophe ("the leader`s son");
- a colon glued to the capitalized word after it ("the spokesman:The talks", "Note:Full text");
- an opening bracket glued to the word before it ("the National Party(NP)");
- a figure of five or more digits without thousands separators after a word of quantity, in
  running text ("with 23000 troops", "about 50000 people");
- quotation marks turned inside out, glued to the word outside and spaced from the words they
  quote (`outrage, and" Europe first "will fail"`), as when a tool re-attaches the marks of a
  source language's quotation to the wrong side;
- a thousands separator written as a full stop after a currency code ("USD 570.000"; after a
  sign, "$1.364", it is a decimal point: an exchange rate).

Why it matters: each is a trace of a source language's conventions carried over by a translation
tool or a writer, or of a space lost when text was assembled. English news style writes “ ”,
’, "with 23,000", "USD 570,000", and puts a space after a colon and before a bracket.

Not flagged: web addresses and times ("http://", "10:30", digits round the colon), a plural in
brackets ("employee(s)"), figures that are codes or model numbers (no word of quantity before them,
"the 80386 chip", "lot number 54238"), years and figures with separators, decimals before a
magnitude ("USD 2.135 billion"). The fix replaces the guillemet or backtick with the English mark,
or inserts the missing space; figures have no fix (the separator is the editor's choice).
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

GUILLEMET = regex_store.compile(r"[«»]")
BACKTICK = regex_store.compile(r"(?<=\p{L})`(?=\p{L})")
COLON = regex_store.compile(r"(?<=\p{Ll}{2}):(?=\p{Lu}\p{Ll})")
BRACKET = regex_store.compile(r"(?<=\p{Ll}{2})\((?=\p{L}{2})(?!(?:e?s|ies)\))")
QUANTITY = regex_store.compile(
    r"(?<=\b(?i:with|about|some|nearly|over|almost|around|than|approximately|roughly|least|total|of|to|estimated)[ ])"
    r"[0-9]{5,}+(?=[ ]\p{Ll})")
# "USD 570.000", "EUR 1.500": a currency code before a figure whose last group after the stop has three
# digits, not followed by a magnitude (then the stop is a decimal point: "USD 2.135 billion").
CURRENCY_STOP = regex_store.compile(
    r"(?<=\b(?:USD|EUR|GBP|RUB|GEL|AZN|KZT|UAH|TRY|CHF|JPY|CNY|INR|IDR|KRW)[ ]?)"
    r"[0-9]{1,3}+(?:\.[0-9]{3})++(?![0-9]|[.,][0-9])(?![ ]?(?i:bn|mn|mln|bln|million|billion|trillion|thousand|m|b)\b)")


# A straight quote glued after a word that cannot end a quotation ("and"), a space, a few words,
# a space, then a quote glued to the next word and closed soon after: the pair is inside out.
INVERTED = regex_store.compile(
    r'(?<=\b(?:and|or|the|of|to|a|an|in|with|for|by|that|but)")[ ]\p{L}[^"\n.!?]{0,40}?[ ]"(?=\p{L}[^"\n]{0,40}")')


class ForeignMarks(Rule):
    code = "TYP009"
    name = "foreign-typography"
    category = "typography"
    severity = "warning"
    summary = "Guillemets, a backtick apostrophe, a glued colon or bracket, or a foreign number format"
    fixable = True
    examples = [
        {"fail": "He said «Taking into account the needs, we agreed».", "at": ["1:9", "1:50"],
         "fix": "He said “Taking into account the needs, we agreed”."},
        {"fail": "The former leader`s son was named.", "at": ["1:18"], "fix": "The former leader’s son was named."},
        {"fail": "Spokesman Li Wen:Good morning, everyone.", "at": ["1:17"], "fix": "Spokesman Li Wen: Good morning, everyone."},
        {"fail": "It was founded by the National Party(NP) last year.", "at": ["1:37"],
         "fix": "It was founded by the National Party (NP) last year."},
        {"fail": "The region was defended by about 40000 volunteers.", "at": ["1:34"]},
        {"fail": "The grant amounts to USD 570.000 this year.", "at": ["1:26"]},
        {"fail": "It read: Trade wars anger the world, and\" Europe first \"will fail\".", "at": ["1:41"]},
        {"pass": "He said Mr Blair \"should butt out of\" the row. \"I do not see why the state has a say,\" he said."},
        {"pass": "See http://example.com at 10:30. The form lists employee(s) and the 80386 chip, lot 54238."},
        {"pass": "He said “we agreed”. The bank offered USD 2.135 billion, about 40,000 people, in 1999. The euro was at $1.364."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        for m in GUILLEMET.finditer(text):
            yield Hit(m.start(), m.end(), f"Guillemet `{m.group()}` in English copy: use “ ”",
                      fix="“" if m.group() == "«" else "”")
        for m in BACKTICK.finditer(text):
            yield Hit(m.start(), m.end(), "Backtick used as an apostrophe", fix="’")
        for m in COLON.finditer(text):
            yield Hit(m.start(), m.end(), "No space after the colon", fix=": ")
        for m in BRACKET.finditer(text):
            yield Hit(m.start(), m.end(), "No space before the opening bracket", fix=" (")
        for m in QUANTITY.finditer(text):
            yield Hit(m.start(), m.end(), f"`{m.group()}` has no thousands separators: write {int(m.group()):,}")
        for m in INVERTED.finditer(text):
            yield Hit(m.start() - 1, m.end(), "Quotation marks on the wrong side of the words they quote")
        for m in CURRENCY_STOP.finditer(text):
            yield Hit(m.start(), m.end(), f"`{m.group()}`: a full stop as thousands separator; English uses a comma")


RULE = ForeignMarks
