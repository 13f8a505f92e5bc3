"""The cache deletes only what it made, and its entries are data that cannot run code.

A cache folder is recognised by the CACHEDIR.TAG mtlint wrote in it; a folder mtlint did not make
is never emptied, overwritten or used. Entries are JSON with a checksum: a corrupted or malformed
entry is ignored and the file linted again, and what comes back from the cache is exactly what
a run without it reports."""
import json
import os
import random

import pytest

from conftest import SEEDS


def _snapshot(folder):
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            full = os.path.join(root, name)
            rel = os.path.relpath(full, folder)
            if os.path.isdir(full):
                out[rel] = "dir"
            else:
                with open(full, "rb") as f:
                    out[rel] = f.read()
    return out


def _project(tmp_path):
    project = tmp_path / "project"
    (project / ".git" / "objects").mkdir(parents=True)
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (project / ".git" / "objects" / "ab").write_bytes(os.urandom(64))
    (project / "articles").mkdir()
    (project / "articles" / "a.txt").write_text("[ad_1]\nTurkish defense mister spoke.\n", encoding="utf-8")
    (project / "articles" / "b.txt").write_text("The ministry said talks would resume.\n", encoding="utf-8")
    (project / ".gitignore").write_text("*.pyc\n")
    (project / "notes").mkdir()
    (project / "notes" / "x.bin").write_bytes(b"\x00\x01")
    return project


@pytest.mark.parametrize("where", [".", "articles", "notes"])
def test_cache_dir_pointed_at_a_project_folder_deletes_nothing(mtlint, tmp_path, where):
    project = _project(tmp_path)
    before = _snapshot(project)
    for _ in range(2):  # a second run with another setup must not clear anything either
        result = mtlint("check", "articles", "--isolated", "--cache-dir", where, cwd=project)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        mtlint("check", "articles", "--isolated", "--select", "SCR", "--cache-dir", where, cwd=project)
    assert _snapshot(project) == before
    assert "not an mtlint cache" in result.stderr


def test_new_cache_folder_is_tagged_and_ignored_by_git(mtlint, tmp_path):
    project = _project(tmp_path)
    mtlint("check", "articles", "--isolated", "--cache-dir", "cache", cwd=project)
    tag = (project / "cache" / "CACHEDIR.TAG").read_text()
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55") and "mtlint" in tag
    assert (project / "cache" / ".gitignore").read_text() == "*\n"
    # A second setup removes the first setup's entries, and only those.
    (project / "cache" / "mine.txt").write_text("keep me")
    (project / "cache" / "somedir").mkdir()
    (project / "cache" / "somedir" / "f").write_text("keep me")
    first = {p for p in os.listdir(project / "cache")}
    mtlint("check", "articles", "--isolated", "--select", "SCR", "--cache-dir", "cache", cwd=project)
    after = set(os.listdir(project / "cache"))
    assert {"mine.txt", "somedir", "CACHEDIR.TAG", ".gitignore"} <= after
    assert (project / "cache" / "somedir" / "f").read_text() == "keep me"
    old_setups = {p for p in first if len(p) == 24}
    assert old_setups and not old_setups & after


def test_empty_existing_folder_is_adopted(mtlint, tmp_path):
    project = _project(tmp_path)
    (project / "cache").mkdir()
    mtlint("check", "articles", "--isolated", "--cache-dir", "cache", cwd=project)
    assert (project / "cache" / "CACHEDIR.TAG").exists()


