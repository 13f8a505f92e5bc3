"""-o writes through special files and links and replaces only regular files; baselines --prune
keeps what it was not asked to judge."""
import json
import os
import stat
import threading

import pytest

ARTICLE = "[ad_1]\nTurkish defense mister spoke.\n"


def _article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


@pytest.mark.parametrize("command", ["check", "baseline", "terms"])
def test_output_to_dev_full_is_a_clear_error(mtlint, tmp_path, command):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    if not stat.S_ISCHR(os.stat("/dev/full").st_mode):
        pytest.skip("/dev/full is not a device here")
    article = _article(tmp_path)
    # Through a link, so that a regression replaces the link, never the machine's device.
    full = tmp_path / "full"
    full.symlink_to("/dev/full")
    result = mtlint(command, str(article), "--isolated", "-o", str(full), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "No space left" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert full.is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_through_a_symlink_keeps_the_link(mtlint, tmp_path):
    article = _article(tmp_path)
    target = tmp_path / "reports" / "r.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "r.json"
    link.symlink_to(target)
    mtlint("check", str(article), "--isolated", "--format", "json", "-o", str(link))
    assert link.is_symlink()
    assert json.loads(target.read_text())[0]["code"]


def test_output_into_a_fifo_is_written_through(mtlint, tmp_path):
    article = _article(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []

    def reader():
        with open(fifo, "rb") as f:
            got.append(f.read())

    t = threading.Thread(target=reader)
    t.start()
    mtlint("check", str(article), "--isolated", "--format", "json", "-o", str(fifo))
    t.join(60)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])


def test_output_to_a_regular_file_keeps_its_mode(mtlint, tmp_path):
    article = _article(tmp_path)
    out = tmp_path / "report.txt"
    out.write_text("old")
    os.chmod(out, 0o640)
    mtlint("check", str(article), "--isolated", "-o", str(out))
    assert "SCR001" in out.read_text() and os.stat(out).st_mode & 0o777 == 0o640
    new = tmp_path / "new.txt"
    mtlint("check", str(article), "--isolated", "-o", str(new))
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat(new).st_mode & 0o777 == 0o666 & ~umask


def test_output_into_a_missing_folder_names_the_folder(mtlint, tmp_path):
    article = _article(tmp_path)
    result = mtlint("check", str(article), "--isolated", "-o", str(tmp_path / "nope" / "r.txt"))
    assert result.returncode == 2
    assert str(tmp_path / "nope") in result.stderr and "Traceback" not in result.stderr


def test_stdout_on_a_full_disk(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    import subprocess
    import sys

    article = _article(tmp_path)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "lint", "check", str(article), "--isolated"],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "No space left" in result.stderr


def test_prune_keeps_entries_of_files_outside_the_paths(mtlint, tmp_path):
    (tmp_path / "mtlint.toml").write_text("select = [\"SCR001\"]\n")
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("[ad_1]\nText.\n[ad_2]\n", encoding="utf-8")
    b.write_text("[ad_1]\nOther text.\n", encoding="utf-8")
    base = tmp_path / "base.json"
    assert mtlint("baseline", str(tmp_path), "-o", str(base), cwd=tmp_path).returncode == 0
    entries = json.loads(base.read_text())["entries"]
    assert len(entries) == 3
    a.write_text("Text.\n[ad_2]\n", encoding="utf-8")  # one entry of a.txt is stale now
    result = mtlint("baseline", "a.txt", "--prune", "-o", str(base), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    kept = json.loads(base.read_text())["entries"]
    assert {e["path"] for e in kept} == {"a.txt", "b.txt"}
    assert len(kept) == 2
    assert "pruned 1 stale entry; 2 kept" in result.stderr
    again = mtlint("baseline", "a.txt", "--prune", "-o", str(base), cwd=tmp_path)
    assert "pruned 0 stale entries; 2 kept" in again.stderr
    assert json.loads(base.read_text())["entries"] == kept
