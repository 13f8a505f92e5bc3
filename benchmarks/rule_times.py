"""Where the per-file pass spends its time, rule by rule (not a test: it prints figures).

    python benchmarks/rule_times.py DIR [--every N] [--select CODES] [--top N]

Reads the .txt files under DIR (every Nth file with --every), then runs each active default rule
(or the --select ones) over all of them in one process, timing `check` (per-file rules) or
`collect` (corpus rules), the shared document analysis (sentences, quotation spans, line starts:
computed once per document, charged here to the first rule that asks), reading and decoding,
and each corpus rule's `finalize`, in CPU seconds of the process. YAML rules of one kind are timed one by one, which a
profiler cannot do. Prints seconds, share of the total and microseconds per file.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from lint.config import Settings  # noqa: E402
from lint.engine import Linter, make_finding  # noqa: E402
from lint.readers import document_from_bytes  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--every", type=int, default=1, help="time every Nth file only")
    parser.add_argument("--select", help="comma-separated codes or prefixes")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)

    paths = []
    for base, dirs, names in os.walk(args.folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        paths.extend(os.path.join(base, n) for n in sorted(names) if n.endswith(".txt"))
    paths = paths[::args.every]
    select = args.select.split(",") if args.select else None
    t = time.perf_counter()
    linter = Linter(Settings(), select=select)
    setup = time.perf_counter() - t
    spent: dict[str, float] = {}
    clock = time.process_time  # CPU time of this process: steady when the machine is busy
    start = clock()
    summaries: dict[str, dict] = {}
    read = analysis = 0.0
    for path in paths:
        t0 = clock()
        with open(path, "rb") as f:
            doc = document_from_bytes(f.read(), path, linter.settings.fallback_encodings)
        t1 = clock()
        read += t1 - t0
        _ = doc.line_starts, doc.sentences, doc.quotes  # shared analysis, timed on its own
        analysis += clock() - t1
        for rule in linter.active:
            ctx = linter.contexts[rule.code]
            t0 = clock()
            if rule.corpus:
                summary = rule.collect(doc, ctx)
                if summary is not None:
                    summaries.setdefault(rule.code, {})[path] = summary
            else:
                for hit in rule.check(doc, ctx):
                    make_finding(rule, doc, hit)
                metrics = getattr(rule, "metrics", None)
                if metrics is not None:
                    metrics(doc, ctx)
            spent[rule.code] = spent.get(rule.code, 0.0) + clock() - t0
    for rule in linter.active:
        if rule.corpus:
            t0 = clock()
            list(rule.finalize(summaries.get(rule.code, {}), linter.contexts[rule.code]))
            spent[rule.code + " finalize"] = clock() - t0
    total = clock() - start
    spent["(read + decode)"] = read
    spent["(document analysis)"] = analysis
    n = max(1, len(paths))
    print(f"{len(paths)} files, {total:.2f} s in all (rule loading {setup:.2f} s before that)")
    print(f"{'rule':<24}{'seconds':>10}{'share':>8}{'us/file':>10}")
    for code, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"{code:<24}{seconds:>10.2f}{seconds / total:>8.1%}{seconds / n * 1e6:>10.0f}")


if __name__ == "__main__":
    main()
