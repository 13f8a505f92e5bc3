"""Discovers the rules under rules/ (installed as `lint.rules`), validates and indexes them.

A YAML file is one declarative rule interpreted by a kind (lint/kinds); a Python file defines one
rule as a subclass of `lint.rule.Rule` named in a module-level `RULE`.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
from functools import lru_cache

from lint import MtlintError, regex_store
from lint.kinds import build_yaml_rule
from lint.rule import Rule, validate_metadata
from lint.yamlio import load_yaml

def _builtin_dir() -> str:
    # rules/ at the top of the source tree is installed as the package lint.rules.
    spec = importlib.util.find_spec("lint.rules")
    if spec is None or not spec.submodule_search_locations:
        raise MtlintError("the built-in rules are missing: install mtlint with pip (pip install .)")
    return list(spec.submodule_search_locations)[0]


def load_rule_file(path: str, module: str | None = None) -> Rule:
    if path.endswith((".yaml", ".yml")):
        return build_yaml_rule(load_yaml(path), path)
    if module is None:
        raise MtlintError(f"{path}: only YAML rule files can be added from a project")
    mod = importlib.import_module(module)
    rule_cls = getattr(mod, "RULE", None)
    if not (isinstance(rule_cls, type) and issubclass(rule_cls, Rule)):
        raise MtlintError(f"{path}:1: a Python rule module must set RULE to a Rule subclass")
    rule = rule_cls()
    rule.source = path
    if not rule.doc:
        rule.doc = (rule_cls.__doc__ or mod.__doc__ or "").strip()
    validate_metadata(rule, path)
    return rule


def _rule_files(folder: str) -> list[str]:
    return sorted(
        name for name in os.listdir(folder)
        if name.endswith((".yaml", ".yml")) or (name.endswith(".py") and not name.startswith("_"))
    )


@lru_cache(maxsize=None)
def builtin_rules() -> tuple[Rule, ...]:
    folder = _builtin_dir()
    rules = []
    for name in _rule_files(folder):
        path = os.path.join(folder, name)
        module = "lint.rules." + name[:-3] if name.endswith(".py") else None
        rules.append(load_rule_file(path, module))
    return tuple(rules)


def load_rules(extra_dirs: tuple[str, ...] = ()) -> dict[str, Rule]:
    """Built-in rules plus YAML rules from the project's own folders, indexed by code."""
    rules: dict[str, Rule] = {}
    candidates = list(builtin_rules())
    for folder in extra_dirs:
        if not os.path.isdir(folder):
            raise MtlintError(f"{folder}: rule folder not found")
        for name in _rule_files(folder):
            candidates.append(load_rule_file(os.path.join(folder, name)))
    for rule in candidates:
        if rule.code in rules:
            raise MtlintError(f"{rule.source}: code {rule.code} is already used by {rules[rule.code].source}")
        rules[rule.code] = rule
    regex_store.flush()  # the next run reads the rules' compiled patterns instead of compiling them
    return rules
