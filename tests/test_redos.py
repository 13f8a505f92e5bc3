"""No shipped pattern backtracks catastrophically, and no rule takes superlinear time.

Every compiled pattern is found automatically: module-level objects of every module under
`lint` (the built-in rules included), looked for inside lists, tuples, sets, dicts and class
attributes, plus the compiled pattern of every YAML rule. Each one runs `finditer` over a family
of adversarial 100,000-character strings (runs of one character of each class, alternations such
as "a " or "Aa-", and strings built from the pattern's own literal characters and words) and
must finish each under PATTERN_BUDGET seconds. Every rule's `check` / `collect` also runs on
those strings as whole documents.

Run as a script (`python tests/test_redos.py`) to print each pattern's worst time.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import re
import sys
import time

import pytest
import regex

import lint
from lint.config import Settings
from lint.document import Document
from lint.engine import Project
from lint.registry import builtin_rules
from lint.rule import RuleContext

SIZE = 100_000
PATTERN_BUDGET = 0.5  # seconds, per pattern and string
RULE_BUDGET = 5.0  # CPU seconds, per rule and document of SIZE characters
PATTERN_TYPES = (re.Pattern, regex.Pattern)


def _fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _ends(body: str) -> list[str]:
    """A run, the same run ended by a character that makes a pattern fail late."""
    return [body, body[:-1] + "!", body[:-1] + "\x00"]


# One character of each class, and short alternations. The full family (every unit, each also
# ended by a character that makes a pattern fail late) runs with MTLINT_REDOS=full; the default
# run ends only the runs in LATE_FAIL_UNITS, to keep the suite fast.
BASE_UNITS = [
    "A", "a", "é", "ж", "中", "1", " ", "\t", "\u00a0", "\u200b", "\n", "\r", ".", ",", "-", "'", "’", '"',
    "“", "«", "(", "<", "&", ":", "\ufeff", "a ", "A ", "A-", "Aa ", "Aa-", "AB", "A. ", ". ", " \n",
    "\n\n", "\n ", "\u00a0 ", "1 ", "1,", "al-", "a\n", '" ', "“a", "’s ", "The ", "Mr. ",
]
MORE_UNITS = [
    "Z", "z", "É", "ا", "0", "\u202f", ";", "!", "?", "…", "—", ")", "[", ">", "/", "”", "aA", "Aa", "A.",
    "a. ", ", ", " \u00a0", "1.", "A1", "Al ", "A\n", ' "', "a”", "A'", "<a", "&a", "-A", "the ", "Mr ",
]
# Runs that patterns with a trailing anchor or a required last part try to the end and then fail.
LATE_FAIL_UNITS = {" ", "\t", "\u00a0", "\n", "a", "A", "1", "a ", "A ", "Aa ", "A-", "Aa-", ". ", "\u00a0 "}
FULL = os.environ.get("MTLINT_REDOS") == "full"


def adversarial_strings(size: int = SIZE) -> dict[str, str]:
    out = {}
    for unit in BASE_UNITS + (MORE_UNITS if FULL else []):
        ends = _ends(_fill(unit, size))
        if not FULL:
            ends = ends[:2] if unit in LATE_FAIL_UNITS else ends[:1]
        for i, text in enumerate(ends):
            out[f"{unit!r}*{i}"] = text
    return out


_META = set("\\^$.|?*+()[]{}")


def literal_strings(pattern, size: int = SIZE) -> dict[str, str]:
    """Strings made of a pattern's own literal characters and words: the inputs that get
    furthest into an alternation or a repeated group before failing."""
    source = pattern.pattern
    text = regex.sub(r"\\[pPN]\{[^}]*\}|\\[a-zA-Z]", " ", source)  # classes and escapes
    chars = sorted({c for c in text if not c.isspace() and c not in _META})
    words = sorted(set(regex.findall(r"[\p{L}\p{N}]{2,}", text)))
    if not FULL:  # a sample spread over the alternatives
        words = words[::max(1, len(words) // 3)][:3]
    out = {}
    if chars:
        out["literals"] = _fill("".join(chars), size)
        out["literals+space"] = _fill(" ".join(chars) + " ", size)
    for w in words:
        for sep in (" ", "  ", "-", "") if FULL else (" ", ""):
            out[f"{w!r}{sep!r}"] = _fill(w + sep, size)
        out[f"{w!r} cap"] = _fill(w.capitalize() + " ", size)
    return out


# ---- discovery -------------------------------------------------------------------------------
def _collect(value, where: str, found: dict, seen: set, depth: int = 0) -> None:
    if depth > 4 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, PATTERN_TYPES):
        key = (type(value), value.pattern, value.flags)
        found.setdefault(key, (where, value))
    elif isinstance(value, dict):
        for k, v in value.items():
            _collect(v, f"{where}[{k!r}]", found, seen, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            _collect(v, f"{where}[{i}]", found, seen, depth + 1)
    elif isinstance(value, type) and value.__module__.startswith("lint"):
        for k, v in vars(value).items():
            if not k.startswith("__"):
                _collect(v, f"{where}.{k}", found, seen, depth + 1)


def shipped_modules() -> list:
    rules_package = importlib.import_module("lint.rules")
    mods = []
    infos = list(pkgutil.walk_packages(lint.__path__, "lint."))
    infos += [i for i in pkgutil.iter_modules(rules_package.__path__, "lint.rules.") if i.name not in {x.name for x in infos}]
    for info in infos:
        if info.name.endswith("__main__"):
            continue
        try:
            mods.append(importlib.import_module(info.name))
        except ImportError:  # an optional extra that is not installed
            continue
    return mods


def shipped_patterns() -> list[tuple[str, object]]:
    found: dict = {}
    seen: set = set()
    for mod in shipped_modules():
        if mod.__name__ == "lint.regex_store":
            continue  # it holds the other modules' compiled patterns: they are found by their own names
        for name, value in vars(mod).items():
            if name.startswith("__") or (isinstance(value, type) and value.__module__ != mod.__name__):
                continue
            _collect(value, f"{mod.__name__}.{name}", found, seen)
    for rule in builtin_rules():
        for name, value in vars(rule).items():
            _collect(value, f"{rule.code}.{name}", found, seen)
    return sorted(found.values(), key=lambda item: item[0])


def worst_time(pattern, strings: dict[str, str], cap: float) -> tuple[float, str]:
    """The slowest pass over the strings (a pass is stopped at `cap` seconds)."""
    worst, which = 0.0, ""
    for label, text in strings.items():
        elapsed = _run(pattern, text, cap)
        if elapsed > PATTERN_BUDGET:  # the machine may be busy: keep the best of three
            elapsed = min(elapsed, _run(pattern, text, cap), _run(pattern, text, cap))
        if elapsed > worst:
            worst, which = elapsed, label
        if elapsed == float("inf"):
            break
    return worst, which


def _run(pattern, text: str, cap: float) -> float:
    """CPU seconds of one pass over all matches, as `finditer` finds them (`findall` does the same
    search without a Python object per match); inf when the regex module's timeout stops it."""
    t0 = time.process_time()
    try:
        if isinstance(pattern, regex.Pattern):
            pattern.findall(text, timeout=cap)
        else:
            pattern.findall(text)
    except TimeoutError:
        return float("inf")
    return time.process_time() - t0


