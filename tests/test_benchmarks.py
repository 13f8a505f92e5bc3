"""The benchmark commands keep working from a checkout (they are run by hand, not in the suite;
here they run once on a three-article corpus)."""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ARTICLES = {
    "a.txt": "Talks resume in Ulvarheim\n\nDelegates met on Monday. They agreed to meet again next week.\n",
    "b.txt": "Harbour reopens\n\nThe harbour reopened after repairs. Fishing boats returned on Tuesday.\n",
    "c.txt": "Rain delays harvest\n\nFarmers said the rain delayed the harvest by two weeks.\n",
}


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_speed_benchmark_quick_run(tmp_path):
    out = tmp_path / "speed.json"
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "speed.py"), "--corpus",
                           str(_corpus(tmp_path)), "--quick", "--no-others", "--json", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "warm / cold" in proc.stdout and "one article, cold" in proc.stdout
    data = json.loads(out.read_text())
    cases = [row["case"] for row in data["rows"]]
    assert any("cold --no-cache -j 0" in c for c in cases) and any("warm" in c for c in cases)
    assert data["files"] == 3
    for row in data["rows"]:
        assert row["wall_s"] > 0 and row["parent_mb"] > 0, row
    assert not list(tmp_path.glob("mtlint-speed-*"))


def test_rule_times_lists_the_selected_rules(tmp_path):
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "rule_times.py"),
                           str(_corpus(tmp_path)), "--select", "RDB,DUP"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("3 files")
    listed = {line[:24].strip() for line in lines[2:]}
    assert {"RDB001", "RDB002", "DUP001", "(read + decode)"} <= listed
