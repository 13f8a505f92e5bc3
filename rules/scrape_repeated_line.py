"""The headline, a caption or another stand-alone line repeated inside the article.

What it flags: (1) the headline (the first line) repeated further down, as a line of its own or
glued to the start of a line (a caption or the text run on after it); (2) any other stand-alone line of five words
or more, without figures, that repeats an earlier line of the same article word for word
(spacing and punctuation at the ends ignored); (3) a sentence of eight words or more, outside
quotations, that repeats an earlier sentence of the article: a photo caption printed twice, a comment widget rendered for
each comment, a standfirst repeated as the first paragraph.

Why it matters: page templates print the headline and the captions more than once (in the page
title, above the photo, in the share box); a scraper that keeps every text node keeps each
copy, and the republished article reads its headline twice.

What is not flagged: lines of hard-wrapped wire copy, table rows (runs of spaces between columns,
or lines with figures), lines under five words, a wire headline in capitals over the same words
in lower case, a headline of three words or fewer, a headline
reused inside a sentence of the lead. The fix deletes a line that is only the repeat, with its line break.
"""
from __future__ import annotations

import regex

from lint.finding import Hit
from lint.rule import Rule

_TABLE = regex.compile(r"\S[ \t]{2,}\S|\.{3,}|\t")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")


def key(line: str) -> str:
    """Spacing, apostrophes and punctuation at the ends ignored; case kept (a wire headline in
    capitals over the same words in lower case is a convention, not a repeat)."""
    return " ".join(line.replace("’", "'").split()).strip(" .:;,!|-–—")


class RepeatedLine(Rule):
    code = "SCR006"
    name = "repeated-headline-or-line"
    category = "scrape_residue"
    severity = "warning"
    summary = "The headline, a caption or another line repeated inside the article"
    fixable = True
    examples = [
        {"fail": "Storm closes ports along the coast\n\nStorm closes ports along the coast\n\n"
                 "Ports along the coast closed on Monday as a storm approached, officials said.",
         "at": ["3:1"], "fix": "Storm closes ports along the coast\n\n"
                               "Ports along the coast closed on Monday as a storm approached, officials said."},
        {"fail": "Storm closes ports along the coast\n\nA ferry waits at the pier in Port Example.\n"
                 "A ferry waits at the pier in Port Example.\n\nPorts closed on Monday as a storm "
                 "approached, officials said.", "at": ["4:1"]},
        {"fail": "Storm closes ports along the coast\n\nStorm closes ports along the coast A ferry waits "
                 "at the pier.\n\nPorts closed on Monday, officials said.", "at": ["3:1"]},
        {"pass": "Storm closes ports\n\nThe storm closes ports every winter, officials said.\n\n"
                 "Ferries said they would sail again.\n\nFerries said they would sail again in May."},
        {"fail": "Rates rise\n\nThe central bank raised its main rate by half a point on Monday. Markets "
                 "fell.\n\nAnalysts were surprised. The central bank raised its main rate by half a point on "
                 "Monday.", "at": ["5:26"]},
        {"pass": "Ports close along the coast\n\nAs the storm neared, ports close along the coast, officials "
                 "said."},
        {"pass": "GRAIN STOCKS RISE IN WEEK\n\nGrain stocks rise in week\n\nStocks rose 2 pct, the board said."},
        {"pass": "GRAIN STOCKS\n\n    Exports       Nil    Nil     Nil\n    Imports       Nil    Nil\n"
                 "    Exports       Nil    Nil     Nil\n"},
        {"pass": "Talks end\n\nYes.\n\nYes."},
    ]

    def check(self, doc, ctx):
        classes = doc.line_classes
        head = doc.first_content_line
        head_text = doc.line_text(head).strip()
        head_key = key(head_text)
        head_words = len(_WORD.findall(head_text))
        seen: set[str] = set()
        repeated_lines: set[int] = set()
        for number in range(1, doc.line_count + 1):
            cls = classes[number - 1]
            if cls == "blank":
                continue
            start, end = doc.line_bounds(number)
            raw = doc.text[start:end]
            text = raw.strip()
            k = key(text)
            lead = start + len(raw) - len(raw.lstrip())
            if number == head:
                seen.add(k)
                continue
            if head_words >= 4 and k == head_key:
                s, e = doc.line_removal(number)
                yield Hit(s, e, "The headline is repeated here", fix="")
                continue
            if head_words >= 4 and cls != "wrapped":
                i = 0 if text.startswith(head_text) else -1
                if i >= 0:
                    yield Hit(lead + i, lead + i + len(head_text), "The headline is repeated here")
                    continue
            if cls == "wrapped" or _TABLE.search(text) or len(_WORD.findall(text)) < 5 \
                    or any(c.isdigit() for c in text):
                continue
            if k in seen and not doc.in_quote(lead):
                s, e = doc.line_removal(number)
                repeated_lines.add(number)
                yield Hit(s, e, "This line repeats an earlier line of the article", fix="")
            seen.add(k)
        # A sentence of the text repeated word for word (a standfirst printed again in the body).
        sentences: set[str] = set()
        for start, end in doc.sentences:
            text = doc.text[start:end]
            line = doc.line_col(start)[0]
            if line == head or classes[line - 1] == "wrapped" or "\n" in text:
                continue
            if len(_WORD.findall(text)) < 8 or text[-1:] not in ".!?" or doc.in_quote(start, end):
                continue
            k = " ".join(text.split())
            if k in sentences and line not in repeated_lines:
                yield Hit(start, end, "This sentence repeats an earlier sentence of the article")
            sentences.add(k)


RULE = RepeatedLine
