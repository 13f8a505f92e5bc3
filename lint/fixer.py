"""Applying fixes to files: never corrupting them, never changing what a file is.

Edits that overlap an earlier one are left for the next run. A fix applies only to the exact
bytes it was computed from: under a lock on the file's folder (so two runs never interleave), the
file is read again and its digest compared with the one taken when it was linted; a file that
changed since is skipped with a message. The result is written in the file's own encoding, byte
order, byte-order mark and newlines:

- through a symbolic link to its target (the link stays a link);
- normally to a temporary file in the same folder, given the original's permissions (and owner and
  group when running as root), then renamed over the original (atomic);
- in place (rewritten and truncated) when a rename would change what the file is: a file with
  several hard links, or one whose owner or group the running user cannot give a new file;
- never to a read-only file (no write permission bit): it is skipped with a message.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from lint.cache import digest
from lint.readers import UnreadableFile, document_from_bytes, encode_text, read_bytes


def choose_edits(edits) -> list:
    """The edits to apply, in order: an edit that overlaps one already taken waits for the next run."""
    chosen, last = [], 0
    for edit in sorted(edits, key=lambda e: (e[0], e[1])):
        if edit[0] < last:
            continue
        chosen.append(edit)
        last = edit[1]
    return chosen


def apply_edits(text: str, edits) -> tuple[str, int]:
    """Apply (start, end, replacement, ...) edits to `text`; returns the new text and how many applied.

    A removal leaves the text as an editor would: a line it empties goes with its newline and
    with one blank line of the two that it sat between (no empty first line, no blank tail), and
    no space is left at the start or the end of a line it shortens. Only newlines, spaces and tabs
    next to the removal are taken, never text another edit touches."""
    chosen = choose_edits(edits)
    out = text
    upper = len(text)  # where the next edit (already applied: edits go from the end) begins
    for n in range(len(chosen) - 1, -1, -1):
        start, end, replacement = chosen[n][:3]
        lower = chosen[n - 1][1] if n else 0
        if replacement == "":
            start, end = _tidy_removal(out, start, end, lower, upper)
        out = out[:start] + replacement + out[end:]
        upper = start
    return out, len(chosen)


def _tidy_removal(text: str, start: int, end: int, lower: int, upper: int) -> tuple[int, int]:
    """Widen a removal of [start, end) over the whitespace it would strand, within [lower, upper)."""
    at_line_start = start == 0 or text[start - 1] == "\n"
    at_line_end = end == len(text) or text[end] == "\n"
    if start == end:
        return start, end
    if at_line_start and not at_line_end:
        while end < upper and text[end] in " \t":
            end += 1  # "Alwaght- Turkish" loses "Alwaght-" and the space after it
        return start, end
    if not at_line_start:
        if at_line_end:
            while start > lower and text[start - 1] in " \t":
                start -= 1  # "said. (Reuters)" loses the trailer and the space before it
        return start, end
    # whole lines
    if text[end - 1] != "\n":
        if end < upper and end < len(text):
            end += 1  # the emptied line's own newline
        else:  # the last line, without a newline of its own: the newlines before it go
            while start > lower and text[start - 1] == "\n":
                start -= 1
            return start, end
    blank_before = start == 0 or (start >= 2 and text[start - 2] == "\n")
    blank_after = end == len(text) or text[end] == "\n"
    if blank_before and blank_after:
        if end < len(text) and end < upper:
            end += 1  # between two blank lines, or first in the file: one blank line goes too
        elif end == len(text) and start > lower and start > 0:
            start -= 1  # the last lines: the blank line before them goes
    return start, end


@contextlib.contextmanager
def folder_lock(folder: str):
    """An exclusive lock on a folder, held while one of its files is checked and rewritten.

    A lock on the folder, not on the file: the file is replaced by a rename, which a lock on its
    old inode would not see. Where locks are not available the fix goes on without one."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass
        yield
    finally:
        os.close(fd)  # releases the lock


class FixProblem(Exception):
    pass


def _edits_by_path(findings, allowed) -> dict[str, list]:
    by_path: dict[str, list] = {}
    for f in findings:
        if f.fix is not None and allowed(f):
            by_path.setdefault(f.path, []).append((f.start, f.end, f.fix, f))
    return by_path


