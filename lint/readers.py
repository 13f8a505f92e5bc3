"""Finding the files to lint and reading them without losing anything.

A file is read as bytes and decoded as UTF-8 (a BOM is remembered), UTF-16/32 when it starts with
their BOM (the byte order is remembered), then any `fallback-encodings` from the config. Binary
files (a NUL byte anywhere), files no encoding can decode, files over `max-file-size` and anything
that is not a regular file (a FIFO, a device: checked before it is opened, so the run never
blocks) are reported by name and skipped; the run goes on. Newlines are normalized to "\\n" for
the rules; the original style is kept so that --fix can write it back.
"""
from __future__ import annotations

import codecs
import fnmatch
import os
import re
import stat
from functools import lru_cache

from lint.document import Document


class UnreadableFile(Exception):
    pass


# (mark, the codec of what follows it); UTF-32 LE first, as its mark starts with UTF-16 LE's
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
BOM_OF = {encoding: bom for bom, encoding in _BOMS}


def decode(raw: bytes, path: str, fallbacks=()) -> tuple[str, str, bool]:
    """Return (text, encoding, had_bom); the encoding names the byte order, the BOM is not in the text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                raise UnreadableFile(f"{path}: starts with a {encoding} byte-order mark but does not decode: {e.reason}")
            if "\x00" in text:
                raise UnreadableFile(f"{path}: binary file (contains NUL characters), skipped")
            return text, encoding, True
    if b"\x00" in raw:
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


def encode_text(text: str, encoding: str, newline: str, bom: bool) -> bytes:
    """The bytes of a document's text in its own encoding, byte-order mark and newlines."""
    data = text.replace("\n", newline).encode(encoding) if newline != "\n" else text.encode(encoding)
    return (BOM_OF.get(encoding, b"") if bom else b"") + data


def _too_big(display: str, size: int, limit: int) -> UnreadableFile:
    return UnreadableFile(f"{display}: {size} bytes is over max-file-size ({limit} bytes), skipped; "
                          "raise `max-file-size` in the config (0: no limit)")


def read_bytes(path: str, display: str | None = None, max_size: int = 0) -> bytes:
    """The bytes of a regular file; anything else (a FIFO, a device, a folder) is never read."""
    display = display or path
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(f"{display}: not a regular file, skipped")
        if max_size and st.st_size > max_size:
            raise _too_big(display, st.st_size, max_size)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between stat and open
                raise UnreadableFile(f"{display}: not a regular file, skipped")
            data = f.read(max_size + 1) if max_size else f.read()
    except OSError as e:
        raise UnreadableFile(f"{display}: cannot read: {e.strerror or e}") from None
    if max_size and len(data) > max_size:
        raise _too_big(display, len(data), max_size)
    return data


def read_document(path: str, display: str | None = None, fallbacks=(), max_size: int = 0) -> Document:
    return document_from_bytes(read_bytes(path, display, max_size), display or path, fallbacks)


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


