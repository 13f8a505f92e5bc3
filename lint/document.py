"""An article: its text, offset -> (line, column), sentences and quotation spans.

Rules work on offsets into `Document.text` (newlines normalized to "\\n"); this is the one place
that turns offsets into 1-based lines and code-point columns.
"""
from __future__ import annotations

import bisect
from functools import cached_property

import regex

from lint import regex_store
from lint.finding import Span

# Quotation marks. Single quotes are left out on purpose: the right single quote is also the
# apostrophe ("Haftar’s"), and news copy quotes speech with double quotes.
OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
_OPENER_CONTEXT = set(" \t\n([{—–-/:")

# A sentence ends at final punctuation before a capital, at a blank line, or at a line break
# unless the line was wrapped mid-sentence (it ends in a letter, digit or comma and the next
# line is not indented, as in hard-wrapped wire copy).
_SENTENCE_END = regex_store.compile(
    r"""(?<=[.!?…][”"’»)\]]*)\s+(?=[“"‘«(\[]?[\p{Lu}\p{N}])|\n[ \t]*\n\s*|(?<![\p{L}\p{N},;-])\n(?=\s*\S)|\n(?=[ \t]+\S)""")
_LINE_END_PUNCT = set(".!?:;…\"”’»)]")
WORD = regex_store.compile(r"\p{L}[\p{L}\p{M}\p{N}’'-]*(?<![’'-])")
_SENTENCE_DONE = regex_store.compile(r"[.!?…]['’)]?[ \t]+$")  # a sentence end, perhaps closing a nested quote


