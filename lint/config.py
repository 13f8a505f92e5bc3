"""Configuration: `[tool.mtlint]` in pyproject.toml, or the top level of mtlint.toml.

Found by walking up from the first linted path (as ruff does); `--config FILE` names one.
Unknown keys and bad values are errors that name the file, the line and the key.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cached_property

import regex

from lint import SEVERITIES, MtlintError

CONFIG_NAMES = ("mtlint.toml", ".mtlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                   ".mtlint_cache", ".tox", "build", "dist"]


def _str_list(value):
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# key -> (check, what a valid value looks like)
SCHEMA = {
    "select": (_str_list, "a list of rule codes or prefixes"),
    "extend-select": (_str_list, "a list of rule codes or prefixes"),
    "ignore": (_str_list, "a list of rule codes or prefixes"),
    "fail-on": (lambda v: v in SEVERITIES, "one of info, warning, error"),
    "include": (_str_list, "a list of file globs"),
    "exclude": (_str_list, "a list of file or folder globs"),
    "extend-exclude": (_str_list, "a list of file or folder globs"),
    "corpus": (_str_list, "a list of globs naming the whole corpus"),
    "termbase": (lambda v: isinstance(v, str), "a path to a termbase YAML file"),
    "per-file-ignores": (lambda v: isinstance(v, dict) and all(_str_list(x) for x in v.values()),
                         "a table of glob = [codes]"),
    "known-acronyms": (_str_list, "a list of acronyms every reader knows"),
    "rule-dirs": (_str_list, "a list of folders with YAML rules"),
    "fallback-encodings": (_str_list, "a list of encodings to try after UTF-8, e.g. [\"cp1252\"]"),
    "cache-dir": (lambda v: isinstance(v, str), "a folder path"),
    "jobs": (lambda v: isinstance(v, int) and v >= 0, "a number of worker processes (0: one per core)"),
    "rules": (lambda v: isinstance(v, dict) and all(isinstance(x, dict) for x in v.values()),
              "a table of CODE = { option = value }"),
    "grammar": (lambda v: isinstance(v, dict), "a table of grammar settings"),
}


@dataclass
class Settings:
    path: str | None = None  # the config file, None when defaults are used
    root: str = "."  # paths in the config are relative to this folder
    select: list = field(default_factory=list)
    extend_select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    fail_on: str = "info"
    include: list = field(default_factory=lambda: ["*.txt", "*.md"])
    exclude: list = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    corpus: list = field(default_factory=list)
    termbase: str | None = None
    per_file_ignores: dict = field(default_factory=dict)
    known_acronyms: list = field(default_factory=list)
    rule_dirs: list = field(default_factory=list)
    fallback_encodings: list = field(default_factory=list)
    cache_dir: str = ".mtlint_cache"
    jobs: int = 0
    rules: dict = field(default_factory=dict)
    grammar: dict = field(default_factory=dict)
    raw_text: str = ""

    def resolve(self, path: str) -> str:
        return path if os.path.isabs(path) else os.path.normpath(os.path.join(self.root, path))

    @cached_property
    def termbase_data(self):
        if not self.termbase:
            return None
        from lint.corpus.termbase import load_termbase

        return load_termbase(self.resolve(self.termbase))


def _key_line(text: str, key: str) -> int | None:
    m = regex.search(rf'(?m)^[ \t]*"?{regex.escape(key)}"?[ \t]*=', text)
    if m:
        return text.count("\n", 0, m.start()) + 1
    m = regex.search(rf"(?m)^\s*\[[^\]]*\b{regex.escape(key)}\b", text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _table_from(path: str):
    try:
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except OSError as e:
        raise MtlintError(f"{path}: cannot read config: {e}") from None
    except UnicodeDecodeError:
        raise MtlintError(f"{path}: config is not UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        raise MtlintError(f"{path}: invalid TOML: {e}") from None  # the message carries line and column
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get("mtlint")
        return table, text
    return data, text


def find_config(start: str) -> str | None:
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml":
                    return candidate
                table, _ = _table_from(candidate)
                if table is not None:
                    return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_settings(path: str | None) -> Settings:
    if path is None:
        return Settings(root=os.getcwd())
    table, text = _table_from(path)
    if table is None:
        raise MtlintError(f"{path}: no [tool.mtlint] table")
    settings = Settings(path=path, root=os.path.dirname(os.path.abspath(path)), raw_text=text)
    for key, value in table.items():
        where = f"{path}:{_key_line(text, key) or 1}"
        if key not in SCHEMA:
            raise MtlintError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(SCHEMA))})")
        check, expected = SCHEMA[key]
        if not check(value):
            raise MtlintError(f"{where}: {key} must be {expected}, not {value!r}")
        setattr(settings, key.replace("-", "_"), value)
    if "exclude" not in table:
        settings.exclude = list(DEFAULT_EXCLUDE)
    settings.exclude = settings.exclude + list(table.get("extend-exclude", []))
    return settings


def validate_rule_options(settings: Settings, rules: dict) -> None:
    """`[tool.mtlint.rules.CODE]` tables: the code must exist and every option be declared."""
    for code, options in settings.rules.items():
        where = f"{settings.path}:{_key_line(settings.raw_text, code) or 1}"
        if code not in rules:
            raise MtlintError(f"{where}: rules.{code}: no rule has this code")
        declared = rules[code].options
        for key, value in options.items():
            if key not in declared:
                raise MtlintError(f"{where}: rules.{code}: unknown option {key!r} "
                                  f"(options: {', '.join(sorted(declared)) or 'none'})")
            default = declared[key]
            if default is not None and not isinstance(value, type(default)) and not (
                    isinstance(default, float) and isinstance(value, int)):
                raise MtlintError(f"{where}: rules.{code}.{key} must be {type(default).__name__}, not {value!r}")
