"""Applying fixes to files: never corrupting them.

Edits that overlap an earlier one are left for the next run. The file is re-read and must be
unchanged since it was linted; the result is written to a temporary file in the same folder and
renamed over the original (atomic), in the file's own encoding, byte-order mark and newlines.
"""
from __future__ import annotations

import os
import tempfile

from lint.readers import UnreadableFile, read_document


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


def fix_files(findings, fallbacks=(), allowed=lambda f: True) -> tuple[int, list[str]]:
    """Apply the fixes of `findings`; return (number applied, problems)."""
    by_path: dict[str, list] = {}
    for f in findings:
        if f.fix is not None and allowed(f):
            by_path.setdefault(f.path, []).append((f.start, f.end, f.fix))
    total, problems = 0, []
    for path, edits in by_path.items():
        try:
            doc = read_document(path, path, fallbacks)
        except UnreadableFile as e:
            problems.append(str(e))
            continue
        if doc.newline == "mixed":
            problems.append(f"{path}: mixed newline styles; not fixed, to keep the file byte for byte")
            continue
        new_text, applied = apply_edits(doc.text, edits)
        if not applied or new_text == doc.text:
            continue
        write_atomic(path, new_text, doc.encoding, doc.newline)
        total += applied
    return total, problems


def write_atomic(path: str, text: str, encoding: str, newline: str) -> None:
    data = text.replace("\n", newline).encode(encoding)
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".mtlint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
