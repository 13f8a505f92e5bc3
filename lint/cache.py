"""A per-file result cache: unchanged files are not linted again.

An entry is keyed by the file's path and the hash of its bytes, inside a folder named by the
hash of everything else that decides the result: mtlint's own code and rules, the rule
selection and options, the termbase, extra rule folders and the encodings setting. Changing any
of these starts a new folder (and removes the old ones); changing a file invalidates its entry.
Entries hold the per-file findings and the small summaries corpus rules need.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile

import lint

CACHE_TAG = "CACHEDIR.TAG"


def _hash_tree(h, folder: str, suffixes) -> None:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(suffixes):
                full = os.path.join(root, name)
                h.update(os.path.relpath(full, folder).encode())
                with open(full, "rb") as f:
                    h.update(f.read())


def _load(path: str):
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return None


def _store(path: str, obj) -> None:
    """Write through a temporary file renamed into place, so readers never see half an entry."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def setup_key(linter) -> str:
    """The hash of everything but the file itself that decides a file's result."""
    h = hashlib.sha256()
    h.update(lint.__version__.encode())
    _hash_tree(h, os.path.dirname(os.path.abspath(lint.__file__)), (".py", ".yaml", ".txt"))
    for rule in sorted(linter.active, key=lambda r: r.code):
        h.update(rule.code.encode())
        h.update(repr(sorted(linter.contexts[rule.code].options.items())).encode())
        if rule.source and os.path.isfile(rule.source):
            with open(rule.source, "rb") as f:
                h.update(f.read())
    s = linter.settings
    h.update(repr((sorted(s.known_acronyms), s.fallback_encodings, s.include)).encode())
    if s.termbase:
        path = s.resolve(s.termbase)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()[:24]


class Cache:
    def __init__(self, folder: str, key: str):
        self.root = folder
        self.folder = os.path.join(folder, key)
        self.prepared = False

    def _entry(self, path: str, digest: str, report_on: bool) -> str:
        name = hashlib.sha256(f"{os.path.abspath(path)}\0{digest}\0{report_on}".encode()).hexdigest()
        return os.path.join(self.folder, name[:2], name[2:] + ".pickle")

    def get(self, path: str, digest: str, report_on: bool):
        return _load(self._entry(path, digest, report_on))

    def put(self, path: str, digest: str, report_on: bool, result) -> None:
        self.store(self._entry(path, digest, report_on), result)

    def store(self, entry: str, obj) -> None:
        try:
            if not self.prepared:
                self._prepare()
            _store(entry, obj)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _prepare(self) -> None:
        self.prepared = True
        os.makedirs(self.folder, exist_ok=True)
        tag = os.path.join(self.root, CACHE_TAG)
        if not os.path.exists(tag):
            with open(tag, "w") as f:
                f.write("Signature: 8a477f597d28d172789f06886806bc55\n# mtlint cache; safe to delete.\n")
        with open(os.path.join(self.root, ".gitignore"), "w") as f:
            f.write("*\n")
        for name in os.listdir(self.root):
            other = os.path.join(self.root, name)
            if os.path.isdir(other) and other != self.folder:
                shutil.rmtree(other, ignore_errors=True)  # results of an older setup


class RunCache:
    """The whole report of a run, for when no file changed at all (the common warm run).

    Keyed by the setup key, the current folder (paths are shown relative to it), the per-file
    ignores and every (path, role, content hash) of the run; the newest few runs are kept."""

    KEEP = 8

    def __init__(self, cache: Cache, extra: str):
        self.cache = cache
        self.extra = extra

    def key(self, work) -> str | None:
        h = hashlib.sha256(self.extra.encode())
        h.update(os.getcwd().encode())
        for path, report_on in work:
            try:
                with open(path, "rb") as f:
                    h.update(f"{path}\0{report_on}\0{digest(f.read())}\n".encode())
            except OSError:
                return None
        return h.hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.cache.folder, "runs", key + ".pickle")

    def get(self, key: str):
        return _load(self._file(key))

    def put(self, key: str, report) -> None:
        entry = self._file(key)
        self.cache.store(entry, report)
        folder = os.path.dirname(entry)
        try:
            runs = sorted((os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".pickle")),
                          key=os.path.getmtime, reverse=True)
            for old in runs[self.KEEP:]:
                os.unlink(old)
        except OSError:
            pass


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()
