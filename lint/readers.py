"""Finding the files to lint and reading them without losing anything.

A file is read as bytes and decoded as UTF-8 (a BOM is remembered), UTF-16/32 when it starts with
their BOM, then any `fallback-encodings` from the config. Binary files (NUL bytes) and files no
encoding can decode are reported by name and skipped; the run goes on. Newlines are normalized to
"\\n" for the rules; the original style is kept so that --fix can write it back.
"""
from __future__ import annotations

import codecs
import fnmatch
import os
import re
from functools import lru_cache

from lint.document import Document


class UnreadableFile(Exception):
    pass


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(raw: bytes, path: str, fallbacks=()) -> tuple[str, str, bool]:
    """Return (text, encoding, had_bom)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding, True
            except UnicodeDecodeError as e:
                raise UnreadableFile(f"{path}: starts with a {encoding} byte-order mark but does not decode: {e.reason}")
    if b"\x00" in raw[:8192]:
        raise UnreadableFile(f"{path}: binary file (contains NUL bytes), skipped")
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as e:
        first_error = e
    for encoding in fallbacks:
        try:
            return raw.decode(encoding), encoding, False
        except (UnicodeDecodeError, LookupError):
            continue
    line = raw.count(b"\n", 0, first_error.start) + 1
    raise UnreadableFile(
        f"{path}:{line}: not UTF-8 (byte 0x{raw[first_error.start]:02x} at offset {first_error.start}), "
        "skipped; convert the file or name its encoding in `fallback-encodings`")


def newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf and not lf and not cr:
        return "\r\n"
    if cr and not lf and not crlf:
        return "\r"
    if (crlf and lf) or (cr and (lf or crlf)):
        return "mixed"
    return "\n"


def read_bytes(path: str, display: str | None = None) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise UnreadableFile(f"{display or path}: cannot read: {e.strerror or e}") from None


def read_document(path: str, display: str | None = None, fallbacks=()) -> Document:
    return document_from_bytes(read_bytes(path, display), display or path, fallbacks)


def document_from_bytes(raw: bytes, display: str, fallbacks=()) -> Document:
    text, encoding, bom = decode(raw, display, fallbacks)
    newline = newline_style(text)
    if newline != "\n":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(display, text, encoding=encoding, newline=newline, bom=bom)


@lru_cache(maxsize=64)
def _glob_regex(globs: tuple):
    """One compiled regex for a list of globs, matched against a name or a slash path."""
    parts = []
    for g in globs:
        g = g.rstrip("/")
        body = fnmatch.translate(g)[4:-3]  # strip "(?s:" and ")\Z"
        parts.append(f"(?:{body})")
    if not parts:
        return None
    alternatives = "|".join(parts)
    return re.compile(rf"(?s:(?:{alternatives})|.*/(?:{alternatives}))\Z")


def matches_glob(path: str, globs) -> bool:
    pattern = _glob_regex(tuple(globs))
    if pattern is None:
        return False
    posix = path.replace(os.sep, "/")
    return bool(pattern.match(posix) or pattern.match(posix.rsplit("/", 1)[-1]))


def discover(paths, include, exclude, root: str | None = None) -> list[str]:
    """Files named directly are always taken; folders recurse over files matching `include`."""
    found = []
    seen = set()
    for path in paths:
        if os.path.isfile(path):
            candidates = [path]
        elif os.path.isdir(path):
            candidates = []
            for folder, dirs, files in os.walk(path):
                rel_folder = _rel(folder, root)
                dirs[:] = sorted(d for d in dirs if not matches_glob(os.path.join(rel_folder, d), exclude))
                for name in sorted(files):
                    if matches_glob(name, include) and not matches_glob(os.path.join(rel_folder, name), exclude):
                        candidates.append(os.path.join(folder, name))
        else:
            raise FileNotFoundError(path)
        for c in candidates:
            c = os.path.normpath(c)
            key = os.path.abspath(c)
            if key not in seen:
                seen.add(key)
                found.append(c)
    return found


def _rel(path: str, root: str | None) -> str:
    if root:
        try:
            return os.path.relpath(path, root)
        except ValueError:
            pass
    return path


def display_path(path: str) -> str:
    """How a path is shown: relative to the current folder when it is inside it."""
    if not os.path.isabs(path) and not path.startswith(".."):
        return os.path.normpath(path)
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel
