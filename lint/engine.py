"""files -> per-file pass -> corpus pass -> suppressions / per-file ignores -> sort.

The per-file pass runs in one process or in a pool; a corpus rule's `collect` runs beside it and
returns a small summary, and `finalize` sees only summaries, so memory does not grow with the size
of the corpus text.
"""
from __future__ import annotations

import dataclasses
import glob
import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property

from lint import SEVERITIES, suppress
from lint.cache import Cache, RunCache, digest, setup_key
from lint.config import (ConfigErrors, Settings, apply_severities, code_known, rule_config_errors,
                         severity_overrides, unknown_code)
from lint.document import Document
from lint.finding import Finding, Hit
from lint.readers import (GitIgnores, UnreadableFile, discover, display_path, document_from_bytes, matches_glob,
                          read_bytes)
from lint.records import (FileError, RecordRun, block_bytes_for, is_record_file, lint_block, mark_related,
                          options_of, plan_or_error, read_any, reread, size_of)
from lint.registry import load_rules
from lint.rule import Rule, RuleContext
from lint.summaries import Packed, SummaryView, pack_result

SOURCE_WINDOW = 240  # code points of a huge line kept around a finding for the report
CONTEXT_CHARS = 30  # code points each side of a match that make up its fingerprint context
PARALLEL_THRESHOLD = 400  # files; below this a pool costs more than it saves
CHUNK_FILES = 256  # files per task at most: a worker holds a task's results until it sends them

def match_length(code: str, prefixes) -> int:
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best

def is_selected(rule: Rule, select, extend_select, ignore) -> bool:
    """ruff's rule: the most specific of the matching select / ignore entries wins."""
    chosen = match_length(rule.code, list(select) + list(extend_select))
    if rule.relays and any(p.startswith(rule.relays) for p in list(select) + list(extend_select)):
        chosen = max(chosen, len(rule.code))  # "--select GRM-EN_A_VS_AN" selects the relaying rule
    if not select and rule.default_enabled:
        chosen = max(chosen, 0)
    return chosen > match_length(rule.code, ignore)

@dataclass
class Project:
    """Data the rules share: settings, termbase, known acronyms. Built once per process."""

    settings: Settings

    @property
    def termbase(self):
        return self.settings.termbase_data

    @cached_property
    def known_acronyms(self) -> frozenset:
        return frozenset(self.settings.known_acronyms)

@dataclass
class FileResult:
    path: str
    findings: list = field(default_factory=list)
    summaries: dict = field(default_factory=dict)  # rule code -> summary
    error: str | None = None
    metrics: dict = field(default_factory=dict)
    suppressions: list = field(default_factory=list)
    digest: str = ""  # of the bytes the findings were computed from (--fix checks it)
    record: object = None  # lint.records.RecordInfo when the document is a record of a shard

@dataclass
class Report:
    findings: list
    errors: list
    files: int
    metrics: dict = field(default_factory=dict)  # path -> {metric: value}
    notes: list = field(default_factory=list)  # one-line notices (skipped rules, ...)
    stale: list = field(default_factory=list)  # baseline entries that no longer match
    baselined: int = 0  # findings hidden because the baseline has them
    unused_suppressions: list = field(default_factory=list)
    checked: list = field(default_factory=list)  # project-relative paths of the linted files
    fixed: int = 0
    digests: dict = field(default_factory=dict)  # path -> digest of the bytes that were linted

def _normalize(text: str) -> str:
    return " ".join(text.split()).lower()

