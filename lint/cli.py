"""The `mtlint` command: argument parsing, exit codes, choosing a formatter.

Exit codes (as ruff's): 0 nothing reported at or above --fail-on, 1 findings (or a file that could
not be read), 2 a usage, configuration or internal error. An error is one line on stderr, never a
traceback.
"""
from __future__ import annotations

import argparse
import itertools
import os
import stat
import sys
from collections import Counter

from lint import SEVERITIES, MtlintError, __version__
from lint.config import apply_severities, find_config, load_settings
from lint.formatters import COLOR_CHOICES, COLORED_FORMATS, FORMATS, render_chunks, use_color

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be a number of worker processes >= 0 (0: one per core), not {value!r}")
    return n


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--select", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to run (replaces the config's)")
    p.add_argument("--extend-select", type=_codes, metavar="CODES", default=[], help="codes or prefixes to add")
    p.add_argument("--ignore", type=_codes, metavar="CODES", default=[], help="codes or prefixes to skip")
    p.add_argument("--jobs", "-j", type=_jobs, metavar="N", help="worker processes (0: one per core)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    p.add_argument("--cache-dir", metavar="DIR", help="cache folder (default: .mtlint_cache in the project root)")
    p.add_argument("--force-exclude", action=argparse.BooleanOptionalAction, default=None,
                   help="apply the config's exclude to files named on the command line (default: on; "
                        "--no-force-exclude lints them whatever exclude says)")
    _records_and_engine(p)


def _records_and_engine(p: argparse.ArgumentParser) -> None:
    """Records (JSON Lines, Parquet) and the Dask engine: see lint/records.py, lint/dask_engine.py."""
    p.add_argument("--text-field", metavar="FIELD",
                   help="the text of a JSON Lines / Parquet record (default: `text`, else `body`); "
                        "`title,body` joins fields with a blank line")
    p.add_argument("--id-field", metavar="FIELD", help="the id of a record (default: its line or row number)")
    p.add_argument("--engine", choices=("local", "dask"),
                   help="local: this process or a process pool (default); dask: a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler to use (tcp://HOST:PORT); default: a LocalCluster of processes")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mtlint", description=(
        "Lint corpora of English news articles for machine-translation artifacts and source-quality problems."))
    parser.add_argument("--version", action="version", version=f"mtlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files or folders", description="Lint files or folders.")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders (default: the config's corpus, else the current folder)")
    _common(check)
    check.add_argument("--format", choices=FORMATS, default="full", help="output format (default: full)")
    check.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE")
    check.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colour the full and concise reports (default auto: on a terminal, unless NO_COLOR "
                            "is set or FORCE_COLOR asks for it in a pipe; --color decides over both)")
    check.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that makes the exit code 1")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    check.add_argument("--summary", action="store_true",
                       help="with --format json: wrap the findings with counts, per-file metrics and skipped rules")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also apply suggestions marked unsafe")
    check.add_argument("--diff", action="store_true",
                       help="print a unified diff of what --fix would change, change nothing; exit 1 if it would change something")
    check.add_argument("--add-noqa", action="store_true",
                       help="write a suppression above each line with findings (adopting mtlint on an existing corpus)")
    check.add_argument("--show-fixes", action="store_true",
                       help="list the fixes applied (with --fix) or that --fix would apply")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary line")
    check.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    check.add_argument("--grammar-server", metavar="URL",
                       help="LanguageTool server for the grammar rules (GRM), e.g. http://localhost:8010")
    check.add_argument("--report-unused-suppressions", action="store_true",
                       help="report `mtlint: disable` comments that hide nothing")

    baseline = sub.add_parser("baseline", help="record today's findings so that CI fails only on new ones",
                              description="Write the current findings to a baseline file for `check --baseline`.")
    baseline.add_argument("paths", nargs="*", metavar="PATH")
    _common(baseline)
    baseline.add_argument("--output-file", "-o", metavar="FILE", default="mtlint-baseline.json",
                          help="baseline file to write (default: mtlint-baseline.json)")
    baseline.add_argument("--prune", action="store_true",
                          help="only drop the entries of FILE that no longer match; add nothing new")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = sub.add_parser("explain", help="print a rule's documentation and examples")
    explain.add_argument("code")

    terms = sub.add_parser("terms", help="propose a termbase (YAML) from a corpus",
                           description="Cluster the spellings of names and the word orders of multi-word names "
                                       "across a corpus and write them as termbase YAML for review.")
    terms.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the config's corpus)")
    terms.add_argument("--config", metavar="FILE")
    terms.add_argument("--isolated", action="store_true")
    terms.add_argument("--output-file", "-o", metavar="FILE", help="write the YAML to FILE")
    return parser


