"""Adoption in CI and pre-commit: baselines, machine formats, suppressions, the cache."""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, SHARED

SCHEMA = os.path.join(SHARED, "schemas", "sarif-schema-2.1.0.json")


def concise(result):
    return [line for line in result.stdout.splitlines() if line.strip()]


def test_baseline_survives_edits_and_reports_only_new_findings(mtlint, seeds_copy, tmp_path):
    baseline = tmp_path / "mtlint-baseline.json"
    made = mtlint("baseline", str(seeds_copy), "-o", str(baseline))
    assert made.returncode == 0, made.stderr
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert len(entries) > 30

    # Three lines inserted at the top of one article, and a paragraph moved within it.
    article = seeds_copy / "000_b9850c026334db96.txt"
    paragraphs = article.read_text(encoding="utf-8").split("\n\n")
    moved = paragraphs.pop(9)
    assert moved.startswith("He pointed out that the coup Haftar")  # it carries a finding
    paragraphs.insert(3, moved)
    article.write_text("Updated on Monday.\nSee the note below.\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    result = mtlint("check", str(seeds_copy), "--baseline", str(baseline), "--format", "concise")
    assert (result.returncode, concise(result)) == (0, []), result.stderr
    assert "stale" not in result.stderr

    # A new artifact in another article: exit 1, and only that one is reported.
    other = seeds_copy / "002_fc03130dcb6c4bd8.txt"
    other.write_text(other.read_text(encoding="utf-8") + "\n[ad_1]\n", encoding="utf-8")
    result = mtlint("check", str(seeds_copy), "--baseline", str(baseline), "--format", "concise")
    assert result.returncode == 1
    (line,) = concise(result)
    assert re.search(r"002_fc03130dcb6c4bd8\.txt:\d+:1: SCR001", line)

    # A baselined artifact removed: its entry is stale, and --prune drops it.
    third = seeds_copy / "004_71366c0f16030d27.txt"
    third.write_text(third.read_text(encoding="utf-8").replace("[ad_1]\n", ""), encoding="utf-8")
    result = mtlint("check", str(seeds_copy), "--baseline", str(baseline), "--format", "concise")
    assert "stale baseline entry SCR001 `[ad_1]`" in result.stderr
    mtlint("baseline", str(seeds_copy), "--prune", "-o", str(baseline))
    pruned = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert len(pruned) == len(entries) - 1
    result = mtlint("check", str(seeds_copy), "--baseline", str(baseline), "--format", "concise")
    assert "stale" not in result.stderr and len(concise(result)) == 1  # the new [ad_1] is still new


def test_baseline_works_from_another_folder(mtlint, seeds_copy, tmp_path):
    baseline = tmp_path / "b.json"
    mtlint("baseline", "seeds", "-o", str(baseline), cwd=str(seeds_copy.parent))
    result = mtlint("check", ".", "--baseline", str(baseline), cwd=str(seeds_copy))
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("content, message", [
    ("{not json", "b.json:1: baseline is not valid JSON"),
    ('{"entries": []}', "not an mtlint baseline"),
    ('{"mtlint_baseline": 1, "entries": [{"path": "a"}]}', "entry 1 needs a fingerprint"),
])
def test_malformed_baseline_is_an_error(mtlint, tmp_path, content, message):
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("[ad_1]\n", encoding="utf-8")
    result = mtlint("check", str(tmp_path / "a.txt"), "--isolated", "--baseline", str(tmp_path / "b.json"))
    assert result.returncode == 2 and message in result.stderr


def test_sarif_validates_against_the_official_schema(mtlint):
    if not os.path.isfile(SCHEMA):
        pytest.skip(f"the SARIF schema is not at {SCHEMA} (it lives in the shared folder beside the project)")
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(mtlint("check", SEEDS, "--format", "sarif").stdout)
    with open(SCHEMA, encoding="utf-8") as f:
        jsonschema.validate(log, json.load(f))
    run = log["runs"][0]
    results = run["results"]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r["ruleId"] for r in results}
    assert all(r["partialFingerprints"]["mtlintFingerprint/v1"] for r in results)
    related = [r for r in results if r["ruleId"] == "NAM001" and "relatedLocations" in r]
    assert related and related[0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    fixes = [r for r in results if r["ruleId"] == "MTC001"]
    assert fixes[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "defense minister"


def test_github_and_gitlab_formats(mtlint, tmp_path):
    article = tmp_path / "a,b.txt"
    article.write_text("[ad_1]\nAccording to Bloomberg, 50% rose.\n", encoding="utf-8")
    out = mtlint("check", str(article), "--isolated", "--format", "github").stdout.splitlines()
    assert out[0].startswith("::error file=") and "a%2Cb.txt,line=1,col=1,endLine=1,endColumn=7" in out[0]
    assert out[1].startswith("::notice ") and out[1].endswith("cite or check the original")
    issues = json.loads(mtlint("check", str(article), "--isolated", "--format", "gitlab").stdout)
    assert issues[0]["location"]["positions"]["begin"] == {"line": 1, "column": 1}
    assert issues[0]["severity"] == "major" and len({i["fingerprint"] for i in issues}) == 2
    out_file = tmp_path / "report.json"
    assert mtlint("check", str(article), "--isolated", "--format", "gitlab", "-o", str(out_file)).stdout == ""
    assert json.loads(out_file.read_text(encoding="utf-8")) == issues


def test_suppression_comments(mtlint, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(
        "The warlord spoke.\n"
        "<!-- mtlint: disable=LOD001 -->\n"
        "The warlord left.\n"
        "<!-- mtlint: enable -->\n"
        "The warlord returned.\n"
        "<!-- mtlint: disable-next-line=LOD -->\n"
        "The warlord waved.\n"
        "<!-- mtlint: disable-next-line=SCR001 -->\n"
        "Nothing to hide here.\n", encoding="utf-8")
    result = mtlint("check", str(article), "--isolated", "--format", "concise", "--report-unused-suppressions")
    lines = [line.split(": ")[0] for line in concise(result)]
    assert [line.rsplit(":", 2)[-2] for line in lines] == ["1", "5"]
    assert "a.md:8: unused suppression (SCR001)" in result.stderr
    assert result.returncode == 1


def test_cache_reuses_results_and_is_invalidated_by_changes(mtlint, seeds_copy):
    first = mtlint("check", str(seeds_copy), "--format", "json")
    cache = seeds_copy / ".mtlint_cache"
    entries = [p for p in cache.rglob("*.json") if p.parent.name != "runs"]
    assert len(entries) == 5  # one per article; the whole run is kept under runs/
    stamps = {p: p.stat().st_mtime_ns for p in entries}
    second = mtlint("check", str(seeds_copy), "--format", "json")
    assert second.stdout == first.stdout
    assert {p: p.stat().st_mtime_ns for p in entries} == stamps  # nothing re-linted
    assert len(list(cache.rglob("runs/*.json"))) == 1

    # An edited article is linted again; the others are not.
    article = seeds_copy / "001_ff80d3b95993dc12.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("defense mister", "defense minister"), encoding="utf-8")
    third = json.loads(mtlint("check", str(seeds_copy), "--format", "json").stdout)
    assert not [f for f in third if f["code"] == "MTC001" and "001_" in f["path"]]

    # A termbase change invalidates every entry and changes the results.
    termbase = seeds_copy / "termbase.yaml"
    termbase.write_text(termbase.read_text(encoding="utf-8").replace("terms:\n", "terms:\n  - use: Tarhouna\n    not: [Tarhuna]\n"), encoding="utf-8")
    fourth = json.loads(mtlint("check", str(seeds_copy), "--format", "json").stdout)
    assert [f for f in fourth if f["text"] == "Tarhuna"]
    assert not set(cache.rglob("*.json")) & set(entries)

    mtlint("check", str(seeds_copy), "--no-cache", "--cache-dir", str(seeds_copy / "other"))
    assert not (seeds_copy / "other").exists()


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(mtlint, tmp_path):
    # the whole-run cache knows an unchanged corpus from each file's stat; an edit of the same
    # length with its modification time set back still changes the file's change time
    article = tmp_path / "a.txt"
    article.write_text("The minister said the talks failed.\n", encoding="utf-8")
    before = os.stat(article)
    clean = mtlint("check", str(article), "--isolated", "--cache-dir", str(tmp_path / "cache"))
    assert clean.returncode == 0, clean.stdout
    article.write_text("The minister said the the talks go.\n", encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(article)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    again = mtlint("check", str(article), "--isolated", "--cache-dir", str(tmp_path / "cache"), "--format", "concise")
    assert again.returncode == 1 and "TYP004" in again.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_in_a_real_repository(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "articles"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")

    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)

    git("init", "-q")
    (repo / "clean.txt").write_text("The ministry said talks would resume on Monday.\n", encoding="utf-8")
    (repo / "dirty.txt").write_text("[ad_1]\nThe ministry said talks would resume.\n\nMore Posts\n", encoding="utf-8")
    git("add", "clean.txt", "dirty.txt")

    def try_repo(*files):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", ROOT, "mtlint", "--files", *files],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    flagged = try_repo("dirty.txt")
    assert flagged.returncode == 1, flagged.stdout + flagged.stderr
    assert "dirty.txt:1:1: SCR001" in flagged.stdout and "dirty.txt:4:1: SCR002" in flagged.stdout
    passed = try_repo("clean.txt")
    assert passed.returncode == 0, passed.stdout + passed.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_readme_pre_commit_config_with_a_rev_args_and_files(tmp_path):
    """The README's `.pre-commit-config.yaml`: a pinned `rev`, `args: [--baseline, ...]` and `files:`."""
    pytest.importorskip("pre_commit")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the checkout is not a git repository")
    repo = tmp_path / "articles"
    (repo / "news").mkdir(parents=True)
    (repo / "drafts").mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")

    def run(*args):
        return subprocess.run(list(args), cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    run("git", "init", "-q")
    (repo / "news" / "old.txt").write_text("[ad_1]\nThe ministry said talks would resume.\n", encoding="utf-8")
    (repo / "news" / "new.txt").write_text("The ministry said talks would resume.\n\nMore Posts\n", encoding="utf-8")
    (repo / "drafts" / "x.txt").write_text("[ad_1]\nA draft.\n", encoding="utf-8")
    recorded = run(sys.executable, "-m", "lint", "baseline", "news/old.txt", "-o", "mtlint-baseline.json")
    assert recorded.returncode == 0, recorded.stderr
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {head.stdout.strip()}\n"
        "    hooks:\n"
        "      - id: mtlint\n"
        "        args: [--baseline, mtlint-baseline.json]\n"
        "        files: ^news/\n", encoding="utf-8")
    run("git", "add", ".")
    result = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "news/new.txt:3:1: SCR002" in result.stdout
    assert "old.txt" not in result.stdout and "drafts" not in result.stdout  # baselined; outside `files:`
