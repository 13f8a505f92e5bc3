"""A surname in capitals in running text ("President Amadou KANE chaired the meeting").

What it flags: a title or honorific, a capitalized given name, then a surname written all in
capitals: "His Excellency Amadou KANE", "Minister Ana SOUZA said".

Why it matters: French, Russian and other official styles (and many translated press releases)
write surnames in capitals; English news style does not. Left in, the capitals shout and make
the name look like an acronym to readers and to tools.

Not flagged: a surname in capitals without a title before the given name (then it may be an
acronym after a company name: "Brunswick UBS", "Elders IXL"), Roman numerals ("King Edward III"),
a line or heading mostly in capitals, and capitals followed by another word in capitals (a run of
capitals is a heading or a name of an organization). There is no fix: the editor writes the name
as its owner does ("McDonald", "de la Cruz").
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

TITLES = (r"President|Excellency|Mr|Mrs|Ms|Dr|Minister|General|Premier|Chancellor|King|Queen|Prince|"
          r"Princess|Senator|Governor|Mayor|Ambassador|Secretary|Colonel|Judge|Professor|Sheikh|Madam|"
          r"Commissioner|Director|Chairman|Chairwoman|Speaker|Deputy|Imam|Bishop|Archbishop")
PATTERN = regex_store.compile(
    rf"(?<=\b(?:{TITLES})\.?[ ]\p{{Lu}}\p{{Ll}}{{1,20}}(?:-\p{{Lu}}?\p{{Ll}}{{1,20}})?[ ])"
    r"(?P<s>\p{Lu}{3,20}+)(?![\p{L}\p{N}&'’.-]|[ ]\p{Lu}{2}|[ ]?[-–(])")
ROMAN = regex_store.compile(r"[IVXLC]+")


class CapitalsSurname(Rule):
    code = "TYP010"
    name = "surname-in-capitals"
    category = "typography"
    severity = "warning"
    summary = "A surname written in capitals after a title and a given name (\"Amadou KANE\")"
    examples = [
        {"fail": "The President of the Republic, His Excellency Amadou KANE, chaired the meeting.", "at": ["1:54"]},
        {"fail": "Minister Ana SOUZA said the plan was ready.", "at": ["1:14"]},
        {"pass": "King Edward III founded it. Analyst Paul Smith of Brunswick UBS said so. President Amadou Kane spoke."},
        {"pass": "PRESIDENT AMADOU KANE CHAIRED THE MEETING\nMinister Ana SOUZA CARVALHO left."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        for m in PATTERN.finditer(text):
            surname = m.group("s")
            if ROMAN.fullmatch(surname) or not regex.search(r"[AEIOUY]", surname):
                continue
            if _mostly_capitals(text, m.start()):
                continue
            yield Hit(m.start(), m.end(), f"Surname `{surname}` in capitals: write it as in running text")


def _mostly_capitals(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    letters = [c for c in text[start:len(text) if end < 0 else end] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.3 * len(letters)


RULE = CapitalsSurname
