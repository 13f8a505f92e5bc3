"""Configuration: `[tool.mtlint]` in pyproject.toml, or the top level of mtlint.toml.

Found by walking up from the first linted path (as ruff does); `--config FILE` names one.
Unknown keys and bad values are errors that name the file, the line and the key; every error of a
config is reported at once, with "did you mean" for a misspelled key or rule code. Rule codes are
matched in any case.
"""
from __future__ import annotations

import codecs
import difflib
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
    "force-exclude": (lambda v: isinstance(v, bool), "true or false"),
    "respect-gitignore": (lambda v: isinstance(v, bool), "true or false"),
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
    # records (JSON Lines, Parquet): see lint/records.py
    "text-field": (lambda v: (isinstance(v, str) and bool(v.strip())) or (_str_list(v) and bool(v)),
                   "a field name, \"title,body\" or a list of field names"),
    "id-field": (lambda v: isinstance(v, str) and bool(v.strip()), "a field name"),
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
    force_exclude: bool = True  # `exclude` applies to files named on the command line too
    respect_gitignore: bool = True  # folders are walked without what .gitignore files ignore
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
    text_field: object = None  # of records: a name, "title,body" or a list; None: `text`, else `body`
    id_field: str | None = None  # of records; None: the line (row) number
    raw_text: str = ""

    def resolve(self, path: str) -> str:
        return path if os.path.isabs(path) else os.path.normpath(os.path.join(self.root, path))

    @cached_property
    def termbase_data(self):
        if not self.termbase:
            return None
        from lint.corpus.termbase import load_termbase

        return load_termbase(self.resolve(self.termbase))


