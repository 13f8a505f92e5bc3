"""The headline, a caption or another stand-alone line repeated inside the article.

What it flags: (1) the headline (the first line) repeated further down, as a line of its own or
glued to the start of a line (a caption or the text run on after it); (2) any other stand-alone line of five words
or more, without figures, that repeats an earlier line of the same article word for word
(spacing and punctuation at the ends ignored); (3) a sentence of eight words or more, outside
quotations, that repeats an earlier sentence of the article: a photo caption printed twice, a comment widget rendered for
each comment, a standfirst repeated as the first paragraph; (4) a paragraph of fifteen words or
more whose words stand, nine in ten of them and in the same order, in another paragraph of the
article, reported at the shorter copy (at the second when the first is the headline): a
standfirst kept above the body in a shorter form, a block of text printed again with a few words
changed, a caption that repeats the headline.

Why it matters: page templates print the headline and the captions more than once (in the page
title, above the photo, in the share box); a scraper that keeps every text node keeps each
copy, and the republished article reads its headline twice.

What is not flagged: lines of hard-wrapped wire copy, table rows (runs of spaces between columns,
or lines with figures), lines under five words, a wire headline in capitals over the same words
in lower case, a headline of three words or fewer, a headline
reused inside a sentence of the lead (a headline of under twenty words in the first paragraph), list items
("- ...", "1. ..."), whose lines share their form by design. The fix deletes a line that is only the repeat, with its line break.
"""
from __future__ import annotations

import regex

from lint import regex_store
from lint.finding import Hit, Related
from lint.rule import Rule

_TABLE = regex_store.compile(r"\S[ \t]{2,}\S|\.{3,}|\t")
_WORD = regex_store.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_LIST_ITEM = regex_store.compile(r"^(?:[-–—•*▪·]|\d{1,3}[.)])[ \t]")
NEAR_MIN_WORDS = 15  # a paragraph shorter than this is too short to compare word by word
NEAR_SHARE = 0.9  # the share of the shorter paragraph's words found in order in the other
NEAR_MAX_PARAGRAPHS = 100  # pairs are compared among the first paragraphs only (quadratic)
NEAR_MAX_WORDS = 400  # a longer line is a page dump, not a paragraph (and bounds the comparison)
_EDGE_MARKS = ".,;:!?\"“”‘’'()[]"


def _listed(doc, *numbers) -> bool:
    """One of the lines is a list item or a table row: such lines share their form by design."""
    return any(_LIST_ITEM.match(t) or _TABLE.search(t) for t in (doc.line_text(n).strip() for n in numbers))


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
        {"fail": "Ports reopen\n\nThe port reopened on Monday after a storm that closed it for three days, "
                 "the harbour master said.\n\nShips queued outside the breakwater.\n\nThe port reopened on "
                 "Monday after a storm that had closed it for three days, the harbour master said on Tuesday.",
         "at": ["3:1"]},
        {"pass": "Ports reopen after a storm that closed the coast for three days in the north\n\nOfficials "
                 "said on Monday that ports reopen after a storm that closed the coast for three days in the north."},
        {"pass": "Awards\n\n- Critic One, Daily Paper: film - The Ship; director - A. Maker; actor - B. Star; "
                 "actress - C. Lead.\n- Critic Two, Weekly Paper: film - The Ship; director - A. Maker; actor - "
                 "B. Star; actress - C. Lead."},
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
                repeated_lines.add(line)
                yield Hit(start, end, "This sentence repeats an earlier sentence of the article")
            sentences.add(k)
        yield from self._near_repeats(doc, head, repeated_lines)

    @staticmethod
    def _near_repeats(doc, head, reported):
        """Paragraphs that repeat another with a few words changed, dropped or added."""
        from rapidfuzz.distance import LCSseq

        classes = doc.line_classes
        paragraphs = []  # (line number, words, word set)
        first_body = None
        for number in range(1, doc.line_count + 1):
            if classes[number - 1] in ("blank", "wrapped"):
                continue
            if number != head and first_body is None:
                first_body = number
            words = doc.line_text(number).lower().split()
            if NEAR_MIN_WORDS <= len(words) <= NEAR_MAX_WORDS:
                words = [w.strip(_EDGE_MARKS) for w in words]
                paragraphs.append((number, words, frozenset(words)))
                if len(paragraphs) == NEAR_MAX_PARAGRAPHS:
                    break
        for j, (later, words_b, set_b) in enumerate(paragraphs):
            for earlier, words_a, set_a in paragraphs[:j]:
                if words_a == words_b:
                    continue  # the same words: a repeated line, reported above when it is one
                short, long_, short_set = ((words_a, words_b, set_a) if len(words_a) <= len(words_b)
                                           else (words_b, words_a, set_b))
                if len(set_a & set_b) < NEAR_SHARE * len(short_set):
                    continue  # cheap test first: too few words in common
                if earlier == head and len(words_a) < 20 and later == first_body:
                    continue  # a headline reused in the lead
                if LCSseq.similarity(short, long_) >= NEAR_SHARE * len(short) and not _listed(doc, earlier, later):
                    # the copy to delete: the shorter one (a standfirst above the paragraph it
                    # summarizes, a caption), but never the headline
                    copy, other = ((earlier, later) if short is words_a and earlier != head else (later, earlier))
                    if copy in reported:
                        continue  # that copy has its finding already (a repeated sentence or line)
                    line, col = doc.line_col(doc.line_bounds(other)[0])
                    start, end = doc.line_bounds(copy)
                    raw = doc.text[start:end]
                    lead = start + len(raw) - len(raw.lstrip())
                    yield Hit(lead, start + len(raw.rstrip()),
                              f"This paragraph repeats most of line {other}: a second copy with a few words "
                              f"changed, added or dropped",
                              related=(Related(doc.path, line, col, "the other copy"),))
                    reported.add(copy)
                    break


RULE = RepeatedLine
