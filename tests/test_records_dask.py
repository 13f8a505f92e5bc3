"""Corpora as JSON Lines / Parquet records, and the Dask engine (`--engine dask`).

The Dask tests start a real `distributed.LocalCluster` (2 worker processes on loopback) once for
the module and require the Dask engine's JSON output to equal the local engine's, finding for
finding and in the same order."""
import gzip
import json
import os
import shutil

import pytest

from conftest import SEEDS, SHARED, run_mtlint

BBC = os.path.join(SHARED, "corpus", "bbc.jsonl")


def seed_texts() -> dict:
    out = {}
    for name in sorted(os.listdir(SEEDS)):
        if name.endswith(".txt"):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
                out[name[:-4]] = f.read()
    return out


def write_jsonl(path, records, compress=False) -> str:
    data = "".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(data)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(data)
    return str(path)


@pytest.fixture
def seeds_jsonl(tmp_path):
    """The seeds as one shard beside their config and termbase (`corpus` names the shard)."""
    shutil.copy(os.path.join(SEEDS, "termbase.yaml"), tmp_path / "termbase.yaml")
    (tmp_path / "mtlint.toml").write_text('corpus = ["*.jsonl"]\ntermbase = "termbase.yaml"\nid-field = "id"\n',
                                          encoding="utf-8")
    write_jsonl(tmp_path / "seeds.jsonl", [{"id": k, "text": v} for k, v in seed_texts().items()])
    return tmp_path


def findings(result):
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def as_files(items, shard="seeds.jsonl", folder="seeds/"):
    """The places of findings in records, written as the places in the seed files would be."""
    out = []
    for f in items:
        assert f["path"] == shard and "record" in f
        out.append((folder + f["record"] + ".txt", f["line"], f["column"], f["end_line"], f["end_column"], f["code"],
                    f["text"], tuple((folder + r["record"] + ".txt", r["line"], r["column"]) for r in f["related"])))
    return out


# ---- records, local engine -------------------------------------------------------------------

def test_records_give_the_findings_of_the_files_at_record_locations(seeds_jsonl):
    files = findings(run_mtlint("check", SEEDS, "--format", "json", "--no-cache"))
    records = findings(run_mtlint("check", "--format", "json", "--no-cache", cwd=seeds_jsonl))
    assert len(records) == len(files) > 20
    assert as_files(records) == [("seeds/" + os.path.basename(f["path"]),
                                  f["line"], f["column"], f["end_line"], f["end_column"], f["code"], f["text"],
                                  tuple(("seeds/" + os.path.basename(r["path"]), r["line"], r["column"]) for r in f["related"]))
                                 for f in files]
    concise = run_mtlint("check", "--format", "concise", "--no-cache", cwd=seeds_jsonl).stdout.splitlines()
    first = files[0]
    assert concise[0].startswith(f"seeds.jsonl:{os.path.basename(first['path'])[:-4]}:{first['line']}:{first['column']}: "
                                 f"{first['code']} ")
    corpus = [f for f in records if f["code"] == "NAM001" and f["related"]]
    assert corpus and all(r["path"] == "seeds.jsonl" and r["record"] for f in corpus for r in f["related"])


def test_line_numbers_are_the_default_id_and_order_is_the_shards(tmp_path):
    texts = list(seed_texts().values())
    shard = write_jsonl(tmp_path / "s.jsonl", [{"text": t} for t in texts] * 3)  # 15 records, ids 1..15
    out = findings(run_mtlint("check", shard, "--isolated", "--format", "json", "--no-cache"))
    ids = [int(f["record"]) for f in out]
    assert ids == sorted(ids) and ids[-1] > 10  # 2 before 10: records in the shard's order


def test_gzip_and_parquet_shards_read_like_plain_ones(tmp_path):
    records = [{"id": k, "text": v} for k, v in seed_texts().items()]
    plain = findings(run_mtlint("check", write_jsonl(tmp_path / "a.jsonl", records), "--isolated", "--id-field", "id",
                                "--format", "json", "--no-cache"))
    zipped = findings(run_mtlint("check", write_jsonl(tmp_path / "a.jsonl.gz", records, compress=True), "--isolated",
                                 "--id-field", "id", "--format", "json", "--no-cache"))
    def strip(fs):  # the same findings whatever the shard is called
        return [dict({k: v for k, v in f.items() if k not in ("path", "fingerprint", "message", "related")},
                     related=[(r["record"], r["line"], r["column"]) for r in f["related"]]) for f in fs]

    assert strip(zipped) == strip(plain) and plain
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": [r["id"] for r in records], "body": [r["text"] for r in records]}),
                   tmp_path / "a.parquet", row_group_size=2)  # three row groups
    parquet = findings(run_mtlint("check", str(tmp_path / "a.parquet"), "--isolated", "--id-field", "id",
                                  "--format", "json", "--no-cache"))  # `body`: the default's fallback
    assert strip(parquet) == strip(plain)


