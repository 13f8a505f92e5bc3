"""The annotated report, in the style of ruff and rustc: location, severity and message (the
concise format's line), the source line with the span underlined, then help (the suggested
replacement) and notes (related locations):

    a.txt:1:22: TYP004 [warning] Doubled word
      |
    1 | The minister said the the talks failed.
      |                      ^^^^ TYP004
      |
      = help: remove `the`

Width. Source lines are fitted to the width of the terminal (`shutil.get_terminal_size()`: $COLUMNS,
else the terminal's, else DEFAULT_WIDTH columns), counted in terminal cells with `wcwidth` (a wide
character takes two). A line that does not fit (articles keep a paragraph on one line) is shown as
a window around the finding, with `…` where the line is cut, and the carets stay under the flagged
characters. Tabs are shown as four spaces and control characters as their visible symbols (␛ for
escape), so article text cannot move the terminal's cursor.

Long spans. A span wider than LONG_SPAN cells, or than the window leaves room for, is not underlined
with a caret per cell: its first and last characters are shown and underlined, and its middle is
cut to one `…` that stands in the line and in the underline alike:

    1 | …as they said, the talks between the two delegati…omised to meet again in June. Later…
      |                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^…^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RDB002

Colour (`color=True`, see `lint.formatters.use_color`): the path bold, the code, `[severity]` and
carets red for errors, yellow for warnings and cyan for info, the gutter blue, `help` green.
"""
from __future__ import annotations

import shutil

from lint.engine import SOURCE_WINDOW
from lint.formatters import SEVERITY_STYLES, help_text, metrics_table, painter
from lint.formatters.concise_format import header

DEFAULT_WIDTH = 100  # columns when the output is not a terminal and $COLUMNS is unset
MIN_TEXT_WIDTH = 40  # cells for the source text however narrow the terminal
LONG_SPAN = 60  # cells; a wider span is shown by its start and end
MIN_CONTEXT = 10  # cells of text kept on each side of a long span
GUTTER_STYLE = "bold blue"


def _cells(line: str) -> list[tuple[str, int]]:
    """Each code point as (what is shown, its width in terminal cells)."""
    if line.isascii() and line.isprintable():  # the common case, without wcwidth's import
        return [(c, 1) for c in line]
    wcwidth = None
    out = []
    for c in line:
        o = ord(c)
        if c == "\t":
            out.append(("    ", 4))
        elif o < 0x20:
            out.append((chr(0x2400 + o), 1))  # ␀ ... ␟ (␛ for escape)
        elif o == 0x7F:
            out.append(("\u2421", 1))  # ␡
        elif o < 0x80:
            out.append((c, 1))
        elif o < 0xA0:
            out.append(("\ufffd", 1))  # C1 controls
        else:
            if wcwidth is None:
                from wcwidth import wcwidth  # only for lines with non-ASCII text: it costs start-up time
            w = wcwidth(c)
            out.append((c, w if w >= 0 else 1))
    return out


def _join(cells) -> str:
    return "".join(s for s, _ in cells)


def _width(cells) -> int:
    return sum(w for _, w in cells)


def _head(cells, room: int) -> list:
    """The longest start of `cells` at most `room` wide."""
    used = 0
    for i, (_, w) in enumerate(cells):
        if used + w > room:
            return cells[:i]
        used += w
    return cells


def _tail(cells, room: int) -> list:
    return _head(cells[::-1], room)[::-1]