class Document:
    record: str | None = None  # the record id when the article is a record of a shard (path `SHARD:ID`)

    def __init__(self, path: str, text: str, *, encoding: str = "utf-8", newline: str = "\n",
                 bom: bool = False):
        self.path = path
        self.text = text
        self.encoding = encoding
        self.newline = newline
        self.bom = bom
        self.computed: dict = {}  # values several rules need, computed once per document

    # ---- positions -------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return Span(line, col, end_line, end_col)

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Offsets of the start and end (before "\\n") of a 1-based line."""
        start = self.line_starts[line - 1]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end < 0 else end)

    def line_text(self, line: int) -> str:
        start, end = self.line_bounds(line)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    # ---- structure -------------------------------------------------------------------------
    @cached_property
    def first_content_line(self) -> int:
        """The first non-blank line: the headline in a title + body article."""
        for number in range(1, self.line_count + 1):
            if self.line_text(number).strip():
                return number
        return 1

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        spans = []
        start = 0
        for m in _SENTENCE_END.finditer(self.text):
            if self.text[start:m.start()].strip():
                spans.append(_strip(self.text, start, m.start()))
            start = m.end()
        if self.text[start:].strip():
            spans.append(_strip(self.text, start, len(self.text)))
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    @cached_property
    def _quotation_scan(self):
        return scan_quotations(self.text)

    @property
    def quotes(self) -> list[tuple[int, int]]:
        """Quotation spans, quote marks included."""
        return self._quotation_scan[0]

    @property
    def quote_problems(self) -> list[tuple[int, str]]:
        """(offset, kind) for quote marks that do not pair up: 'mismatched', 'unclosed',
        'unclosed_continued' (a quotation over several paragraphs never closed), 'stray',
        and 'apostrophe' for a straight double quote between two letters."""
        return self._quotation_scan[1]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]

    # ---- line classes ----------------------------------------------------------------------
    @cached_property
    def line_classes(self) -> list[str]:
        """One class per line (index 0 is line 1), for rules about page furniture:

        - `blank`: only whitespace;
        - `wrapped`: part of a hard-wrapped paragraph (in copy broken at a fixed width, a line of
          40 characters or more that does not end a sentence; anywhere, a line continued by one
          starting in lower case);
        - `paragraph`: a stand-alone line of running text (at least 15 words, or at least 8 ending
          in sentence punctuation);
        - `short`: any other stand-alone line (headings, widgets, captions, credits, lists).
        """
        lines = self.text.split("\n")
        stripped = [line.strip() for line in lines]
        classes = ["blank" if not line else "" for line in stripped]
        # Hard-wrapped copy: many lines of 40-90 characters broken mid-sentence. Web text keeps a
        # paragraph on one line, so there a long line without final punctuation is not wrapped.
        broken = sum(1 for i in range(len(lines) - 1)
                     if 40 <= len(stripped[i]) <= 90 and stripped[i + 1]
                     and stripped[i][-1] not in _LINE_END_PUNCT)
        nonblank = sum(1 for line in stripped if line)
        hard_wrapped = broken >= 3 and broken * 4 >= nonblank
        for i in range(len(lines) - 1):
            this, nxt = stripped[i], stripped[i + 1]
            if not this or not nxt:
                continue
            ends = this[-1] in _LINE_END_PUNCT
            indented = lines[i + 1][:1] in (" ", "\t") and not lines[i][:1] in (" ", "\t")
            if (hard_wrapped and not ends and len(this) >= 40 and not indented) \
                    or (nxt[0].islower() and this[-1] not in _LINE_END_PUNCT):
                classes[i] = classes[i + 1] = "wrapped"
        for i in range(len(lines) - 2, -1, -1):
            # The short first line of a wrapped paragraph ("Trade Representative Clayton" over
            # "Yeutter said ...") belongs to it.
            if classes[i + 1] == "wrapped" and stripped[i] and not classes[i] \
                    and stripped[i][-1] not in _LINE_END_PUNCT:
                classes[i] = "wrapped"
        for i, line in enumerate(stripped):
            if classes[i]:
                continue
            words = len(line.split())
            ends = line[-1] in _LINE_END_PUNCT
            classes[i] = "paragraph" if words >= 15 or (words >= 8 and ends) else "short"
        return classes

    @cached_property
    def paragraph_lines(self) -> tuple[int, int]:
        """1-based numbers of the first and last lines of running text (`paragraph` or
        `wrapped`); (0, 0) when there is none. Short lines before the first are the page head,
        those after the last are the page tail, where site furniture gathers."""
        found = [i + 1 for i, c in enumerate(self.line_classes) if c in ("paragraph", "wrapped")]
        return (found[0], found[-1]) if found else (0, 0)

    def line_removal(self, line: int) -> tuple[int, int]:
        """Offsets that delete a whole 1-based line with its line break, and the blank lines after
        it when it stands below a blank line (or at the top), so that deleting a run of such
        lines leaves no pile-up of blank lines."""
        start, end = self.line_bounds(line)
        end = min(end + 1, len(self.text))
        classes = self.line_classes
        if line == 1 or classes[line - 2] == "blank":
            n = line + 1
            while n <= self.line_count and classes[n - 1] == "blank" and end < len(self.text):
                end = min(self.line_bounds(n)[1] + 1, len(self.text))
                n += 1
        return start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_FEET_INCHES = regex_store.compile(r"\d['’′][ ]?\d{1,2}$")
_AFTER_INCHES = regex_store.compile(r"[ -]?(?:tall|high|wide|long|deep|thick|inch|screen|single|vinyl|x\b|×)")


def _inch_mark(text: str, i: int) -> bool:
    """A straight double quote after a figure that measures inches: 5' 10", 12" single, 4" x 6"."""
    return bool(_FEET_INCHES.search(text, max(0, i - 6), i) or _AFTER_INCHES.match(text, i + 1))


def _straight_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return (before in _OPENER_CONTEXT or before in OPENING_QUOTES) and not after.isspace()


_INNER_QUOTE = regex_store.compile(r'[^"“”„«»\n.!?]{1,60}?(?P<close>["”»])(?![\p{L}\p{N}])')


def _inner_quote_end(text: str, open_at: int, i: int) -> int | None:
    """A short quotation nested in an open one, with double marks where single ones belong ("They
    could be talking to a "white knight" right now," he said): the offset of its closing mark, when
    it closes within a few words, in the same paragraph as the open quotation, and without a
    sentence end in between. Else None: the open quotation was never closed."""
    if i - open_at > 1000 or "\n\n" in text[open_at:i] or regex.search(r"\n[ \t]", text[open_at:i]):
        return None
    m = _INNER_QUOTE.match(text, i + 1)
    return m.start("close") if m else None