def test_malformed_records_are_named_and_skipped(tmp_path):
    good = "Turkish defense mister spoke on Monday."
    shard = write_jsonl(tmp_path / "bad.jsonl", [
        {"id": "a", "text": good},
        '{"id": "b", "text": "unclosed\n',
        {"id": "c", "body": 3},
        {"id": "d", "title": "no text"},
        "[1, 2]\n",
        "\n",
        {"id": "a", "text": good},
        {"id": "e", "text": good},
    ])
    result = run_mtlint("check", shard, "--isolated", "--id-field", "id", "--format", "concise", "--no-cache")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    err = result.stderr
    assert "bad.jsonl:2: not valid JSON" in err
    assert "bad.jsonl:3: field `body` is a number, not text, skipped" in err
    assert "bad.jsonl:4: no text field `text` or `body` (its fields: `id`, `title`), skipped" in err
    assert "bad.jsonl:5: not a JSON object" in err
    assert "bad.jsonl:7: record id `a` repeats the record at line 1, skipped" in err
    out = result.stdout.splitlines()
    assert {line.split(":")[1] for line in out} == {"a", "e"}  # the good records, each once
    assert f"{shard}:a:1:9: MTC001 [error]" in result.stdout or "bad.jsonl:a:1:9: MTC001 [error]" in result.stdout


def test_a_text_field_no_record_has_is_a_usage_error(tmp_path):
    shard = write_jsonl(tmp_path / "s.jsonl", [{"id": 1, "content": "Text."}, {"id": 2, "content": "More."}])
    result = run_mtlint("check", shard, "--isolated", "--text-field", "body")
    assert result.returncode == 2
    assert "no record has the text field `body`" in result.stderr and "`content`" in result.stderr
    assert "--text-field" in result.stderr and "Traceback" not in result.stderr
    missing = run_mtlint("check", shard, "--isolated", "--text-field", "content", "--id-field", "ident")
    assert missing.returncode == 2 and "no record has the id field `ident`" in missing.stderr
    unreadable = run_mtlint("check", str(tmp_path / "s.jsonl.gz"), "--isolated")
    assert unreadable.returncode == 2  # no such file: as for files


def test_text_fields_join_and_config_names_them(tmp_path):
    write_jsonl(tmp_path / "s.jsonl", [{"key": "x1", "title": "Defense mister resigns", "body": "He left.\nThe the end."}])
    (tmp_path / "mtlint.toml").write_text('corpus = ["s.jsonl"]\ntext-field = ["title", "body"]\nid-field = "key"\n',
                                          encoding="utf-8")
    out = findings(run_mtlint("check", "--format", "json", "--no-cache", "--select", "MTC,TYP004", cwd=tmp_path))
    places = {(f["code"], f["record"], f["line"], f["column"]) for f in out}
    assert ("MTC001", "x1", 1, 1) in places and ("TYP004", "x1", 4, 4) in places  # title, blank line, body
    bad = tmp_path / "bad.toml"
    bad.write_text('text-field = 3\n', encoding="utf-8")
    result = run_mtlint("check", "s.jsonl", "--config", str(bad), cwd=tmp_path)
    assert result.returncode == 2 and "text-field" in result.stderr


def test_fix_and_add_noqa_leave_shards_alone(tmp_path):
    shard = tmp_path / "s.jsonl"
    write_jsonl(shard, [{"text": "[ad_1]\nTurkish defense mister spoke.\n"}])
    before = shard.read_bytes()
    result = run_mtlint("check", str(shard), "--isolated", "--fix", "--unsafe-fixes", "--no-cache")
    assert result.returncode == 1 and shard.read_bytes() == before
    assert "not written: mtlint does not rewrite JSON Lines or Parquet shards" in result.stderr
    assert "Traceback" not in result.stderr
    diff = run_mtlint("check", str(shard), "--isolated", "--diff", "--no-cache")
    assert diff.returncode == 0 and diff.stdout == "" and "not written" in diff.stderr
    noqa = run_mtlint("check", str(shard), "--isolated", "--add-noqa", "--no-cache")
    assert shard.read_bytes() == before and "suppressions" in noqa.stderr


