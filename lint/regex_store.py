"""Compiled rule patterns kept between runs, the way Python keeps byte code.

Parsing and compiling the rules' few hundred patterns takes about 0.2 s, most of a one-article
run. A compiled `regex` pattern pickles to its compiled form and is rebuilt from it some 50x
faster than it is compiled. So `compile()` keeps one file of compiled patterns in the user's cache
folder (`$XDG_CACHE_HOME/mtlint`, by default `~/.cache/mtlint`; `%LOCALAPPDATA%\\mtlint` on
Windows), named by the Python and `regex` versions, and compiles only what the file lacks. The
registry calls `flush()` once the rules are loaded, and the file is rewritten only when something
was missing from it. Project results caches are a different thing (lint/cache.py): `--no-cache`
does not touch this file, as it does not touch Python's byte code.

The file holds nothing but compiled patterns: it is read with an unpickler that can build a
`regex` pattern and nothing else, behind a checksum, so a damaged, foreign or stale file is
ignored and the patterns are compiled again. It is written atomically (a temporary file, then a
rename) and not at all where the folder cannot be written. `MTLINT_NO_PATTERN_STORE=1` turns it
off, e.g. to time a first run.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile

import regex

FORMAT = 1
HEADER = b"mtlint-patterns %d " % FORMAT
MAX_PATTERNS = 4096  # past this the file keeps only the patterns the current process used

_memo: dict[tuple[str, int], regex.Pattern] = {}  # this process's patterns
_stored: dict[tuple[str, int], regex.Pattern] | None = None  # the file's, read on first use
_missing = False  # some pattern was compiled here: the file is out of date


def store_path() -> str:
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        folder = os.path.join(os.environ["LOCALAPPDATA"], "mtlint")
    else:
        folder = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mtlint")
    return os.path.join(folder, f"patterns-{sys.implementation.cache_tag}-regex-{regex.__version__}.pickle")


def _enabled() -> bool:
    # an unknown home leaves "~" unexpanded: never a folder relative to wherever mtlint runs
    return not os.environ.get("MTLINT_NO_PATTERN_STORE") and os.path.isabs(store_path())


class _PatternUnpickler(pickle.Unpickler):
    """Builds compiled `regex` patterns and refuses every other callable."""

    def find_class(self, module, name):
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


def _decode(blob: bytes) -> dict | None:
    head, _, payload = blob.partition(b"\n")
    if head != HEADER + hashlib.sha256(payload).hexdigest().encode():
        return None
    try:
        entries = _PatternUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a damaged or foreign file of the right checksum: compile afresh
        return None
    if not (isinstance(entries, dict) and all(
            isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], str) and isinstance(k[1], int)
            and isinstance(v, regex.Pattern) for k, v in entries.items())):
        return None
    return entries


def _load() -> dict:
    if not _enabled():
        return {}
    try:
        with open(store_path(), "rb") as f:
            blob = f.read()
    except OSError:
        return {}
    return _decode(blob) or {}


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - mirrors regex.compile
    """`regex.compile(pattern, flags)`, from the store when it has the pattern."""
    global _stored, _missing
    key = (pattern, int(flags))
    found = _memo.get(key)
    if found is not None:
        return found
    if _stored is None:
        _stored = _load()
    found = _stored.get(key)
    if found is None:
        found = regex.compile(pattern, flags)  # a bad pattern raises here, as regex.compile does
        _missing = True
    _memo[key] = found
    return found


def flush() -> None:
    """Writes the store if this process compiled a pattern it lacked. Never raises."""
    global _missing
    if not _missing or not _enabled():
        return
    _missing = False
    entries = dict(_stored or {})
    entries.update(_memo)
    if len(entries) > MAX_PATTERNS:
        entries = dict(_memo)
    path = store_path()
    tmp = None
    try:
        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".mtlint-patterns-", suffix=".tmp", dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as f:
            f.write(HEADER + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError):
        pass  # a read-only home: patterns are compiled each run, as before
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