def test_another_tools_cachedir_tag_is_not_ours(mtlint, tmp_path):
    project = _project(tmp_path)
    other = project / ".othertool_cache"
    (other / "v1").mkdir(parents=True)
    (other / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n# othertool\n")
    (other / "v1" / "data").write_text("x")
    before = _snapshot(other)
    mtlint("check", "articles", "--isolated", "--cache-dir", str(other), cwd=project)
    assert _snapshot(other) == before


def _entries(cache):
    return [os.path.join(r, n) for r, _, files in os.walk(cache) for n in files if n.endswith(".json")]


def test_entries_are_json_not_pickle(mtlint, seeds_copy):
    mtlint("check", str(seeds_copy))
    entries = _entries(seeds_copy / ".mtlint_cache")
    assert len(entries) == 6  # five articles and the run
    for e in entries:
        with open(e, "rb") as f:
            raw = f.read()
        assert not raw.startswith(b"\x80")  # no pickle protocol header
        header, _, body = raw.partition(b"\n")
        json.loads(body)


@pytest.mark.parametrize("damage", ["random", "truncate", "wrong-shape", "wrong-object", "empty", "pickle"])
def test_corrupted_entries_are_ignored_and_recomputed(mtlint, seeds_copy, damage):
    cold = mtlint("check", str(seeds_copy), "--format", "json")
    rng = random.Random(damage)
    for e in _entries(seeds_copy / ".mtlint_cache"):
        with open(e, "rb") as f:
            raw = f.read()
        header, _, body = raw.partition(b"\n")
        if damage == "random":
            new = bytes(rng.randrange(256) for _ in range(200))
        elif damage == "truncate":
            new = raw[: len(raw) // 2]
        elif damage == "wrong-shape":
            body = json.dumps([1, 2, {"$": "t", "v": "nonsense"}]).encode()
            new = _with_checksum(header, body)
        elif damage == "wrong-object":
            body = json.dumps({"$": "o", "m": "lint.engine", "c": "FileResult", "f": {"path": 3}}).encode()
            new = _with_checksum(header, body)
        elif damage == "empty":
            new = b""
        else:
            import pickle
            new = pickle.dumps({"path": "x"})
        with open(e, "wb") as f:
            f.write(new)
    warm = mtlint("check", str(seeds_copy), "--format", "json")
    assert warm.returncode == cold.returncode
    assert "Traceback" not in warm.stderr and warm.stderr == cold.stderr
    assert warm.stdout == cold.stdout


def _with_checksum(header, body):
    from lint.cache import entry_bytes

    return entry_bytes(body)


def test_crafted_entry_cannot_import_outside_the_package(tmp_path):
    from lint.cache import CacheFormatError, decode

    for bad in ({"$": "o", "m": "os", "c": "system", "f": {}},
                {"$": "o", "m": "subprocess", "c": "Popen", "f": {}},
                {"$": "o", "m": "lint.engine", "c": "os.system", "f": {}},
                {"$": "o", "m": "lint.engine", "c": "Linter.__init__", "f": {}},
                {"$": "dd", "f": "os.system", "v": []},
                {"$": "zz"}):
        with pytest.raises(CacheFormatError):
            decode(bad)


def test_warm_run_gives_identical_output_with_corpus_rules(mtlint, seeds_copy):
    for fmt in ("json", "full", "sarif"):
        cold = mtlint("check", str(seeds_copy), "--format", fmt, "--no-cache")
        first = mtlint("check", str(seeds_copy), "--format", fmt)
        warm = mtlint("check", str(seeds_copy), "--format", fmt)
        assert cold.stdout == first.stdout == warm.stdout
        assert cold.returncode == warm.returncode
    # per-file entries only (the run entry removed): summaries come back from the cache
    for e in _entries(seeds_copy / ".mtlint_cache"):
        if os.sep + "runs" + os.sep in e:
            os.unlink(e)
    again = mtlint("check", str(seeds_copy), "--format", "json")
    assert again.stdout == mtlint("check", str(seeds_copy), "--format", "json", "--no-cache").stdout
    assert json.loads(again.stdout)


def test_summaries_of_every_corpus_rule_round_trip(seeds_copy):
    """Every corpus rule's summary of every seed article survives encode -> JSON -> decode."""
    from lint.cache import decode, encode
    from lint.config import find_config, load_settings
    from lint.engine import Linter
    from lint.readers import read_document

    settings = load_settings(find_config(str(seeds_copy)))
    linter = Linter(settings, select=["ALL"])
    corpus_rules = [r for r in linter.active if r.corpus]
    assert corpus_rules
    for name in sorted(os.listdir(seeds_copy)):
        if not name.endswith(".txt"):
            continue
        doc = read_document(str(seeds_copy / name))
        result = linter.lint_document(doc)
        data = json.dumps(encode(result))
        back = decode(json.loads(data))
        assert json.dumps(encode(back)) == data
        assert back.findings == result.findings
        for code, summary in result.summaries.items():
            assert type(back.summaries[code]) is type(summary)


def test_codec_round_trips_the_types_summaries_use():
    from array import array
    from collections import Counter, defaultdict

    from lint.cache import decode, encode
    from lint.finding import Related

    value = {"t": (1, 2.5, "x", None, True), "s": {1, 2}, "fs": frozenset({"a"}), "b": b"\x00\xff",
             (1, "k"): [Counter({"a": 2}), defaultdict(list, {"z": [1]}), array("I", [1, 2, 3])],
             3: Related("p\udcff.txt", 1, 2, "m"), "nan": float("inf"), "n": {"$": "t"}}
    back = decode(json.loads(json.dumps(encode(value))))
    assert back == value
    assert type(back[(1, "k")][0]) is Counter and type(back[(1, "k")][1]) is defaultdict
    assert back[(1, "k")][1].default_factory is list
    assert type(back["fs"]) is frozenset and type(back["t"]) is tuple