class ConfigErrors(MtlintError):
    """Every problem found in a config, one per line of the message."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


def did_you_mean(word: str, candidates) -> str:
    """` (did you mean 'x'?)` for the closest candidate, or ""."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    if not close and word.lower() != word:
        close = difflib.get_close_matches(word.lower(), sorted(candidates), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _key_line(text: str, key: str) -> int | None:
    m = regex.search(rf'(?m)^[ \t]*"?{regex.escape(key)}"?[ \t]*=', text)
    if m:
        return text.count("\n", 0, m.start()) + 1
    m = regex.search(rf"(?m)^[ \t]*\[[^\]\n]*\b{regex.escape(key)}\b", text)
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
    errors = []
    for key, value in table.items():
        where = f"{path}:{_key_line(text, key) or 1}"
        if key not in SCHEMA:
            hint = did_you_mean(key, SCHEMA) or f" (known: {', '.join(sorted(SCHEMA))})"
            errors.append(f"{where}: unknown key {key!r}{hint}")
            continue
        check, expected = SCHEMA[key]
        if not check(value):
            errors.append(f"{where}: {key} must be {expected}, not {value!r}")
            continue
        if key == "max-file-size":
            value = parse_size(value)
        setattr(settings, key.replace("-", "_"), value)
    if "exclude" not in table:
        settings.exclude = list(DEFAULT_EXCLUDE)
    if _str_list(table.get("extend-exclude", [])):
        settings.exclude = settings.exclude + list(table.get("extend-exclude", []))
    if errors:
        # the rule codes the config names are checked too, so that one run lists every problem
        from lint.registry import load_rules

        try:
            errors += rule_config_errors(settings, load_rules(tuple(settings.resolve(d) for d in settings.rule_dirs)))
        except MtlintError:
            pass  # a broken rule folder: its own error comes once the others are fixed
        raise ConfigErrors(errors)
    return settings


def severity_overrides(settings: Settings) -> dict:
    """Rule code (upper case) -> the severity the config gives its findings."""
    return {code.upper(): options["severity"] for code, options in settings.rules.items()
            if options.get("severity") in SEVERITIES}


def apply_severities(settings: Settings, rules: dict) -> dict:
    """The rules with the config's severities: each changed rule is a copy (the built-in rule
    objects are shared by every Linter of the process)."""
    import copy

    for code, severity in severity_overrides(settings).items():
        if code in rules and rules[code].severity != severity:
            rules[code] = copy.copy(rules[code])
            rules[code].severity = severity
    return rules


def _where(settings: Settings, line: int | None) -> str:
    return f"{settings.path}:{line or 1}: " if settings.path else ""


def _value_line(text: str, key: str, value: str) -> int | None:
    """The line of `value` (a quoted string) in the list of `key`, which may span lines."""
    start = _key_line(text, key)
    if start is None:
        return None
    offset = sum(len(line) + 1 for line in text.split("\n")[:start - 1])
    m = regex.compile(rf'["\']{regex.escape(value)}["\']').search(text, offset)
    return text.count("\n", 0, m.start()) + 1 if m else start


def code_known(code: str, rules: dict) -> bool:
    """A rule code or a prefix of one ("ALL", "TYP", "typ004"), or a code a rule relays ("GRM-...")."""
    code = code.upper()
    relays = tuple(r.relays for r in rules.values() if r.relays)
    return code == "ALL" or any(c.startswith(code) for c in rules) or bool(relays and code.startswith(relays))


def unknown_code(code: str, rules: dict, where: str) -> str:
    candidates = set(rules) | {c[:3] for c in rules} | {"ALL"}
    return f"{where}no rule code starts with {code!r}{did_you_mean(code.upper(), candidates)} (see `mtlint rules`)"


def rule_config_errors(settings: Settings, rules: dict) -> list[str]:
    """Every problem of the config that needs the rules to see: codes in select, extend-select,
    ignore and per-file-ignores that no rule has, and the `[rules.CODE]` tables."""
    errors = []
    text = settings.raw_text
    for key in ("select", "extend-select", "ignore"):
        for code in getattr(settings, key.replace("-", "_")):
            if not code_known(code, rules):
                errors.append(unknown_code(code, rules, _where(settings, _value_line(text, key, code))))
    for glob, codes in settings.per_file_ignores.items():
        for code in codes:
            if not code_known(code, rules):
                errors.append(unknown_code(code, rules, _where(settings, _value_line(text, glob, code))))
    return errors + rule_option_errors(settings, rules)


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


def rule_option_errors(settings: Settings, rules: dict) -> list[str]:
    """The problems of the `[rules.CODE]` tables: the code must exist (in any case), every option be
    declared (`severity` is every rule's) and in bounds."""
    errors = []
    for code, options in settings.rules.items():
        where = f"{settings.path}:{_key_line(settings.raw_text, code) or 1}"
        rule = rules.get(code.upper())
        if rule is None:
            errors.append(f"{where}: rules.{code}: no rule has this code{did_you_mean(code.upper(), rules)}")
            continue
        declared = rule.options
        for key, value in options.items():
            where = f"{settings.path}:{_option_line(settings.raw_text, code, key) or 1}"
            if key == "severity":  # every rule has it: the engine applies it to the rule's findings
                if not isinstance(value, str) or value not in SEVERITIES:
                    errors.append(f"{where}: rules.{code}.severity must be one of {', '.join(SEVERITIES)}, "
                                  f"not {value!r}")
                continue
            if key not in declared:
                hint = did_you_mean(key, list(declared) + ["severity"]) or (
                    f" (options: {', '.join(sorted([*declared, 'severity']))})")
                errors.append(f"{where}: rules.{code}: unknown option {key!r}{hint}")
                continue
            default = declared[key]
            if default is not None and (not isinstance(value, type(default)) and not (
                    isinstance(default, float) and isinstance(value, int)) or (
                    isinstance(value, bool) and not isinstance(default, bool))):
                errors.append(f"{where}: rules.{code}.{key} must be {type(default).__name__}, not {value!r}")
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                low, high = option_bounds(rule, key, default)
                if low is not None and value < low:
                    errors.append(f"{where}: rules.{code}.{key} must be >= {low}, not {value!r}")
                elif high is not None and value > high:
                    errors.append(f"{where}: rules.{code}.{key} must be <= {high}, not {value!r}")
    return errors
