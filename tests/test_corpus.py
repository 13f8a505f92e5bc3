"""Corpus rules judge each file against the whole corpus; only the given files are reported."""
import json
import os
import pickle
import shutil

from lint.config import Settings, load_settings
from lint.engine import Linter
from lint.document import Document
from conftest import SEEDS


def findings(result):
    return json.loads(result.stdout)


def test_changed_files_only_are_judged_against_the_whole_corpus(mtlint, seeds_copy):
    one = seeds_copy / "003_1ac90010c147ba5d.txt"
    got = findings(mtlint("check", str(one), "--format", "json"))
    assert {f["path"].split("/")[-1] for f in got} == {one.name}
    geroushi = [f for f in got if f["code"] == "NAM001"]
    assert geroushi and "Al-Jaroushi" in geroushi[0]["message"]
    assert geroushi[0]["related"][0]["path"].endswith("002_fc03130dcb6c4bd8.txt")
    assert any(f["code"] == "TRM002" for f in got)  # the usual order is only in other files

    isolated = findings(mtlint("check", str(one), "--format", "json", "--isolated"))
    assert not [f for f in isolated if f["text"] == "Geroushi"]  # its other spelling is in another file
    assert [f for f in isolated if f["text"] == "Hafter"]  # the same article spells it Haftar


def test_within_file_and_cross_file_variants_and_rank_conflicts(mtlint, seeds_copy):
    got = findings(mtlint("check", str(seeds_copy), "--format", "json", "--select", "NAM,TTL,TRM"))
    by_text = {(f["path"].split("/")[-1], f["text"]): f for f in got}
    assert ("000_b9850c026334db96.txt", "Aggar") in by_text            # same article as Akar
    assert ("004_71366c0f16030d27.txt", "Mekher") in by_text           # same paragraph as al-Mehri
    assert ("003_1ac90010c147ba5d.txt", "Geroushi") in by_text         # cross-file, shared given name
    assert ("004_71366c0f16030d27.txt", "Brigadier General") in by_text
    assert by_text[("000_b9850c026334db96.txt", "Aggar")]["fix"] == "Akar"
    assert ("000_b9850c026334db96.txt", "Irene") in by_text            # termbase
    assert not [f for f in got if f["text"] in ("Aksoy", "Libyan", "Tripoli", "Sudanese")]


def test_one_article_against_the_corpus_gets_what_the_whole_run_gives_it(tmp_path):
    """Corpus rules skip work that can only report on articles not checked; what they report on
    the checked one must not change."""
    shutil.copytree(SEEDS, tmp_path / "corpus", ignore=shutil.ignore_patterns(".mtlint_cache"))  # corpus = *.txt
    settings = load_settings(str(tmp_path / "corpus" / "mtlint.toml"))
    whole = Linter(settings, cache_dir=None).run([str(tmp_path / "corpus")], jobs=1).findings
    names = sorted({os.path.basename(f.path) for f in whole if f.code.startswith(("NAM001", "TRM002", "TTL"))})
    assert len(names) >= 3
    for name in names:
        alone = Linter(settings, cache_dir=None).run([str(tmp_path / "corpus" / name)], jobs=1).findings
        assert alone and {os.path.basename(f.path) for f in alone} == {name}
        mine = [f for f in whole if os.path.basename(f.path) == name]
        assert [(f.code, f.line, f.column, f.message) for f in alone] == \
               [(f.code, f.line, f.column, f.message) for f in mine], name


def test_summaries_are_small_and_picklable():
    doc = Document("a.txt", open(f"{SEEDS}/000_b9850c026334db96.txt", encoding="utf-8").read())
    settings = load_settings(f"{SEEDS}/mtlint.toml")
    linter = Linter(settings)
    for rule in linter.active:
        if rule.corpus:
            summary = rule.collect(doc, linter.contexts[rule.code])
            data = pickle.dumps(summary)
            assert len(data) < len(doc.text.encode()) * 2, rule.code


def test_parallel_and_serial_runs_agree(tmp_path):
    for i in range(3):
        shutil.copytree(SEEDS, tmp_path / f"copy{i}", ignore=shutil.ignore_patterns(".mtlint_cache"))
    settings = Settings(root=str(tmp_path))
    serial = Linter(settings).run([str(tmp_path)], jobs=1).findings
    import lint.engine as engine
    old = engine.PARALLEL_THRESHOLD
    engine.PARALLEL_THRESHOLD = 1
    try:
        parallel = Linter(settings).run([str(tmp_path)], jobs=2).findings
    finally:
        engine.PARALLEL_THRESHOLD = old
    assert [f.fingerprint for f in serial] == [f.fingerprint for f in parallel]
    assert len(serial) > 50


def test_malformed_termbase_names_file_and_line(mtlint, seeds_copy):
    (seeds_copy / "termbase.yaml").write_text("terms:\n  - use: Irini\n    nto: [Irene]\n", encoding="utf-8")
    result = mtlint("check", str(seeds_copy))
    assert result.returncode == 2 and "termbase.yaml:3" in result.stderr and "nto" in result.stderr
    (seeds_copy / "termbase.yaml").write_text("terms:\n  - use: Irini\n    not: [Irini]\n", encoding="utf-8")
    result = mtlint("check", str(seeds_copy))
    assert result.returncode == 2 and "termbase.yaml:3" in result.stderr and "own variant" in result.stderr
    (seeds_copy / "termbase.yaml").write_text("terms:\n  - use: Irini\n   not: [Irene\n", encoding="utf-8")
    result = mtlint("check", str(seeds_copy))
    assert result.returncode == 2 and "termbase.yaml:" in result.stderr and "invalid YAML" in result.stderr


def test_terms_proposes_reviewable_termbase_yaml(mtlint, tmp_path):
    out = tmp_path / "proposed.yaml"
    result = mtlint("terms", SEEDS, "-o", str(out))
    assert result.returncode == 0
    from lint.corpus.termbase import load_termbase
    tb = load_termbase(str(out))
    pairs = {(t.use, v) for t in tb.terms for v in t.variants}
    assert ("Akar", "Aggar") in pairs and ("Haftar", "Hafter") in pairs
    assert ("Government of National Accord", "National Accord Government") in pairs


def test_a_file_is_known_under_another_name_or_through_a_link(tmp_path):
    # a target that the corpus also lists (named another way) is linted once, as a target
    from lint.engine import _file_id

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text("Text.\n", encoding="utf-8")
    os.symlink(tmp_path / "articles", tmp_path / "linked")
    same = _file_id(str(tmp_path / "articles" / "a.txt"))
    assert same is not None
    assert _file_id(str(tmp_path / "linked" / "a.txt")) == same
    assert _file_id(str(tmp_path / "articles" / ".." / "articles" / "a.txt")) == same
    assert _file_id(str(tmp_path / "articles" / "b.txt")) != same
    assert _file_id(str(tmp_path / "missing.txt")) is None


def test_display_path_is_relative_to_the_current_folder(tmp_path, monkeypatch):
    from lint.readers import display_path

    monkeypatch.chdir(tmp_path)
    here = str(tmp_path.resolve())
    assert display_path(os.path.join(here, "a", "b.txt")) == os.path.join("a", "b.txt")
    assert display_path(os.path.join(here, "a", "..", "b.txt")) == "b.txt"
    assert display_path("/elsewhere/c.txt") == "/elsewhere/c.txt"
    assert display_path("./a//b.txt") == os.path.join("a", "b.txt")
