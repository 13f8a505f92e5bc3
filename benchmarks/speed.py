"""Speed and memory of `mtlint check` (default rules) over the newswire benchmark corpus, beside
other prose linters and the Python floor. Not a test: it prints figures.

    python benchmarks/speed.py                    # 1x corpus (21,268 articles, about 22 MB)
    python benchmarks/speed.py --copies 5         # also 5x the corpus
    python benchmarks/speed.py --quick            # the fast cases only
    python benchmarks/speed.py --corpus DIR       # your own folder of articles instead

The corpus is written into a temporary folder by `../shared/tools/make-bench-corpus` (next to the
checkout; `--make-corpus PATH` names another copy), unless `--corpus DIR` is given; the 5x corpus
is the same articles written five times, each copy with its own first line, so that a cache keyed
on content cannot skip work.

Every case runs in a fresh process, start-up included, as a user runs it. Figures: wall time
(median of `--repeat` runs), CPU time (user + system, all processes: steadier than wall time
on a busy machine), files/s, MB/s, and peak resident memory of the mtlint process
("parent"), of its largest worker process ("worker"), and of the whole process tree sampled every
20 ms ("total", needs psutil). Cases:

- cold: `--no-cache`, one worker (`-j 1`) and all cores (`-j 0`); cold with an empty cache
  (the run that fills it); warm: the same again with nothing changed;
- the same at 5x with `--copies 5`;
- pre-commit: one article, cold, `--isolated --no-cache`, also as the first run after installing
  (`MTLINT_NO_PATTERN_STORE=1`: every rule pattern compiled); one article with an `mtlint.toml`
  whose `corpus` names every file of the corpus: `--no-cache`, the run that fills the cache,
  warm, and after the article changed (the rest of the corpus from the cache);
- others, when installed: textlint with textlint-rule-prh (a 3-entry dictionary, files in
  batches of 10,000; `--textlint DIR` names a folder whose node_modules has both, else
  `npx --no-install textlint` from the current folder), proselint (if importable), and the
  Python floor (read every file and one `regex` pass over it).

Then the ratios the project aims at. Figures are only comparable within one run on one machine.
`--json FILE` also writes every measurement as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from tree_memory import sampler  # the benchmarks folder is the script's own

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MAKE = os.path.join(os.path.dirname(ROOT), "shared", "tools", "make-bench-corpus")
PRH_TERMS = (("Gaddafi", ["Qaddafi", "Kadhafi"]), ("Kyiv", ["Kiev"]), ("per cent", ["percent"]))

# Runs one measured case in its own process and writes its resource use as JSON to argv[1].
# mtlint runs inside this process (so "parent" is mtlint's own peak and "worker" the largest of
# its pool); any other command runs as a child, one or more times in a row.
MEASURE = r"""
import json, os, resource, subprocess, sys, threading, time
out = sys.argv[1]
with open(sys.argv[2]) as f:
    spec = json.load(f)
start_sampling()
code = 0
if "mtlint" in spec:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    from lint.cli import main
    try:
        code = main(spec["mtlint"])
    except SystemExit as e:
        code = e.code or 0
else:
    for cmd in spec["commands"]:
        code = max(code, subprocess.run(cmd, cwd=spec.get("cwd"), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL).returncode)
stop_sampling()
kb = 1024
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    json.dump({"code": code, "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
               "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kb,
               "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kb,
               "total_mb": None if tree_peak[0] is None else tree_peak[0] / kb / kb}, f)
