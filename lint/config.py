"""Configuration: `[tool.mtlint]` in pyproject.toml, or the top level of mtlint.toml.

Found by walking up from the first linted path (as ruff does); `--config FILE` names one.
Unknown keys and bad values are errors that name the file, the line and the key.
"""
from __future__ import annotations

import codecs
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


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _text_encoding(name: str) -> bool:
    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


def _encodings(value) -> bool:
    return _str_list(value) and all(_text_encoding(v) for v in value)


DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
_SIZE_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def parse_size(value) -> int | None:
    """A size in bytes from an int (bytes) or a string such as "10MB", "512KB"; None if invalid."""
    if _count(value):
        return value
    if isinstance(value, str):
        m = regex.fullmatch(r"[ \t]*+(\d{1,15})[ \t]*+([KMG]?B?)[ \t]*+", value.upper())
        if m and m.group(2) in _SIZE_UNITS:
            return int(m.group(1)) * _SIZE_UNITS[m.group(2)]
    return None


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
    "fallback-encodings": (_encodings, "a list of text encodings Python knows, tried after UTF-8, e.g. [\"cp1252\"]"),
    "cache-dir": (lambda v: isinstance(v, str), "a folder path"),
    "jobs": (_count, "a number of worker processes >= 0 (0: one per core)"),
    "max-file-size": (lambda v: parse_size(v) is not None,
                      "a size in bytes (an integer, or a string such as \"10MB\"; 0: no limit)"),
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
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; larger files are skipped with a message; 0: no limit
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
        if key == "max-file-size":
            value = parse_size(value)
        setattr(settings, key.replace("-", "_"), value)
    if "exclude" not in table:
        settings.exclude = list(DEFAULT_EXCLUDE)
    settings.exclude = settings.exclude + list(table.get("extend-exclude", []))
    return settings


def _option_line(text: str, code: str, key: str) -> int | None:
    """The line of option `key` of rule `code`: in its `[...rules.CODE]` table, or on the line of an
    inline `CODE = { ... }` table."""
    header = regex.search(rf'(?m)^[ \t]*+\[[ \t]*+(?:tool\.mtlint\.)?rules\.["\']?{regex.escape(code)}["\']?[ \t]*+\]', text)
    if header:
        end = regex.compile(r"(?m)^[ \t]*+\[").search(text, header.end())
        body_end = end.start() if end else len(text)
        m = regex.compile(rf'(?m)^[ \t]*+["\']?{regex.escape(key)}["\']?[ \t]*+=').search(text, header.end(), body_end)
        if m:
            return text.count("\n", 0, m.start()) + 1
    m = regex.search(rf"(?m)^[^\n#]*\b{regex.escape(code)}\b[^\n#]*\b{regex.escape(key)}\b", text)
    if m:
        return text.count("\n", 0, m.start()) + 1
    return _key_line(text, code)


def option_bounds(rule, key: str, default) -> tuple:
    """(minimum, maximum) of a numeric option: what the rule declares in `option_bounds`, else
    >= 0 for an option whose default is a non-negative number (counts, lengths, thresholds)."""
    declared = getattr(rule, "option_bounds", {}) or {}
    if key in declared:
        return tuple(declared[key])
    if isinstance(default, (int, float)) and not isinstance(default, bool) and default >= 0:
        return (0, None)
    return (None, None)


def validate_rule_options(settings: Settings, rules: dict) -> None:
    """`[tool.mtlint.rules.CODE]` tables: the code must exist, every option be declared and in bounds."""
    for code, options in settings.rules.items():
        where = f"{settings.path}:{_key_line(settings.raw_text, code) or 1}"
        if code not in rules:
            raise MtlintError(f"{where}: rules.{code}: no rule has this code")
        declared = rules[code].options
        for key, value in options.items():
            where = f"{settings.path}:{_option_line(settings.raw_text, code, key) or 1}"
            if key not in declared:
                raise MtlintError(f"{where}: rules.{code}: unknown option {key!r} "
                                  f"(options: {', '.join(sorted(declared)) or 'none'})")
            default = declared[key]
            if default is not None and (not isinstance(value, type(default)) and not (
                    isinstance(default, float) and isinstance(value, int)) or (
                    isinstance(value, bool) and not isinstance(default, bool))):
                raise MtlintError(f"{where}: rules.{code}.{key} must be {type(default).__name__}, not {value!r}")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                low, high = option_bounds(rules[code], key, default)
                if low is not None and value < low:
                    raise MtlintError(f"{where}: rules.{code}.{key} must be >= {low}, not {value!r}")
                if high is not None and value > high:
                    raise MtlintError(f"{where}: rules.{code}.{key} must be <= {high}, not {value!r}")
