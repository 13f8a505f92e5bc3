"""Every rule's documented examples are its tests: `fail` must be flagged (at `at`, when given),
`pass` must not be, and `fix` is what applying the rule's fixes produces."""
from __future__ import annotations

import pytest

from lint.config import Settings
from lint.engine import Project, lint_texts
from lint.fixer import apply_edits
from lint.registry import builtin_rules
from lint.rule import examples_of

CASES = [
    pytest.param(rule, i, example, id=f"{rule.code}-{i + 1}-{example.kind}")
    for rule in builtin_rules()
    for i, example in enumerate(examples_of(rule))
]


def project_for(example, tmp_path):
    settings = Settings(root=str(tmp_path))
    if example.termbase is not None:
        import yaml

        path = tmp_path / "termbase.yaml"
        path.write_text(yaml.safe_dump(example.termbase, allow_unicode=True), encoding="utf-8")
        settings.termbase = str(path)
    return Project(settings)


@pytest.mark.parametrize("rule, index, example", CASES)
def test_rule_example(rule, index, example, tmp_path, request):
    project = project_for(example, tmp_path)
    if rule.code.startswith("GRM"):
        project.settings.grammar = {"remote-server": request.getfixturevalue("languagetool_url")}
    findings = lint_texts(rule, example.files, example.options, project)
    if example.kind == "pass":
        assert findings == [], f"{rule.code} flagged a pass example: {[f.message for f in findings]}"
        return
    assert findings, f"{rule.code} missed a fail example: {example.files}"
    if example.at:
        single = len(example.files) == 1
        got = sorted(f"{f.line}:{f.column}" if single else f"{f.path}:{f.line}:{f.column}" for f in findings)
        assert got == sorted(example.at)
    if example.fix is not None:
        (path, text), = [(p, t) for p, t in example.files.items() if any(f.path == p for f in findings)]
        fixed, _ = apply_edits(text, [(f.start, f.end, f.fix) for f in findings if f.fix is not None])
        assert fixed == example.fix
