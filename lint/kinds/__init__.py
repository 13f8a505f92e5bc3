"""Interpreters of declarative (YAML) rules. One small module per kind.

Every YAML rule has the common metadata keys below plus the keys its kind declares; any other key
is an error naming the file and line.
"""
from __future__ import annotations

import time

from lint import MtlintError
from lint.rule import Rule, validate_metadata
from lint.yamlio import LineDict, line_of

COMMON_KEYS = {"code", "name", "category", "severity", "summary", "doc", "examples", "kind", "options"}


def build_yaml_rule(data, path: str) -> Rule:
    from lint.kinds.existence import ExistenceRule
    from lint.kinds.substitution import SubstitutionRule

    kinds = {"existence": ExistenceRule, "substitution": SubstitutionRule}
    if not isinstance(data, dict):
        raise MtlintError(f"{path}:1: a rule file must be a mapping of keys")
    kind = data.get("kind")
    if kind not in kinds:
        raise MtlintError(f"{path}:{line_of(data, 'kind')}: kind must be one of {', '.join(sorted(kinds))}, not {kind!r}")
    cls = kinds[kind]
    allowed = COMMON_KEYS | set(cls.KEYS)
    for key in data:
        if key not in allowed:
            raise MtlintError(f"{path}:{line_of(data, key)}: unknown key {key!r} for a {kind} rule "
                              f"(allowed: {', '.join(sorted(allowed))})")
    for key in ("code", "name", "category", "summary"):
        if key not in data:
            raise MtlintError(f"{path}:{line_of(data)}: missing key {key!r}")
    rule = cls()
    rule.source = path
    rule.code = str(data["code"])
    rule.name = str(data["name"])
    rule.category = str(data["category"])
    rule.severity = str(data.get("severity", "warning"))
    rule.summary = str(data["summary"]).strip()
    rule.doc = str(data.get("doc", "")).strip()
    rule.examples = list(data.get("examples") or [])
    rule.options = dict(data.get("options") or {})
    where = lambda key: f"{path}:{line_of(data, key)}"  # noqa: E731
    validate_metadata(rule, where("code"))
    try:
        rule.configure(data, where)
    except MtlintError:
        raise
    except Exception as e:  # a bad regex, a wrong type: name the place
        raise MtlintError(f"{path}:{line_of(data)}: {type(e).__name__}: {e}") from None
    for key in ("message", "fix"):  # templates are filled per finding: a broken one fails here, not mid-run
        if data.get(key) is not None:
            try:
                str(data[key]).format(match="x", replacement="y")
            except (ValueError, KeyError, IndexError, AttributeError) as e:
                raise MtlintError(f"{path}:{line_of(data, key)}: {key}: bad template {str(data[key])!r} "
                                  f"(write {{match}} for the matched text, {{{{ and }}}} for braces): {e}") from None
    return rule


def as_list(data: LineDict, key: str, where) -> list:
    value = data.get(key, [])
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise MtlintError(f"{where(key)}: {key} must be a list")
    return value


# A declarative rule's pattern may come from the project (`rule-dirs`), so it runs under the regex
# module's time limit: a pattern that backtracks without end becomes one finding, not a hang.
TIME_LIMIT = 2.0  # seconds per document, plus TIME_PER_MB for each million characters
TIME_PER_MB = 2.0


def time_limit(text: str) -> float:
    return TIME_LIMIT + TIME_PER_MB * len(text) / 1_000_000


def scan(pattern, text: str, **kwargs):
    """`pattern.finditer(text)` under a time limit; yields the matches, then None if the limit
    stopped the scan."""
    try:
        yield from pattern.finditer(text, timeout=time_limit(text), **kwargs)
    except TimeoutError:
        yield None


def leftmost_matches(patterns, text: str):
    """The matches `regex.compile("|".join(patterns)).finditer(text)` would give, from one scan
    per pattern: at each step the leftmost next match (the first pattern's on a tie), then every
    pattern resumes after it. Under the same time limit as `scan`; yields None if it stopped."""
    deadline = time.monotonic() + time_limit(text)

    def search(pattern, pos):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        return pattern.search(text, pos, timeout=remaining)

    try:
        upcoming = [search(p, 0) for p in patterns]
        while True:
            best = None
            for i, m in enumerate(upcoming):
                if m is not None and (best is None or m.start() < upcoming[best].start()):
                    best = i
            if best is None:
                return
            m = upcoming[best]
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1
            if pos > len(text):
                return
            for i, other in enumerate(upcoming):
                if other is not None and other.start() < pos:
                    upcoming[i] = search(patterns[i], pos)
    except TimeoutError:
        yield None


def timeout_hit(rule: Rule, text: str) -> Hit:
    from lint.finding import Hit

    return Hit(0, 0, f"Rule {rule.code} ({rule.name}, {rule.source}) stopped: its pattern ran over the "
                     f"time limit of {time_limit(text):.0f} s on this file (catastrophic backtracking?); "
                     f"its other findings in this file may be missing",
               severity="error", text="", context="")
