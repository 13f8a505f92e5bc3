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


def _termbase(n: int) -> dict:
    """n invented entries (terms, people, avoid), plus the ones the article below hits."""
    terms = [{"use": f"Canonterm{i}", "not": [f"Variantterm{i}", f"variant term {i}"]} for i in range(n // 3)]
    people = [{"name": f"Given Surname{i}", "not": [f"Surnaim{i}"]} for i in range(n // 3)]
    avoid = [{"phrase": f"avoided phrase {i}", "instead": f"phrase {i}"} for i in range(n - 2 * (n // 3))]
    terms.append({"use": "Irini", "not": ["Irene"], "context": ["operation"]})
    people.append({"name": "Khalifa Haftar", "not": ["Hafter"]})
    avoid.append({"phrase": "terrorist militias", "instead": "armed groups"})
    return {"terms": terms, "people": people, "avoid": avoid}


ARTICLE = ("The EU launched Operation Irene in the Mediterranean on Tuesday. Irene Khan spoke in Geneva.\n\n"
           "Hafter’s forces, which the minister called terrorist militias, advanced. Variantterm7 rose. "
           "The variant term 12 and avoided phrase 40 appear. Surnaim5 said so.\n") * 8


def test_a_60000_entry_termbase_costs_about_what_60_do(tmp_path):
    import yaml

    from lint.engine import Project, lint_texts
    from lint.registry import builtin_rules

    rules = [r for r in builtin_rules() if r.code in ("TRM001", "NAM002", "TRM003")]
    out = {}
    for n in (60, 60_000):
        path = tmp_path / f"tb{n}.yaml"
        path.write_text(yaml.safe_dump(_termbase(n)), encoding="utf-8")
        project = Project(Settings(root=str(tmp_path), termbase=path.name))
        _ = project.termbase  # loading the YAML is not matching
        t0 = time.process_time()
        found = [(f.code, f.start, f.text) for r in rules for f in lint_texts(r, {"a.txt": ARTICLE}, project=project)]
        found += [(f.code, f.start, f.text) for r in rules for f in lint_texts(r, {"b.txt": ARTICLE}, project=project)]
        out[n] = (time.process_time() - t0, found)
    small, large = out[60], out[60_000]
    assert {c for c, _, _ in large[1]} == {"TRM001", "NAM002", "TRM003"}
    assert sorted(f for f in small[1] if "Irene" in f[2] or "Hafter" in f[2] or "militias" in f[2]) == sorted(
        f for f in large[1] if "Irene" in f[2] or "Hafter" in f[2] or "militias" in f[2])
    assert len(large[1]) > len(small[1])  # the invented variants in the article are found too
    assert large[0] < 30, f"60 entries: {small[0]:.2f} s, 60,000 entries: {large[0]:.2f} s"


def test_seed_termbase_findings_are_unchanged(mtlint):
    """The seeds' termbase gives the same findings as matching each entry with its own pattern."""
    import json

    seeds = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "seeds")
    result = mtlint("check", ".", "--select", "TRM001,TRM003,NAM002", "--no-cache", "--format", "json", cwd=seeds)
    data = json.loads(result.stdout)
    findings = data["findings"] if isinstance(data, dict) else data
    assert sorted((f["path"].rsplit("/", 1)[-1], f["line"], f["column"], f["code"], f["text"]) for f in findings) == [
        ("000_b9850c026334db96.txt", 34, 33, "TRM001", "Irene"), ("000_b9850c026334db96.txt", 39, 52, "TRM001", "Irene"),
        ("003_1ac90010c147ba5d.txt", 18, 188, "NAM002", "Hafter"),
        ("004_71366c0f16030d27.txt", 7, 270, "NAM002", "Jalel Harsawi")]
