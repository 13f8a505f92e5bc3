"""--fix writes only what it computed from the bytes it read, and keeps everything else of a file:
the link, the inode, owner, permissions, read-only files, byte order, BOM and newlines. Two runs at
once on the same files leave them as one run would."""
import codecs
import os
import shutil
import subprocess
import sys

import pytest


TEXT = "[ad_1]\nAlwaght- Turkish defense mister has threatened the ministry.\n\nMore text\u00a0here.\n"


def _fixed_once(tmp_path, text=TEXT):
    ref = tmp_path / "ref"
    ref.mkdir(exist_ok=True)
    (ref / "a.txt").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "lint", "check", str(ref), "--isolated", "--no-cache", "--fix"],
                   capture_output=True, timeout=300)
    return (ref / "a.txt").read_bytes()


def test_two_concurrent_fix_runs_leave_what_one_run_leaves(tmp_path):
    expected = _fixed_once(tmp_path)
    assert expected != TEXT.encode()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(200):
        (corpus / f"a{i:03}.txt").write_text(TEXT, encoding="utf-8")
    cmd = [sys.executable, "-m", "lint", "check", str(corpus), "--isolated", "--no-cache", "--fix", "-j", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert b"Traceback" not in err, err
        assert p.returncode in (0, 1)
    for i in range(200):
        assert (corpus / f"a{i:03}.txt").read_bytes() == expected, i
    assert not [n for n in os.listdir(corpus) if not n.endswith(".txt")]


def test_file_edited_between_lint_and_fix_is_not_corrupted(tmp_path):
    from lint.config import load_settings
    from lint.engine import Linter
    from lint.fixer import fix_files

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    linter = Linter(load_settings(None), cache_dir=None)
    report = linter.run([str(article)], jobs=1)
    assert any(f.fix is not None for f in report.findings)
    edited = "Inserted first line by an editor.\n" + TEXT
    article.write_text(edited, encoding="utf-8")
    fixed, problems, _ = fix_files(report.findings, report.digests)
    assert fixed == 0
    assert article.read_text(encoding="utf-8") == edited
    assert any("changed since it was linted" in p for p in problems)


@pytest.mark.parametrize("codec, bom", [("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", codecs.BOM_UTF16_LE),
                                        ("utf-32-be", codecs.BOM_UTF32_BE), ("utf-32-le", codecs.BOM_UTF32_LE),
                                        ("utf-8", codecs.BOM_UTF8)])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_fix_keeps_byte_order_bom_and_newlines(mtlint, tmp_path, codec, bom, newline):
    article = tmp_path / "a.txt"
    article.write_bytes(bom + TEXT.replace("\n", newline).encode(codec))
    result = mtlint("check", str(article), "--isolated", "--fix")
    assert "Traceback" not in result.stderr
    raw = article.read_bytes()
    assert raw.startswith(bom)
    text = raw[len(bom):].decode(codec)
    assert "[ad_1]" not in text and "defense minister" in text
    assert text.replace(newline, "\n").count("\n") == TEXT.count("\n") - 1  # the residue line went with its newline
    if newline != "\n":
        assert "\n" not in text.replace(newline, "")


def test_fix_through_a_symlink_keeps_the_link(mtlint, tmp_path):
    target = tmp_path / "real" / "a.txt"
    target.parent.mkdir()
    target.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    mtlint("check", str(link), "--isolated", "--fix")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "[ad_1]" not in target.read_text(encoding="utf-8")


def test_fix_keeps_hard_links(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "other-name.dat"
    os.link(article, other)
    inode = os.stat(article).st_ino
    mtlint("check", str(article), "--isolated", "--fix")
    assert os.stat(article).st_ino == inode and os.stat(article).st_nlink == 2
    assert "[ad_1]" not in other.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="changing the owner needs root")
def test_fix_keeps_owner_and_group(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    os.chown(article, 12345, 23456)
    os.chmod(article, 0o664)
    mtlint("check", str(article), "--isolated", "--fix")
    st = os.stat(article)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (12345, 23456, 0o664)
    assert "[ad_1]" not in article.read_text(encoding="utf-8")


def test_read_only_file_is_not_rewritten(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    os.chmod(article, 0o444)
    inode = os.stat(article).st_ino
    result = mtlint("check", str(article), "--isolated", "--fix")
    assert article.read_text(encoding="utf-8") == TEXT
    assert os.stat(article).st_ino == inode and os.stat(article).st_mode & 0o777 == 0o444
    assert "read-only" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_folder_gives_a_message_not_a_traceback(tmp_path, monkeypatch):
    from lint import fixer
    from lint.config import load_settings
    from lint.engine import Linter

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    report = Linter(load_settings(None), cache_dir=None).run([str(article)], jobs=1)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fixer.tempfile, "mkstemp", refuse)
    fixed, problems, _ = fixer.fix_files(report.findings, report.digests)
    assert fixed == 0 and article.read_text(encoding="utf-8") == TEXT
    assert problems and "Permission denied" in problems[0] and str(article) in problems[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_under_fix(mtlint, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.chmod(folder, 0o555)
    try:
        result = mtlint("check", str(folder), "--isolated", "--fix", "--no-cache")
    finally:
        os.chmod(folder, 0o755)
    assert "Traceback" not in result.stderr and result.returncode in (1, 2)