def fix_files(findings, digests: dict, fallbacks=(), allowed=lambda f: True,
              max_size: int = 0, applied_out: list | None = None) -> tuple[int, list[str], list[str]]:
    """Apply the fixes of `findings` to the files whose bytes still have the digest in `digests`.

    Returns (number of edits applied, problems to show, paths that changed since they were linted);
    the findings whose fixes were applied are appended to `applied_out` when it is given."""
    total, problems, changed = 0, [], []
    for path, edits in _edits_by_path(findings, allowed).items():
        try:
            real = os.path.realpath(path)
            with folder_lock(os.path.dirname(real)):
                applied = _fix_one(path, real, edits, digests.get(path), fallbacks, max_size)
            total += len(applied)
            if applied_out is not None:
                applied_out.extend(edit[3] for edit in applied)
        except FixProblem as e:
            problems.append(f"{path}: {e}")
            if "changed since" in str(e):
                changed.append(path)
        except UnreadableFile as e:
            problems.append(str(e))
        except OSError as e:
            where = f" in {e.filename}" if e.filename and e.filename != path else ""
            problems.append(f"{path}: not fixed: cannot write{where}: {e.strerror or e}")
    return total, problems, changed


def preview_fixes(findings, digests: dict, fallbacks=(), allowed=lambda f: True,
                  max_size: int = 0) -> tuple[list[tuple[str, str, str, list]], list[str]]:
    """What `fix_files` would do, writing nothing: ([(path, old text, new text, findings fixed)], problems)."""
    previews, problems = [], []
    for path, edits in _edits_by_path(findings, allowed).items():
        try:
            doc, new_text, applied = _fixed_text(path, os.path.realpath(path), edits, digests.get(path),
                                                 fallbacks, max_size)
        except FixProblem as e:
            problems.append(f"{path}: {e}")
            continue
        except UnreadableFile as e:
            problems.append(str(e))
            continue
        if new_text != doc.text:
            previews.append((path, doc.text, new_text, [edit[3] for edit in applied]))
    return previews, problems


def _fixed_text(path: str, real: str, edits, expected: str | None, fallbacks, max_size: int):
    """(document as read, its text with the edits applied, the edits applied), from bytes that
    still have the digest they were linted with."""
    raw = read_bytes(real, path, max_size)
    if expected is None or digest(raw) != expected:
        raise FixProblem("changed since it was linted; not fixed (run mtlint again)")
    doc = document_from_bytes(raw, path, fallbacks)
    if doc.newline == "mixed":
        raise FixProblem("mixed newline styles; not fixed, to keep the file byte for byte")
    chosen = choose_edits(edits)
    new_text, _ = apply_edits(doc.text, chosen)
    return doc, new_text, chosen


def _fix_one(path: str, real: str, edits, expected: str | None, fallbacks, max_size: int) -> list:
    st = os.stat(real)
    if not stat.S_ISREG(st.st_mode):
        raise FixProblem("not a regular file; not fixed")
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise FixProblem("read-only; not fixed")
    doc, new_text, applied = _fixed_text(path, real, edits, expected, fallbacks, max_size)
    if not applied or new_text == doc.text:
        return []
    try:
        data = encode_text(new_text, doc.encoding, doc.newline, doc.bom)
    except UnicodeEncodeError as e:
        raise FixProblem(f"the fix cannot be written in {doc.encoding} ({e.reason}); not fixed") from None
    if must_write_in_place(st):
        write_in_place(real, data)
    else:
        write_replacing(real, data, st)
    return applied


def must_write_in_place(st) -> bool:
    """A rename would split hard links, or give the file an owner or group it did not have."""
    if st.st_nlink > 1:
        return True
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        return False
    return st.st_uid != os.geteuid() or st.st_gid not in {os.getegid(), *os.getgroups()}


def write_in_place(path: str, data: bytes) -> None:
    with open(path, "r+b") as f:
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())


def write_replacing(path: str, data, st=None) -> None:
    """Write `data` (bytes, or an iterable of bytes) to a temporary file beside `path` and rename
    it over `path` (atomic): a failure part way leaves the old file as it was.

    The new file gets the permissions of `st` (the old file), and its owner and group when the
    running user may give them; without `st`, the permissions a new file gets from the umask."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".mtlint-", suffix=".tmp")
    except OSError as e:
        raise OSError(e.errno, e.strerror, folder) from None  # name the folder that refuses
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in ([data] if isinstance(data, bytes) else data):
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        if st is not None:
            if hasattr(os, "chown"):
                try:
                    os.chown(tmp, st.st_uid if os.geteuid() == 0 else -1, st.st_gid)
                except OSError:
                    pass
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask



def unified_diff(previews) -> str:
    """The previews of `preview_fixes` as one unified diff (`a/PATH`, `b/PATH`), as git shows it."""
    import difflib

    out = []
    for path, old, new, _ in previews:
        for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                         fromfile=f"a/{path}", tofile=f"b/{path}"):
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
