"""The annotated report, in the style of ruff and rustc: location, message, the source line with
the span underlined, then help (the suggested replacement) and notes (related locations)."""
from __future__ import annotations

import unicodedata

from lint.formatters import help_text, metrics_table


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _expand_tabs(text: str) -> str:
    return text.replace("\t", "    ")


def annotate(f) -> list[str]:
    out = [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"]
    gutter = " " * len(str(f.line))
    line = f.source_line
    start = f.column - 1 - f.source_offset
    end = (f.end_column - 1 - f.source_offset) if f.end_line == f.line else len(line)
    end = max(min(end, len(line)), start + 1)
    prefix = "…" if f.source_offset else ""
    pad = _width(prefix + _expand_tabs(line[:start]))
    marks = max(1, _width(_expand_tabs(line[start:end])))
    out.append(f"{gutter} |")
    out.append(f"{f.line} | {prefix}{_expand_tabs(line).rstrip(chr(10))}")
    out.append(f"{gutter} | {' ' * pad}{'^' * marks} {f.code}")
    out.append(f"{gutter} |")
    help_line = help_text(f)
    if help_line:
        out.append(f"{gutter} = help: {help_line}")
    for r in f.related:
        out.append(f"{gutter} = note: {r.message} at {r.path}:{r.line}:{r.column}")
    return out


def render(report, rules, fixable_codes=frozenset(), quiet=False, **_):
    blocks = ["\n".join(annotate(f)) for f in report.findings]
    text = "\n\n".join(blocks)
    if quiet:  # findings only: no summary, metrics or notes
        return text + "\n" if blocks else ""
    n = len(report.findings)
    if n:
        fixable = sum(1 for f in report.findings if f.fix is not None and f.code in fixable_codes)
        tail = f" ({fixable} fixable with `--fix`)" if fixable else ""
        text += f"\n\nFound {n} finding{'s' if n != 1 else ''} in {report.files} file{'s' if report.files != 1 else ''}{tail}.\n"
    elif not report.errors:
        text = f"All checks passed ({report.files} file{'s' if report.files != 1 else ''}).\n"
    if report.metrics:
        text += "\n" + metrics_table(report.metrics)
    for note in report.notes:
        text += f"Skipped: {note}\n"
    return text