def main(argv=None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="surrogateescape")  # file names with undecodable bytes, as given
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "check":
            code = cmd_check(args)
        elif args.command == "rules":
            code = cmd_rules(args)
        elif args.command == "explain":
            code = cmd_explain(args)
        elif args.command == "terms":
            code = cmd_terms(args)
        else:
            code = cmd_baseline(args)
        _flush_stdout()
        return code
    except MtlintError as e:
        for line in str(e).splitlines() or [""]:  # a config's errors all at once, one a line
            print(f"mtlint: error: {line}", file=sys.stderr)
        return EXIT_ERROR
    except FileNotFoundError as e:
        what = e.filename if e.filename else (e.args[0] if e.args and isinstance(e.args[0], str) else e)
        print(f"mtlint: error: {what}: no such file or folder", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        if not e.filename:
            _silence_stdout()  # most likely stdout itself failed: do not fail again at exit
        print(f"mtlint: error: {where}{e.strerror or _first_line(e)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # a bug or an unforeseen condition: one line, exit 2, never a traceback
        print(f"mtlint: internal error: {type(e).__name__}: {_first_line(e)}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR


def _first_line(e: BaseException) -> str:
    lines = str(e).strip().splitlines()
    return lines[0] if lines else ""


def settings_for(args):
    if getattr(args, "isolated", False):
        settings = load_settings(None)
    else:
        settings = load_settings(args.config or find_config((getattr(args, "paths", None) or ["."])[0]))
    if getattr(args, "force_exclude", None) is not None:
        settings.force_exclude = args.force_exclude
    if getattr(args, "text_field", None):
        settings.text_field = args.text_field
    if getattr(args, "id_field", None):
        settings.id_field = args.id_field
    return settings


def make_linter(args, settings):
    from lint.engine import Linter

    if getattr(args, "grammar_server", None):
        settings.grammar = dict(settings.grammar, **{"remote-server": args.grammar_server})
    cache_dir = None if args.no_cache else (args.cache_dir or settings.cache_dir)
    engine = getattr(args, "engine", None) or ("dask" if getattr(args, "scheduler", None) else "local")
    if engine == "dask":
        from lint.dask_engine import DaskLinter  # dask is imported only for this engine

        return DaskLinter(settings, select=args.select, extend_select=args.extend_select, ignore=args.ignore,
                          scheduler=args.scheduler, jobs=args.jobs)
    if getattr(args, "scheduler", None):
        raise MtlintError("--scheduler is for --engine dask")
    return Linter(settings, select=args.select, extend_select=args.extend_select, ignore=args.ignore,
                  cache_dir=cache_dir)


def cmd_check(args) -> int:
    from lint.engine import severity_at_least
    from lint.fixer import fix_files

    settings = settings_for(args)
    linter = make_linter(args, settings)
    report = linter.run(args.paths, jobs=args.jobs, progress=progress_bar(args))
    safe = {r.code for r in linter.active if r.fix_safety == "safe"}
    allowed = (lambda f: True) if args.unsafe_fixes else (lambda f: f.code in safe)
    allowed = _files_only(args, report, allowed)
    if args.diff:
        return show_diff(args, settings, report, allowed)
    if args.add_noqa:
        report.findings = [f for f in report.findings if f.record is None and "://" not in f.path]
        return add_noqa(settings, report)
    applied = []
    if args.fix:
        fixed, problems, changed = fix_files(report.findings, report.digests, settings.fallback_encodings, allowed,
                                             settings.max_file_size, applied_out=applied)
        for p in problems:
            print(f"mtlint: {p}", file=sys.stderr)
        if fixed or changed:
            report = linter.run(args.paths, jobs=args.jobs, progress=progress_bar(args))
            report.fixed = fixed
    elif args.show_fixes:
        applied = [f for f in report.findings if f.fix is not None and allowed(f)]
    if linter.cache and linter.cache.refused:
        print(f"mtlint: {linter.cache.refused}", file=sys.stderr)

    if args.baseline:
        from lint.baseline import compare, load

        new, baselined, stale = compare(report.findings, load(args.baseline), report.checked)
        report.findings, report.baselined, report.stale = new, len(baselined), stale
        for entry in stale:
            print(f"mtlint: {entry['path']}: stale baseline entry {entry.get('code', '?')} "
                  f"`{entry.get('text', '')}` no longer matches (prune with `mtlint baseline --prune -o {args.baseline}`)",
                  file=sys.stderr)
    for error in report.errors:
        print(f"mtlint: {error}", file=sys.stderr)
    for note in report.notes:
        print(f"mtlint: skipped {note}", file=sys.stderr)
    if not report.files and args.paths and not args.quiet:
        excluded = linter.excluded_paths
        why = (f": {len(excluded)} path{'s' if len(excluded) != 1 else ''} given "
               f"{'are' if len(excluded) != 1 else 'is'} excluded by the config (--no-force-exclude lints them)"
               if excluded else "")
        print(f"mtlint: warning: no files to check{why}", file=sys.stderr)
    if args.report_unused_suppressions:
        for note in report.unused_suppressions:
            print(f"mtlint: {note}", file=sys.stderr)

    report.root = settings.root  # the HTML report reads unflagged articles by their project paths
    if args.format == "html":
        from lint.records import options_of

        report.record_options = options_of(settings)  # and records of shards by their ids
    if args.statistics:
        body = [statistics(report, linter)]
    else:
        fixable = {r.code for r in linter.active if r.fixable and (r.fix_safety == "safe" or args.unsafe_fixes)}
        color = args.format in COLORED_FORMATS and use_color(args.color, None if args.output_file else sys.stdout)
        body = render_chunks(args.format, report, linter.rules, fixable_codes=fixable, quiet=args.quiet,
                             summary=args.summary, color=color)
    tail = []
    if report.fixed and args.format == "full":
        tail.append(f"Fixed {report.fixed} finding{'s' if report.fixed != 1 else ''}.\n")
    if args.show_fixes and args.format in ("full", "concise"):
        tail.append(fixes_list(applied, linter.rules, done=args.fix))
    if report.baselined and args.format == "full" and not args.quiet:
        tail.append(f"{report.baselined} finding{'s' if report.baselined != 1 else ''} hidden by the baseline.\n")
    write_output(itertools.chain(body, tail), args.output_file)  # written as it is made

    fail_on = args.fail_on or settings.fail_on
    failing = any(severity_at_least(f.severity, fail_on) for f in report.findings)
    if args.exit_zero:
        return EXIT_CLEAN
    unused = args.report_unused_suppressions and report.unused_suppressions
    return EXIT_FINDINGS if (failing or report.errors or unused) else EXIT_CLEAN


def _files_only(args, report, allowed):
    """--fix, --diff and --add-noqa write files, never records of a JSON Lines or Parquet shard
    (nor files at a URL): say so once, and leave those findings out of what is fixed."""
    if args.fix or args.diff or args.add_noqa:
        skipped = [f for f in report.findings if (f.record is not None or "://" in f.path)
                   and (args.add_noqa or (f.fix is not None and allowed(f)))]
        if skipped:
            shards = sorted({f.file for f in skipped})
            what = "suppressions" if args.add_noqa else "fixes"
            print(f"mtlint: {len(skipped)} {what} in {shards[0]}" + (f" and {len(shards) - 1} more" if len(shards) > 1 else "")
                  + " not written: mtlint does not rewrite JSON Lines or Parquet shards or files at a URL;"
                  " apply them where the records are made", file=sys.stderr)
    return lambda f: f.record is None and "://" not in f.path and allowed(f)


def show_diff(args, settings, report, allowed) -> int:
    """--diff: the fixes as a unified diff on stdout (or -o), nothing written; exit 1 if any."""
    from lint.fixer import preview_fixes, unified_diff

    previews, problems = preview_fixes(report.findings, report.digests, settings.fallback_encodings, allowed,
                                       settings.max_file_size)
    for p in problems + list(report.errors):
        print(f"mtlint: {p}", file=sys.stderr)
    write_output(unified_diff(previews), args.output_file)
    count = sum(len(fixed) for *_, fixed in previews)
    if not args.quiet:
        print(f"Would fix {count} finding{'s' if count != 1 else ''} in {len(previews)} "
              f"file{'s' if len(previews) != 1 else ''}." if count else "No fixes to apply.", file=sys.stderr)
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if previews or report.errors else EXIT_CLEAN


def add_noqa(settings, report) -> int:
    """--add-noqa: above each line with findings, a `disable-next-line` for their codes, written
    with the same care as a fix (atomic, the file's own encoding and newlines, only if unchanged)."""
    from types import SimpleNamespace

    from lint.fixer import fix_files
    from lint.suppress import directive_for

    by_line: dict[tuple[str, int], tuple[int, set]] = {}
    for f in report.findings:
        line_start = f.start - (f.column - 1)  # columns count code points, as offsets do
        by_line.setdefault((f.path, f.line), (line_start, set()))[1].add(f.code)
    inserts = [SimpleNamespace(path=path, start=at, end=at, fix=directive_for(path, codes) + "\n", code="")
               for (path, _), (at, codes) in sorted(by_line.items())]
    added, problems, _ = fix_files(inserts, report.digests, settings.fallback_encodings,
                                   max_size=settings.max_file_size)
    for p in problems + list(report.errors):
        print(f"mtlint: {p}", file=sys.stderr)
    files = len({i.path for i in inserts})
    print(f"Added {added} suppression{'s' if added != 1 else ''} in {files} file{'s' if files != 1 else ''}.",
          file=sys.stderr)
    return EXIT_FINDINGS if problems or report.errors else EXIT_CLEAN


def fixes_list(applied, rules, done: bool) -> str:
    """--show-fixes: per file, how many findings of each rule were (or would be) fixed, as ruff lists them."""
    if not applied:
        return "No fixes applied.\n" if done else "No fixes available.\n"
    by_path: dict[str, Counter] = {}
    for f in applied:
        by_path.setdefault(f.path, Counter())[f.code] += 1
    lines = [f"{'Fixed' if done else 'Would fix'} {len(applied)} finding{'s' if len(applied) != 1 else ''}:"]
    for path in sorted(by_path):
        lines.append(f"- {path}:")
        for code, n in sorted(by_path[path].items()):
            name = rules[code].name if code in rules else ""
            lines.append(f"    {n} × {code} ({name})" if name else f"    {n} × {code}")
    return "\n".join(lines) + "\n"


def cmd_baseline(args) -> int:
    from lint.baseline import compare, dump, dump_entries, load

    settings = settings_for(args)
    report = make_linter(args, settings).run(args.paths, jobs=args.jobs, progress=progress_bar(args))
    for error in report.errors:
        print(f"mtlint: {error}", file=sys.stderr)
    findings = report.findings
    if args.prune:
        # Entries of files this run did not check are kept as they are; of the others, those that
        # still match a finding are kept and the rest are stale.
        entries = load(args.output_file)
        _, _, stale = compare(findings, entries, report.checked)
        stale_ids = {id(e) for e in stale}
        kept = [e for e in entries if id(e) not in stale_ids]
        write_output(dump_entries(kept), args.output_file)
        print(f"mtlint: pruned {len(stale)} stale entr{'y' if len(stale) == 1 else 'ies'}; {len(kept)} kept",
              file=sys.stderr)
    else:
        write_output(dump(findings), args.output_file)
        print(f"mtlint: recorded {len(findings)} finding{'s' if len(findings) != 1 else ''} in {args.output_file}",
              file=sys.stderr)
    return EXIT_ERROR if report.errors else EXIT_CLEAN


PROGRESS_MIN_FILES = 200  # a run over more files than this shows a progress bar on a terminal


def progress_bar(args):
    """The `progress` callback for Linter.run: a bar on stderr, only when stderr is a terminal and
    not with --quiet; None otherwise (pipes, CI logs), so that nothing is imported for it."""
    if getattr(args, "quiet", False):
        return None
    try:
        if not sys.stderr.isatty():
            return None
    except (AttributeError, ValueError, OSError):
        return None
    return _ProgressBar(color=getattr(args, "color", "auto") != "never")


class _ProgressBar:
    """Started at the first result of a run over more than PROGRESS_MIN_FILES files (rich is
    imported then), gone from the terminal when the last result arrives."""

    def __init__(self, color: bool = True):
        self.color = color
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total <= PROGRESS_MIN_FILES or done >= total:
                return
            import atexit

            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TimeRemainingColumn

            console = Console(file=sys.stderr, no_color=not self.color)
            self.bar = Progress("Linting", BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                                TimeRemainingColumn(), console=console, transient=True)
            self.task = self.bar.add_task("lint", total=total, completed=done)
            self.bar.start()
            atexit.register(self.close)  # interrupted (Ctrl-C): still give the cursor back
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            bar, self.bar = self.bar, None
            bar.stop()


def write_output(text, path: str | None) -> None:
    """Print the report, or write it to `path`; `text` is a string or an iterable of strings,
    written one by one as they are made.

    A regular file (or a new one) is replaced atomically, keeping its permissions; a symbolic
    link is followed and its target written; a FIFO, a device or any other special file is
    written through, never replaced. Failing to write is an error (exit 2), not a traceback."""
    pieces = [text] if isinstance(text, str) else text
    if not path:
        try:
            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        except OSError as e:
            _silence_stdout()
            if isinstance(e, BrokenPipeError):
                raise MtlintError("the reader of the output went away (broken pipe)") from None
            raise MtlintError(f"cannot write the report to standard output: {e.strerror or e}") from None
        return
    from lint.fixer import write_replacing

    data = (piece.encode("utf-8", "surrogateescape") for piece in pieces)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise MtlintError(f"cannot write {path}: the folder {folder} does not exist")
    real = os.path.realpath(path)
    try:
        try:
            st = os.stat(real)
        except FileNotFoundError:
            st = None
        if st is None or stat.S_ISREG(st.st_mode):
            if not os.path.isdir(os.path.dirname(real)):
                raise MtlintError(f"cannot write {path}: the folder {os.path.dirname(real)} does not exist")
            write_replacing(real, data, st)
        else:
            with open(real, "wb") as f:
                for chunk in data:
                    f.write(chunk)
    except OSError as e:
        raise MtlintError(f"cannot write {path}: {e.strerror or e}") from None


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as e:
        _silence_stdout()
        raise MtlintError(f"cannot write to standard output: {e.strerror or e}") from None


def _silence_stdout() -> None:
    """After a failed write to stdout, point it at the null device so that exiting does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def statistics(report, linter) -> str:
    counts = Counter(f.code for f in report.findings)
    lines = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = linter.rules[code] if code in linter.rules else None
        fix = "   " if rule is None or not rule.fixable else "[*]" if rule.fix_safety == "safe" else "[-]"
        name = rule.name if rule else ""
        lines.append(f"{n:>6}\t{code}\t{fix} {name}")
    if any(code in linter.rules and linter.rules[code].fixable for code in counts):
        lines.append("[*] fixable with --fix; [-] an unsafe fix, applied only with --fix --unsafe-fixes")
    by_category = Counter(f.category for f in report.findings)
    if by_category:
        lines.append("")
        lines.extend(f"{n:>6}\t{cat}" for cat, n in sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0])))
    text = "\n".join(lines) + ("\n" if lines else "")
    if report.metrics:
        from lint.formatters import metrics_table

        text += "\n" + metrics_table(report.metrics, per_file_limit=50)
    return text


def cmd_rules(args) -> int:
    from lint.registry import load_rules

    settings = load_settings(find_config("."))
    rules = apply_severities(settings, load_rules(tuple(settings.resolve(d) for d in settings.rule_dirs)))
    if args.format == "json":
        import json

        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
                           "fixable": r.fixable, "fix": (r.fix_safety if r.fixable else None), "corpus": r.corpus, "default": r.default_enabled,
                           "summary": r.summary} for r in sorted(rules.values(), key=lambda r: r.code)], indent=2))
        return EXIT_CLEAN
    print(f"{'code':<8}{'name':<30}{'category':<17}{'severity':<9}{'fix':<8}summary")
    for r in sorted(rules.values(), key=lambda r: r.code):
        fix = r.fix_safety if r.fixable else "-"
        print(f"{r.code:<8}{r.name:<30}{r.category:<17}{r.severity:<9}{fix:<8}{r.summary}")
    print("\nfix: safe fixes apply with --fix; unsafe ones (suggestions to check) only with --fix --unsafe-fixes")
    return EXIT_CLEAN


def cmd_explain(args) -> int:
    from lint.registry import load_rules
    from lint.rule import examples_of

    settings = load_settings(find_config("."))
    rules = apply_severities(settings, load_rules(tuple(settings.resolve(d) for d in settings.rule_dirs)))
    rule = rules.get(args.code.upper())
    if rule is None:
        raise MtlintError(f"no rule {args.code!r} (see `mtlint rules`)")
    out = [f"{rule.code} ({rule.name})", "",
           f"Category: {rule.category}    Severity: {rule.severity}    "
           f"Fix: {'yes' if rule.fixable else 'no'}    Scope: {'corpus' if rule.corpus else 'file'}", "",
           rule.summary, ""]
    if rule.doc:
        out += [rule.doc, ""]
    if rule.options:
        out.append("Options (set under [tool.mtlint.rules." + rule.code + "]):")
        out += [f"  {k} = {v!r}" for k, v in rule.options.items()]
        out.append("")
    out.append("Examples:")
    for ex in examples_of(rule):
        for name, text in ex.files.items():
            label = "flagged" if ex.kind == "fail" else "not flagged"
            where = f" ({name})" if len(ex.files) > 1 else ""
            out.append(f"  {label}{where}: {text.strip()}")
        if ex.fix is not None:
            out.append(f"  fixed: {ex.fix.strip()}")
    print("\n".join(out))
    return EXIT_CLEAN


def cmd_terms(args) -> int:
    from lint.engine import Linter
    from lint.terms import propose

    settings = settings_for(args)
    linter = Linter(settings, select=["NAM001"], cache_dir=None)
    files = linter.targets(args.paths)
    accepted = settings.termbase_data.accept if settings.termbase else frozenset()
    text, errors = propose(files, settings.fallback_encodings, accepted)
    for error in errors:
        print(f"mtlint: {error}", file=sys.stderr)
    write_output(text, args.output_file)
    return EXIT_ERROR if errors and not files else EXIT_CLEAN
