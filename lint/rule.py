"""The rule model: metadata every rule carries, and the two shapes of check.

A per-file rule implements `check(doc, ctx)`; a corpus rule implements `collect(doc, ctx)`, which
returns a small picklable summary of one file, and `finalize(summaries, ctx)`, which sees the
summaries of every file and yields `(path, Hit)` pairs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from lint import CATEGORIES, SEVERITIES, MtlintError
from lint.document import Document
from lint.finding import Hit

EXAMPLE_KEYS = {"fail", "pass", "fix", "at", "files", "options", "termbase", "note"}


@dataclass
class RuleContext:
    """What a rule may read besides the document: its options and shared project data."""

    options: dict
    project: Any = None  # lint.config.Project: termbase, known acronyms, ...
    # in `finalize`: the paths whose findings are kept (None: all); a rule may skip work that can
    # only report on other paths (one article checked against a large corpus)
    targets: Any = None


class Rule:
    code: str = ""
    name: str = ""
    category: str = ""
    severity: str = "warning"
    summary: str = ""
    doc: str = ""
    examples: list = []
    options: dict = {}
    option_bounds: dict = {}  # option -> (minimum, maximum), None for open; numbers default to >= 0
    fixable: bool = False
    corpus: bool = False
    default_enabled: bool = True
    relays: str = ""  # prefix of the codes of another tool's checks this rule reports ("GRM-")
    fix_safety: str = "safe"  # "unsafe" fixes are suggestions, applied only with --unsafe-fixes
    source: str = ""  # the file that defines the rule

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Hit]:
        return ()

    # corpus rules
    def collect(self, doc: Document, ctx: RuleContext):
        return None

    def finalize(self, summaries: dict, ctx: RuleContext) -> Iterable[tuple[str, Hit]]:
        return ()

    def prepare(self, ctx: RuleContext) -> str | None:
        """Called once per process before linting; a returned reason skips the rule."""
        return None


def validate_metadata(rule: Rule, where: str) -> None:
    """Structural checks at load time; a broken rule stops the run with the file named."""
    import regex

    if not regex.fullmatch(r"[A-Z]{3}\d{3}", rule.code or ""):
        raise MtlintError(f"{where}: rule code {rule.code!r} must be three capitals and three digits")
    if not regex.fullmatch(r"[a-z][a-z0-9-]*", rule.name or ""):
        raise MtlintError(f"{where}: rule name {rule.name!r} must be lower-case-with-dashes")
    if rule.category not in CATEGORIES:
        raise MtlintError(f"{where}: category {rule.category!r} is not one of {', '.join(CATEGORIES)}")
    if rule.severity not in SEVERITIES:
        raise MtlintError(f"{where}: severity {rule.severity!r} is not one of {', '.join(SEVERITIES)}")
    if not rule.summary.strip():
        raise MtlintError(f"{where}: rule {rule.code} needs a summary")
    for i, example in enumerate(rule.examples):
        if not isinstance(example, dict) or not (set(example) <= EXAMPLE_KEYS):
            raise MtlintError(f"{where}: example {i + 1} of {rule.code} may only use {sorted(EXAMPLE_KEYS)}")
        if ("fail" in example) == ("pass" in example) and "files" not in example:
            raise MtlintError(f"{where}: example {i + 1} of {rule.code} needs one of fail or pass")


@dataclass
class Example:
    kind: str  # "fail" or "pass"
    files: dict  # path -> text
    at: list = field(default_factory=list)
    fix: str | None = None
    options: dict = field(default_factory=dict)
    termbase: dict | None = None


def examples_of(rule: Rule) -> list[Example]:
    out = []
    for raw in rule.examples:
        kind = "fail" if ("fail" in raw or raw.get("at")) else "pass"
        if "files" in raw:
            files = dict(raw["files"])
        else:
            files = {"example.txt": raw.get("fail", raw.get("pass"))}
        out.append(Example(kind, files, list(raw.get("at", [])), raw.get("fix"),
                           dict(raw.get("options", {})), raw.get("termbase")))
    return out