PATTERNS = shipped_patterns()
STRINGS = adversarial_strings()


def test_discovery_finds_the_known_patterns():
    names = {where for where, _ in PATTERNS}
    assert "lint.document._SENTENCE_END" in names
    assert "lint.suppress.DIRECTIVE" in names
    assert any(n.startswith("lint.rules.acronym_undefined.") for n in names)
    assert any(n.startswith("ATR001.") for n in names)  # a YAML rule's compiled pattern
    assert len(PATTERNS) >= 30


@pytest.mark.parametrize("where, pattern", PATTERNS, ids=[w for w, _ in PATTERNS])
def test_pattern_is_linear(where, pattern):
    strings = dict(STRINGS)
    strings.update(literal_strings(pattern))
    worst, which = worst_time(pattern, strings, cap=10 * PATTERN_BUDGET)
    assert worst < PATTERN_BUDGET, f"{where}: {worst:.2f} s on {which} ({pattern.pattern[:80]!r})"


# ---- whole rules on adversarial documents ----------------------------------------------------
DOC_UNITS = [" ", "A", "a", "\n", "a ", "A-", "Aa ", "Aa-", ". ", "\u00a0 ", '"', "“", "A. ", "a\n", "1 ", "’s "]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    import yaml

    path = tmp_path_factory.mktemp("tb") / "termbase.yaml"
    path.write_text(yaml.safe_dump({
        "terms": [{"use": "Irini", "not": ["Irene"], "context": ["operation"]}],
        "people": [{"name": "Khalifa Haftar", "rank": "Field Marshal", "not": ["Hafter"]}],
        "avoid": [{"phrase": "a a", "instead": "b"}],
    }), encoding="utf-8")
    return Project(Settings(root=str(path.parent), termbase=str(path)))