def window(line: str, start: int, end: int, room: int, cut_before=False, cut_after=False, label=0,
           open_end=False):
    """(text, pad, marks): `line` fitted to `room` cells around [start, end), the cells before the
    underline and the underline. `cut_before` / `cut_after`: the line was already cut there.
    `label`: cells wanted after the underline (the code), kept within `room` when the line is cut.
    `open_end`: the span goes on past `end` (onto the next lines, or past a huge line's stored
    part), so a long one is shown by its start and a `…`, never by a false end."""
    cells = _cells(line)
    span = cells[start:end]
    span_room = max(3, min(LONG_SPAN, room - 2 - 2 * MIN_CONTEXT))
    if _width(span) > span_room:  # a long span: its start and end around one "…"
        head = _head(span, span_room - 1 if open_end else span_room // 2)
        tail = [] if open_end else _tail(span[len(head):], span_room - 1 - _width(head))
        shown = head + [("…", 1)] + tail
        marks = "^" * _width(head) + "…" + "^" * _width(tail)
    else:
        shown = span
        marks = "^" * max(1, _width(span))
    marks_width = max(_width(shown), 1)
    left, right = cells[:start], cells[end:]
    before, after = ("…" if cut_before else ""), ("…" if cut_after else "")
    if len(before) + _width(left) + marks_width + _width(right) + len(after) > room:
        free = room - marks_width - 2  # cells of context, with a "…" at each end
        left_room = min(_width(left), max(free // 2, free - _width(right)), room - 1 - marks_width - label)
        left_room = max(0, left_room)
        kept_left, kept_right = _tail(left, left_room), _head(right, free - left_room)
        before = "…" if cut_before or len(kept_left) < len(left) else ""
        after = "…" if cut_after or len(kept_right) < len(right) else ""
        left, right = kept_left, kept_right
    if marks.endswith("…") and not right:
        after = ""  # the span's own "…" says that the line goes on
    text = before + _join(left) + _join(shown) + _join(right) + after
    return text, len(before) + _width(left), marks


def annotate(f, paint=painter(False), width: int = DEFAULT_WIDTH) -> list[str]:
    style = SEVERITY_STYLES.get(f.severity)
    number = str(f.line)
    gutter = " " * len(number)
    bar = paint("|", GUTTER_STYLE)
    line = f.source_line.rstrip("\r\n")
    start = min(max(f.column - 1 - f.source_offset, 0), len(line))
    end = (f.end_column - 1 - f.source_offset) if f.end_line == f.line else len(line)
    end = max(min(end, len(line)), start)
    room = max(MIN_TEXT_WIDTH, width - len(number) - 3)
    label = f" {f.code}"
    open_end = (f.end_line > f.line + 1 or (f.end_line == f.line + 1 and f.end_column > 1)  # not just its "\n"
                or f.end_column - 1 - f.source_offset > len(f.source_line) and f.end_line == f.line)
    text, pad, marks = window(line, start, end, room, cut_before=f.source_offset > 0,
                              cut_after=len(f.source_line) >= 2 * SOURCE_WINDOW, label=len(label), open_end=open_end)
    if pad + len(marks) + len(label) > room:
        label = ""  # no room left of the terminal's edge; the code is in the first line
    out = [header(f, paint), f"{gutter} {bar}", f"{paint(number, GUTTER_STYLE)} {bar} {text}",
           f"{gutter} {bar} {' ' * pad}{paint(marks + label, style)}", f"{gutter} {bar}"]
    equals = paint("=", GUTTER_STYLE)
    help_line = help_text(f)
    if help_line:
        out.append(f"{gutter} {equals} {paint('help', 'bold green')}: {help_line}")
    for r in f.related:
        out.append(f"{gutter} {equals} {paint('note', 'bold')}: {r.message} at {r.path}:{r.line}:{r.column}")
    return out


def chunks(report, rules, fixable_codes=frozenset(), quiet=False, color=False, width=None, **_):
    paint = painter(color)
    width = width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    separator = ""
    for f in report.findings:
        yield separator + "\n".join(annotate(f, paint, width))
        separator = "\n\n"
    n = len(report.findings)
    if quiet:  # findings only: no summary, metrics or notes
        if n:
            yield "\n"
        return
    if n:
        fixable = sum(1 for f in report.findings if f.fix is not None and f.code in fixable_codes)
        tail = f" ({fixable} fixable with `--fix`)" if fixable else ""
        found = f"Found {n} finding{'s' if n != 1 else ''} in {report.files} file{'s' if report.files != 1 else ''}"
        yield f"\n\n{paint(found, 'bold')}{tail}.\n"
    elif not report.errors:
        yield paint(f"All checks passed ({report.files} file{'s' if report.files != 1 else ''}).", "bold green") + "\n"
    if report.metrics:
        yield "\n" + metrics_table(report.metrics)
    for note in report.notes:
        yield f"Skipped: {note}\n"


def render(report, rules, **options):
    return "".join(chunks(report, rules, **options))
