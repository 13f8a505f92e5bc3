"""Speed and memory figures over the newswire benchmark corpus (not a test; prints numbers).

    python tests/benchmark.py [--copies N] [--jobs N]

Writes the corpus with ../shared/tools/make-bench-corpus into a temporary folder, then times
`mtlint check` cold (empty cache), warm (nothing changed) and after one file changed, and a run
without the cache, reporting wall time and peak resident memory of each.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "tools", "make-bench-corpus")


def timed(args, cwd):
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode not in (0, 1):
        sys.exit(f"mtlint failed: {proc.stderr}")
    return elapsed, peak, proc.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    if not os.path.exists(MAKE):
        sys.exit(f"benchmark corpus tool not found at {MAKE}")
    work = tempfile.mkdtemp(prefix="mtlint-bench-")
    try:
        corpus = os.path.join(work, "corpus")
        print(subprocess.run([MAKE, corpus, "--copies", str(args.copies)], capture_output=True, text=True).stdout.strip())
        common = ["check", ".", "--isolated", "--statistics", "--jobs", str(args.jobs)]
        cold, cold_rss, stats = timed(common, corpus)
        warm, _, _ = timed(common, corpus)
        path = next(os.path.join(folder, name) for folder, _, names in sorted(os.walk(corpus))
                    if ".mtlint_cache" not in folder for name in sorted(names) if name.endswith(".txt"))
        with open(path, "a", encoding="utf-8") as f:
            f.write("\nOne more line.\n")
        one, _, _ = timed(common, corpus)
        nocache, _, _ = timed(common + ["--no-cache"], corpus)
        print(f"cold (empty cache):       {cold:7.2f} s   (peak RSS of the runs so far {cold_rss:.0f} MB)")
        print(f"warm (nothing changed):   {warm:7.2f} s   {cold / warm:5.1f}x faster than cold")
        print(f"one file changed:         {one:7.2f} s")
        print(f"--no-cache:               {nocache:7.2f} s")
        print("findings per rule (cold run):")
        print(stats)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
