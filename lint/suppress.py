"""In-text suppressions. In Markdown and HTML, as comments:

    <!-- mtlint: disable=LOD001,ATR -->      ... findings of these codes are dropped ...
    <!-- mtlint: enable=LOD001 -->           (or `enable` alone: everything disabled so far)
    <!-- mtlint: disable-next-line=NAM001 -->
    <!-- mtlint: disable -->                 (no codes: every rule, until enable)

In plain-text articles (any other file), the same directives as lines of their own, after `#`:

    # mtlint: disable-next-line=NAM001

Codes are full codes or prefixes, in any case. A suppression that hides nothing is reported with
--report-unused-suppressions. `mtlint check --add-noqa` writes one `disable-next-line` above
each line with findings.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lint import regex_store

DIRECTIVE = regex_store.compile(r"<!--\s*mtlint:\s*(?P<verb>disable-next-line|disable|enable)\s*(?:=\s*(?P<codes>[A-Za-z0-9, ]+?))?\s*-->")
# a line of its own in plain text: `# mtlint: disable-next-line=NAM001`
PLAIN_DIRECTIVE = regex_store.compile(r"(?m)^[ \t]*#[ \t]*mtlint:[ \t]*(?P<verb>disable-next-line|disable|enable)[ \t]*"
                                      r"(?:=[ \t]*(?P<codes>[A-Za-z0-9, ]+?))?[ \t]*$")
MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".xhtml")


def is_markup(path: str) -> bool:
    """Markdown and HTML have comments; any other article is plain text."""
    return path.lower().endswith(MARKUP_SUFFIXES)


def directive_for(path: str, codes) -> str:
    """The line `--add-noqa` writes above a line with findings of `codes`."""
    joined = ",".join(sorted(codes))
    return (f"<!-- mtlint: disable-next-line={joined} -->" if is_markup(path)
            else f"# mtlint: disable-next-line={joined}")


@dataclass
class Suppression:
    line: int  # where the directive is written
    codes: tuple  # () means every code
    first: int  # first and last line it covers
    last: int
    columns: tuple = (0, 0)  # the directive's own span on its line (1-based, end exclusive)
    used: set = field(default_factory=set)

    def inside_directive(self, finding) -> bool:
        return finding.line == self.line and self.columns[0] <= finding.column < self.columns[1]

    def covers(self, code: str, line: int) -> bool:
        return self.first <= line <= self.last and (not self.codes or any(code.startswith(c) for c in self.codes))


def parse(text: str, path: str = "") -> list[Suppression]:
    if "mtlint:" not in text:
        return []
    matches = list(DIRECTIVE.finditer(text))
    if not is_markup(path):
        matches = sorted(matches + list(PLAIN_DIRECTIVE.finditer(text)), key=lambda m: m.start())
    line_count = text.count("\n") + 1
    out: list[Suppression] = []
    open_blocks: list[Suppression] = []
    line, line_start, counted = 1, 0, 0  # counted forward from the previous directive
    for m in matches:
        line += text.count("\n", counted, m.start())
        newline = text.rfind("\n", counted, m.start())
        if newline >= 0:
            line_start = newline + 1
        counted = m.start()
        col = m.start() - line_start + 1
        columns = (col, col + m.end() - m.start())
        codes = tuple(c.strip().upper() for c in (m.group("codes") or "").split(",") if c.strip())
        verb = m.group("verb")
        if verb == "disable-next-line":
            out.append(Suppression(line, codes, line + 1, line + 1, columns))
        elif verb == "disable":
            block = Suppression(line, codes, line, line_count, columns)
            open_blocks.append(block)
            out.append(block)
        else:
            out.append(Suppression(line, ("-",), 0, -1, columns))  # an enable: covers nothing itself
            for block in list(open_blocks):
                if not codes or set(block.codes) <= set(codes) and block.codes:
                    block.last = line
                    open_blocks.remove(block)
    return out


def apply(findings, suppressions_by_path: dict) -> tuple[list, list[str]]:
    """Drop suppressed findings; return (kept findings, unused-suppression notes)."""
    by_path: dict = {path: [] for path in suppressions_by_path}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    kept, unused = [], []
    for path, items in by_path.items():
        suppressions = [Suppression(s.line, s.codes, s.first, s.last, s.columns) for s in suppressions_by_path.get(path, [])]
        for f in items:
            if any(s.inside_directive(f) for s in suppressions):
                continue  # words of the directive itself ("LOD") are not article text
            hit = next((s for s in suppressions if s.covers(f.code, f.line)), None)
            if hit is None:
                kept.append(f)
            else:
                hit.used.add(f.code)
        for s in suppressions:
            if not s.used and s.codes != ("-",):
                what = ",".join(s.codes) or "all rules"
                unused.append(f"{path}:{s.line}: unused suppression ({what})")
    return kept, unused
