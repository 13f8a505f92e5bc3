"""--fix never corrupts a file: encoding, byte-order mark and newlines are kept; a second run
changes nothing; unsafe suggestions need --unsafe-fixes."""
import os

import pytest

TEXT = "[ad_1]\nTurkish defense mister spoke.\u00a0\nAkar spoke. Aggar left. Akar stayed.\n"


@pytest.mark.parametrize("encoding, newline", [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("utf-16", "\r\n"),
                                               ("cp1252", "\n")])
def test_fix_keeps_encoding_and_newlines_and_is_idempotent(mtlint, tmp_path, encoding, newline):
    article = tmp_path / "a.txt"
    article.write_bytes(TEXT.replace("\n", newline).encode(encoding))
    if encoding == "cp1252":
        (tmp_path / "mtlint.toml").write_text('fallback-encodings = ["cp1252"]\n', encoding="utf-8")
        article.write_bytes(TEXT.replace("\u00a0", "").replace("\n", newline).encode(encoding) + "Caf\xe9\n".encode(encoding))
    os.chmod(article, 0o640)
    result = mtlint("check", str(article), "--fix", "--format", "concise")
    assert result.returncode == 1  # the name variant remains: its fix is unsafe
    raw = article.read_bytes()
    fixed = raw.decode(encoding)
    assert "[ad_1]" not in fixed and "defense minister" in fixed and "\u00a0" not in fixed
    assert "Aggar" in fixed
    if newline == "\r\n":
        assert fixed.count("\r\n") == fixed.count("\n")
    else:
        assert "\r" not in fixed
    if encoding == "utf-8-sig":
        assert raw.startswith(b"\xef\xbb\xbf")
    assert os.stat(article).st_mode & 0o777 == 0o640
    assert "NAM001" in result.stdout and "SCR001" not in result.stdout

    again = mtlint("check", str(article), "--fix")
    assert article.read_bytes() == raw
    assert "Fixed" not in again.stdout

    mtlint("check", str(article), "--fix", "--unsafe-fixes")
    assert "Aggar" not in article.read_bytes().decode(encoding)
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".mtlint-")]


def test_fix_leaves_mixed_newline_files_alone(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"[ad_1]\r\nText.\nMore.\r\n")
    result = mtlint("check", str(article), "--isolated", "--fix")
    assert article.read_bytes() == b"[ad_1]\r\nText.\nMore.\r\n"
    assert "mixed newline" in result.stderr


def test_overlapping_fixes_are_applied_over_two_runs(tmp_path):
    from lint.fixer import apply_edits

    text, applied = apply_edits("abcdef", [(0, 3, "X"), (2, 4, "Y"), (5, 6, "Z")])
    assert (text, applied) == ("XdeZ", 2)