def test_cache_baseline_and_html_with_records(seeds_jsonl):
    cold = run_mtlint("check", "--format", "json", cwd=seeds_jsonl)
    warm = run_mtlint("check", "--format", "json", cwd=seeds_jsonl)
    assert warm.stdout == cold.stdout and findings(cold)
    # one record changed: the others come from the cache (keyed by content), results as without it
    shard = seeds_jsonl / "seeds.jsonl"
    lines = shard.read_text(encoding="utf-8").splitlines(keepends=True)
    rec = json.loads(lines[1])
    rec["text"] = rec["text"].replace("defense mister", "defence minister")
    lines[1] = json.dumps(rec, ensure_ascii=False) + "\n"
    shard.write_text("".join(lines), encoding="utf-8")
    assert run_mtlint("check", "--format", "json", cwd=seeds_jsonl).stdout == \
        run_mtlint("check", "--format", "json", "--no-cache", cwd=seeds_jsonl).stdout
    baseline = run_mtlint("baseline", "-o", "b.json", cwd=seeds_jsonl)
    assert baseline.returncode == 0, baseline.stderr
    entries = json.loads((seeds_jsonl / "b.json").read_text(encoding="utf-8"))["entries"]
    assert entries and all(e["path"].startswith("seeds.jsonl:") for e in entries)
    assert run_mtlint("check", "--baseline", "b.json", "--format", "json", cwd=seeds_jsonl).stdout.strip() == "[]"
    entries.append(dict(entries[0], fingerprint="0" * 20))
    (seeds_jsonl / "b.json").write_text(json.dumps({"mtlint_baseline": 1, "entries": entries}), encoding="utf-8")
    stale = run_mtlint("check", "--baseline", "b.json", cwd=seeds_jsonl)
    assert "stale baseline entry" in stale.stderr  # a record's entry is checked when its shard is
    html = run_mtlint("check", "--format", "html", "-o", "r.html", cwd=seeds_jsonl)
    assert html.returncode == 1 and "Traceback" not in html.stderr and "internal error" not in html.stderr
    page = (seeds_jsonl / "r.html").read_text(encoding="utf-8")
    assert "seeds.jsonl:001_ff80d3b95993dc12" in page
    assert "Alwaght" in page  # the record's text is shown, read from the shard by its id


def test_suppressions_inside_a_record(tmp_path):
    shard = write_jsonl(tmp_path / "s.jsonl", [{"text": "# mtlint: disable-next-line=MTC001\nTurkish defense mister spoke.\n"
                                                        "The defense mister left.\n"}])
    out = run_mtlint("check", shard, "--isolated", "--no-cache", "--select", "MTC", "--format", "concise").stdout
    assert out.splitlines() == [f"{shard}:1:3:5: MTC001 [error] 'defense mister' looks like a mistranslation of "
                                "'defense minister'"]


@pytest.mark.skipif(not os.path.exists(BBC), reason="../shared/corpus/bbc.jsonl is not here")
def test_bbc_slice_locations_point_into_the_record_text(tmp_path):
    """A JSONL corpus made from bbc.jsonl: every finding's line and column, counted in the record's
    body, point at the text it quotes; 450 records take the process pool and block splitting."""
    with open(BBC, encoding="utf-8") as f:
        lines = [next(f) for _ in range(450)]
    shard = tmp_path / "bbc.jsonl"
    shard.write_text("".join(lines), encoding="utf-8")
    bodies = {json.loads(line)["id"]: json.loads(line)["body"] for line in lines}
    serial = run_mtlint("check", str(shard), "--isolated", "--text-field", "body", "--id-field", "id",
                        "--format", "json", "--no-cache", "-j", "1")
    pool = run_mtlint("check", str(shard), "--isolated", "--text-field", "body", "--id-field", "id",
                      "--format", "json", "--no-cache", "-j", "2")
    assert pool.stdout == serial.stdout
    out = findings(pool)
    assert len(out) > 50
    for f in out:
        assert f["path"] == str(shard) or f["path"].endswith("bbc.jsonl")
        text_lines = bodies[f["record"]].replace("\r\n", "\n").split("\n")
        if f["line"] == f["end_line"] and f["text"]:  # not a finding about the whole article
            assert text_lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1] == f["text"], f


