"""`mtlint check --engine dask [--scheduler ADDRESS]`: the passes as Dask tasks.

The same Linter, with its two distributed steps:

1. per-file pass and corpus `collect`: the input is cut into partitions (batches of files, blocks
   of JSON Lines shards, row groups of Parquet files; shards are planned by a task on a worker,
   so the client never reads them) and each partition is a task of a `dask.bag`; a task returns
   its documents' findings and corpus summaries, never their text. The client takes the results
   in input order, as the local engine does, so the merge sees the same sequence.
2. corpus `finalize` runs once, on the client, over the gathered summaries; the few documents it
   reports on are read again by `dask.delayed` tasks grouped by shard, which return the findings
   placed on their lines.

Without `--scheduler` a `LocalCluster` of worker processes (one per core, or `--jobs N`) runs
for the length of the run. Workers need mtlint (same version) and must be able to read the input:
local paths for a LocalCluster or a shared file system, fsspec URLs (`s3://...`) otherwise.
dask and distributed are imported only here (`pip install 'mtlint[dask]'`).
"""
from __future__ import annotations

import os
import pickle
import threading
import uuid

import lint
from lint import MtlintError
from lint.engine import FileResult, Linter, make_finding
from lint.readers import UnreadableFile
from lint.records import (FileError, RecordInfo, block_bytes_for, is_record_file, is_url, lint_block, options_of,
                          plan_or_error, read_any, reread, size_of)
from lint.summaries import pack_result

PARTITIONS_PER_WORKER = 16  # plain files: batches per worker thread, for balance at the end of the run
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler
WORKER_TIMEOUT = 60  # seconds to wait for a first worker


def _import_dask():
    try:
        import dask  # noqa: F401
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        raise MtlintError(f"--engine dask needs dask and distributed: pip install 'mtlint[dask]' ({e})") from None


