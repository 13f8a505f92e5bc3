"""Work grows linearly with the size of an article: a huge single line completes.

The default run lints a 10 MB single line through the command line (asserting that it completes,
not how fast) and compares the work of all rules on 0.25 MB and 1 MB of text (CPU time, in one
process: linear work gives a ratio of 4, quadratic work 16). MTLINT_SIZE=full also lints a 50 MB
file and checks the peak memory of that run.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

import pytest

from lint.config import Settings
from lint.document import Document
from lint.engine import Linter

FULL = os.environ.get("MTLINT_SIZE") == "full"

# Invented news-like copy with the things the rules look at: names, acronyms, quotes, capitals.
SENTENCES = [
    "The Government of National Accord (GNA) said on Monday that its forces had retaken the base.",
    "“We will not accept this,” the minister told reporters in the capital, according to Reuters.",
    "Prices rose 5 pct to 600 mln dlrs, the company said, after the UN and NATO met in Geneva.",
    "Field Marshal Haftar’s forces advanced; Mr Hafter denied it, the HCS added in a statement.",
    "Ankara - The talks, which began in March, ended without agreement, the official said.",
    "A spokesman addressing an address to the troops said the the offensive had failed.",
]


def news_line(size: int) -> str:
    unit = " ".join(SENTENCES) + " "
    return (unit * (size // len(unit) + 1))[:size]


def _cpu_seconds(linter: Linter, text: str) -> float:
    doc = Document("big.txt", text)
    t0 = time.process_time()
    linter.lint_document(doc)
    return time.process_time() - t0


def test_work_grows_linearly():
    linter = Linter(Settings())
    _cpu_seconds(linter, news_line(20_000))  # load lexicons and dictionaries once
    small = _cpu_seconds(linter, news_line(250_000))
    large = _cpu_seconds(linter, news_line(1_000_000))
    assert large / max(small, 1e-3) < 8, f"0.25 MB: {small:.1f} s, 1 MB: {large:.1f} s"


def _lint_file(path, timeout: float) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run `mtlint check` on one file; return the result, the seconds and the peak RSS in KB."""
    code = ("import resource, sys\nfrom lint.cli import main\n"
            "try:\n    code = main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
            "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(code)\n")
    t0 = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code, "check", str(path), "--no-cache", "--format", "concise"],
                            capture_output=True, text=True, timeout=timeout)
    peak = int(result.stderr.rsplit("PEAK_RSS_KB", 1)[1].split()[0]) if "PEAK_RSS_KB" in result.stderr else 0
    return result, time.monotonic() - t0, peak


def test_a_10_mb_single_line_completes(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text(news_line(10_000_000), encoding="utf-8")
    result, seconds, peak = _lint_file(path, timeout=1200)
    print(f"10 MB line: {seconds:.0f} s, peak RSS {peak // 1024} MB")
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "line.txt:1:" in result.stdout


@pytest.mark.skipif(not FULL, reason="MTLINT_SIZE=full runs the 50 MB input")
def test_a_50_mb_file_completes_in_bounded_memory(tmp_path):
    path = tmp_path / "big.txt"
    paragraph = news_line(2_000) + "\n\n"
    path.write_text(paragraph * (50_000_000 // len(paragraph)), encoding="utf-8")
    result, seconds, peak = _lint_file(path, timeout=7200)
    print(f"50 MB file: {seconds:.0f} s, peak RSS {peak // 1024} MB")
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert peak < 60 * 50 * 1024, f"peak RSS {peak // 1024} MB"  # under 60 bytes per input byte
