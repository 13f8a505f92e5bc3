"""No-break spaces and other invisible HTML leftovers at the end of a line.

What it flags: runs of whitespace at the end of a line that contain a no-break space (U+00A0), a
zero-width space or another invisible format character.

Why it matters: they are residue of `&nbsp;` in the source page. They break diffs, duplicate
detection and word counts, and show up as stray gaps when the text is typeset. A no-break space
between words ("10 km") can be deliberate and is left alone; at the end of a line it never is.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# A whole run of blanks, matched once from its start (possessive: linear on long runs of spaces).
TRAILING = regex_store.compile(r"(?<![ \t\u00a0\u2007\u202f\u200b\u2060\ufeff])[ \t\u00a0\u2007\u202f\u200b\u2060\ufeff]++(?=\n|$)")
INVISIBLE = regex_store.compile(r"[\u00a0\u2007\u202f\u200b\u2060\ufeff]")


class TrailingHtmlSpace(Rule):
    code = "TYP002"
    name = "trailing-html-space"
    category = "typography"
    severity = "info"
    summary = "No-break or zero-width spaces left at the end of a line"
    fixable = True
    examples = [
        {"fail": "Akar spoke on Sunday.\u00a0\nHe added more.", "at": ["1:22"], "fix": "Akar spoke on Sunday.\nHe added more."},
        {"fail": "Turkey will regard them as targets.\u00a0 \u00a0\u00a0", "at": ["1:36"]},
        {"pass": "The convoy moved 10\u00a0km north.\nIt stopped there."},
        {"pass": "A line with ordinary text only."},
    ]

    def check(self, doc, ctx):
        for m in TRAILING.finditer(doc.text):
            if not INVISIBLE.search(m.group()):
                continue
            yield Hit(m.start(), m.end(), "No-break space left from HTML at the end of the line", fix="")


RULE = TrailingHtmlSpace
