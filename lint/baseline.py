"""Baselines: record today's findings, then fail only on new ones.

A baseline entry is a finding's fingerprint (rule, file, normalized matched text, the text
around it and an occurrence index; never a line number), so it survives lines inserted above,
text moved within the file and edits elsewhere. The file is JSON:

    {"mtlint_baseline": 1, "entries": [{"fingerprint": ..., "code": ..., "path": ...,
                                         "text": ..., "message": ...}, ...]}
"""
from __future__ import annotations

import json

from lint import MtlintError

FORMAT_VERSION = 1


def dump(findings) -> str:
    return dump_entries([{"fingerprint": f.fingerprint, "code": f.code, "path": f.project_path,
                          "line": f.line, "text": f.text, "message": f.message} for f in findings])


def dump_entries(entries: list[dict]) -> str:
    return json.dumps({"mtlint_baseline": FORMAT_VERSION, "entries": entries}, ensure_ascii=False, indent=1) + "\n"


def load(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
    except OSError as e:
        raise MtlintError(f"{path}: cannot read baseline: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise MtlintError(f"{path}: baseline is not UTF-8 JSON") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise MtlintError(f"{path}:{e.lineno}: baseline is not valid JSON: {e.msg}") from None
    if not isinstance(data, dict) or data.get("mtlint_baseline") != FORMAT_VERSION or not isinstance(data.get("entries"), list):
        raise MtlintError(f"{path}: not an mtlint baseline (expected {{\"mtlint_baseline\": {FORMAT_VERSION}, \"entries\": [...]}})")
    for i, entry in enumerate(data["entries"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str) or not isinstance(entry.get("path"), str):
            raise MtlintError(f"{path}: baseline entry {i + 1} needs a fingerprint and a path")
    return data["entries"]


def compare(findings, entries, checked_paths):
    """Split findings into (new, baselined) and list the entries that matched nothing (stale).

    An entry for a file that was not checked in this run is neither used nor stale."""
    known = {e["fingerprint"] for e in entries}
    seen = {f.fingerprint for f in findings}
    new = [f for f in findings if f.fingerprint not in known]
    baselined = [f for f in findings if f.fingerprint in known]
    checked = {p.replace("\\", "/") for p in checked_paths}
    stale = [e for e in entries if e["fingerprint"] not in seen and (e["path"] in checked or _in_checked_shard(e["path"], checked))]
    return new, baselined, stale


def _in_checked_shard(path: str, checked: set) -> bool:
    """An entry of a record (`SHARD:ID`) is checked when its shard is."""
    from lint.records import record_shard_prefix

    shard = record_shard_prefix(path)
    return shard is not None and shard in checked