def _reopens(text: str, open_at: int, i: int, line_start: int, content_at: int) -> bool:
    """An opening mark at a paragraph start (or, where paragraphs were run together, right after
    a sentence end) while a quotation is open continues that quotation. `line_start` is where
    the line of `i` starts and `content_at` its first non-blank character."""
    if line_start > open_at and content_at >= i:
        return True
    return bool(_SENTENCE_DONE.search(text, max(open_at, i - 8), i))


def scan_quotations(text: str):
    """Pair quotation marks into spans.

    Curly and straight quotes pair with each other (a straight quote closed by a curly one is a
    quotation, and also a `mismatched` problem). News style lets a quotation run over several
    paragraphs: the paragraph ends without a closing mark and the next one reopens. So an opening
    mark at the start of a paragraph while a quotation is open continues that quotation.
    Quotations are not nested: news copy nests with single quotes, which are not scanned; a short
    quotation in double marks inside an open one is skipped. A quotation that went on over several
    paragraphs and is never closed is reported as `unclosed_continued`: where paragraphs were run
    together, its last closing mark cannot be told from the convention of leaving it out.
    """
    spans: list[tuple[int, int]] = []
    problems: list[tuple[int, str]] = []
    open_at: int | None = None
    open_char = ""
    skip_until = last_open = -1
    reopened = False
    line_start, content_at, scanned = 0, -1, 0  # the line of the current mark, found going forward
    for m in regex.finditer(r'["“”„«»]', text):
        i, ch = m.start(), m.group()
        newline = text.rfind("\n", scanned, i)
        if newline >= 0:
            line_start, content_at = newline + 1, -1
        scanned = i
        if content_at < 0:  # once per line: where its text starts (the mark itself at the latest)
            content_at = line_start
            while content_at < i and text[content_at].isspace():
                content_at += 1
        if i <= skip_until:
            continue
        if ch == STRAIGHT_QUOTE and i > 0 and text[i - 1].isdigit() and _inch_mark(text, i):
            continue  # 5' 10", a 12" record: a measure, not a quotation
        if ch == STRAIGHT_QUOTE and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            problems.append((i, "apostrophe"))  # Nakasone"s: a typo for an apostrophe, not a quotation
            continue
        opening = ch in OPENING_QUOTES or (ch == STRAIGHT_QUOTE and _straight_opens(text, i))
        if not opening and ch == STRAIGHT_QUOTE and open_at is None and i + 1 < len(text) and text[i + 1].isalpha():
            opening = True  # glued to the sentence before ("countryside."There is"): it opens
        if (not opening and ch == STRAIGHT_QUOTE and open_at is None and 0 < i < len(text) - 1
                and text[i - 1] in " \t" and text[i + 1] in " \t"):
            opening = True  # set off by spaces with nothing open ("could be " very important"): it opens
        if opening:
            if open_at is None:
                open_at, open_char, last_open, reopened = i, ch, i, False
            elif _reopens(text, open_at, i, line_start, content_at):
                last_open = i  # a multi-paragraph quotation reopening: same quotation goes on
                reopened = True
            elif (inner := _inner_quote_end(text, last_open, i)) is not None:
                skip_until = inner  # a short quotation inside the open one ("a "white knight" now")
            else:
                # A new quotation opens while one is open: the open one was never closed.
                problems.append((open_at, "unclosed_continued" if reopened else "unclosed"))
                spans.append((open_at, i))
                open_at, open_char, last_open, reopened = i, ch, i, False
            continue
        if open_at is None:
            problems.append((i, "stray"))
            continue
        if (open_char == STRAIGHT_QUOTE) != (ch == STRAIGHT_QUOTE):
            problems.append((open_at, "mismatched"))
        spans.append((open_at, i + 1))
        open_at = None
    if open_at is not None:
        problems.append((open_at, "unclosed_continued" if reopened else "unclosed"))
        end = text.find("\n\n", open_at)
        spans.append((open_at, len(text) if end < 0 else end))
    return spans, problems
