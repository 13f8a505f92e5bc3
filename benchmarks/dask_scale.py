"""The newswire corpus as JSON Lines shards, linted by the local process pool and by the Dask
engine on a LocalCluster, at 1x and 5x: wall time, CPU time, the client's peak memory, and a check
that both engines print the same findings. Not a test: it prints figures.

    python benchmarks/dask_scale.py                 # 1x and 5x, 2 workers
    python benchmarks/dask_scale.py --copies 1      # 1x only
    python benchmarks/dask_scale.py --keep DIR      # write (or reuse) the shards and outputs in DIR

The shards are written from `../shared/corpus/reuters21578.jsonl` and `bbc.jsonl` (articles with
a body: 21,268 at 1x): one record per article, `{"id", "copy", "text"}`, the text being the title,
a blank line and the body, as `../shared/tools/make-bench-corpus` writes files; at N x the corpus
is written N times, each copy's text starting with a line naming it (`[copy K]`) and its ids
ending in `~K`, in shards of `--shard-size` records.

Each case is one fresh process, start-up (and the LocalCluster's start and stop) included:

    mtlint check SHARDS --isolated --no-cache --id-field id --format json -o OUT -j W [--engine dask]

"client MB" is the peak resident memory of that process (`ru_maxrss`): with the local engine the
process that merges the pool's results, with Dask the client that merges the cluster's (the
LocalCluster's scheduler runs in it too, as threads; its workers are separate processes, measured
in "tree MB", the peak of the whole process tree sampled every 50 ms, which needs psutil).
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

from tree_memory import sampler  # the benchmarks folder is the script's own

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")

MEASURE = r"""
import json, os, resource, sys, threading
out, argv = sys.argv[1], json.loads(sys.argv[2])
if __name__ == "__main__":
    start_sampling()
    from lint.cli import main
    try:
        code = main(argv)
    except SystemExit as e:
        code = e.code or 0
    stop_sampling()
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as f:
        json.dump({"code": code, "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                   "client_mb": me.ru_maxrss / 1024, "tree_mb": None if tree_peak[0] is None else tree_peak[0] / 2**20}, f)
"""
MEASURE = sampler(0.05) + MEASURE


def articles():
    for name in ("reuters21578", "bbc"):
        with open(os.path.join(SHARED, name + ".jsonl"), encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                body = (a.get("body") or "").strip()
                if body:
                    yield a["id"], (a.get("title") or "").strip(), body


def write_shards(folder: str, copies: int, shard_size: int) -> tuple[list[str], int, int]:
    """(shard paths, records, bytes); reuses shards already written with the same parameters."""
    stamp = os.path.join(folder, "SHARDS.json")
    if os.path.exists(stamp):
        with open(stamp) as f:
            meta = json.load(f)
        if meta.get("copies") == copies and meta.get("shard_size") == shard_size:
            return [os.path.join(folder, n) for n in meta["shards"]], meta["records"], meta["bytes"]
    os.makedirs(folder, exist_ok=True)
    corpus = list(articles())
    names, n, size = [], 0, 0
    out = None
    for k in range(copies):
        for ident, title, body in corpus:
            if n % shard_size == 0:
                if out:
                    out.close()
                names.append(f"news-{len(names):04d}.jsonl")
                out = open(os.path.join(folder, names[-1]), "w", encoding="utf-8")
            text = (f"[copy {k}]\n" if copies > 1 else "") + f"{title}\n\n{body}\n"
            line = json.dumps({"id": ident if copies == 1 else f"{ident}~{k}", "copy": k, "text": text},
                              ensure_ascii=False) + "\n"
            out.write(line)
            n += 1
            size += len(line.encode("utf-8"))
    if out:
        out.close()
    with open(stamp, "w") as f:
        json.dump({"copies": copies, "shard_size": shard_size, "shards": names, "records": n, "bytes": size}, f)
    return [os.path.join(folder, n) for n in names], n, size


def measure(label: str, argv: list, cwd: str, env: dict) -> dict:
    out = os.path.join(cwd, "measure.json")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, out, json.dumps(argv)], cwd=cwd, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0 or not os.path.exists(out):
        sys.exit(f"{label}: the measured run failed:\n{proc.stderr[-3000:]}")
    with open(out) as f:
        usage = json.load(f)
    os.remove(out)
    if usage["code"] not in (0, 1):
        sys.exit(f"{label}: mtlint exited with {usage['code']}:\n{proc.stderr[-3000:]}")
    usage.update(case=label, wall_s=wall)
    tree = "-" if usage["tree_mb"] is None else f"{usage['tree_mb']:.0f}"
    print(f"{label:<44}{wall:>9.1f}{usage['cpu_s']:>9.1f}{usage['client_mb']:>11.0f}{tree:>9}", flush=True)
    return usage


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 5], help="corpus sizes to run (default: 1 5)")
    ap.add_argument("--workers", type=int, default=2, help="pool processes and LocalCluster workers (default 2)")
    ap.add_argument("--shard-size", type=int, default=2500, help="records per shard (default 2500)")
    ap.add_argument("--keep", metavar="DIR", help="write the shards and outputs here and keep them")
    ap.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    ap.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    args = ap.parse_args(argv)

    work = args.keep or tempfile.mkdtemp(prefix="mtlint-dask-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([ROOT] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))
    print(f"# {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'case':<44}{'wall s':>9}{'cpu s':>9}{'client MB':>11}{'tree MB':>9}")
    rows, ok = [], True
    try:
        for copies in args.copies:
            shards, records, size = write_shards(os.path.join(work, f"shards-{copies}x"), copies, args.shard_size)
            print(f"# {copies}x: {records} records, {size / 1e6:.1f} MB in {len(shards)} shards")
            outputs = {}
            for engine in args.engines:
                out = os.path.join(work, f"findings-{copies}x-{engine}.json")
                cmd = ["check", *shards, "--isolated", "--no-cache", "--id-field", "id", "--format", "json",
                       "-o", out, "-j", str(args.workers)]
                if engine == "dask":
                    cmd += ["--engine", "dask"]
                label = f"{copies}x {'local pool' if engine == 'local' else 'dask LocalCluster'}, {args.workers} workers"
                row = measure(label, cmd, work, env)
                row.update(copies=copies, engine=engine, records=records, mb=size / 1e6)
                with open(out, encoding="utf-8") as f:
                    row["findings"] = len(json.load(f))
                rows.append(row)
                outputs[engine] = out
            if len(outputs) == 2:
                same = filecmp.cmp(outputs["local"], outputs["dask"], shallow=False)
                ok = ok and same
                n = rows[-1]["findings"]
                print(f"# {copies}x: {n} findings; the two engines' JSON outputs are "
                      + ("identical" if same else "DIFFERENT"))
        by = {(r["copies"], r["engine"]): r for r in rows}
        print("# ratios")
        for copies in args.copies:
            if (copies, "local") in by and (copies, "dask") in by:
                print(f"#   {copies}x: dask / local wall time {by[copies, 'dask']['wall_s'] / by[copies, 'local']['wall_s']:.2f} "
                      "(target <= 1.3)")
        if len(args.copies) >= 2:
            small, big = min(args.copies), max(args.copies)
            for engine in args.engines:
                if (small, engine) in by and (big, engine) in by:
                    a, b = by[small, engine], by[big, engine]
                    print(f"#   {engine}: {big}x / {small}x client peak RSS {b['client_mb'] / a['client_mb']:.2f}"
                          f"{' (target <= 1.5)' if engine == 'dask' else ''}, wall time {b['wall_s'] / a['wall_s']:.2f}")
        if args.json:
            with open(args.json, "w") as f:
                json.dump(rows, f, indent=1)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
