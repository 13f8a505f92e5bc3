"""The guarantees a hand-kept rule table would give: unique codes, docs, honest examples."""
from collections import Counter

from lint import CATEGORIES
from lint.registry import builtin_rules
from lint.rule import examples_of


def test_codes_and_names_are_unique():
    rules = builtin_rules()
    assert [c for c, n in Counter(r.code for r in rules).items() if n > 1] == []
    assert [c for c, n in Counter(r.name for r in rules).items() if n > 1] == []


def test_every_rule_is_documented_with_fail_and_pass_examples():
    for rule in builtin_rules():
        kinds = {e.kind for e in examples_of(rule)}
        assert rule.summary and rule.doc, f"{rule.code} lacks a summary or doc"
        assert {"fail", "pass"} <= kinds, f"{rule.code} needs at least one fail and one pass example"
        assert rule.category in CATEGORIES


def test_fixable_rules_show_a_fix():
    for rule in builtin_rules():
        if rule.fixable:
            assert any(e.fix is not None for e in examples_of(rule)), f"{rule.code} fixes but shows no fix example"


def test_code_prefix_is_one_family_per_category():
    families = {}
    for rule in builtin_rules():
        families.setdefault(rule.code[:3], set()).add(rule.category)
    assert {k: v for k, v in families.items() if len(v) > 1} == {}