"""
MEASURE = sampler(0.02) + MEASURE


def corpus_size(folder: str) -> tuple[int, int]:
    files = size = 0
    for base, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith(".txt"):
                files += 1
                size += os.path.getsize(os.path.join(base, name))
    return files, size


def txt_files(folder: str) -> list[str]:
    out = []
    for base, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(os.path.join(base, n) for n in sorted(names) if n.endswith(".txt"))
    return out


def replicate(source: str, dest: str, copies: int) -> None:
    """`copies` copies of every .txt file of `source`, each starting with a line naming its copy."""
    for k in range(copies):
        for path in txt_files(source):
            rel = os.path.relpath(path, source)
            target = os.path.join(dest, f"copy-{k}", rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(path, "rb") as f:
                data = f.read()
            with open(target, "wb") as f:
                f.write(f"[copy {k}]\n".encode() + data)


class Bench:
    def __init__(self, args, work: str):
        self.args = args
        self.work = work
        self.rows: list[dict] = []
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [ROOT] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))

    def measure(self, label: str, spec: dict, files: int, size: int, cwd: str, repeat: int | None = None,
                before=None, env: dict | None = None) -> dict:
        """Run a case `repeat` times (each after `before()`), keep the median wall time."""
        walls, usages = [], []
        for _ in range(repeat or self.args.repeat):
            if before:
                before()
            out = os.path.join(self.work, "measure.json")
            spec_file = os.path.join(self.work, "spec.json")  # a file: 10,000 paths overflow an argument list
            with open(spec_file, "w") as f:
                json.dump(spec, f)
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", MEASURE, out, spec_file], cwd=cwd, env=dict(self.env, **(env or {})),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            walls.append(time.perf_counter() - start)
            if proc.returncode != 0 or not os.path.exists(out):
                sys.exit(f"{label}: the measured run failed:\n{proc.stderr[-2000:]}")
            with open(out) as f:
                usages.append(json.load(f))
            os.remove(out)
            if "mtlint" in spec and usages[-1]["code"] not in (0, 1):
                sys.exit(f"{label}: mtlint exited with {usages[-1]['code']}:\n{proc.stderr[-2000:]}")
        wall = statistics.median(walls)
        row = {"case": label, "wall_s": wall, "cpu_s": statistics.median(u["cpu_s"] for u in usages),
               "runs": len(walls), "files": files, "mb": size / 1e6,
               "files_per_s": files / wall, "mb_per_s": size / 1e6 / wall,
               "parent_mb": max(u["parent_mb"] for u in usages), "worker_mb": max(u["worker_mb"] for u in usages),
               "total_mb": None if usages[0]["total_mb"] is None else max(u["total_mb"] for u in usages)}
        self.rows.append(row)
        self.print_row(row)
        return row

    @staticmethod
    def print_header():
        print(f"{'case':<58}{'wall s':>9}{'cpu s':>8}{'files/s':>10}{'MB/s':>8}{'parent MB':>11}{'worker MB':>11}"
              f"{'total MB':>10}")

    @staticmethod
    def print_row(r):
        total = "-" if r["total_mb"] is None else f"{r['total_mb']:.0f}"
        worker = f"{r['worker_mb']:.0f}" if r["worker_mb"] > 1 else "-"
        print(f"{r['case']:<58}{r['wall_s']:>9.2f}{r['cpu_s']:>8.2f}{r['files_per_s']:>10.0f}{r['mb_per_s']:>8.2f}"
              f"{r['parent_mb']:>11.0f}{worker:>11}{total:>10}", flush=True)

    # ---- mtlint -------------------------------------------------------------------------------
    def mtlint_corpus(self, corpus: str, tag: str, one_worker: bool = True) -> dict:
        files, size = corpus_size(corpus)
        base = ["check", corpus, "--isolated"]
        rows = {}
        if one_worker:
            rows["cold_1"] = self.measure(f"mtlint {tag} cold --no-cache -j 1", {"mtlint": base + ["--no-cache", "-j", "1"]},
                                          files, size, self.work)
        rows["cold_n"] = self.measure(f"mtlint {tag} cold --no-cache -j 0 (all cores)",
                                      {"mtlint": base + ["--no-cache", "-j", "0"]}, files, size, self.work)
        cache = os.path.join(self.work, f"cache-{tag}")
        rows["fill"] = self.measure(f"mtlint {tag} cold, empty cache, all cores",
                                    {"mtlint": base + ["--cache-dir", cache, "-j", "0"]}, files, size, self.work,
                                    before=lambda: shutil.rmtree(cache, ignore_errors=True))
        rows["warm"] = self.measure(f"mtlint {tag} warm (cache, nothing changed)",
                                    {"mtlint": base + ["--cache-dir", cache, "-j", "0"]}, files, size, self.work)
        shutil.rmtree(cache, ignore_errors=True)
        return rows

    def one_article(self, article: str) -> dict:
        """One article alone: as every run after the first, and the first after installing (the rules'
        compiled patterns not yet stored, see lint/regex_store.py)."""
        spec = {"mtlint": ["check", article, "--isolated", "--no-cache"]}
        one = (1, os.path.getsize(article))
        return {"one": self.measure("one article, cold, --isolated --no-cache", spec, *one, self.work),
                "one_first": self.measure("one article, cold, first run (no stored patterns)", spec, *one,
                                          self.work, env={"MTLINT_NO_PATTERN_STORE": "1"})}

    def precommit(self, corpus: str) -> dict:
        """One article: alone, and against a corpus named in the config."""
        article = txt_files(corpus)[0]
        one = (1, os.path.getsize(article))
        rows = self.one_article(article)
        config = os.path.join(corpus, "mtlint.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write('corpus = ["**/*.txt"]\n')
        cache = os.path.join(self.work, "cache-precommit")
        with open(article, "rb") as f:
            original = f.read()
        try:
            rows["corpus_nocache"] = self.measure("one article + corpus config, --no-cache",
                                                  {"mtlint": ["check", article, "--no-cache"]}, *one, corpus)
            spec = {"mtlint": ["check", article, "--cache-dir", cache]}
            rows["corpus_fill"] = self.measure("one article + corpus config, empty cache", spec, *one, corpus,
                                               before=lambda: shutil.rmtree(cache, ignore_errors=True))
            rows["corpus_warm"] = self.measure("one article + corpus config, warm cache", spec, *one, corpus)
            counter = [0]

            def change():
                counter[0] += 1
                with open(article, "wb") as f:
                    f.write(original + f"\nOne more line ({counter[0]}).\n".encode())

            rows["corpus_changed"] = self.measure("one changed article + corpus config, warm cache", spec, *one,
                                                  corpus, before=change)
        finally:
            with open(article, "wb") as f:
                f.write(original)
            os.remove(config)
            shutil.rmtree(cache, ignore_errors=True)
        return rows

    # ---- others -------------------------------------------------------------------------------
    def floor(self, corpus: str) -> dict:
        files, size = corpus_size(corpus)
        terms = "|".join(p for _, patterns in PRH_TERMS for p in patterns)
        code = ("import os, sys, regex\n"
                f"pattern = regex.compile(r'\\b(?:{terms})\\b')\n"
                "n = 0\n"
                "for base, dirs, names in os.walk(sys.argv[1]):\n"
                "    for name in names:\n"
                "        if name.endswith('.txt'):\n"
                "            with open(os.path.join(base, name), 'rb') as f:\n"
                "                n += len(pattern.findall(f.read().decode('utf-8')))\n"
                "print(n)\n")
        return self.measure("Python floor: read every file + one regex pass",
                            {"commands": [[sys.executable, "-c", code, corpus]]}, files, size, self.work)

    def proselint(self, corpus: str) -> dict | None:
        if shutil.which("proselint") is None:
            try:
                import proselint  # noqa: F401
            except ImportError:
                print("proselint: not installed, skipped")
                return None
            command = [sys.executable, "-m", "proselint"]
        else:
            command = [shutil.which("proselint")]
        files, size = corpus_size(corpus)
        return self.measure("proselint check (default checks)", {"commands": [command + ["check", corpus]]},
                            files, size, self.work, repeat=1)

    def textlint(self, corpus: str) -> dict | None:
        folder = self.args.textlint or os.getcwd()
        binary = os.path.join(folder, "node_modules", ".bin", "textlint")
        if os.path.exists(binary):
            command = [binary]
        elif shutil.which("npx") and subprocess.run(["npx", "--no-install", "textlint", "--version"], cwd=folder,
                                                    capture_output=True).returncode == 0:
            command = ["npx", "--no-install", "textlint"]
        else:
            print("textlint: not installed, skipped (npm install textlint textlint-rule-prh; --textlint DIR)")
            return None
        prh = os.path.join(self.work, "prh.yml")
        with open(prh, "w", encoding="utf-8") as f:
            f.write("version: 1\nrules:\n")
            for expected, patterns in PRH_TERMS:
                f.write(f"  - expected: {expected}\n    patterns:\n")
                f.writelines(f"      - {p}\n" for p in patterns)
        rc = os.path.join(self.work, "textlintrc.json")
        with open(rc, "w", encoding="utf-8") as f:
            json.dump({"rules": {"prh": {"rulePaths": [prh]}}}, f)
        paths = txt_files(corpus)
        batches = [command + ["--config", rc, *paths[i:i + 10_000]] for i in range(0, len(paths), 10_000)]
        files, size = corpus_size(corpus)
        return self.measure("textlint + textlint-rule-prh (3 entries)", {"commands": batches, "cwd": folder},
                            files, size, self.work, repeat=1)


def ratio_line(label: str, value: float | None, target: str, ok: bool | None, cpu: float | None = None):
    shown = "-" if value is None else f"{value:.3g}"
    mark = "" if ok is None else ("  ok" if ok else "  MISSED")
    cpu_shown = "" if cpu is None else f"   (CPU time: {cpu:.3g})"
    print(f"  {label:<58}{shown:>10}   target {target}{mark}{cpu_shown}")


def peak(row) -> float:
    return row["total_mb"] if row.get("total_mb") is not None else max(row["parent_mb"], row["worker_mb"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", metavar="DIR", help="a folder of .txt articles instead of the newswire corpus")
    parser.add_argument("--copies", type=int, default=1, help="also run on N times the corpus (e.g. 5)")
    parser.add_argument("--quick", action="store_true",
                        help="skip the one-worker runs, the corpus-config pre-commit cases and the other tools")
    parser.add_argument("--no-others", action="store_true", help="skip textlint, proselint and the floor")
    parser.add_argument("--repeat", type=int, default=1, help="runs per mtlint case; the median is shown")
    parser.add_argument("--textlint", metavar="DIR", help="folder whose node_modules holds textlint and textlint-rule-prh")
    parser.add_argument("--make-corpus", metavar="PATH", default=MAKE, help="the make-bench-corpus tool")
    parser.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    args = parser.parse_args(argv)

    work = tempfile.mkdtemp(prefix="mtlint-speed-")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # so that the temporary corpus goes
    try:
        if args.corpus:
            corpus = os.path.abspath(args.corpus)
        else:
            if not os.path.exists(args.make_corpus):
                sys.exit(f"make-bench-corpus not found at {args.make_corpus}: pass --make-corpus PATH or --corpus DIR")
            corpus = os.path.join(work, "corpus-1x")
            print(subprocess.run([sys.executable, args.make_corpus, corpus], capture_output=True, text=True,
                                 check=True).stdout.strip())
        files, size = corpus_size(corpus)
        try:
            import psutil  # noqa: F401
            sampled = "sampled with psutil"
        except ImportError:
            sampled = "not sampled: psutil is not installed"
        print(f"mtlint speed benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
              f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"{platform.platform(terse=True)}")
        print(f"corpus: {files} files, {size / 1e6:.1f} MB ({corpus}); peak RSS total {sampled}")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("PYTHONDONTWRITEBYTECODE is set: where mtlint's byte code was never written, every run "
                  "compiles its modules (about 0.1 s of each start-up)")
        print()
        bench = Bench(args, work)
        bench.print_header()
        results = {"1x": bench.mtlint_corpus(corpus, "1x", one_worker=not args.quick)}
        if args.quick:
            results["pre"] = bench.one_article(txt_files(corpus)[0])
        else:
            results["pre"] = bench.precommit(corpus)
        others = {}
        if not args.no_others:
            others["floor"] = bench.floor(corpus)
            if not args.quick:
                others["textlint"] = bench.textlint(corpus)
                others["proselint"] = bench.proselint(corpus)
        if args.copies > 1:
            big = os.path.join(work, f"corpus-{args.copies}x")
            if args.corpus:
                replicate(corpus, big, args.copies)
            else:
                subprocess.run([sys.executable, args.make_corpus, big, "--copies", str(args.copies)],
                               capture_output=True, check=True)
            results["big"] = bench.mtlint_corpus(big, f"{args.copies}x", one_worker=not args.quick)
            shutil.rmtree(big, ignore_errors=True)

        one_x = results["1x"]
        cold = one_x["cold_n"]["wall_s"]
        cold_cpu = one_x["cold_n"]["cpu_s"]
        print("\nratios of wall times (targets of the project; on a busy machine the CPU-time ratio is steadier):")
        for name, limit in (("textlint", 0.3), ("proselint", 0.04), ("floor", 5.0)):
            row = others.get(name)
            value = cold / row["wall_s"] if row else None
            ratio_line(f"cold all cores / {name}", value, f"<= {limit}", None if value is None else value <= limit,
                       cold_cpu / row["cpu_s"] if row and row["cpu_s"] else None)
        warm = one_x["warm"]["wall_s"] / cold
        ratio_line("warm / cold (all cores, --no-cache)", warm, "<= 0.1", warm <= 0.1,
                   one_x["warm"]["cpu_s"] / cold_cpu if cold_cpu else None)
        if "cold_1" in one_x:
            speedup = one_x["cold_1"]["wall_s"] / cold
            ratio_line(f"one worker / all cores ({os.cpu_count()} cores)", speedup, ">= 1.8", speedup >= 1.8)
        if "big" in results:
            big_cold = results["big"]["cold_n"]
            t = big_cold["wall_s"] / cold
            m = peak(big_cold) / peak(one_x["cold_n"])
            ratio_line(f"{args.copies}x corpus / 1x: time", t, "<= 5.5", t <= 5.5,
                       big_cold["cpu_s"] / cold_cpu if cold_cpu else None)
            ratio_line(f"{args.copies}x corpus / 1x: peak RSS", m, "<= 1.5", m <= 1.5)
        pre = results["pre"]
        ratio_line("one article, cold, start-up included (s)", pre["one"]["wall_s"], "< 0.3", pre["one"]["wall_s"] < 0.3)
        print(f"  (the first run after installing: {pre['one_first']['wall_s']:.2f} s)")
        if "corpus_changed" in pre:
            t = pre["corpus_changed"]["wall_s"]
            ratio_line("one changed article against the cached corpus (s)", t, "< 0.5", t < 0.5)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
                           "python": platform.python_version(), "files": files, "mb": size / 1e6,
                           "rows": bench.rows}, f, indent=2)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
