"""A per-file result cache: unchanged files are not linted again.

An entry is keyed by the file's path and the hash of its bytes, inside a folder named by the
hash of everything else that decides the result: mtlint's own code and rules, the rule
selection and options, the termbase, extra rule folders and the encodings setting. Changing any
of these starts a new folder (and removes the entries of the old ones); changing a file
invalidates its entry. Entries hold the per-file findings and the small summaries corpus rules
need.

The cache deletes only what it made. Its root folder carries the CACHEDIR.TAG mtlint wrote; a
folder is created (with that tag and a `.gitignore` of `*`) only when it is missing or empty. An
existing folder with other content and without mtlint's tag is never used: nothing there is read,
written or deleted, and the run goes on without a cache. Inside its own root mtlint removes only
the setup folders it marked as its own, and in them only files named as its entries are.

Entries are JSON (a tagged encoding of tuples, sets, counters, arrays and mtlint's own data
classes) behind a checksum: reading one cannot run code, and an entry that is damaged or of the
wrong shape is ignored and the file linted again.
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import re
import stat
import tempfile
from array import array
from collections import Counter, defaultdict
from functools import lru_cache

import lint

CACHE_TAG = "CACHEDIR.TAG"
TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
TAG_TEXT = (f"{TAG_SIGNATURE}\n# mtlint cache; safe to delete.\n"
            "# For information about cache directory tags see https://bford.info/cachedir/\n")
SETUP_MARKER = "MTLINT-SETUP"  # written in every setup folder mtlint makes
FORMAT = 2  # of an entry; part of the setup key
HEADER = b"mtlint-cache %d " % FORMAT

_SETUP_NAME = re.compile(r"[0-9a-f]{24}\Z")
# the files mtlint writes in a setup folder (older versions wrote .pickle entries)
_ENTRY_NAME = re.compile(r"(?:[0-9a-f]{62}|[0-9a-f]{64})\.(?:json|pickle)\Z|\.mtlint-[A-Za-z0-9_]+\.tmp\Z")
_ENTRY_DIR = re.compile(r"[0-9a-f]{2}\Z|runs\Z")


def _fs(text: str) -> bytes:
    """Text to bytes for hashing, keeping file names with undecodable bytes."""
    return text.encode("utf-8", "surrogateescape")


# ---- the entry format ---------------------------------------------------------------------

class CacheFormatError(Exception):
    """An entry that is not what mtlint writes; it is ignored."""


class CacheEncodeError(Exception):
    """A value the entry format cannot hold; the result is then not cached."""


_FACTORIES = {"list": list, "set": set, "int": int, "dict": dict, "float": float, "str": str, "tuple": tuple,
              "Counter": Counter}
_FACTORY_NAMES = {v: k for k, v in _FACTORIES.items()}
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _pairs(items) -> list:
    return [[encode(k), encode(v)] for k, v in items]


_PLAIN = frozenset((bool, int, float, str, type(None)))


def encode(obj):
    """A JSON-ready form of `obj` that `decode` turns back into an equal value of the same type."""
    t = type(obj)
    if t in _PLAIN:
        return obj
    if t is list:
        return [x if type(x) in _PLAIN else encode(x) for x in obj]
    if t is dict:
        if "$" not in obj and all(type(k) is str for k in obj):
            return {k: v if type(v) in _PLAIN else encode(v) for k, v in obj.items()}
        return {"$": "D", "v": _pairs(obj.items())}
    if t is tuple:
        return {"$": "t", "v": [x if type(x) in _PLAIN else encode(x) for x in obj]}
    if t is set or t is frozenset:
        # Sorted where the items allow it, so that equal sets always encode to the same text.
        items = [encode(x) for x in obj]
        try:
            items.sort(key=lambda x: json.dumps(x, sort_keys=True))
        except (TypeError, ValueError):
            pass
        return {"$": "s" if t is set else "fs", "v": items}
    if t is bytes:
        return {"$": "b", "v": obj.hex()}
    if t is Counter:
        return {"$": "C", "v": _pairs(obj.items())}
    if t is defaultdict:
        name = _FACTORY_NAMES.get(obj.default_factory)
        if name is None:
            raise CacheEncodeError(f"defaultdict({obj.default_factory!r})")
        return {"$": "dd", "f": name, "v": _pairs(obj.items())}
    if t is array:
        return {"$": "a", "t": obj.typecode, "v": obj.tolist()}
    module = getattr(t, "__module__", "")
    if module == "lint" or module.startswith("lint."):
        names = _ordered_fields(t)
        if names is not None:  # a data class: its fields in order
            return {"$": "o", "m": module, "c": t.__qualname__,
                    "v": [v if type(v) in _PLAIN else encode(v) for v in map(obj.__getattribute__, names)]}
        return {"$": "o", "m": module, "c": t.__qualname__, "f": {k: encode(v) for k, v in _fields_of(obj).items()}}
    raise CacheEncodeError(f"a value of type {t.__module__}.{t.__qualname__}")


@lru_cache(maxsize=None)
def _ordered_fields(cls):
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


@lru_cache(maxsize=None)
def _field_names(cls):
    """The attribute names an instance of `cls` may have, or None for any (a plain class)."""
    if dataclasses.is_dataclass(cls):
        return {f.name for f in dataclasses.fields(cls)}
    slots = [s for c in cls.__mro__ for s in getattr(c, "__dict__", {}).get("__slots__", ())]
    if slots and not any("__dict__" in getattr(c, "__dict__", {}) for c in cls.__mro__ if c is not object):
        return set(slots)
    return None


def _fields_of(obj) -> dict:
    names = _field_names(type(obj))
    if names is None:
        return dict(vars(obj))
    return {n: getattr(obj, n) for n in sorted(names) if hasattr(obj, n)}


def _class(module: str, qualname: str):
    if not isinstance(module, str) or not isinstance(qualname, str):
        raise CacheFormatError("class name is not text")
    return _class_named(module, qualname)


@lru_cache(maxsize=256)
def _class_named(module: str, qualname: str):
    parts = module.split(".")
    if parts[0] != "lint" or not all(_IDENT.fullmatch(p) for p in parts):
        raise CacheFormatError(f"class from outside mtlint: {module}")
    names = qualname.split(".")
    if not all(_IDENT.fullmatch(n) for n in names):
        raise CacheFormatError(f"not a class name: {qualname}")
    try:
        obj = importlib.import_module(module)
    except ImportError:
        raise CacheFormatError(f"no module {module}") from None
    for n in names:
        obj = getattr(obj, n, None)
    if not isinstance(obj, type) or obj.__module__ != module or obj.__qualname__ != qualname:
        raise CacheFormatError(f"not a class of mtlint: {module}.{qualname}")
    if obj.__new__ is not object.__new__:
        raise CacheFormatError(f"cannot rebuild {qualname}")
    return obj


def _list(value) -> list:
    if type(value) is not list:
        raise CacheFormatError("expected a list")
    return value


def _decode_pairs(value) -> list:
    out = []
    for pair in _list(value):
        if type(pair) is not list or len(pair) != 2:
            raise CacheFormatError("expected a pair")
        out.append((decode(pair[0]), decode(pair[1])))
    return out


def decode(data):
    """The inverse of `encode`; anything that `encode` cannot have written raises CacheFormatError."""
    t = type(data)
    if t in _PLAIN:
        return data
    if t is list:
        return [x if type(x) in _PLAIN else decode(x) for x in data]
    if t is not dict:
        raise CacheFormatError(f"unexpected {t.__name__}")
    tag = data.get("$")
    if tag is None:
        return {k: v if type(v) in _PLAIN else decode(v) for k, v in data.items()}
    try:
        if tag == "t":
            return tuple([x if type(x) in _PLAIN else decode(x) for x in _list(data["v"])])
        if tag == "s":
            return {decode(x) for x in _list(data["v"])}
        if tag == "fs":
            return frozenset(decode(x) for x in _list(data["v"]))
        if tag == "D":
            return dict(_decode_pairs(data["v"]))
        if tag == "b":
            return bytes.fromhex(data["v"])
        if tag == "C":
            return Counter(dict(_decode_pairs(data["v"])))
        if tag == "dd":
            factory = _FACTORIES.get(data["f"]) if isinstance(data["f"], str) else None
            if factory is None:
                raise CacheFormatError("unknown defaultdict factory")
            return defaultdict(factory, _decode_pairs(data["v"]))
        if tag == "a":
            if data["t"] not in ("b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"):
                raise CacheFormatError("unknown array type")
            return array(data["t"], _list(data["v"]))
        if tag == "o":
            cls = _class(data["m"], data["c"])
            if "v" in data:  # a data class, its fields in order
                names = _ordered_fields(cls)
                values = _list(data["v"])
                if names is None or len(values) != len(names):
                    raise CacheFormatError(f"fields of {cls.__qualname__} do not match")
                obj = object.__new__(cls)
                for k, v in zip(names, values):
                    object.__setattr__(obj, k, v if type(v) in _PLAIN else decode(v))
                return obj
            fields = data["f"]
            if type(fields) is not dict or not all(_IDENT.fullmatch(k) for k in fields):
                raise CacheFormatError("bad fields")
            allowed = _field_names(cls)
            if allowed is not None and not set(fields) <= allowed:
                raise CacheFormatError(f"unknown fields of {cls.__qualname__}")
            if dataclasses.is_dataclass(cls) and set(fields) != allowed:
                raise CacheFormatError(f"missing fields of {cls.__qualname__}")
            obj = object.__new__(cls)
            for k, v in fields.items():
                object.__setattr__(obj, k, decode(v))
            return obj
    except CacheFormatError:
        raise
    except (KeyError, TypeError, ValueError, OverflowError, AttributeError) as e:
        raise CacheFormatError(f"malformed {tag!r}: {e}") from None
    raise CacheFormatError(f"unknown tag {tag!r}")


def entry_bytes(body: bytes) -> bytes:
    """An entry file: a header with the checksum of the JSON body, then the body."""
    return HEADER + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b"\n" + body


def dumps(obj) -> bytes:
    return entry_bytes(json.dumps(encode(obj), ensure_ascii=True, separators=(",", ":")).encode("ascii"))


def loads(raw: bytes, check=None):
    """The value of an entry file, or None when it is damaged, of another format or fails `check`."""
    header, sep, body = raw.partition(b"\n")
    if not sep or not header.startswith(HEADER):
        return None
    if header[len(HEADER):] != hashlib.blake2b(body, digest_size=16).hexdigest().encode():
        return None
    try:
        value = decode(json.loads(body))
    except (CacheFormatError, ValueError, RecursionError):
        return None
    if check is not None and not check(value):
        return None
    return value


def _load(path: str, check=None):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return None
    return loads(raw, check)


def _store(path: str, obj) -> None:
    """Write through a temporary file renamed into place, so readers never see half an entry."""
    data = dumps(obj)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".mtlint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ---- the setup key ------------------------------------------------------------------------

def _hash_tree(h, folder: str, suffixes) -> None:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(suffixes):
                full = os.path.join(root, name)
                h.update(_fs(os.path.relpath(full, folder)))
                with open(full, "rb") as f:
                    h.update(f.read())


def setup_key(linter) -> str:
    """The hash of everything but the file itself that decides a file's result."""
    h = hashlib.sha256()
    h.update(f"{lint.__version__}\0{FORMAT}".encode())
    _hash_tree(h, os.path.dirname(os.path.abspath(lint.__file__)), (".py", ".yaml", ".txt"))
    for rule in sorted(linter.active, key=lambda r: r.code):
        h.update(rule.code.encode())
        h.update(_fs(repr(sorted(linter.contexts[rule.code].options.items()))))
        if rule.source and os.path.isfile(rule.source):
            with open(rule.source, "rb") as f:
                h.update(f.read())
    s = linter.settings
    h.update(_fs(repr((sorted(s.known_acronyms), s.fallback_encodings, s.include, s.max_file_size))))
    if s.termbase:
        path = s.resolve(s.termbase)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()[:24]


# ---- the cache folder ---------------------------------------------------------------------

def is_own_cache(folder: str) -> bool:
    """Whether `folder` holds the CACHEDIR.TAG that mtlint writes."""
    try:
        with open(os.path.join(folder, CACHE_TAG), "rb") as f:
            head = f.read(1024)
    except OSError:
        return False
    return head.startswith(TAG_SIGNATURE.encode()) and b"mtlint cache" in head


def _is_empty(folder: str) -> bool:
    try:
        with os.scandir(folder) as it:
            return next(it, None) is None
    except OSError:
        return False


def _write_new(path: str, text: str) -> None:
    """Create `path` with `text` unless it exists; never overwrite."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as f:
        f.write(text)


def remove_setup(folder: str) -> None:
    """Remove a setup folder's entries, and the folders they leave empty; nothing else."""
    for root, dirs, files in os.walk(folder, topdown=False):
        rel = os.path.relpath(root, folder)
        if rel != "." and not all(_ENTRY_DIR.match(p) for p in rel.split(os.sep)):
            continue
        for name in files:
            if _ENTRY_NAME.match(name) or (rel == "." and name == SETUP_MARKER):
                try:
                    os.unlink(os.path.join(root, name))
                except OSError:
                    pass
        try:
            os.rmdir(root)  # only succeeds when nothing else is in it
        except OSError:
            pass


class Cache:
    def __init__(self, folder: str, key: str):
        self.root = folder
        self.key = key
        self.folder = os.path.join(folder, key)
        self.prepared = False
        self.refused = self._refusal()

    def _refusal(self) -> str | None:
        """Why the folder cannot be this cache (it exists and is not mtlint's), or None."""
        if not os.path.lexists(self.root):
            return None
        if not os.path.isdir(self.root):
            return f"cache disabled: {self.root} exists and is not a folder"
        if is_own_cache(self.root) or _is_empty(self.root):
            return None
        return (f"cache disabled: {self.root} is not an mtlint cache (it has other content and no "
                f"mtlint {CACHE_TAG}); nothing there is read, written or deleted. Choose another --cache-dir")

    def _entry(self, path: str, digest: str, report_on: bool) -> str:
        name = hashlib.sha256(_fs(f"{os.path.abspath(path)}\0{digest}\0{report_on}")).hexdigest()
        return os.path.join(self.folder, name[:2], name[2:] + ".json")

    def get(self, path: str, digest: str, report_on: bool):
        if self.refused:
            return None
        return _load(self._entry(path, digest, report_on), valid_file_result)

    def put(self, path: str, digest: str, report_on: bool, result) -> None:
        self.store(self._entry(path, digest, report_on), result)

    def store(self, entry: str, obj) -> None:
        if self.refused:
            return
        try:
            if not self.prepared:
                self._prepare()
                if self.refused:
                    return
            _store(entry, obj)
        except Exception:
            pass  # a cache that cannot be written only costs time

    def _prepare(self) -> None:
        self.prepared = True
        created = False
        try:
            os.makedirs(self.root)
            created = True
        except FileExistsError:
            pass
        if not is_own_cache(self.root):
            if not (created or _is_empty(self.root)):
                self.refused = self._refusal() or f"cache disabled: {self.root} is not an mtlint cache"
                return
            _write_new(os.path.join(self.root, CACHE_TAG), TAG_TEXT)
        _write_new(os.path.join(self.root, ".gitignore"), "*\n")
        os.makedirs(self.folder, exist_ok=True)
        _write_new(os.path.join(self.folder, SETUP_MARKER), self.key + "\n")
        with os.scandir(self.root) as it:
            others = [e.path for e in it if e.name != self.key and _SETUP_NAME.match(e.name)
                      and e.is_dir(follow_symlinks=False)]
        for other in others:  # results of an older setup, if mtlint made the folder
            if os.path.isfile(os.path.join(other, SETUP_MARKER)) or _is_legacy_setup(other):
                remove_setup(other)


def _is_legacy_setup(folder: str) -> bool:
    """A setup folder of an older mtlint (before the marker): entries and entry folders only."""
    for root, dirs, files in os.walk(folder):
        rel = os.path.relpath(root, folder)
        if rel != "." and not all(_ENTRY_DIR.match(p) for p in rel.split(os.sep)):
            return False
        if not all(_ENTRY_NAME.match(n) for n in files):
            return False
    return True


class RunCache:
    """The whole report of a run, for when no file changed at all (the common warm run).

    Keyed by the setup key, the current folder (paths are shown relative to it), the per-file
    ignores and every (path, role, state) of the run; the newest few runs are kept. A regular
    file's state is its size, modification and change times, inode and device, as git's index
    keeps them: any write to a file changes its change time, which no program can set back, so
    an unchanged run is known from one `stat` per file instead of reading the corpus. Other files
    (special, too large, missing) are read as before, and their error is the state."""

    KEEP = 8

    def __init__(self, cache: Cache, extra: str):
        self.cache = cache
        self.extra = extra

    def key(self, work, max_size: int = 0) -> str | None:
        from lint.readers import UnreadableFile, read_bytes

        if self.cache.refused:
            return None
        h = hashlib.sha256(_fs(self.extra))
        h.update(_fs(os.getcwd()))
        for path, report_on in work:
            try:
                st = os.stat(path)
            except OSError:
                st = None
            if st is not None and stat.S_ISREG(st.st_mode) and not (max_size and st.st_size > max_size):
                state = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"
            else:
                try:
                    state = digest(read_bytes(path, path, max_size))
                except UnreadableFile as e:
                    state = str(e)
            h.update(_fs(f"{path}\0{report_on}\0{state}\n"))
        return h.hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.cache.folder, "runs", key + ".json")

    def get(self, key: str):
        if self.cache.refused:
            return None
        return _load(self._file(key), valid_report)

    def put(self, key: str, report) -> None:
        entry = self._file(key)
        self.cache.store(entry, report)
        folder = os.path.dirname(entry)
        try:
            runs = sorted((os.path.join(folder, n) for n in os.listdir(folder) if _ENTRY_NAME.match(n)),
                          key=os.path.getmtime, reverse=True)
            for old in runs[self.KEEP:]:
                os.unlink(old)
        except OSError:
            pass


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


# ---- what an entry must look like ---------------------------------------------------------

def _all(values, kind) -> bool:
    return all(type(v) is kind for v in values)


def valid_finding(f) -> bool:
    from lint import SEVERITIES
    from lint.finding import Finding, Related

    if type(f) is not Finding:
        return False
    if not _all((f.start, f.end, f.line, f.column, f.end_line, f.end_column, f.source_offset), int):
        return False
    if not _all((f.path, f.code, f.name, f.category, f.severity, f.message, f.text, f.context, f.source_line,
                 f.fingerprint, f.project_path), str):
        return False
    if f.severity not in SEVERITIES or not (f.fix is None or type(f.fix) is str) or type(f.related) is not tuple:
        return False
    return all(type(r) is Related and _all((r.path, r.message), str) and _all((r.line, r.column), int)
               for r in f.related)


def valid_file_result(r) -> bool:
    from lint.engine import FileResult

    return (type(r) is FileResult and type(r.path) is str and type(r.findings) is list
            and all(valid_finding(f) for f in r.findings) and type(r.summaries) is dict
            and _all(r.summaries, str) and (r.error is None or type(r.error) is str)
            and type(r.metrics) is dict and type(r.suppressions) is list and type(r.digest) is str)


def valid_report(r) -> bool:
    from lint.engine import Report

    return (type(r) is Report and type(r.findings) is list and all(valid_finding(f) for f in r.findings)
            and type(r.errors) is list and _all(r.errors, str) and type(r.files) is int
            and type(r.metrics) is dict and type(r.notes) is list and _all(r.notes, str)
            and type(r.stale) is list and type(r.baselined) is int and type(r.unused_suppressions) is list
            and type(r.checked) is list and _all(r.checked, str) and type(r.fixed) is int
            and type(r.digests) is dict and _all(r.digests, str) and _all(r.digests.values(), str))