def discover(paths, include, exclude, root: str | None = None, errors: list | None = None,
             force_exclude: bool = False, gitignore: bool = False, excluded: list | None = None) -> list[str]:
    """Folders recurse over files matching `include`, without those matching `exclude` and, with
    `gitignore`, without what the .gitignore files from `root` down ignore. A file named directly
    is taken whatever its name; with `force_exclude` not if it (or a folder above it, up to
    `root`) matches `exclude`, and so for a folder named directly: those paths go to `excluded`.

    A folder that cannot be read is named in `errors` (when given), not skipped in silence."""
    found = []
    seen = set()
    ignores = GitIgnores(root or os.getcwd()) if gitignore else None

    def walk_error(e: OSError) -> None:
        if errors is not None:
            errors.append(f"{display_path(e.filename) if e.filename else path}: cannot read folder: {e.strerror or e}")

    for path in paths:
        if not os.path.lexists(path):
            raise FileNotFoundError(path)
        if force_exclude and is_excluded(path, exclude, root):
            if excluded is not None:
                excluded.append(path)
            continue
        if os.path.isdir(path):
            candidates = []
            for folder, dirs, files in os.walk(path, onerror=walk_error):
                rel_folder = _rel(folder, root)
                dirs[:] = sorted(d for d in dirs if not matches_glob(os.path.join(rel_folder, d), exclude)
                                 and not (ignores and ignores.ignored(os.path.join(folder, d), True, path)))
                for name in sorted(files):
                    if (matches_glob(name, include) and not matches_glob(os.path.join(rel_folder, name), exclude)
                            and not (ignores and ignores.ignored(os.path.join(folder, name), False, path))):
                        candidates.append(os.path.join(folder, name))
        elif os.path.exists(path):
            candidates = [path]  # a file, or something else that reading reports (a FIFO, a device)
        else:
            raise FileNotFoundError(path)
        for c in candidates:
            c = os.path.normpath(c)
            key = os.path.abspath(c)
            if key not in seen:
                seen.add(key)
                found.append(c)
    return found


def is_excluded(path: str, exclude, root: str | None) -> bool:
    """Whether `path`, or a folder above it below `root`, matches `exclude` (paths relative to
    `root`, as when folders are walked)."""
    parts = _rel(os.path.normpath(path), root).replace(os.sep, "/").split("/")
    for n in range(len(parts), 0, -1):
        if parts[n - 1] not in ("..", ".", "") and matches_glob("/".join(parts[:n]), exclude):
            return True
    return False


class GitIgnores:
    """What the .gitignore files ignore, read as git reads them: from the project root down to
    each folder, a deeper file's rules before a shallower one's, the last matching rule of a file
    deciding (`!pattern` re-includes). Patterns are matched by `pathspec`, imported only once a
    .gitignore exists."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        self.specs: dict = {}  # folder -> its .gitignore's spec, or None
        self.chains: dict = {}  # (folder, top) -> [(folder, spec)] of the .gitignore files that apply

    def _spec(self, folder: str):
        if folder not in self.specs:
            spec = None
            name = os.path.join(folder, ".gitignore")
            if os.path.isfile(name):
                try:
                    with open(name, encoding="utf-8", errors="surrogateescape") as f:
                        lines = f.read().splitlines()
                except OSError:
                    lines = []
                import pathspec

                spec = pathspec.GitIgnoreSpec.from_lines(lines)
            self.specs[folder] = spec
        return self.specs[folder]

    def _folders(self, folder: str, top: str) -> list[str]:
        """`folder` and the folders above it, up to the project root or up to `top` (the folder
        the walk started from), whichever of them is above `folder` and higher."""
        top = os.path.abspath(top)
        bases = [b for b in (self.root, top) if _under(folder, b)]
        base = min(bases, key=len) if bases else folder
        out = [folder]
        while folder != base and os.path.dirname(folder) != folder:
            folder = os.path.dirname(folder)
            out.append(folder)
        return out

    def ignored(self, path: str, is_dir: bool, top: str) -> bool:
        path = os.path.abspath(path)
        key = (os.path.dirname(path), top)
        chain = self.chains.get(key)
        if chain is None:  # once per folder: a corpus of 20,000 files in a few folders costs a few lookups
            chain = [(f, spec) for f in self._folders(key[0], top) if (spec := self._spec(f)) is not None]
            self.chains[key] = chain
        for folder, spec in chain:
            rel = os.path.relpath(path, folder).replace(os.sep, "/") + ("/" if is_dir else "")
            decided = spec.check_file(rel).include
            if decided is not None:
                return decided
        return False


def _under(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([folder, path]) == folder
    except ValueError:  # another drive
        return False


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
    inside = os.path.join(os.getcwd(), "")
    if path.startswith(inside) and os.path.normpath(path) == path:
        return path[len(inside):]  # what relpath gives, without its cost (corpus listings are long)
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel
