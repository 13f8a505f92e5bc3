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
one starts with an opening mark. That is not flagged. Where such a quotation is never closed, it is
reported as info: when paragraphs were run together into one line, the place where the speaker's
words end cannot be told from the convention, so the mark may be missing or only the break. A short
quotation in double marks inside an open one ("a "white knight" now") is a nested quotation. A
straight mark set off by spaces while no quotation is open ("could be " very important") opens one.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

MARKUP = regex_store.compile(r"\b[a-z-]{1,20}=\"|/>|<[a-z]{1,10}[ >]")
MESSAGES = {
    "mismatched": "Quotation opened with {mark} but closed with a different style of mark",
    "unclosed": "Quotation opened with {mark} is never closed",
    "unclosed_continued": "Quotation opened with {mark} goes on over several paragraphs and is never closed",
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
        {"pass": "\"They could be talking to a \"white knight\" right now,\" he said."},
        {"pass": "He said: \"It was like 'This is not my day.' \"But then I found a way out.\"",
         "note": "paragraphs run together inside one quotation: a nested quote ends the sentence"},
        {"pass": "He said the laptop could be \" very important to the whole village\"."},
        {"fail": "He said: \"We will respond. \"Any attack will fail. The ministry declined to comment.", "note": "info"},
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
            severity = "info" if kind == "unclosed_continued" else None
            yield Hit(offset, offset + 1, MESSAGES[kind].format(mark=doc.text[offset]), severity=severity)


RULE = QuoteBalance
