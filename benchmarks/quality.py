"""Detection quality of the default rules: recall and precision on annotated articles, false
alarms on edited newswire (not a test; prints numbers).

    python benchmarks/quality.py [--shared PATH] [--newswire DIR] [--select CODES] [--jobs N]
                                 [--skip dev,seeds,newswire] [--keep DIR]

Three measurements, each a run of `mtlint check --format json` in a subprocess:

- **dev**: the development set `SHARED/dev/articles` with its annotations. The gold file is made
  by `SHARED/tools/annotations-to-gold`, and findings are scored by `SHARED/tools/score-gold
  --strict` (an artifact counts as found only by a finding of its own category family; `info`
  findings and `readability` are left out). Printed: strict recall per kind, the overall line,
  and per finding category the precision of its warning/error findings (the category's findings
  scored alone by the same tool).
- **seeds**: the sample corpus `seeds/` with its own configuration, scored against
  `SHARED/gold/seeds.jsonl`.
- **newswire**: professionally edited articles, where every warning or error is a false alarm.
  `--newswire DIR` names a folder of `bbc-*.txt` and `reuters*.txt` files; by default one is
  written with `SHARED/tools/make-bench-corpus` into a temporary folder. Printed: warning/error
  findings per 1,000 articles per rule, for BBC and Reuters separately.

`--shared` defaults to `../shared` beside the repository root. Nothing is copied into the
project: the texts are read where they are. `--keep DIR` leaves the JSON findings there.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

# the kinds whose recall is reported together (mt_calque, mistranslation and other apart)
GROUP = {"scrape_residue", "name_variant", "foreign_script", "dateline", "typography", "loaded_language",
         "title_conflict"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mtlint(args: list[str], cwd: str = ROOT) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "lint", "check", *args, "--format", "json",
                           "--no-cache", "--exit-zero", "--quiet"],
                          cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"mtlint failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout or "[]")


def score(tool: str, gold: str, findings: list[dict], work: str, name: str, texts: str | None,
          strict: bool) -> str:
    path = os.path.join(work, f"{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(findings, f)
    env = dict(os.environ)
    if texts:
        env["GOLD_TEXTS"] = texts
    proc = subprocess.run([sys.executable, tool, gold, path] + (["--strict"] if strict else []),
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"score-gold failed: {proc.stderr.strip()}")
    return proc.stdout


def last_line(report: str) -> str:
    return report.strip().splitlines()[-1]


def figure(report: str, key: str) -> str:
    m = re.search(rf"\b{key}=(\S+)", last_line(report))
    return m.group(1) if m else "?"


def selection(args) -> list[str]:
    return ["--select", args.select] if args.select else []


def run_dev(args, shared: str, work: str) -> None:
    tools = os.path.join(shared, "tools")
    articles = os.path.join(shared, "dev", "articles")
    parts = sorted(os.path.join(shared, "dev", n) for n in os.listdir(os.path.join(shared, "dev"))
                   if n.startswith("annotations-part") and n.endswith(".jsonl"))
    gold = os.path.join(work, "dev-gold.jsonl")
    with open(gold, "w", encoding="utf-8") as out:
        proc = subprocess.run([sys.executable, os.path.join(tools, "annotations-to-gold"), articles, *parts],
                              stdout=out, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"annotations-to-gold failed: {proc.stderr.strip()}")
    findings = mtlint([articles, "--isolated", *selection(args), "--jobs", str(args.jobs)])
    tool = os.path.join(tools, "score-gold")
    report = score(tool, gold, findings, work, "dev", articles, strict=True)
    print("== dev set (strict) ==")
    found = total = 0
    for line in report.splitlines():
        if line.startswith("recall by category:"):
            print("recall per kind:")
            for item in line.split(":", 1)[1].split(","):
                kind, ratio = item.split()
                hit, count = (int(x) for x in ratio.split("/"))
                print(f"  {kind:<18} {hit:>4}/{count:<4} {hit / count if count else 0:.2f}")
                if kind in GROUP:
                    found, total = found + hit, total + count
    print(f"recall of {', '.join(sorted(GROUP))} together: {found}/{total} "
          f"{found / total if total else 0:.2f}")
    print(f"overall: {last_line(report)}")
    counted = [f for f in findings if f.get("severity") != "info" and f.get("category") != "readability"]
    by_category = defaultdict(list)
    for f in counted:
        by_category[f["category"]].append(f)
    print("precision of warning/error findings per category:")
    for category in sorted(by_category):
        part = score(tool, gold, by_category[category], work, f"dev-{category}", articles, strict=True)
        print(f"  {category:<18} {figure(part, 'precision'):>5}  ({len(by_category[category])} findings)")
    by_code = Counter(f["code"] for f in counted)
    print("warning/error findings per rule: " + ", ".join(f"{c} {n}" for c, n in sorted(by_code.items())))


def run_seeds(args, shared: str, work: str) -> None:
    seeds = os.path.join(ROOT, "seeds")
    findings = mtlint([".", *selection(args), "--jobs", str(args.jobs)], cwd=seeds)
    report = score(os.path.join(shared, "tools", "score-gold"), os.path.join(shared, "gold", "seeds.jsonl"),
                   findings, work, "seeds", os.path.join(shared, "seeds") if os.path.isdir(
                       os.path.join(shared, "seeds")) else seeds, strict=False)
    print("== seeds ==")
    print(f"overall: {last_line(report)}")


def run_newswire(args, shared: str, work: str) -> None:
    folder = args.newswire
    if not folder:
        folder = os.path.join(work, "newswire")
        proc = subprocess.run([sys.executable, os.path.join(shared, "tools", "make-bench-corpus"), folder],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"make-bench-corpus failed: {proc.stderr.strip()}")
    names = [n for n in os.listdir(folder) if n.endswith(".txt")]
    articles = {"bbc": sum(n.startswith("bbc-") for n in names),
                "reuters": sum(n.startswith("reuters") for n in names)}
    findings = mtlint([folder, "--isolated", *selection(args), "--jobs", str(args.jobs)])
    counts: dict[str, Counter] = {"bbc": Counter(), "reuters": Counter()}
    for f in findings:
        if f.get("severity") not in ("warning", "error"):
            continue
        base = os.path.basename(f["path"])
        source = "bbc" if base.startswith("bbc-") else "reuters" if base.startswith("reuters") else None
        if source:
            counts[source][f["code"]] += 1
    print("== newswire: warning/error findings per 1,000 articles ==")
    codes = sorted(set(counts["bbc"]) | set(counts["reuters"]))
    print(f"  {'rule':<8} {'BBC':>9} {'Reuters':>9}")
    for code in codes:
        row = [1000 * counts[s][code] / articles[s] if articles[s] else 0.0 for s in ("bbc", "reuters")]
        print(f"  {code:<8} {row[0]:>9.2f} {row[1]:>9.2f}")
    totals = [1000 * sum(counts[s].values()) / articles[s] if articles[s] else 0.0 for s in ("bbc", "reuters")]
    print(f"  {'all':<8} {totals[0]:>9.2f} {totals[1]:>9.2f}   "
          f"({articles['bbc']} BBC, {articles['reuters']} Reuters articles)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                        help="folder with dev/, gold/ and tools/ (default: ../shared beside the repository)")
    parser.add_argument("--newswire", help="folder of bbc-*.txt and reuters*.txt articles "
                                           "(default: written with make-bench-corpus into a temporary folder)")
    parser.add_argument("--select", help="rule codes or prefixes to run instead of the defaults")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for mtlint (0: one per core)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: dev, seeds, newswire")
    parser.add_argument("--keep", help="write the findings and gold files into this folder and keep them")
    args = parser.parse_args()
    shared = os.path.abspath(args.shared)
    if not os.path.isdir(os.path.join(shared, "tools")):
        sys.exit(f"no tools/ in {shared}: pass --shared PATH")
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    work = args.keep or tempfile.mkdtemp(prefix="mtlint-quality-")
    os.makedirs(work, exist_ok=True)
    try:
        if "dev" not in skip:
            run_dev(args, shared, work)
        if "seeds" not in skip:
            run_seeds(args, shared, work)
        if "newswire" not in skip:
            run_newswire(args, shared, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
