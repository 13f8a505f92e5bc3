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


def apply_edits(text: str, edits) -> tuple[str, int]:
    out, last, applied = [], 0, 0
    for start, end, replacement in sorted(edits):
        if start < last:
            continue  # overlaps an edit already taken
        out.append(text[last:start])
        out.append(replacement)
        last = end
        applied += 1
    out.append(text[last:])
    return "".join(out), applied


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


def fix_files(findings, digests: dict, fallbacks=(), allowed=lambda f: True,
              max_size: int = 0) -> tuple[int, list[str], list[str]]:
    """Apply the fixes of `findings` to the files whose bytes still have the digest in `digests`.

    Returns (number of edits applied, problems to show, paths that changed since they were linted)."""
    by_path: dict[str, list] = {}
    for f in findings:
        if f.fix is not None and allowed(f):
            by_path.setdefault(f.path, []).append((f.start, f.end, f.fix))
    total, problems, changed = 0, [], []
    for path, edits in by_path.items():
        try:
            real = os.path.realpath(path)
            with folder_lock(os.path.dirname(real)):
                total += _fix_one(path, real, edits, digests.get(path), fallbacks, max_size)
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


def _fix_one(path: str, real: str, edits, expected: str | None, fallbacks, max_size: int) -> int:
    st = os.stat(real)
    if not stat.S_ISREG(st.st_mode):
        raise FixProblem("not a regular file; not fixed")
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise FixProblem("read-only; not fixed")
    raw = read_bytes(real, path, max_size)
    if expected is None or digest(raw) != expected:
        raise FixProblem("changed since it was linted; not fixed (run mtlint again)")
    doc = document_from_bytes(raw, path, fallbacks)
    if doc.newline == "mixed":
        raise FixProblem("mixed newline styles; not fixed, to keep the file byte for byte")
    new_text, applied = apply_edits(doc.text, edits)
    if not applied or new_text == doc.text:
        return 0
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


def write_replacing(path: str, data: bytes, st=None) -> None:
    """Write `data` to a temporary file beside `path` and rename it over `path` (atomic).

    The new file gets the permissions of `st` (the old file), and its owner and group when the
    running user may give them; without `st`, the permissions a new file gets from the umask."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".mtlint-", suffix=".tmp")
    except OSError as e:
        raise OSError(e.errno, e.strerror, folder) from None  # name the folder that refuses
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
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

