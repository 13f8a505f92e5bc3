"""Apostrophes of two styles in one article: "Armenia's claims" in a text that writes "didn’t".

What it flags: the apostrophes of the minority style, when an article writes most of its
apostrophes one way (typewriter `'` or typographic `’`) and a few the other way. An apostrophe is
a mark between two letters ("don't", "Armenia's") or after a plural's s before a word ("the
ministers' meeting").

Why it matters: a typesetting system or an editor uses one style throughout. A few apostrophes of
the other style are the mark of text pasted in from another source or typed in by hand after a
translation tool, and they break search for the word ("Armenia's" is not "Armenia’s").

Not flagged: an article with one style only, an article whose two styles are equally common (no
house style to follow), quotation marks (single quotes around a phrase), and a straight mark after
an s inside a single-quoted phrase, where it may close the quotation. The fix writes the
article's majority style.
"""
import bisect

import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# between two letters, or after a plural's s before a lower-case word
APOSTROPHE = regex_store.compile(r"(?<=\p{L})(?P<mark>['’])(?=\p{L})|(?<=[sS])(?P<mark>['’])(?=[ ]\p{Ll})")
# a single quotation opened earlier on the same line: a straight mark after s may close it
SINGLE_OPEN = regex_store.compile(r"(?m)(?:^|(?<=[\s(\[“\"]))['‘](?=\p{L})")
STYLE_NAME = {"'": "straight `'`", "’": "curly `’`"}


class MixedApostrophes(Rule):
    code = "TYP012"
    name = "mixed-apostrophes"
    category = "typography"
    severity = "warning"
    summary = "Apostrophes of the minority style in an article that writes most of them the other way"
    fixable = True
    options = {"min_majority": 2}
    examples = [
        {"fail": "The minister didn’t comment. The ministry’s statement came later.\n\n"
                 "Armenia's continuing claims were rejected.",
         "at": ["3:8"],
         "fix": "The minister didn’t comment. The ministry’s statement came later.\n\n"
                "Armenia’s continuing claims were rejected."},
        {"fail": "The ministers' meeting didn't end. It wasn't over, and the US’ attempt failed.",
         "at": ["1:62"],
         "fix": "The ministers' meeting didn't end. It wasn't over, and the US' attempt failed."},
        {"pass": "The minister didn't comment. The ministry's statement came later."},
        {"pass": "The minister didn’t comment. The ministry's statement came later."},
        {"pass": "He called it ‘a mistake’ and didn’t say more. It wasn’t 'the plans' we saw."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        if "’" not in text or "'" not in text:
            return  # one style only: nothing to compare (most articles)
        opens = [m.start() for m in SINGLE_OPEN.finditer(text)]  # one pass, looked up by bisection
        marks = {"'": [], "’": []}
        for m in APOSTROPHE.finditer(text):
            mark = m.group("mark")
            if mark == "'" and text[m.start() + 1:m.start() + 2] == " ":
                line_start = text.rfind("\n", 0, m.start()) + 1
                k = bisect.bisect_left(opens, m.start())
                if k and opens[k - 1] >= line_start:
                    continue  # may close a single-quoted phrase opened earlier on the line
            marks[mark].append(m.start())
        straight, curly = len(marks["'"]), len(marks["’"])
        if not straight or not curly or straight == curly:
            return
        major, minor = ("'", "’") if straight > curly else ("’", "'")
        if len(marks[major]) < ctx.options["min_majority"]:
            return
        message = (f"Apostrophe {STYLE_NAME[minor]} in an article that writes {len(marks[major])} of "
                   f"{straight + curly} apostrophes {STYLE_NAME[major]}")
        for start in marks[minor]:
            yield Hit(start, start + 1, message, fix=major)


RULE = MixedApostrophes
