"""files -> per-file pass -> corpus pass -> suppressions / per-file ignores -> sort.

The per-file pass runs in one process or in a pool; a corpus rule's `collect` runs beside it and
returns a small summary, and `finalize` sees only summaries, so memory does not grow with the size
of the corpus text.
"""
from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property

from lint import SEVERITIES, MtlintError, suppress
from lint.cache import Cache, RunCache, digest, setup_key
from lint.config import Settings, validate_rule_options
from lint.document import Document
from lint.finding import Finding, Hit
from lint.readers import (UnreadableFile, discover, display_path, document_from_bytes, matches_glob, read_bytes,
                          read_document)
from lint.registry import load_rules
from lint.rule import Rule, RuleContext

SOURCE_WINDOW = 240  # code points of a huge line kept around a finding for the report
CONTEXT_CHARS = 30  # code points each side of a match that make up its fingerprint context
PARALLEL_THRESHOLD = 400  # files; below this a pool costs more than it saves

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
        source_line=source_line, source_offset=cut, related=hit.related,
    )

def assign_fingerprints(findings: list[Finding], project_path=lambda p: p) -> list[Finding]:
    """rule + file + normalized matched text + its context + occurrence index; never line numbers.

    The file is named relative to the project root, so a baseline works from any folder."""
    seen: dict[tuple, int] = {}
    out = []
    for f in sorted(findings, key=Finding.sort_key):
        key = (f.code, project_path(f.path), _normalize(f.text), f.context)
        index = seen.get(key, 0)
        seen[key] = index + 1
        digest = hashlib.sha256("\x1f".join(map(str, key + (index,))).encode("utf-8", "surrogateescape")).hexdigest()[:20]
        out.append(f.with_(fingerprint=digest, project_path=key[1]))
    return out

