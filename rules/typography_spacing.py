"""Stray spaces: two or more spaces between words, a space before a comma, full stop, colon or
semicolon, a space just inside a bracket.

What it flags: "Military and  official", "unity , calm", "improving .", "coronavirus :",
"( TDS)", "(TDS )".

Why it matters: these are traces of text assembled by a scraper or a translation tool (words
dropped between two spaces, French spacing before a colon, tokenized text joined back with
spaces). They show in print and break search for the phrase.

Not flagged: two spaces after the end of a sentence (a typewriter convention), spaces that
indent a line or align the columns of a table (a line with several runs of spaces or with
figures), an ellipsis or a leader of dots (" ..."), a space before a decimal or a file extension
(" .5", " .NET"), and a colon in a time or a score. A single stray space in an article is a slip any
copy can have and is reported as info; from two on (option `repeated`) they are warnings. A space
before a comma, and two spaces between two words of a sentence, are warnings even alone: they are
the marks of tokenized text joined back and of a word dropped, not slips. The fix removes the extra space.
"""
import dataclasses

import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# Double space between two words; possessive so a long run is matched once.
DOUBLE = regex_store.compile(r"(?<=[\p{L}\p{N},;:”)])(?P<gap>[ ]{2,3}+)(?=[\p{L}“(]|(?<=\p{Ll}[ ]+)\p{N})")
# Space(s) before , . ; : that end a word: the mark is followed by a space, a line end, or a quote.
BEFORE_MARK = regex_store.compile(r"(?<=[\p{L}\p{N})”])(?P<gap>[ \t]{1,3}+)(?P<mark>[,.;:])(?=[ \t\n”\"]|$)")
INSIDE_BRACKET = regex_store.compile(r"(?<=[(\[])(?P<gap>[ \t]{1,3}+)(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.])(?P<gap>[ \t]{1,3}+)(?=[)\]])")
ALWAYS_WARNING = {"Space before `,`", "Two spaces between words"}
TABLE_GAP = regex_store.compile(r"\S[ \t]{2,}\S")


def _line(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:len(text) if end < 0 else end]


def _tabular(line: str) -> bool:
    """Columns aligned with spaces, a line of figures (a market table, a score list) or a heading
    in capitals. A long paragraph with a few figures in it is prose, not a table."""
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= 0.6 * len(letters):
        return True
    digits = sum(c.isdigit() for c in line)
    gaps = len(TABLE_GAP.findall(line))
    if digits >= 0.15 * max(1, len(line) - line.count(" ")):
        return True
    short = len(line) < 160
    return short and (gaps >= 3 or gaps == 2 and digits >= 2 or line.startswith((" ", "\t")) and digits >= 3)


class StraySpace(Rule):
    code = "TYP006"
    name = "stray-space"
    category = "typography"
    severity = "warning"
    summary = "Doubled space between words, or a space before punctuation or inside brackets"
    fixable = True
    options = {"repeated": 2}
    examples = [
        {"fail": "The military and  official bodies met  on Monday.", "at": ["1:17", "1:38"],
         "fix": "The military and official bodies met on Monday."},
        {"fail": "They called for unity , calm and restraint. It is improving .", "at": ["1:22", "1:60"],
         "fix": "They called for unity, calm and restraint. It is improving."},
        {"fail": "Measures against coronavirus : masks ( and distance).", "fix": "Measures against coronavirus: masks (and distance)."},
        {"pass": "The talks ended.  A new round starts on Monday."},
        {"pass": "    Net  1.20 dlrs vs  1.05 dlrs\n    Revs  40.1 mln vs  38.2 mln"},
        {"fail": "On 12 May 2020 the army  received 16 wounded from the front near the river, the  statement said, adding that 120 more were expected by the end of the week, when the roads reopen."},
        {"fail": "The single stray space before a full stop is a slip reported as info .", "note": "info"},
        {"fail": "The hospital received  6 children on Monday.", "at": ["1:22"], "note": "warning"},
        {"fail": "Members of the council , the ministers and the press came.", "at": ["1:23"], "note": "warning"},
        {"pass": "Support rose ... and fell. Version .NET 4 runs; the score was 2 : 1."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        hits = []
        for m in DOUBLE.finditer(text):
            if not _tabular(_line(text, m.start())):
                hits.append(Hit(m.start(), m.end(), "Two spaces between words", fix=" "))
        for m in BEFORE_MARK.finditer(text):
            mark = m.group("mark")
            if mark == ":" and text[m.end():m.end() + 2].strip()[:1].isdigit():
                continue  # a score or a ratio: "2 : 1"
            if not _tabular(_line(text, m.start())):
                hits.append(Hit(m.start(), m.end("gap"), f"Space before `{mark}`", fix=""))
        for m in INSIDE_BRACKET.finditer(text):
            if not _tabular(_line(text, m.start())):
                hits.append(Hit(m.start(), m.end(), "Space inside brackets", fix=""))
        # One stray space is a slip any copy can have: reported as info. Several are the mark of
        # text assembled by a tool, worth a warning.
        severity = "warning" if len(hits) >= ctx.options["repeated"] else "info"
        for hit in sorted(hits, key=lambda h: h.start):
            # A space before a comma, or two between words inside a sentence, is no slip of the
            # keyboard in edited copy: always a warning.
            single = "warning" if hit.message in ALWAYS_WARNING else severity
            yield dataclasses.replace(hit, severity=single)


RULE = StraySpace
