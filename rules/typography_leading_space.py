"""A paragraph that starts with a stray space (" The appointment of the minister ...").

What it flags: a paragraph of prose (a line after a blank line or at the top, of some length,
ending as a sentence ends) that begins with one space, when most paragraphs of the article do not.

Why it matters: the space is residue of HTML indentation or of a paragraph split by a tool. It
shows as a ragged left edge, and it is a sign that the paragraph was pasted in from elsewhere.

Not flagged: an article that indents its paragraphs (half of them or more start with a space: a
convention, not a slip), indentation of two spaces or more and tabs (wire copy and tables indent
on purpose), lines of figures, short lines, headings and list items. The fix removes the space.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

LEADING = regex_store.compile(r"(?m)^[ ](?=[“\"]?\p{Lu}\p{Ll}*,?[ ]\p{L}+[ ][\p{L}\p{N}])")
FIRST_WORD = regex_store.compile(r"[“\"]?\p{L}+")
SENTENCE_END = regex_store.compile(r"[.!?\"”’)][ \t]*$")


class LeadingSpace(Rule):
    code = "TYP011"
    name = "paragraph-leading-space"
    category = "typography"
    severity = "warning"
    summary = "A paragraph that starts with a stray space"
    fixable = True
    examples = [
        {"fail": "The council met on Monday and agreed on the budget for the year.\n\n"
                 " The appointment of the new minister was confirmed by the president.\n\n"
                 "The session ended late in the evening after a long debate.",
         "at": ["3:1"], "fix": "The council met on Monday and agreed on the budget for the year.\n\n"
                               "The appointment of the new minister was confirmed by the president.\n\n"
                               "The session ended late in the evening after a long debate."},
        {"pass": " The council met on Monday and agreed on the budget for the year.\n\n"
                 " The appointment of the new minister was confirmed by the president.\n\n"
                 "The session ended late in the evening after a long debate."},
        {"fail": "The council met on Monday and agreed on the budget for the year.\n\n"
                 " Yesterday, the appointment of the new minister was confirmed by the president.\n\n"
                 "To the 33 ministers the president gave their letters of appointment.",
         "at": ["3:1"]},
        {"pass": "Results\n\n Net profit 12.5 mln dlrs vs 10.1 mln\n\n    The company said it expects higher sales."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        candidates = []
        for m in LEADING.finditer(text):
            end = text.find("\n", m.start())
            line = text[m.start():len(text) if end < 0 else end]
            if len(line) < 60 or sum(c.isdigit() for c in line) > 0.1 * len(line) or not SENTENCE_END.search(line):
                continue
            if m.start() > 0:
                prev_start = text.rfind("\n", 0, m.start() - 1) + 1
                if text[prev_start:m.start() - 1].strip():
                    continue  # inside a block of lines: a table or hard-wrapped copy, not a paragraph start
            candidates.append(m.start())
        if not candidates:
            return
        paragraphs = sum(1 for line in text.split("\n") if line.strip())
        if len(candidates) * 2 >= paragraphs:
            return  # the article indents its paragraphs: a convention
        for start in candidates:
            word = FIRST_WORD.match(text, start + 1).group()  # the span shows the word the space precedes
            yield Hit(start, start + 1 + len(word), "Paragraph starts with a stray space", fix=word)


RULE = LeadingSpace