def make_finding(rule: Rule, doc: Document, hit: Hit) -> Finding:
    span = doc.span(hit.start, hit.end)
    line_start, line_end = doc.line_bounds(span.line)
    cut = 0
    if line_end - line_start > 2 * SOURCE_WINDOW:
        cut = max(0, hit.start - line_start - SOURCE_WINDOW // 2)
    source_line = doc.text[line_start + cut:min(line_end, line_start + cut + 2 * SOURCE_WINDOW)]
    context = doc.text[max(line_start, hit.start - CONTEXT_CHARS):min(line_end, hit.end + CONTEXT_CHARS)]
    return Finding(
        path=doc.path, start=hit.start, end=hit.end,
        line=span.line, column=span.column, end_line=span.end_line, end_column=span.end_column,
        code=hit.code or rule.code, name=rule.name, category=rule.category,
        severity=hit.severity or rule.severity, message=hit.message, fix=hit.fix,
        text=doc.text[hit.start:hit.end] if hit.text is None else hit.text,
        context=_normalize(context) if hit.context is None else hit.context,
        source_line=source_line, source_offset=cut, related=hit.related, record=doc.record,
    )

def assign_fingerprints(findings: list[Finding], project_path=lambda p: p) -> list[Finding]:
    """rule + file + normalized matched text + its context + occurrence index; never line numbers.
    The list is sorted and its findings replaced in place, and returned.

    The file is named relative to the project root, so a baseline works from any folder."""
    seen: dict[tuple, int] = {}
    findings.sort(key=Finding.sort_key)  # in place, each finding replaced in turn: one copy at a time
    where_before = None
    for n, f in enumerate(findings):
        where = project_path(f.path) if f.record is None else f"{project_path(f.file)}:{f.record}"
        if where != where_before:
            seen.clear()  # a file's (a record's) findings are together, and keys name the file
            where_before = where
        key = (f.code, where, _normalize(f.text), f.context)
        index = seen.get(key, 0)
        seen[key] = index + 1
        digest = hashlib.sha256("\x1f".join(map(str, key + (index,))).encode("utf-8", "surrogateescape")).hexdigest()[:20]
        findings[n] = f.with_(fingerprint=digest, project_path=where)
    return findings

class Linter:
    def __init__(self, settings: Settings, select=None, extend_select=None, ignore=None, cache_dir=None):
        self.settings = settings
        self.init_args = (settings, select, extend_select, ignore, cache_dir)  # to rebuild in a worker
        self.rules = load_rules(tuple(settings.resolve(d) for d in settings.rule_dirs))
        errors = rule_config_errors(settings, self.rules)  # every problem at once, each with its line
        for flag, codes in (("--select", select), ("--extend-select", extend_select), ("--ignore", ignore)):
            errors += [unknown_code(c, self.rules, f"{flag}: ") for c in codes or () if not code_known(c, self.rules)]
        if errors:
            raise ConfigErrors(errors)
        self.severities = severity_overrides(settings)  # applied to the findings by `with_severities`
        self.project = Project(settings)
        select = [c.upper() for c in (settings.select if select is None else select)]  # codes in any case
        extend_select = [c.upper() for c in list(settings.extend_select) + list(extend_select or [])]
        ignore = [c.upper() for c in list(settings.ignore) + list(ignore or [])]
        self.per_file_ignores = {g: [c.upper() for c in cs] for g, cs in settings.per_file_ignores.items()}
        self.selection = (list(select) + extend_select, ignore)
        self.active = [r for r in self.rules.values() if is_selected(r, select, extend_select, ignore)]
        self.contexts = {r.code: self.context_for(r) for r in self.active}
        self.notes = []
        for rule in list(self.active):
            reason = rule.prepare(self.contexts[rule.code])
            if reason:
                self.notes.append(reason)
                self.active.remove(rule)
        if any(r.corpus for r in self.active) or any(r.code.startswith(("TRM", "NAM")) for r in self.active):
            _ = self.project.termbase  # a malformed termbase is reported before any work starts
        self.cache = Cache(settings.resolve(cache_dir), setup_key(self)) if cache_dir else None
        self.discovery_errors = []
        self.excluded_paths = []
        run_setup = repr((sorted(settings.per_file_ignores.items()), self.selection, options_of(settings).key()))
        self.run_cache = RunCache(self.cache, run_setup) if self.cache else None
        # the reports' rule metadata (SARIF, HTML) shows the config's severities; the active rules
        # keep their own, so that cached results never depend on them
        apply_severities(settings, self.rules)

    def project_path(self, path: str) -> str:
        """A path relative to the project root (the config's folder), with forward slashes."""
        if "://" in path:  # a URL (fsspec) stays as it is
            return path
        full = os.path.abspath(path)
        rel = os.path.relpath(full, self.settings.root)
        return (full if rel.startswith("..") else rel).replace(os.sep, "/")

    def context_for(self, rule: Rule) -> RuleContext:
        options = dict(rule.options)
        for code, table in self.settings.rules.items():  # `severity` is the engine's, not the rule's
            if code.upper() == rule.code:
                options.update((k, v) for k, v in table.items() if k != "severity")
        return RuleContext(options=options, project=self.project)

    # ---- files ----------------------------------------------------------------------------
    def targets(self, paths) -> list[str]:
        s = self.settings
        named = bool(paths)  # force-exclude is for paths given by name, not the corpus or the current folder
        if not paths:
            paths = self.corpus_files() if s.corpus else [os.getcwd()]
        if any("://" in p for p in paths):  # fsspec URLs beside local paths
            from lint.records import targets_with_urls

            return targets_with_urls(self, paths)
        self.discovery_errors = []
        self.excluded_paths = []  # paths given by name that `exclude` leaves out (force-exclude)
        return [display_path(p) for p in discover(paths, s.include, s.exclude, s.root, errors=self.discovery_errors,
                                                  force_exclude=s.force_exclude and named,
                                                  gitignore=s.respect_gitignore,
                                                  excluded=self.excluded_paths)]

    def corpus_files(self) -> list[str]:
        s = self.settings
        files = []
        ignores = GitIgnores(s.root) if s.respect_gitignore else None
        inside = os.path.join(os.path.abspath(s.root), "")

        def relative(path):  # what relpath gives for the usual path under the root, without its cost
            return path[len(inside):] if path.startswith(inside) else os.path.relpath(path, s.root)

        for pattern in s.corpus:
            matches = sorted(glob.glob(s.resolve(pattern), recursive=True))
            for m in matches:
                if os.path.isdir(m):
                    files.extend(discover([m], s.include, s.exclude, s.root, gitignore=s.respect_gitignore))
                elif ((matches_glob(m, s.include) or is_record_file(m))  # shards named by the corpus globs
                      and not matches_glob(relative(m), s.exclude)
                      and not (ignores and ignores.ignored(m, False, s.root))):
                    files.append(m)
        return files

    # ---- the passes -----------------------------------------------------------------------
    def lint_document(self, doc: Document, report_on: bool = True) -> FileResult:
        result = FileResult(doc.path, suppressions=suppress.parse(doc.text, doc.path) if report_on else [])
        for rule in self.active:
            ctx = self.contexts[rule.code]
            if rule.corpus:
                result.summaries[rule.code] = rule.collect(doc, ctx)
            elif report_on:
                for hit in rule.check(doc, ctx):
                    result.findings.append(make_finding(rule, doc, hit))
                metrics = getattr(rule, "metrics", None)
                if metrics is not None:
                    result.metrics.update(metrics(doc, ctx) or {})
        return result

    def lint_path(self, path: str, report_on: bool = True, shown: str | None = None) -> FileResult:
        """`shown`: the path in findings, when `path` is where to read it (a worker elsewhere)."""
        url = "://" in path
        shown = shown or (path if url else display_path(path))
        try:
            if url:
                from lint.records import read_url_bytes

                raw = read_url_bytes(path, shown, self.settings.max_file_size)
            else:
                raw = read_bytes(path, shown, self.settings.max_file_size)
            key = digest(raw)
            if self.cache:
                cached = self.cache.get(path, key, report_on)
                if cached is not None and cached.path == shown:
                    return cached
            doc = document_from_bytes(raw, shown, self.settings.fallback_encodings)
        except UnreadableFile as e:
            return FileResult(shown, error=str(e) if report_on else None)
        result = self.lint_document(doc, report_on)
        result.digest = key
        if self.cache:
            self.cache.put(path, key, report_on, result)
        return result

    def run(self, paths=(), jobs: int | None = None, progress=None) -> Report:
        """`progress(done, total)`, if given, is called as each file's result arrives."""
        targets = self.targets(paths)
        context_only = []
        if any(r.corpus for r in self.active):
            # a corpus file that is also a target (under another name, a link) is linted once;
            # one stat per file tells, where resolving each path's links costs a second at 20k files
            target_ids = {_file_id(t) for t in targets} - {None}
            context_only = [display_path(p) for p in self.corpus_files() if _file_id(p) not in target_ids]
        work = [(t, True) for t in targets] + [(p, False) for p in context_only]
        urls = any("://" in p for p, _ in work)  # no content hash without reading them: no run cache
        run_key = self.run_cache.key(work, self.settings.max_file_size) if self.run_cache and not urls else None
        if run_key:
            cached = self.run_cache.get(run_key)
            if cached is not None:
                cached.errors = list(self.discovery_errors) + cached.errors
                return self.with_severities(cached)
        shards = sum(1 for t in targets if is_record_file(t))
        self._records = RecordRun(options_of(self.settings)) if any(is_record_file(p) for p, _ in work) else None
        self.total = len(work)  # results to come; _map counts the records of shards (one result a line)
        results = self._map(work, jobs if jobs is not None else self.settings.jobs)
        findings, errors, summaries, metrics, suppressions = [], [], {}, {}, {}
        digests = {}
        for done, result in enumerate(results, 1):
            if progress is not None:
                progress(done, max(done, self.total))
            if result.record is not None:
                self._records.accept(result)  # repeated ids, where reported records are
            if result.digest:
                digests[result.path] = result.digest
            if result.suppressions:
                suppressions[result.path] = result.suppressions
            if result.error:
                errors.append(result.error)
            findings.extend(result.findings)
            if result.metrics:
                metrics[result.path] = result.metrics
            for code, summary in result.summaries.items():
                if summary is not None:
                    summaries.setdefault(code, {})[result.path] = Packed.of(summary)  # kept pickled
        if self._records:
            self._records.finish()  # no record has the text field: a usage error
        findings.extend(self._finalize(summaries, {t if "://" in t else display_path(t) for t in targets}))
        if self._records:
            findings = [mark_related(f, self._records) for f in findings]
        findings = self.filter_ignored(self.filter_relayed(findings))
        findings, unused = suppress.apply(findings, suppressions)
        files = len(targets) - shards + (self._records.target_records if self._records else 0)
        report = Report(assign_fingerprints(findings, self.project_path), errors, files, metrics,
                        notes=list(self.notes))
        report.unused_suppressions = unused
        report.checked = [self.project_path(t) for t in targets]
        report.digests = digests
        if run_key:
            self.run_cache.put(run_key, report)
        report.errors = list(self.discovery_errors) + report.errors
        return self.with_severities(report)

    def with_severities(self, report: Report) -> Report:
        """The config's `[rules.CODE] severity` on every finding of that rule (and of the checks it
        relays), applied after the caches so that changing it never needs a fresh run."""
        if not self.severities:
            return report
        relayed = [(self.rules[c].relays, s) for c, s in self.severities.items() if self.rules[c].relays]

        def severity(f: Finding) -> str:
            if f.code in self.severities:
                return self.severities[f.code]
            return next((s for prefix, s in relayed if f.code.startswith(prefix)), f.severity)

        report.findings = [f if severity(f) == f.severity else f.with_(severity=severity(f)) for f in report.findings]
        return report

    def _map(self, work, jobs: int):
        """Each file's result, in the order of `work`, as it arrives: the caller keeps what it
        needs of one result before the next, not every result at once."""
        workers = jobs or os.cpu_count() or 1
        if any(self.contexts[r.code].options.get("serial") for r in self.active):
            workers = 1  # a rule that drives one local server per process
        units = self.units(work, workers)
        if workers <= 1 or self.total < PARALLEL_THRESHOLD:
            for unit in units:
                yield from self.lint_unit(unit)
            return
        chunk = 1 if len(units) != len(work) else max(1, min(CHUNK_FILES, len(work) // (workers * 8)))
        from concurrent.futures import ProcessPoolExecutor  # only when a pool runs: it costs start-up time

        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=self.init_args) as pool:
            for result in pool.map(_work_in_worker, units, chunksize=chunk):
                if type(result) is list:  # the records of a block of a shard
                    yield from result
                else:
                    yield result

    def units(self, work, workers: int) -> list:
        """What the workers get: (path, report_on) for a file, a records.Block for a part of a
        shard (or a FileError for a shard that cannot be read); sets `self.total`, the number of
        results the units give (a file one, a block one per line)."""
        if not any(is_record_file(p) for p, _ in work):
            self.total = len(work)
            return work
        block_bytes = block_bytes_for(sum(size_of(p) for p, _ in work if is_record_file(p)), workers)
        units = []
        for path, on in work:
            if is_record_file(path):
                units.extend(plan_or_error(path, on, block_bytes))
            else:
                units.append((path, on))
        self.total = sum(1 if type(u) is tuple else u.count for u in units)
        return units

    def lint_unit(self, unit) -> list:
        if type(unit) is tuple:
            return [self.lint_path(*unit)]
        if isinstance(unit, FileError):
            return [FileResult(unit.display, error=unit.message if unit.report_on else None)]
        return lint_block(self, unit)

    def _finalize(self, summaries: dict, targets: set) -> list[Finding]:
        by_path: dict[str, list] = {}
        records = getattr(self, "_records", None)
        located = records.locators if records else {}
        kept = targets | located.keys()
        for rule in self.active:
            if not rule.corpus:
                continue
            ctx = dataclasses.replace(self.contexts[rule.code], targets=kept)
            for path, hit in rule.finalize(SummaryView(summaries.get(rule.code, {})), ctx):
                if path in kept:
                    by_path.setdefault(path, []).append((rule, hit))
        return self._place(by_path)

    def _place(self, by_path: dict) -> list[Finding]:
        """Corpus rules decide from summaries; the few files (records) they report on are read once
        more to place each finding on its line."""
        records = getattr(self, "_records", None)
        located = records.locators if records else {}
        docs = reread([located[p] for p in by_path if p in located], records.opts) if located else {}
        out = []
        for path, hits in by_path.items():
            doc = docs.get(path)
            if doc is None and path not in located:
                try:
                    doc = read_any(path, path, self.settings)
                except UnreadableFile:
                    continue  # gone or changed since its summary was made
            if doc is not None:
                out.extend(make_finding(rule, doc, hit) for rule, hit in hits)
        return out

    def filter_relayed(self, findings: list[Finding]) -> list[Finding]:
        """Select and ignore the codes of relayed checks (GRM-...) one by one."""
        select, ignore = self.selection
        return [f for f in findings if f.code in self.rules
                or (match_length(f.code, select) if select else 0) > match_length(f.code, ignore)]

    def filter_ignored(self, findings: list[Finding]) -> list[Finding]:
        ignores = self.per_file_ignores
        if not ignores:
            return findings
        out = []
        for f in findings:
            rel = os.path.relpath(os.path.abspath(f.file), self.settings.root).replace(os.sep, "/")  # a record: its shard
            codes = [c for g, cs in ignores.items() if matches_glob(rel, [g]) for c in cs]
            if codes and match_length(f.code, codes) >= 0:
                continue
            out.append(f)
        return out

_WORKER: Linter | None = None

def _file_id(path: str):
    """(device, inode) of the file at `path`, its own name for a URL, None when it cannot be read."""
    if "://" in path:
        return path
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _init_worker(*args) -> None:
    global _WORKER
    _WORKER = Linter(*args)

def _work_in_worker(item):
    """A file's result, or the list of results of a block of records, summaries pickled."""
    if type(item) is tuple:
        return pack_result(_WORKER.lint_path(*item))
    return [pack_result(r) for r in _WORKER.lint_unit(item)]

def severity_at_least(severity: str, threshold: str) -> bool:
    return SEVERITIES.index(severity) >= SEVERITIES.index(threshold)


def lint_texts(rule: Rule, files: dict, options: dict | None = None, project=None) -> list[Finding]:
    """Run one rule over in-memory texts ({path: text}); corpus rules see all of them."""
    ctx_options = dict(rule.options)
    ctx_options.update(options or {})
    ctx = RuleContext(options=ctx_options, project=project or Project(Settings()))
    docs = {path: Document(path, text) for path, text in files.items()}
    if not rule.corpus:
        return [make_finding(rule, doc, hit) for doc in docs.values() for hit in rule.check(doc, ctx)]
    summaries = {path: rule.collect(doc, ctx) for path, doc in docs.items()}
    summaries = {p: s for p, s in summaries.items() if s is not None}
    return [make_finding(rule, docs[path], hit) for path, hit in rule.finalize(summaries, ctx)]
