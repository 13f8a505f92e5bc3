"""What rules report, and the finished finding the engine hands to formatters."""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved location: 1-based lines, 1-based code-point columns, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (the other spelling of a name, ...)."""

    path: str
    line: int
    column: int
    message: str
    record: str | None = None  # the record id when `path` is `SHARD:ID` (JSON Lines, Parquet)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule yields: an offset range in the document and what to say about it.

    `fix` is the replacement text for [start, end) or None when no fix is safe. `code` overrides
    the rule's code (rules that relay another tool's checks, such as grammar). A finding about the
    whole article sets `text` and `context` so that its fingerprint does not depend on the line
    it is shown on.
    """

    start: int
    end: int
    message: str
    fix: str | None = None
    severity: str | None = None
    related: tuple[Related, ...] = ()
    code: str | None = None
    text: str | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    category: str
    severity: str
    message: str
    fix: str | None
    text: str  # the matched text
    context: str  # a little text around the match on its line, for fingerprints
    source_line: str  # the start line (windowed when huge), for the annotated report
    source_offset: int = 0  # code points of the line cut off before source_line
    related: tuple[Related, ...] = ()
    fingerprint: str = ""
    project_path: str = ""  # the path relative to the project root, as baselines store it
    record: str | None = None  # the record id when the article is a record of a shard: path is `SHARD:ID`

    @property
    def file(self) -> str:
        """The file: the shard of a record, else the path."""
        return self.path if self.record is None else self.path[:len(self.path) - len(self.record) - 1]

    def sort_key(self):
        if self.record is None:
            return (self.path, "", self.line, self.column, self.code, self.message)
        # records in their shard's order when their ids are line numbers
        return (self.file, self.record.rjust(20, "0") if self.record.isdigit() else self.record,
                self.line, self.column, self.code, self.message)

    def with_(self, **changes) -> "Finding":
        return replace(self, **changes)

    def to_json(self) -> dict:
        data = {"path": self.file}
        if self.record is not None:
            data["record"] = self.record  # a finding in a record: `path` is the shard
        data.update({
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix,
            "text": self.text,
            "fingerprint": self.fingerprint,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
                if r.record is None else
                {"path": r.path[:len(r.path) - len(r.record) - 1], "record": r.record, "line": r.line,
                 "column": r.column, "message": r.message}
                for r in self.related
            ],
        })
        return data
