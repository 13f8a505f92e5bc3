"""Corpora stored as records: JSON Lines shards (plain or gzip) and Parquet files.

A record is one article. Its text is the value of the text field (`--text-field`, `text-field`
in the config; by default `text`, else `body`), or of several fields joined by a blank line
(`title,body`); its id is the value of the id field (`--id-field`), else its 1-based line (row)
number. A record is linted as a document whose path is `SHARD:ID`, so that a finding is shown at
`SHARD:ID:LINE:COLUMN`, its line and column counted within the record's text.

A shard is read in blocks: a JSON Lines file is cut at newlines into byte ranges (`plan`), each
block is read and linted on its own (in this process, a process pool or a Dask worker); a gzip
shard is one block, a Parquet file one block per row group. Every physical line of a block gives
exactly one result (a blank line an empty one), so that both engines merge the same sequence.

A line that is not a JSON object, has no text field, a text that is not a string, or a repeated
id is named as `SHARD:LINE` with the reason and skipped; the run goes on (exit 1, as for an
unreadable file). When no record of the run has the text field at all, the field is wrong: that
is a usage error (exit 2) listing the fields the records do have.

Paths may be fsspec URLs (`s3://bucket/shards/*.jsonl`, `file:///data/corpus/`): fsspec is
imported only then, pyarrow only for Parquet.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import NamedTuple

from lint import MtlintError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
GZIP_SUFFIXES = (".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".parq")
RECORD_SUFFIXES = JSONL_SUFFIXES + GZIP_SUFFIXES + PARQUET_SUFFIXES
DEFAULT_TEXT_FIELDS = ("text", "body")  # the first one a record has
READ_CHUNK = 1 << 22
MIN_BLOCK = 256 << 10
MAX_BLOCK = 16 << 20
BLOCKS_PER_WORKER = 16


def is_url(path: str) -> bool:
    return "://" in path


def is_record_file(path: str) -> bool:
    return path.lower().endswith(RECORD_SUFFIXES)


def kind_of(path: str) -> str:
    p = path.lower()
    if p.endswith(GZIP_SUFFIXES):
        return "jsonl.gz"
    if p.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "jsonl"


# ---- options -------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordOptions:
    text_fields: tuple = ()  # empty: DEFAULT_TEXT_FIELDS, the first one present
    id_field: str | None = None

    @property
    def text_desc(self) -> str:
        if not self.text_fields:
            return " or ".join(f"`{f}`" for f in DEFAULT_TEXT_FIELDS)
        return " or ".join(f"`{f}`" for f in self.text_fields) if len(self.text_fields) > 1 else f"`{self.text_fields[0]}`"

    def key(self) -> str:
        return repr((self.text_fields, self.id_field))


def parse_fields(value) -> tuple:
    """`title,body` or ["title", "body"] -> ("title", "body")."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(v.strip() for v in value if v and v.strip())


def options_of(settings) -> RecordOptions:
    return RecordOptions(parse_fields(getattr(settings, "text_field", None)), getattr(settings, "id_field", None) or None)


# ---- what travels: blocks and record locators ----------------------------------------------

@dataclass(frozen=True)
class Block:
    """A part of one shard, linted as one task: bytes [start, start + length) of a JSON Lines
    file (length -1: to the end), or row group `start` of a Parquet file."""

    path: str  # what to open: an absolute path or a URL
    display: str  # how the shard is named in findings and messages
    kind: str
    start: int
    length: int
    first_line: int  # of the block's first line (row) in the shard, 1-based
    count: int  # physical lines (rows) in the block: one result each
    report_on: bool = True


class RecordInfo(NamedTuple):
    """Where a linted record is, so that the corpus pass can read it again; on a record that
    could not be linted, `missing` names what it lacked and the fields it had."""

    path: str
    display: str
    kind: str
    line: int
    offset: int  # byte offset of the line (JSON Lines, in the decompressed stream for gzip); row group (Parquet)
    sub: int  # row within the row group (Parquet)
    target: bool
    missing: tuple | None = None  # ("text" or "id", (field names of the record))


# ---- opening local files and URLs ----------------------------------------------------------

def open_input(path: str):
    """A binary file object for a local path or an fsspec URL."""
    if not is_url(path):
        return open(path, "rb")
    try:
        import fsspec
    except ImportError:
        raise MtlintError(f"{path}: reading URLs needs fsspec (`pip install 'mtlint[dask]'` brings it)") from None
    try:
        return fsspec.open(path, "rb").open()
    except FileNotFoundError:
        raise
    except Exception as e:  # an unknown protocol, a missing driver: a usage problem
        raise MtlintError(f"{path}: cannot open: {type(e).__name__}: {e}") from None


def size_of(path: str) -> int:
    if not is_url(path):
        try:
            return os.path.getsize(path)
        except OSError:
            return 0
    import fsspec

    fs, p = fsspec.core.url_to_fs(path)
    try:
        return int(fs.size(p) or 0)
    except Exception:
        return 0


def read_url_bytes(path: str, display: str, max_size: int = 0) -> bytes:
    """The bytes of an article at an fsspec URL, with the limits of a local read."""
    from lint.readers import UnreadableFile, _too_big

    try:
        with open_input(path) as f:
            data = f.read(max_size + 1) if max_size else f.read()
    except (OSError, MtlintError) as e:
        raise UnreadableFile(f"{display}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    if max_size and len(data) > max_size:
        raise _too_big(display, len(data), max_size)
    return data


def read_any(path: str, display: str, settings):
    """A plain article as a Document, from a local path or a URL."""
    from lint.readers import document_from_bytes, read_bytes

    if is_url(path):
        raw = read_url_bytes(path, display, settings.max_file_size)
    else:
        raw = read_bytes(path, display, settings.max_file_size)
    return document_from_bytes(raw, display, settings.fallback_encodings)


def discover_urls(url: str, include, exclude) -> list[str]:
    """The files a URL names: itself, what a glob matches, or what a folder holds (by `include`)."""
    from lint.readers import matches_glob

    try:
        import fsspec
    except ImportError:
        raise MtlintError(f"{url}: reading URLs needs fsspec (`pip install 'mtlint[dask]'` brings it)") from None
    try:
        fs, root = fsspec.core.url_to_fs(url)
    except Exception as e:
        raise MtlintError(f"{url}: {type(e).__name__}: {e}") from None
    if any(c in root for c in "*?["):
        found = sorted(p for p in fs.glob(root) if not fs.isdir(p))
        explicit = True
    elif fs.isdir(root):
        found = sorted(fs.find(root))
        explicit = False
    elif fs.exists(root):
        return [url]
    else:
        raise FileNotFoundError(url)
    out = []
    for p in found:
        name = p.rsplit("/", 1)[-1]
        if not explicit and not (matches_glob(name, include) or is_record_file(name)):
            continue
        if matches_glob(p, exclude):
            continue
        out.append(fs.unstrip_protocol(p))
    return out


# ---- planning ------------------------------------------------------------------------------

def block_bytes_for(total: int, workers: int) -> int:
    """Blocks small enough that every worker gets several, large enough to keep tasks cheap."""
    return max(MIN_BLOCK, min(MAX_BLOCK, total // max(1, workers * BLOCKS_PER_WORKER) + 1))


def plan(path: str, display: str, report_on: bool, block_bytes: int) -> list[Block]:
    """The blocks of one shard. A JSON Lines file is read once to find newlines; a gzip one is
    read once to count its lines; a Parquet file's metadata gives its row groups."""
    kind = kind_of(path)
    if kind == "parquet":
        pq = _parquet()
        with open_input(path) as f:
            meta = pq.ParquetFile(f).metadata
            blocks, row = [], 1
            for g in range(meta.num_row_groups):
                n = meta.row_group(g).num_rows
                blocks.append(Block(path, display, kind, g, -1, row, n, report_on))
                row += n
        return blocks
    if kind == "jsonl.gz":
        import gzip

        count, last = 0, b"\n"
        with open_input(path) as raw, gzip.GzipFile(fileobj=raw) as f:
            while True:
                chunk = f.read(READ_CHUNK)
                if not chunk:
                    break
                count += chunk.count(b"\n")
                last = chunk[-1:]
        count += last != b"\n"
        return [Block(path, display, kind, 0, -1, 1, count, report_on)] if count else []
    blocks = []
    start, start_line, seen_at_start = 0, 1, 0
    seen = pos = 0  # newlines in bytes [0, pos)
    last = b"\n"
    with open_input(path) as f:
        while True:
            chunk = f.read(READ_CHUNK)
            if not chunk:
                break
            i = 0
            while True:
                target = start + block_bytes - pos
                if target >= len(chunk):
                    break
                j = chunk.find(b"\n", max(target, i))
                if j < 0:
                    break
                seen += chunk.count(b"\n", i, j + 1)
                count = seen - seen_at_start
                blocks.append(Block(path, display, kind, start, pos + j + 1 - start, start_line, count, report_on))
                start, start_line, seen_at_start = pos + j + 1, start_line + count, seen
                i = j + 1
            seen += chunk.count(b"\n", i)
            pos += len(chunk)
            last = chunk[-1:]
    if pos > start:
        count = seen - seen_at_start + (last != b"\n")
        blocks.append(Block(path, display, kind, start, pos - start, start_line, count, report_on))
    return blocks


@dataclass(frozen=True)
class FileError:
    """A shard that cannot be read at all: one error result in the run."""

    display: str
    message: str
    report_on: bool = True
    count: int = 1


def plan_or_error(display: str, report_on: bool, block_bytes: int, path: str | None = None) -> list:
    """The blocks of a shard named by its display path (a local path or a URL; `path`: where to
    open it, if elsewhere), or a FileError."""
    path = path or (display if is_url(display) else os.path.abspath(display))
    try:
        return plan(path, display, report_on, block_bytes)
    except MtlintError:
        raise
    except FileNotFoundError:
        return [FileError(display, f"{display}: cannot read: no such file", report_on)]
    except OSError as e:
        return [FileError(display, f"{display}: cannot read: {e.strerror or e}", report_on)]
    except Exception as e:  # not gzip, not Parquet, ...
        return [FileError(display, f"{display}: cannot read as {kind_of(display)}: {_first_line(e)}, skipped",
                          report_on)]


def _first_line(e: BaseException) -> str:
    lines = str(e).strip().splitlines()
    return lines[0] if lines else type(e).__name__


def targets_with_urls(linter, paths) -> list[str]:
    """Linter.targets for a list that mixes fsspec URLs and local paths, in the order given."""
    s = linter.settings
    out, seen, errors, excluded = [], set(), [], []
    for p in paths:
        if is_url(p):
            found = discover_urls(p, s.include, s.exclude)
        else:
            found = linter.targets([p])
            errors += getattr(linter, "discovery_errors", [])
            excluded += getattr(linter, "excluded_paths", [])
        for f in found:
            if f not in seen:
                seen.add(f)
                out.append(f)
    linter.discovery_errors, linter.excluded_paths = errors, excluded
    return out


def _parquet():
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MtlintError("reading Parquet needs pyarrow: `pip install 'mtlint[parquet]'`") from None
    return pq


# ---- reading records -----------------------------------------------------------------------

def _type_name(value) -> str:
    return {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def text_of(obj: dict, opts: RecordOptions):
    """(text, None) or (None, (problem, missing)) for one parsed record."""
    fields = opts.text_fields or DEFAULT_TEXT_FIELDS
    parts = []
    for name in fields:
        value = obj.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return None, (f"field `{name}` is {_type_name(value)}, not text", None)
        parts.append(value)
        if not opts.text_fields:
            break  # the default: the first of text, body
    if not parts:
        keys = ", ".join(f"`{k}`" for k in list(obj)[:12]) or "none"
        return None, (f"no text field {opts.text_desc} (its fields: {keys})", ("text", tuple(list(obj)[:20])))
    return ("\n\n".join(parts) if len(parts) > 1 else parts[0]), None


def id_of(obj: dict, opts: RecordOptions, line: int):
    """(id, None) or (None, (problem, missing))."""
    if not opts.id_field:
        return str(line), None
    value = obj.get(opts.id_field)
    if value is None:
        keys = ", ".join(f"`{k}`" for k in list(obj)[:12]) or "none"
        return None, (f"no id field `{opts.id_field}` (its fields: {keys})", ("id", tuple(list(obj)[:20])))
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, (f"id field `{opts.id_field}` is {_type_name(value)}, not text or a whole number", None)
    value = str(value)
    if not value.strip() or "\n" in value:
        return None, (f"id field `{opts.id_field}` is empty or spans lines", None)
    return value, None


def parse_line(raw: bytes, line: int, opts: RecordOptions):
    """(id, text, None) for a record, (None, None, None) for a blank line, or
    (None, None, (problem, missing))."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    if line == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None, None, None
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, None, (f"not UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})", None)
    try:
        obj = json.loads(s)
    except json.JSONDecodeError as e:
        return None, None, (f"not valid JSON ({e.msg} at column {e.colno})", None)
    except RecursionError:
        return None, None, ("not valid JSON (nested too deeply)", None)
    if not isinstance(obj, dict):
        return None, None, (f"not a JSON object but {_type_name(obj)}", None)
    return parse_object(obj, line, opts)


def parse_object(obj: dict, line: int, opts: RecordOptions):
    text, problem = text_of(obj, opts)
    if problem:
        return None, None, problem
    rid, problem = id_of(obj, opts, line)
    if problem:
        return None, None, problem
    return rid, text, None


def check_text(text: str, max_size: int):
    """The UTF-8 bytes of a record's text, or a problem: unpaired surrogates, NUL, too big."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as e:
        return None, f"text is not valid Unicode (unpaired surrogate at character {e.start + 1})"
    if "\x00" in text:
        return None, "text contains NUL characters (binary data)"
    if max_size and len(data) > max_size:
        return None, (f"text of {len(data)} bytes is over max-file-size ({max_size} bytes); "
                      "raise `max-file-size` in the config (0: no limit)")
    return data, None


def iter_block(block: Block, opts: RecordOptions):
    """(line, offset, sub, id, text, problem) for every line (row) of a block, in order; id and
    text are None for a blank line or a record with a problem."""
    if block.kind == "parquet":
        yield from _iter_parquet(block, opts)
        return
    if block.kind == "jsonl.gz":
        import gzip

        with open_input(block.path) as raw, gzip.GzipFile(fileobj=raw) as f:
            offset = 0
            for n, line in enumerate(f, block.first_line):
                rid, text, problem = parse_line(line[:-1] if line.endswith(b"\n") else line, n, opts)
                yield n, offset, 0, rid, text, problem
                offset += len(line)
        return
    with open_input(block.path) as f:
        f.seek(block.start)
        data = f.read(block.length) if block.length >= 0 else f.read()
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    offset = block.start
    for n, raw in enumerate(lines, block.first_line):
        rid, text, problem = parse_line(raw, n, opts)
        yield n, offset, 0, rid, text, problem
        offset += len(raw) + 1


def _parquet_columns(schema_names, opts: RecordOptions) -> list:
    wanted = list(opts.text_fields or DEFAULT_TEXT_FIELDS)
    if opts.id_field:
        wanted.append(opts.id_field)
    return [c for c in dict.fromkeys(wanted) if c in schema_names]


def _parquet_rows(f, group: int, opts: RecordOptions):
    pq = _parquet()
    pf = pq.ParquetFile(f)
    names = pf.schema_arrow.names
    columns = _parquet_columns(names, opts)
    table = pf.read_row_group(group, columns=columns)
    data = {c: table.column(c).to_pylist() for c in columns}
    return names, data, table.num_rows


def _iter_parquet(block: Block, opts: RecordOptions):
    with open_input(block.path) as f:
        names, data, rows = _parquet_rows(f, block.start, opts)
    keys = ", ".join(f"`{k}`" for k in names[:12]) or "none"
    absent = None  # a column the file lacks: every row has the same problem, naming the file's columns
    if not any(c in data for c in opts.text_fields or DEFAULT_TEXT_FIELDS):
        absent = (f"no text field {opts.text_desc} (its fields: {keys})", ("text", tuple(names[:20])))
    elif opts.id_field and opts.id_field not in data:
        absent = (f"no id field `{opts.id_field}` (its fields: {keys})", ("id", tuple(names[:20])))
    for i in range(rows):
        n = block.first_line + i
        if absent is not None:
            yield n, block.start, i, None, None, absent
            continue
        rid, text, problem = parse_object({c: values[i] for c, values in data.items()}, n, opts)
        yield n, block.start, i, rid, text, problem


def make_document(display: str, rid: str, text: str):
    from lint.document import Document
    from lint.readers import newline_style

    newline = newline_style(text)
    if newline != "\n":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = Document(f"{display}:{rid}", text, newline=newline)
    doc.record = rid
    return doc


def lint_block(linter, block: Block) -> list:
    """One result per line (row) of a block: a record's findings and summaries, an error, or an
    empty result for a blank line."""
    from lint.engine import FileResult

    opts = options_of(linter.settings)
    on = block.report_on
    out = []
    try:
        for item in iter_block(block, opts):
            _lint_record(linter, block, opts, item, out)
    except (OSError, EOFError, MtlintError) as e:  # a shard damaged or gone while being read
        where = f"{block.display}:{block.first_line + len(out)}"
        out.append(FileResult("", error=f"{where}: cannot read on from here: {getattr(e, 'strerror', None) or e}"
                              if on else None))
    except Exception as e:  # pyarrow's errors on a damaged Parquet file
        if type(e).__module__.split(".")[0] != "pyarrow":
            raise
        out.append(FileResult("", error=f"{block.display}: cannot read row group {block.start}: {_first_line(e)}"
                              if on else None))
    return out


def _lint_record(linter, block: Block, opts: RecordOptions, item, out: list) -> None:
    from lint.cache import digest
    from lint.engine import FileResult

    on = block.report_on
    line, offset, sub, rid, text, problem = item
    if problem is None and text is None:  # a blank line
        out.append(FileResult(""))
        return
    if problem is None:
        data, why = check_text(text, linter.settings.max_file_size)
        if why:
            problem = (why, None)
    if problem is not None:
        message, missing = problem
        info = RecordInfo(block.path, block.display, block.kind, line, offset, sub, on, missing)
        out.append(FileResult("", error=f"{block.display}:{line}: {message}, skipped" if on else None, record=info))
        return
    doc = make_document(block.display, rid, text)
    key = digest(data)  # records are cached by content, like files
    result = None
    if linter.cache:
        cached = linter.cache.get(doc.path, key, on)
        if cached is not None and cached.path == doc.path:
            result = cached
    if result is None:
        result = linter.lint_document(doc, on)
        if linter.cache:
            linter.cache.put(doc.path, key, on, result)
    result.record = RecordInfo(block.path, block.display, block.kind, line, offset, sub, on)
    out.append(result)


# ---- reading reported records again --------------------------------------------------------

def reread(infos, opts: RecordOptions) -> dict:
    """{SHARD:ID: Document} for records the corpus pass reports on; each shard is opened once and
    read in offset order. A record that changed since (its id or text field gone) is left out."""
    by_file: dict = {}
    for info in infos:
        by_file.setdefault((info.path, info.kind), []).append(info)
    docs = {}
    for (path, kind), items in by_file.items():
        items.sort(key=lambda i: (i.offset, i.sub))
        try:
            if kind == "parquet":
                _reread_parquet(path, items, opts, docs)
            elif kind == "jsonl.gz":
                _reread_gzip(path, items, opts, docs)
            else:
                with open_input(path) as f:
                    for info in items:
                        f.seek(info.offset)
                        _add(docs, info, parse_line(f.readline().rstrip(b"\n"), info.line, opts))
        except (OSError, MtlintError, ValueError):
            continue  # gone or changed since its summary was made
    return docs


def _add(docs: dict, info: RecordInfo, parsed) -> None:
    rid, text, problem = parsed
    if problem is None and text is not None:
        doc = make_document(info.display, rid, text)
        docs[doc.path] = doc


def _reread_gzip(path, items, opts, docs) -> None:
    import gzip

    wanted = {i.offset: i for i in items}
    last = max(wanted)
    with open_input(path) as raw, gzip.GzipFile(fileobj=raw) as f:
        offset = 0
        for line in f:
            info = wanted.get(offset)
            if info is not None:
                _add(docs, info, parse_line(line.rstrip(b"\n"), info.line, opts))
            offset += len(line)
            if offset > last:
                break


def _reread_parquet(path, items, opts, docs) -> None:
    with open_input(path) as f:
        groups: dict = {}
        for info in items:
            groups.setdefault(info.offset, []).append(info)
        for group, infos in groups.items():
            _, data, _ = _parquet_rows(f, group, opts)
            for info in infos:
                obj = {c: values[info.sub] for c, values in data.items()}
                _add(docs, info, parse_object(obj, info.line, opts))


# ---- merging results (the client side of both engines) -------------------------------------

class RecordRun:
    """What the merge of results keeps about records: where the reported ones are (for the
    corpus pass), repeated ids, and whether the text field exists at all."""

    def __init__(self, opts: RecordOptions):
        self.opts = opts
        self.locators: dict = {}  # SHARD:ID -> RecordInfo, for target records with summaries
        self.ok = 0
        self.target_records = 0
        self.missing: dict = {}  # "text" / "id" -> (count, fields seen)
        self.seen: dict | None = {} if opts.id_field else None  # SHARD:ID -> line, to find repeated ids
        self.shards: set = set()  # display paths of the shards

    def accept(self, result) -> None:
        info = result.record
        self.shards.add(info.display)
        if info.missing is not None:
            what, fields = info.missing
            count, seen = self.missing.get(what, (0, {}))
            seen.update(dict.fromkeys(fields))
            self.missing[what] = (count + 1, seen)
            return
        if result.error is not None or not result.path:  # a record that could not be linted
            return
        if self.seen is not None:
            first = self.seen.get(result.path)
            if first is not None:
                result.error = (f"{info.display}:{info.line}: record id `{result.path[len(info.display) + 1:]}` "
                                f"repeats the record at line {first}, skipped") if info.target else None
                result.findings, result.summaries, result.metrics, result.suppressions = [], {}, {}, []
                return
            self.seen[result.path] = info.line
        self.ok += 1
        if info.target:
            self.target_records += 1
            if result.summaries:
                self.locators[result.path] = info

    def finish(self) -> None:
        """No record with the text (id) field anywhere: the field is misnamed, a usage error."""
        if self.ok:
            return
        for what, flag, key in (("text", "--text-field", "text-field"), ("id", "--id-field", "id-field")):
            if what in self.missing:
                count, fields = self.missing[what]
                desc = self.opts.text_desc if what == "text" else f"`{self.opts.id_field}`"
                names = ", ".join(f"`{f}`" for f in list(fields)[:20]) or "none"
                raise MtlintError(f"no record has the {what} field {desc} ({count} record{'s' if count != 1 else ''}; "
                                  f"their fields: {names}); name it with {flag} or `{key}` in the config")

    def split(self, path: str):
        """(shard, id) when `path` names a record of a shard of this run, else None."""
        i = path.find(":")
        while i > 0:
            if path[:i] in self.shards:
                return path[:i], path[i + 1:]
            i = path.find(":", i + 1)
        return None


def mark_related(finding, run: RecordRun):
    """The record ids of a finding's related locations that are records."""
    if not finding.related:
        return finding
    changed = False
    related = []
    for r in finding.related:
        if r.record is None:
            parts = run.split(r.path)
            if parts is not None:
                r = r.__class__(r.path, r.line, r.column, r.message, record=parts[1])
                changed = True
        related.append(r)
    return finding.with_(related=tuple(related)) if changed else finding


def record_shard_prefix(path: str) -> str | None:
    """The shard part of a `SHARD:ID` path when the shard looks like one (for baselines)."""
    i = path.find(":")
    while i > 0:
        if is_record_file(path[:i]):
            return path[:i]
        i = path.find(":", i + 1)
    return None


# ---- the HTML report -----------------------------------------------------------------------

_SHARD_TEXTS: dict = {}


def record_text(path: str, opts: RecordOptions) -> str | None:
    """The text of a record named `SHARD:ID` (for the HTML report, which shows every article):
    each shard is read once, its texts kept while the report is built."""
    shard = record_shard_prefix(path)
    if shard is None:
        return None
    texts = _SHARD_TEXTS.get((shard, opts))
    if texts is None:
        texts = _SHARD_TEXTS[(shard, opts)] = {}
        try:
            target = shard if is_url(shard) else os.path.abspath(shard)
            for block in plan(target, shard, True, 1 << 62):
                for _, _, _, rid, text, problem in iter_block(block, opts):
                    if text is not None and problem is None:
                        texts.setdefault(rid, make_document(shard, rid, text).text)
        except (OSError, MtlintError, ValueError):
            pass
    return texts.get(path[len(shard) + 1:])