class DaskLinter(Linter):
    def __init__(self, settings, select=None, extend_select=None, ignore=None, scheduler=None, jobs=None):
        _import_dask()
        super().__init__(settings, select=select, extend_select=extend_select, ignore=ignore, cache_dir=None)
        self.scheduler = scheduler
        self.jobs = jobs
        self.token = uuid.uuid4().hex  # names this setup on the workers, which build its Linter once
        self.client = None
        self.cluster = None
        self.threads = 1

    # ---- the cluster ------------------------------------------------------------------------
    def connect(self, jobs=None) -> None:
        import logging

        from distributed import Client

        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout=f"{CONNECT_TIMEOUT}s", set_as_default=False)
            except (OSError, TimeoutError) as e:
                raise MtlintError(f"cannot reach the Dask scheduler at {self.scheduler}: {e}") from None
        else:
            from distributed import LocalCluster

            workers = jobs or self.jobs or self.settings.jobs or os.cpu_count() or 1
            try:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None, silence_logs=logging.CRITICAL,
                                            # no dashboard; the scheduler's HTTP endpoint on a free port, not 8787
                                            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
            except Exception as e:  # noqa: BLE001 -- no worker process could start
                raise MtlintError(f"cannot start a Dask LocalCluster of {workers} workers: {type(e).__name__}: {e}") from None
            self.client = Client(self.cluster, set_as_default=False, direct_to_workers=True)
        try:
            self.client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError:
            self.close()
            raise MtlintError(f"the Dask scheduler {self.scheduler} has no workers") from None
        versions = self.client.run(_worker_version)
        wrong = {w: v for w, v in versions.items() if v != lint.__version__}
        if wrong:
            self.close()
            worker, version = next(iter(wrong.items()))
            raise MtlintError(f"Dask worker {worker} has mtlint {version}, this is mtlint {lint.__version__}: "
                              "install the same mtlint on every worker")
        self.threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()) or 1

    def close(self) -> None:
        client, cluster, self.client, self.cluster = self.client, self.cluster, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def run(self, paths=(), jobs=None, progress=None):
        self.connect(jobs)
        try:
            return super().run(paths, jobs=jobs, progress=progress)
        finally:
            self.close()

    @property
    def worker_args(self) -> tuple:
        settings, select, extend_select, ignore, _ = self.init_args
        return (settings, select, extend_select, ignore, None)

    # ---- step 1: per-file pass and collect ---------------------------------------------------
    def plan(self, work) -> list:
        """The units of `work`: (path to read, report_on, display path) for a file, blocks for a
        shard; shards are planned by tasks on the workers (they read them, the client does not)."""
        from dask import delayed

        shards = [(i, p, on) for i, (p, on) in enumerate(work) if is_record_file(p)]
        planned = {}
        if shards:
            block_bytes = block_bytes_for(sum(size_of(p) for _, p, _ in shards), self.threads)
            tasks = [delayed(plan_or_error, pure=False)(p, on, block_bytes, _where(p)) for _, p, on in shards]
            for (i, _, _), blocks in zip(shards, self.client.gather(self.client.compute(tasks))):
                planned[i] = blocks
        units = []
        for i, (p, on) in enumerate(work):
            if i in planned:
                units.extend(planned[i])
            else:
                units.append((_where(p), on, p))
        self.total = sum(1 if type(u) is tuple else u.count for u in units)
        return units

    def partitions(self, units) -> list[list]:
        """Blocks one a partition; runs of files in batches sized for balance."""
        files = sum(1 for u in units if type(u) is tuple)
        batch = max(1, min(200, files // (self.threads * PARTITIONS_PER_WORKER)))
        parts, run = [], []
        for u in units:
            if type(u) is tuple:
                run.append(u)
                if len(run) >= batch:
                    parts.append(run)
                    run = []
            else:
                if run:
                    parts.append(run)
                    run = []
                parts.append([u])
        if run:
            parts.append(run)
        return parts

    def _map(self, work, jobs):
        import dask.bag as db

        parts = self.partitions(self.plan(work))
        if not parts:
            return
        bag = db.from_sequence(parts, partition_size=1).map_partitions(_lint_partition, self.token, self.worker_args)
        import dask

        # the graph holds the file names of the input (a million files: about 150 MB), not texts;
        # distributed's warning about large graphs would only repeat that on stderr
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": "1GB"}):
            futures = self.client.compute(bag.to_delayed())
        try:
            for future in futures:  # in input order, as each arrives; the rest wait on the workers
                results = future.result()
                future.release()
                yield from results
        finally:
            self.client.cancel([f for f in futures if not f.done()])

    # ---- step 2: corpus findings placed on their lines ---------------------------------------
    def _place(self, by_path: dict) -> list:
        from dask import delayed

        if not by_path:
            return []
        located = self._records.locators if getattr(self, "_records", None) else {}
        groups: dict = {}
        for path, hits in by_path.items():
            info = located.get(path)
            where = info if info is not None else _where(path)
            groups.setdefault(info.path if info is not None else None, []).append(
                (path, where, [(rule.code, hit) for rule, hit in hits]))
        items = sum(len(g) for g in groups.values())
        size = max(64, items // (self.threads * 4) + 1)
        parts = [group[i:i + size] for group in groups.values() for i in range(0, len(group), size)]
        # each part pickled in one go and sent straight to a worker: in the task graph, 100,000s of
        # hits would be walked, tokenized and copied through the scheduler
        blobs = self.client.scatter([pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts])
        tasks = [delayed(_place_partition, pure=False)(blob, self.token, self.worker_args) for blob in blobs]
        placed = {}
        for result in self.client.gather(self.client.compute(tasks)):
            placed.update(result)
        return [f for path in by_path for f in placed.get(path, ())]


def _where(path: str) -> str:
    """Where a worker reads a path: URLs as they are, local paths made absolute (a worker's
    current folder is not the client's)."""
    return path if is_url(path) else os.path.abspath(path)


# ---- on the workers --------------------------------------------------------------------------

_LINTERS: dict = {}
_LOCK = threading.Lock()


def _worker_version() -> str:
    return lint.__version__


def _worker_linter(token: str, init_args: tuple) -> Linter:
    with _LOCK:
        linter = _LINTERS.get(token)
        if linter is None:
            _LINTERS.clear()  # one setup at a time: the newest run's
            linter = _LINTERS[token] = Linter(*init_args)
        return linter


def _lint_partition(units, token: str, init_args: tuple) -> list:
    """The results of one partition: a batch of files or one block of a shard."""
    linter = _worker_linter(token, init_args)
    out = []
    for part in units:
        for unit in part:
            if type(unit) is tuple:
                path, on, shown = unit
                out.append(linter.lint_path(path, on, shown=shown))
            elif isinstance(unit, FileError):
                out.append(FileResult(unit.display, error=unit.message if unit.report_on else None))
            else:
                out.extend(lint_block(linter, unit))
    return [pack_result(r) for r in out]  # summaries cross the network pickled, and stay so on the client


def _place_partition(blob: bytes, token: str, init_args: tuple) -> dict:
    """{path: findings} for the documents of one group that the corpus pass reports on."""
    linter = _worker_linter(token, init_args)
    part = pickle.loads(blob)  # made by the client of this run, from its own hits
    rules = {r.code: r for r in linter.active}
    docs = reread([where for _, where, _ in part if isinstance(where, RecordInfo)], options_of(linter.settings))
    out = {}
    for path, where, hits in part:
        if isinstance(where, RecordInfo):
            doc = docs.get(path)
        else:
            try:
                doc = read_any(where, path, linter.settings)
            except UnreadableFile:
                doc = None  # gone or changed since its summary was made
        if doc is not None:
            out[path] = [make_finding(rules[code], doc, hit) for code, hit in hits]
    return out