class Linter:
    def __init__(self, settings: Settings, select=None, extend_select=None, ignore=None, cache_dir=None):
        self.settings = settings
        self.init_args = (settings, select, extend_select, ignore, cache_dir)  # to rebuild in a worker
        self.rules = load_rules(tuple(settings.resolve(d) for d in settings.rule_dirs))
        validate_rule_options(settings, self.rules)
        self.project = Project(settings)
        select = settings.select if select is None else select
        extend_select = list(settings.extend_select) + list(extend_select or [])
        ignore = list(settings.ignore) + list(ignore or [])
        relays = tuple(r.relays for r in self.rules.values() if r.relays)
        for code in list(select) + extend_select + ignore:
            if code != "ALL" and not any(c.startswith(code) for c in self.rules) and not (relays and code.startswith(relays)):
                raise MtlintError(f"no rule code starts with {code!r} (see `mtlint rules`)")
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
        run_setup = repr((sorted(settings.per_file_ignores.items()), self.selection))
        self.run_cache = RunCache(self.cache, run_setup) if self.cache else None

    def project_path(self, path: str) -> str:
        """A path relative to the project root (the config's folder), with forward slashes."""
        full = os.path.abspath(path)
        rel = os.path.relpath(full, self.settings.root)
        return (full if rel.startswith("..") else rel).replace(os.sep, "/")

    def context_for(self, rule: Rule) -> RuleContext:
        options = dict(rule.options)
        options.update(self.settings.rules.get(rule.code, {}))
        return RuleContext(options=options, project=self.project)

    # ---- files ----------------------------------------------------------------------------
    def targets(self, paths) -> list[str]:
        s = self.settings
        if not paths:
            paths = self.corpus_files() if s.corpus else [os.getcwd()]
        self.discovery_errors = []
        return [display_path(p) for p in discover(paths, s.include, s.exclude, s.root, errors=self.discovery_errors)]

    def corpus_files(self) -> list[str]:
        files = []
        for pattern in self.settings.corpus:
            matches = sorted(glob.glob(self.settings.resolve(pattern), recursive=True))
            for m in matches:
                if os.path.isdir(m):
                    files.extend(discover([m], self.settings.include, self.settings.exclude, self.settings.root))
                elif matches_glob(m, self.settings.include) and not matches_glob(os.path.relpath(m, self.settings.root), self.settings.exclude):
                    files.append(m)
        return files

    # ---- the passes -----------------------------------------------------------------------
    def lint_document(self, doc: Document, report_on: bool = True) -> FileResult:
        result = FileResult(doc.path, suppressions=suppress.parse(doc.text) if report_on else [])
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

    def lint_path(self, path: str, report_on: bool = True) -> FileResult:
        shown = display_path(path)
        try:
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

    def run(self, paths=(), jobs: int | None = None) -> Report:
        targets = self.targets(paths)
        target_keys = {os.path.realpath(t) for t in targets}
        context_only = []
        if any(r.corpus for r in self.active):
            context_only = [display_path(p) for p in self.corpus_files()
                            if os.path.realpath(p) not in target_keys]
        work = [(t, True) for t in targets] + [(p, False) for p in context_only]
        run_key = self.run_cache.key(work, self.settings.max_file_size) if self.run_cache else None
        if run_key:
            cached = self.run_cache.get(run_key)
            if cached is not None:
                cached.errors = list(self.discovery_errors) + cached.errors
                return cached
        results = self._map(work, jobs if jobs is not None else self.settings.jobs)
        findings, errors, summaries, metrics, suppressions = [], [], {}, {}, {}
        digests = {}
        for result in results:
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
                    summaries.setdefault(code, {})[result.path] = summary
        findings.extend(self._finalize(summaries, {display_path(t) for t in targets}))
        findings = self.filter_ignored(self.filter_relayed(findings))
        findings, unused = suppress.apply(findings, suppressions)
        report = Report(assign_fingerprints(findings, self.project_path), errors, len(targets), metrics,
                        notes=list(self.notes))
        report.unused_suppressions = unused
        report.checked = [self.project_path(t) for t in targets]
        report.digests = digests
        if run_key:
            self.run_cache.put(run_key, report)
        report.errors = list(self.discovery_errors) + report.errors
        return report

    def _map(self, work, jobs: int):
        """Each file's result, in the order of `work`, as it arrives: the caller keeps what it
        needs of one result before the next, not every result at once."""
        workers = jobs or os.cpu_count() or 1
        if any(self.contexts[r.code].options.get("serial") for r in self.active):
            workers = 1  # a rule that drives one local server per process
        if workers <= 1 or len(work) < PARALLEL_THRESHOLD:
            yield from (self.lint_path(p, on) for p, on in work)
            return
        chunk = max(1, len(work) // (workers * 8))
        from concurrent.futures import ProcessPoolExecutor  # only when a pool runs: it costs start-up time

        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=self.init_args) as pool:
            yield from pool.map(_work_in_worker, work, chunksize=chunk)

    def _finalize(self, summaries: dict, targets: set) -> list[Finding]:
        out = []
        by_path: dict[str, list] = {}
        for rule in self.active:
            if not rule.corpus:
                continue
            for path, hit in rule.finalize(summaries.get(rule.code, {}), self.contexts[rule.code]):
                if path in targets:
                    by_path.setdefault(path, []).append((rule, hit))
        # Corpus rules decide from summaries; the few files they report on are read once more
        # to place each finding on its line.
        for path, hits in by_path.items():
            try:
                doc = read_document(path, path, self.settings.fallback_encodings, self.settings.max_file_size)
            except UnreadableFile:
                continue  # gone or changed since its summary was made
            out.extend(make_finding(rule, doc, hit) for rule, hit in hits)
        return out

    def filter_relayed(self, findings: list[Finding]) -> list[Finding]:
        """Select and ignore the codes of relayed checks (GRM-...) one by one."""
        select, ignore = self.selection
        return [f for f in findings if f.code in self.rules
                or (match_length(f.code, select) if select else 0) > match_length(f.code, ignore)]

    def filter_ignored(self, findings: list[Finding]) -> list[Finding]:
        ignores = self.settings.per_file_ignores
        if not ignores:
            return findings
        out = []
        for f in findings:
            rel = os.path.relpath(os.path.abspath(f.path), self.settings.root).replace(os.sep, "/")
            codes = [c for g, cs in ignores.items() if matches_glob(rel, [g]) for c in cs]
            if codes and match_length(f.code, codes) >= 0:
                continue
            out.append(f)
        return out

_WORKER: Linter | None = None

def _init_worker(*args) -> None:
    global _WORKER
    _WORKER = Linter(*args)

def _work_in_worker(item) -> FileResult:
    return _WORKER.lint_path(*item)

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
