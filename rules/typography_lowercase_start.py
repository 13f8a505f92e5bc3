"""A sentence that starts in lower case after a full stop.

What it flags: "... Brigadier General Khalifa Haftar. issued." The lower-case word after the
full stop is usually a fragment left by a broken sentence split, or a sentence whose start was
lost when the text was cut. A date or a year can stand before the stop ("in Paris on March 3. press
reports"); a single digit cannot (a numbered list).

Why it matters: it is a visible error, and a sign that words are missing around it.

Known abbreviations ("e.g.", "etc.", "approx.", "vs.") and lines of lists are not flagged; words
with capitals inside ("iPhone", "eBay") are brand names, not sentence starts; a line written all in
lower case (a wire market report: "the usda said. top 51.00 dlrs") has lower-case starts by style.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

ABBREVIATIONS = {
    "e.g", "i.e", "etc", "approx", "vs", "cf", "al", "no", "nos", "fig", "figs", "sq", "ft", "lb", "lbs",
    "oz", "pp", "vol", "vols", "ed", "eds", "est", "ca", "inc", "corp", "ltd", "co", "jr", "sr", "st",
    "mt", "dept", "univ", "govt", "min", "max", "avg", "mln", "bln", "pct", "dlrs", "yr", "yrs", "mos",
    "km", "kg", "cm", "mm", "ml", "m", "a.m", "p.m", "op", "cit", "ibid", "viz", "seq", "unch",
    # US state abbreviations in datelines and market tables ("Tacoma, Wash. unch")
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
    "va", "vt", "wash", "wis", "wisc", "wyo", "mex",
    # street and company abbreviations ("Park Ave. and", "Williams Cos. and", "Lehman Bros. said")
    "ave", "blvd", "rd", "cos", "bros", "llc", "plc", "assn", "intl",
}

# The word before the full stop: letters, or a number of two to four digits (a date or a year:
# "in Paris on March 3. press reports"); a single digit is a list item ("1. the first"). The
# word is read in a lookbehind so that a match is tried at full stops only, not at every letter;
# a word with a dot in it ("U.S.", "e.g.") is an abbreviation and cannot match (the dot before it).
PATTERN = regex_store.compile(r"(?<=(?<![\p{L}\p{N}.,])(?P<word>\p{L}{1,40}|\p{N}{2,4}))\.[ \t]+(?P<next>\p{Ll}[\p{Ll}’'-]*)(?=[\s.,;:!?])")


class LowercaseSentenceStart(Rule):
    code = "TYP003"
    name = "lowercase-sentence-start"
    category = "typography"
    severity = "warning"
    summary = "A sentence fragment that starts in lower case after a full stop"
    examples = [
        {"fail": "Akar met Brigadier General Khalifa Haftar. issued.", "at": ["1:44"]},
        {"fail": "The talks ended. and the delegations left.", "at": ["1:18"]},
        {"fail": "The deal was signed in Paris on March 23. press reports said so.", "at": ["1:43"]},
        {"pass": "Steps:\n1. the form is filed\n2. the fee is paid. Prices rose 10.5 pct."},
        {"pass": "Imports of grain, e.g. wheat and maize, rose 5 pct."},
        {"pass": "Sales rose to 5 mln dlrs. vs 4 mln a year ago."},
        {"pass": "He bought an iPhone. eBay sold it. Shearson Lehman Bros. said Park Ave. and Williams Cos. sold."},
        {"pass": "hogs - steady in active trade, the usda said. top 51.00 dlrs per cwt."},
    ]

    def check(self, doc, ctx):
        for m in PATTERN.finditer(doc.text):
            before = m.group("word").lower()
            if before in ABBREVIATIONS or before.rstrip(".") in ABBREVIATIONS or "." in before:
                continue
            if len(before) == 1:
                continue  # an initial: "J. smith" is rarer than "U.S. officials"
            if _lowercase_report(doc.text, m.start()):
                continue
            start = m.start("next")
            yield Hit(start, m.end("next"), f"Sentence starts in lower case (`{m.group('next')}`): a fragment or a broken split?")


def _lowercase_report(text: str, offset: int) -> bool:
    """A paragraph written all in lower case, as in some wire market reports ("the usda said. top
    51.00 dlrs"): its lower-case sentence starts are house style, not fragments."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:len(text) if end < 0 else end]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) <= 0.02 * len(letters)


RULE = LowercaseSentenceStart
