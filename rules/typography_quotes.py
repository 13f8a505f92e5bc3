"""Quotation marks that do not pair up.

What it flags: a quotation opened with a straight quote (") and closed with a curly one (”), or
the reverse; an opening mark never closed; a closing mark with no opening one; a straight double
quote between two letters, used as an apostrophe ("Japan"s").

Why it matters: mixed marks betray text stitched together from two sources or passed through a
translation tool; an unclosed quotation leaves the reader unsure where a speaker's words end,
which matters for attribution and for every rule that treats quoted words as the speaker's.

Not flagged: inch marks (5' 10", a 12" single) and the attribute quotes of a line of HTML left in
the text (`alt="" />`), which the residue rules report.

A quotation may run over several paragraphs in news style: the paragraph ends open and the next
one starts with an opening mark. That is not flagged.
"""
import regex

from lint.finding import Hit
from lint.rule import Rule

MARKUP = regex.compile(r"\b[a-z-]{1,20}=\"|/>|<[a-z]{1,10}[ >]")
MESSAGES = {
    "mismatched": "Quotation opened with {mark} but closed with a different style of mark",
    "unclosed": "Quotation opened with {mark} is never closed",
    "stray": "Closing quotation mark {mark} with no opening mark",
    "apostrophe": "Double quote {mark} used as an apostrophe",
}


class QuoteBalance(Rule):
    code = "TYP001"
    name = "unbalanced-quotes"
    category = "typography"
    severity = "warning"
    summary = "Mismatched or unbalanced quotation marks"
    examples = [
        {"fail": '"A war criminal must know they will be a target,” Akar said.', "at": ["1:1"]},
        {"fail": "He said: “We will respond.\n\nThe ministry declined to comment.", "at": ["1:10"]},
        {"pass": "“We will respond,” he said. \"Any attack will fail,\" he added."},
        {"pass": "“We will respond.\n\n“Any attack will fail,” he added."},
        {"fail": "Japan\"s exports rose, \"he said\" later.", "at": ["1:6"]},
        {"pass": "He was about 5' 10\" tall and carried a 12\" single."},
        {"pass": "<img src=\"a.jpg\" alt=\"\" />Deputy Mayor spoke.\nThe \"mayor\" left."},
    ]

    def check(self, doc, ctx):
        markup_lines = {}
        for offset, kind in doc.quote_problems:
            line = doc.line_col(offset)[0]
            if line not in markup_lines:
                markup_lines[line] = bool(MARKUP.search(doc.line_text(line)))
            if markup_lines[line]:
                continue  # attribute quotes of HTML residue: reported as residue, not as quotation
            yield Hit(offset, offset + 1, MESSAGES[kind].format(mark=doc.text[offset]))


RULE = QuoteBalance
