"""YAML loading that remembers where each mapping key was, so errors can name file and line."""
from __future__ import annotations

import yaml

from lint import MtlintError


class LineDict(dict):
    """A dict from YAML that knows the 1-based line of each key (`.lines`) and its own (`.line`)."""

    lines: dict
    line: int


# libyaml's parser when PyYAML was built with it (the wheels are): parsing the rule files is
# several times faster, and its marks give the same line numbers
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    result = LineDict()
    result.lines = {}
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise MtlintError(f"line {key_node.start_mark.line + 1}: a mapping key must be a plain value")
        if key in result:
            raise MtlintError(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: str, text: str | None = None):
    """Parse a YAML file; any problem becomes an MtlintError naming `path:line`."""
    if text is None:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            raise MtlintError(f"{path}: cannot read: {e}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except MtlintError as e:
        raise MtlintError(f"{path}:{e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(e, "problem", None) or str(e)
        raise MtlintError(f"{where}: invalid YAML: {problem}") from None


def line_of(data, key=None) -> int | None:
    if isinstance(data, LineDict):
        return data.lines.get(key, data.line) if key is not None else data.line
    return None
