"""The terminal report: colour by severity (--color, NO_COLOR, FORCE_COLOR), the severity in both
formats, source lines windowed to the terminal's width, long spans shown by their ends, and the
progress bar on a terminal only."""
import io
import json
import os
import re
import select
import subprocess
import sys
import time

import pytest
from wcwidth import wcswidth, wcwidth

from lint.formatters import use_color

ESC = "\x1b["
ARTICLE = "The minister said the the talks failed.\n\nMarkup &nbsp; here.\n"  # TYP004 warning, SCR003 error
FILLER = "Officials from both delegations met in the capital on Tuesday to review the draft agreement, "
SNIPPET = re.compile(r"^ *\d* [|=]")  # the gutter lines of the full format
on_posix = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def environment(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    env.update(extra)
    return env


def check(*args, env=None, prefix=()):
    return subprocess.run([sys.executable, *prefix, "-m", "lint", "check", *map(str, args), "--isolated", "--no-cache"],
                          capture_output=True, text=True, encoding="utf-8", env=environment(**(env or {})),
                          timeout=300)


def on_terminal(args, stream, tmp_path, env=None, columns=80):
    """Run `mtlint check ARGS` with `stream` ("stdout" or "stderr") on a pseudo-terminal and the
    other one in a file; returns (what the terminal got, what the file got)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    other = open(tmp_path / f"not-{stream}.txt", "w+b")
    streams = {"stdout": slave, "stderr": other} if stream == "stdout" else {"stdout": other, "stderr": slave}
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", *map(str, args), "--isolated", "--no-cache"],
                            stdin=subprocess.DEVNULL, env=environment(**(env or {})), **streams)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        else:
            proc.kill()
            pytest.fail("mtlint did not finish on the pseudo-terminal")
        proc.wait(timeout=60)
    finally:
        os.close(master)
    other.seek(0)
    got = other.read().decode("utf-8", "replace")
    other.close()
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"), got


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def style_before(text: str, code: str) -> str:
    match = re.search(r"((?:\x1b\[[0-9;]*m)+)" + code, text)
    assert match, f"no escape code before {code}: {text!r}"
    return match.group(1)


# ---- colour -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_color_always_colours_by_severity(article, fmt):
    out = check(article, "--format", fmt, "--color", "always").stdout
    assert ESC in out
    warning, error = style_before(out, "TYP004"), style_before(out, "SCR003")
    assert warning != error
    assert "31" in error.split(";")[-1] and "33" in warning.split(";")[-1]  # red, yellow
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert plain == check(article, "--format", fmt, "--color", "never").stdout  # colour adds nothing else


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_color_never_and_a_pipe_are_plain(article, fmt):
    assert ESC not in check(article, "--format", fmt, "--color", "never").stdout
    assert ESC not in check(article, "--format", fmt).stdout  # stdout captured: a pipe


def test_force_color_colours_a_pipe_and_color_never_beats_it(article):
    assert ESC in check(article, env={"FORCE_COLOR": "1"}).stdout
    assert ESC not in check(article, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert ESC not in check(article, env={"FORCE_COLOR": ""}).stdout  # empty: not set


def test_no_color_beats_force_color_and_color_always_beats_no_color(article):
    assert ESC not in check(article, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout
    assert ESC in check(article, "--color", "always", env={"NO_COLOR": "1"}).stdout


def test_other_formats_and_files_are_never_coloured_unless_asked(article, tmp_path):
    assert ESC not in check(article, "--format", "json", env={"FORCE_COLOR": "1"}).stdout
    assert ESC not in check(article, "--format", "github", "--color", "always").stdout
    report = tmp_path / "report.txt"
    check(article, "-o", report, env={"FORCE_COLOR": "1"})
    assert "TYP004" in report.read_text() and ESC not in report.read_text()
    check(article, "-o", report, "--color", "always")
    assert ESC in report.read_text()


class _Stream(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


def test_use_color_decides_in_order():
    tty, pipe = _Stream(True), _Stream(False)
    assert use_color("auto", tty, {}) and not use_color("auto", pipe, {})
    assert not use_color("auto", tty, {"NO_COLOR": "1"}) and use_color("auto", tty, {"NO_COLOR": ""})
    assert use_color("auto", pipe, {"FORCE_COLOR": "1"}) and not use_color("auto", pipe, {"FORCE_COLOR": ""})
    assert not use_color("auto", pipe, {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not use_color("never", tty, {"FORCE_COLOR": "1"}) and use_color("always", pipe, {"NO_COLOR": "1"})
    assert not use_color("auto", None, {"FORCE_COLOR": "1"}) and use_color("always", None, {})  # -o FILE


@on_posix
def test_a_terminal_is_coloured_by_default_unless_no_color(article, tmp_path):
    out, _ = on_terminal([article], "stdout", tmp_path)
    assert "TYP004" in out and ESC in out
    out, _ = on_terminal([article], "stdout", tmp_path, env={"NO_COLOR": "1"})
    assert "TYP004" in out and ESC not in out


def test_the_colour_library_is_imported_only_when_colour_is_on(article):
    def imported(*args):
        result = check(article, *args, prefix=("-X", "importtime"))
        return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}

    assert not any(m.split(".")[0] in ("rich", "wcwidth") for m in imported())  # a pipe, an ASCII article
    assert "rich.style" in imported("--color", "always")


# ---- the severity -------------------------------------------------------------------------

def test_severity_in_concise_and_full(article):
    concise = check(article, "--format", "concise").stdout.splitlines()
    assert concise[0].endswith("a.txt:1:22: TYP004 [warning] Doubled word")
    assert concise[1].endswith("a.txt:3:8: SCR003 [error] Markup `&nbsp;` left in the text")
    full = check(article).stdout.splitlines()
    assert [line for line in full if line.endswith(("Doubled word", "left in the text"))] == concise


# ---- windows and long spans -----------------------------------------------------------------

def cells_at(source: str, first: int, last: int) -> str:
    """The characters of `source` drawn in terminal cells [first, last)."""
    out, cell = [], 0
    for c in source:
        if first <= cell < last:
            out.append(c)
        cell += max(wcwidth(c), 0)
    return "".join(out)


def snippet(out: str, code: str) -> tuple[str, str, list[str]]:
    """(source line, caret line, every gutter line) of the first finding of `code`, gutters cut."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if re.search(rf": {code} \[", line))
    block = []
    for line in lines[start + 1:]:
        if not SNIPPET.match(line):
            break
        block.append(line)
    source = next(line for line in block if re.match(r"^\d+ \| ", line))
    carets = block[block.index(source) + 1]
    gutter = source.index("| ") + 2
    assert carets[:gutter].strip() == "|"
    return source[gutter:], carets[gutter:], block


def flagged(path, code):
    findings = json.loads(check(path, "--format", "json").stdout)
    return next(f["text"] for f in findings if f["code"] == code)


@pytest.mark.parametrize("middle", ["the minister said", "北京的外交部长 said"])  # ASCII, and wide characters
def test_a_long_line_is_windowed_to_the_terminal_width(tmp_path, middle):
    line = FILLER * 2 + f"and {middle} the the talks failed, " + FILLER * 2 + "it said."
    assert len(line) > 400
    path = tmp_path / "long.txt"
    path.write_text(line + "\n", encoding="utf-8")
    out = check(path, "--select", "TYP004", env={"COLUMNS": "80"}).stdout
    source, carets, block = snippet(out, "TYP004")
    assert all(wcswidth(gutter_line) <= 80 for gutter_line in block), block
    assert source.startswith("…") and source.endswith("…")
    marks = re.search(r"\^+", carets)
    assert cells_at(source, marks.start(), marks.end()) == flagged(path, "TYP004") == " the"
    assert carets[marks.end():] == " TYP004"


def test_a_line_that_fits_is_shown_whole(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("The minister said the the talks failed.\n", encoding="utf-8")
    source, carets, _ = snippet(check(path, env={"COLUMNS": "80"}).stdout, "TYP004")
    assert source == "The minister said the the talks failed."
    assert carets == " " * 21 + "^^^^ TYP004"


@pytest.mark.parametrize("columns", ["80", "250"])
def test_a_long_span_shows_its_start_and_end(tmp_path, columns):
    sentence = "The " + " ".join(f"aide{i}" for i in range(45)) + " agreed."  # RDB002: over 40 words
    path = tmp_path / "sentence.txt"
    path.write_text("Talks\n\n" + sentence + " They left.\n", encoding="utf-8")
    text = flagged(path, "RDB002")
    assert text == sentence and len(text) > 200
    source, carets, block = snippet(check(path, "--select", "RDB002", env={"COLUMNS": columns}).stdout, "RDB002")
    assert all(wcswidth(gutter_line) <= int(columns) for gutter_line in block), block
    assert carets.count("^") <= 60 and carets.count("…") == 1
    head, tail = re.fullmatch(r"( *)(\^+)…(\^+) RDB002", carets).group(2, 3)
    start = len(carets) - len(carets.lstrip())
    assert source[start + len(head)] == "…"  # the text is cut where the underline is
    assert source[start:start + len(head)] == text[:len(head)]
    assert source[start + len(head) + 1:start + len(head) + 1 + len(tail)] == text[-len(tail):]


def test_a_span_past_the_stored_line_shows_no_false_end(tmp_path):
    # The engine keeps 480 code points of a huge line; this sentence runs past them.
    sentence = "The " + " ".join(f"delegate{i}" for i in range(70)) + " agreed."
    path = tmp_path / "sentence.txt"
    path.write_text("Talks\n\n" + sentence + " They left.\n", encoding="utf-8")
    source, carets, _ = snippet(check(path, "--select", "RDB002", env={"COLUMNS": "100"}).stdout, "RDB002")
    head = re.fullmatch(r"(\^+)… RDB002", carets).group(1)
    assert source == sentence[:len(head)] + "…"


def test_control_characters_cannot_reach_the_terminal(tmp_path):
    path = tmp_path / "esc.txt"
    path.write_text("Escape \x1b[2J here the the end.\n", encoding="utf-8")
    source, carets, _ = snippet(check(path, "--select", "TYP004").stdout, "TYP004")
    assert "\x1b" not in source and source.startswith("Escape ␛[2J")
    marks = re.search(r"\^+", carets)
    assert source[marks.start():marks.end()] == " the"


# ---- the progress bar ---------------------------------------------------------------------

def many_files(tmp_path, n=250):
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(f"Article number {i} said the talks went on.\n", encoding="utf-8")
    return folder


BAR = re.compile(r"\d+%|━|Linting|\d+/\d+")


def test_no_progress_bar_in_a_pipe(tmp_path):
    folder = many_files(tmp_path)
    result = check(folder, "--format", "concise")
    assert result.returncode in (0, 1), result.stderr
    assert not BAR.search(result.stderr) and ESC not in result.stderr, result.stderr

    def run(env):  # (stderr without the import timings, the modules imported)
        result = check(folder, "--format", "concise", env=env, prefix=("-X", "importtime"))
        lines = result.stderr.splitlines()
        modules = {line.split("|")[-1].strip() for line in lines if line.startswith("import time:")}
        return "\n".join(line for line in lines if not line.startswith("import time:")), modules

    stderr, modules = run({})
    assert modules and not any(m.startswith("rich") for m in modules)  # nothing is even imported for a bar
    # FORCE_COLOR colours the report (stdout), never brings the bar into a pipe
    stderr, modules = run({"FORCE_COLOR": "1"})
    assert "rich.style" in modules and not {"rich.progress", "rich.live"} & modules
    assert not BAR.search(stderr), stderr


@on_posix
def test_progress_bar_on_a_terminal(tmp_path):
    folder = many_files(tmp_path)
    err, out = on_terminal([folder, "--format", "concise"], "stderr", tmp_path)
    assert "Linting" in err and "%" in err and "/250" in err, err
    if "\x1b[?25l" in err:  # a hidden cursor is shown again
        assert err.rindex("\x1b[?25h") > err.rindex("\x1b[?25l")
    assert ESC not in out and "Linting" not in out  # the report itself is in a file: plain


@on_posix
def test_no_progress_bar_with_quiet_or_few_files(tmp_path):
    folder = many_files(tmp_path)
    err, _ = on_terminal([folder, "--quiet"], "stderr", tmp_path)
    assert "Linting" not in err and "%" not in err, err
    few = many_files(tmp_path / "few", n=20)
    err, _ = on_terminal([few], "stderr", tmp_path)
    assert "Linting" not in err and "%" not in err, err