def test_block_plan_covers_every_line(tmp_path):
    from lint.records import iter_block, options_of, plan

    shard = write_jsonl(tmp_path / "s.jsonl", [{"text": f"Article {i}. " * (i % 7 + 1)} for i in range(300)] + ["\n"]
                        + ['{"text": "no newline at the end"}'])
    blocks = plan(shard, "s.jsonl", True, 1000)
    assert len(blocks) > 5 and sum(b.count for b in blocks) == 302
    lines = [item[0] for b in blocks for item in iter_block(b, options_of(None))]
    assert lines == list(range(1, 303))
    assert [item[4] for item in iter_block(blocks[-1], options_of(None))][-1] == "no newline at the end"


# ---- the Dask engine -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c.scheduler_address


def same_as_local(*args, cwd=None, scheduler=None):
    local = run_mtlint("check", *args, "--format", "json", "--no-cache", cwd=cwd)
    extra = ["--scheduler", scheduler] if scheduler else ["--engine", "dask", "-j", "2"]
    dask = run_mtlint("check", *args, "--format", "json", *extra, cwd=cwd)
    assert dask.returncode == local.returncode, dask.stderr
    assert dask.stdout == local.stdout  # finding for finding, in the same order
    assert dask.stderr == local.stderr
    return json.loads(local.stdout)


def test_dask_seeds_files_and_records_equal_local(cluster, seeds_jsonl):
    assert len(same_as_local(SEEDS, scheduler=cluster)) > 20
    out = same_as_local(cwd=seeds_jsonl, scheduler=cluster)  # the config's corpus: the shard
    assert len(out) > 20 and all(f["path"] == "seeds.jsonl" for f in out)
    assert any(f["code"] == "NAM001" for f in out)  # a corpus finding, placed by the second step


def test_dask_mixed_input_errors_and_blocks_equal_local(cluster, tmp_path):
    records = [{"id": k, "text": v} for k, v in seed_texts().items()]
    write_jsonl(tmp_path / "a.jsonl", records + ['{"id": "broken"\n', {"id": "x", "text": 5}])
    write_jsonl(tmp_path / "b.jsonl.gz", [dict(r, id=r["id"] + "-z") for r in records], compress=True)
    shutil.copy(os.path.join(SEEDS, "001_ff80d3b95993dc12.txt"), tmp_path / "c.txt")
    same_as_local("a.jsonl", "b.jsonl.gz", "c.txt", "--isolated", "--id-field", "id", cwd=tmp_path, scheduler=cluster)
    if os.path.exists(BBC):
        with open(BBC, encoding="utf-8") as f:
            (tmp_path / "bbc.jsonl").write_text("".join(next(f) for _ in range(600)), encoding="utf-8")
        out = same_as_local("bbc.jsonl", "--isolated", "--text-field", "body", "--id-field", "id",
                            cwd=tmp_path, scheduler=cluster)  # several blocks of one shard
        assert len(out) > 50


def test_dask_reads_fsspec_urls(cluster, tmp_path):
    pytest.importorskip("fsspec")
    write_jsonl(tmp_path / "a.jsonl", [{"id": k, "text": v} for k, v in seed_texts().items()])
    url = "file://" + str(tmp_path / "a.jsonl")
    out = same_as_local(url, "--isolated", "--id-field", "id", scheduler=cluster)
    assert out and all(f["path"] == url for f in out)


def test_dask_without_scheduler_starts_a_local_cluster(seeds_jsonl):
    pytest.importorskip("distributed")
    assert len(same_as_local(cwd=seeds_jsonl)) > 20


def test_dask_is_not_imported_for_one_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Text.\n", encoding="utf-8")
    import subprocess
    import sys

    code = ("import sys; from lint.cli import main; main(['check', sys.argv[1], '--isolated', '--no-cache']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow', 'fsspec')))")
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True)
    assert out.stdout.strip().endswith("[]"), out.stdout + out.stderr
