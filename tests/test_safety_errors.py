"""An internal error exits 2 with one line, never a traceback, never 1; input that would be
linted wrongly or would block the run is refused or reported."""
import json
import os
import stat
import subprocess
import sys

import pytest

ARTICLE = "[ad_1]\nTurkish defense mister spoke.\n"


def _one_line_error(result):
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_undecodable_file_names_are_linted(tmp_path):
    folder = os.fsencode(str(tmp_path))
    name = os.path.join(folder, b"caf\xe9-\xff.txt")
    with open(name, "wb") as f:
        f.write(ARTICLE.encode())
    for extra in ([], ["--no-cache"], ["--format", "json"], ["--format", "sarif"], ["--fix"]):
        result = subprocess.run([sys.executable, "-m", "lint", "check", str(tmp_path), "--isolated", *extra],
                                capture_output=True, cwd=tmp_path, timeout=300)
        assert result.returncode == (0 if "--fix" in extra else 1), result.stderr
        assert b"Traceback" not in result.stderr
        assert "--fix" in extra or any(n in result.stdout for n in (b"caf\xe9-\xff.txt", b"caf\\udce9-\\udcff", b"caf%E9-%FF"))
    assert b"[ad_1]" not in open(name, "rb").read()


def test_bad_fix_template_in_a_user_rule_is_a_config_error(mtlint, tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "code: USR001\nname: bad-fix\ncategory: typography\nsummary: x\nkind: existence\n"
        "tokens: [foo]\nmessage: found {match}\nfix: \"{match\"\n"
        "examples:\n  - fail: foo here\n  - pass: bar here\n")
    (tmp_path / "mtlint.toml").write_text('rule-dirs = ["myrules"]\n')
    (tmp_path / "a.txt").write_text("foo here\n")
    err = _one_line_error(mtlint("check", "a.txt", cwd=tmp_path))
    assert "bad.yaml:8" in err and "fix" in err


def test_unexpected_exception_is_one_line_exit_2(monkeypatch, capsys):
    from lint import cli

    def boom(args):
        raise ValueError("something broke")

    monkeypatch.setattr(cli, "cmd_check", boom)
    assert cli.main(["check", "x"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "mtlint: internal error: ValueError: something broke"


def test_nul_bytes_anywhere_make_a_file_binary(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"Clean text.\n" * 1000 + b"\x00\x00tail\n")
    result = mtlint("check", str(article), "--isolated")
    assert "binary" in result.stderr and result.returncode == 1
    assert json.loads(mtlint("check", str(article), "--isolated", "--format", "json").stdout) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable folders")
def test_unreadable_subfolder_is_reported(mtlint, tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(ARTICLE)
    os.chmod(sub, 0)
    try:
        result = mtlint("check", str(tmp_path), "--isolated")
    finally:
        os.chmod(sub, 0o755)
    assert "sub" in result.stderr and result.returncode == 1


def test_walk_errors_are_reported(tmp_path, monkeypatch):
    from lint import readers

    (tmp_path / "a.txt").write_text("x")

    def walk(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "sub")))
        yield str(tmp_path), [], ["a.txt"]

    monkeypatch.setattr(readers.os, "walk", walk)
    errors = []
    found = readers.discover([str(tmp_path)], ["*.txt"], [], errors=errors)
    assert found and errors and "sub" in errors[0] and "Permission denied" in errors[0]


@pytest.mark.parametrize("value", ["-3", "-1"])
def test_negative_jobs_rejected(mtlint, tmp_path, value):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = mtlint("check", "a.txt", "--isolated", "-j", value, cwd=tmp_path)
    assert result.returncode == 2 and "jobs" in result.stderr.lower() or "-j" in result.stderr


def test_config_rejects_bad_values_at_their_line(mtlint, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    cases = [
        ('# c\nfallback-encodings = ["no-such-codec"]\n', 2, "no-such-codec"),
        ('jobs = -3\n', 1, "jobs"),
        ('\n\n[rules.RDB002]\nmax_words = -5\n', 4, "max_words"),
        ('[rules.RDB002]\n# a comment\n\nno_such_option = 3\n', 4, "no_such_option"),
        ('max-file-size = "ten"\n', 1, "max-file-size"),
    ]
    for text, line, word in cases:
        (tmp_path / "mtlint.toml").write_text(text)
        err = _one_line_error(mtlint("check", "a.txt", cwd=tmp_path))
        assert f"mtlint.toml:{line}:" in err and word in err, (text, err)


def test_rule_option_bounds_in_pyproject(mtlint, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mtlint]\nselect = ["RDB"]\n\n[tool.mtlint.rules.RDB002]\nmax_words = 0\n')
    err = _one_line_error(mtlint("check", "a.txt", cwd=tmp_path))
    assert "pyproject.toml:8:" in err and "max_words" in err and ">= 1" in err


def test_fifo_named_directly_and_inside_a_folder(mtlint, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    direct = mtlint("check", str(tmp_path / "pipe.txt"), "--isolated")
    assert "not a regular file" in direct.stderr and "no such file" not in direct.stderr
    folder = mtlint("check", str(tmp_path), "--isolated", "--format", "concise")  # a hang fails by timeout
    assert "a.txt:1:1: SCR001" in folder.stdout
    assert "pipe.txt: not a regular file" in folder.stderr
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.txt").st_mode)


def test_max_file_size(mtlint, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("[ad_1]\n" + "Words in a line.\n" * 1000)
    (tmp_path / "mtlint.toml").write_text("max-file-size = 1000\n")
    result = mtlint("check", "big.txt", cwd=tmp_path)
    assert result.returncode == 1 and "max-file-size" in result.stderr and "17007 bytes" in result.stderr
    assert "SCR001" not in result.stdout
    (tmp_path / "mtlint.toml").write_text("max-file-size = 0\n")
    assert "SCR001" in mtlint("check", "big.txt", cwd=tmp_path).stdout
    (tmp_path / "mtlint.toml").write_text('max-file-size = "1MB"\n')
    assert "SCR001" in mtlint("check", "big.txt", cwd=tmp_path).stdout


def test_default_size_limit_is_ten_megabytes():
    from lint.config import Settings

    assert Settings().max_file_size == 10 * 1024 * 1024