@pytest.mark.parametrize("rule", [r for r in builtin_rules() if not r.code.startswith("GRM")],
                         ids=lambda r: r.code)
def test_rule_on_adversarial_documents(rule, project):
    ctx = RuleContext(options=dict(rule.options), project=project)
    def run(doc):
        if rule.corpus:
            rule.collect(doc, ctx)
        else:
            for _ in rule.check(doc, ctx):
                pass

    run(Document("warm-up.txt", "The GNA said so. “Yes,” he said.\n"))  # load lexicons once
    for unit in DOC_UNITS:
        doc = Document("adversarial.txt", _fill(unit))
        t0 = time.process_time()
        run(doc)
        elapsed = time.process_time() - t0
        assert elapsed < RULE_BUDGET, f"{rule.code}: {elapsed:.1f} s on {unit!r}*{SIZE}"


if __name__ == "__main__":  # a report of each pattern's worst case
    cap = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    for where, pattern in PATTERNS:
        strings = dict(STRINGS)
        strings.update(literal_strings(pattern))
        worst, which = worst_time(pattern, strings, cap)
        print(f"{worst:8.3f} s  {where}  ({which})", flush=True)


# ---- user patterns run under a time limit ----------------------------------------------------
def test_catastrophic_user_pattern_becomes_one_finding(mtlint, tmp_path):
    import json

    rules = tmp_path / "style"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "code: HSE001\nname: house-bad\ncategory: terminology\nsummary: s\nkind: existence\n"
        "patterns: ['(a+)+$']\n", encoding="utf-8")
    (rules / "good.yaml").write_text(
        "code: HSE002\nname: house-good\ncategory: terminology\nsummary: s\nkind: existence\ntokens: [foo]\n",
        encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('rule-dirs = ["style"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("foo " + "a" * 5000 + "b\nfoo\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("foo\n", encoding="utf-8")
    t0 = time.monotonic()
    result = mtlint("check", str(tmp_path), "--select", "HSE", "--format", "json", "--no-cache")
    assert time.monotonic() - t0 < 120
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    findings = findings["findings"] if isinstance(findings, dict) else findings
    stopped = [f for f in findings if f["code"] == "HSE001"]
    assert len(stopped) == 1 and "time limit" in stopped[0]["message"] and "HSE001" in stopped[0]["message"]
    assert stopped[0]["path"].endswith("a.txt")
    # the run went on: the other rule and the other file were linted
    assert sorted((f["path"][-5:], f["line"]) for f in findings if f["code"] == "HSE002") == [
        ("a.txt", 1), ("a.txt", 2), ("b.txt", 1)]
