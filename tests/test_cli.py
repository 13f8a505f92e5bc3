"""The command as users run it: formats, exit codes, selection, configuration errors, bad input."""
import json

from conftest import SEEDS


def test_check_seeds_reports_every_family(mtlint):
    result = mtlint("check", SEEDS, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    categories = {f["category"] for f in findings}
    assert {"scrape_residue", "dateline", "typography", "foreign_script", "mt_calque", "mt_confusable",
            "loaded_language", "attribution", "acronym", "name_variant", "terminology", "title_conflict"} <= categories
    for f in findings:
        assert set(f) >= {"path", "line", "column", "end_line", "end_column", "code", "category", "severity",
                          "message", "fix"}
        assert f["line"] >= 1 and f["column"] >= 1


def test_json_columns_are_code_points_end_exclusive(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ünïcödé 𝐀 text. Source: ΑΠΕ-ΜΠΕ\n", encoding="utf-8")
    (f,) = json.loads(mtlint("check", str(article), "--isolated", "--select", "FSC001", "--format", "json").stdout)
    line = article.read_text(encoding="utf-8").split("\n")[0]
    assert line[f["column"] - 1:f["end_column"] - 1] == "ΑΠΕ-ΜΠΕ"


def test_full_format_underlines_span_and_shows_help(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("[ad_1]\nTurkish defense mister spoke.\n", encoding="utf-8")
    out = mtlint("check", str(article), "--isolated").stdout
    assert "a.txt:2:9: MTC001" in out
    assert "2 | Turkish defense mister spoke." in out
    assert "  |         ^^^^^^^^^^^^^^ MTC001" in out
    assert "= help: replace with `defense minister`" in out
    assert "Found 2 findings" in out


def test_concise_and_statistics(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("[ad_1]\n[ad_2]\nText.\n", encoding="utf-8")
    concise = mtlint("check", str(article), "--isolated", "--format", "concise").stdout.splitlines()
    assert concise[0].endswith("a.txt:1:1: SCR001 [error] Publishing placeholder `[ad_1]` left in the text")
    stats = mtlint("check", str(article), "--isolated", "--statistics").stdout
    assert "2\tSCR001\t[*] publishing-placeholder" in stats


def test_exit_codes_select_ignore_and_fail_on(mtlint, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The ministry said talks would resume on Monday.\n", encoding="utf-8")
    assert mtlint("check", str(clean), "--isolated").returncode == 0
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("[ad_1]\nAccording to Bloomberg, talks resumed.\n", encoding="utf-8")
    assert mtlint("check", str(dirty), "--isolated").returncode == 1
    assert mtlint("check", str(dirty), "--isolated", "--ignore", "SCR", "--format", "concise").stdout.count("ATR001") == 1
    # ATR001 is info: with --fail-on warning only the placeholder fails the run
    assert mtlint("check", str(dirty), "--isolated", "--ignore", "SCR", "--fail-on", "warning").returncode == 0
    assert mtlint("check", str(dirty), "--isolated", "--select", "SCR001", "--format", "concise").stdout.count("SCR001 ") == 1
    bad = mtlint("check", str(dirty), "--isolated", "--select", "XYZ")
    assert bad.returncode == 2 and "XYZ" in bad.stderr


def test_config_is_found_walking_up_and_validated(mtlint, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.mtlint]\nignore = ["SCR001"]\n', encoding="utf-8")
    sub = tmp_path / "articles" / "2020"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("[ad_1]\nMore Posts\n", encoding="utf-8")
    out = mtlint("check", str(tmp_path / "articles"), "--format", "concise").stdout
    assert "SCR002" in out and "SCR001" not in out

    (tmp_path / "pyproject.toml").write_text('[tool.mtlint]\nselect = ["SCR"]\n\nbogus-key = 1\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path / "articles"))
    assert result.returncode == 2
    assert "pyproject.toml:4" in result.stderr and "bogus-key" in result.stderr

    (tmp_path / "pyproject.toml").write_text('[tool.mtlint]\nselect = "SCR"\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path / "articles"))
    assert result.returncode == 2 and "pyproject.toml:2" in result.stderr and "select must be" in result.stderr

    (tmp_path / "pyproject.toml").write_text('[tool.mtlint\nselect = ["SCR"]\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path / "articles"))
    assert result.returncode == 2 and "invalid TOML" in result.stderr and "line 1" in result.stderr


def test_rule_options_and_per_file_ignores(mtlint, tmp_path):
    (tmp_path / "mtlint.toml").write_text(
        '[per-file-ignores]\n"legacy/*" = ["SCR"]\n\n[rules.ACR001]\nmin_length = 4\n', encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "a.txt").write_text("[ad_1]\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("[ad_1] The HCE and the HCSX met.\n", encoding="utf-8")
    out = mtlint("check", str(tmp_path), "--format", "concise").stdout
    assert "legacy" not in out
    assert "SCR001" in out and "`HCSX`" in out and "`HCE`" not in out
    (tmp_path / "mtlint.toml").write_text('[rules.ACR001]\nmin_lenght = 4\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path))
    assert result.returncode == 2 and "min_lenght" in result.stderr and "mtlint.toml:2:" in result.stderr


def test_unreadable_files_are_named_and_the_run_goes_on(mtlint, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 [ad_1]\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("[ad_1]\n", encoding="utf-8")
    (tmp_path / "bom16.txt").write_bytes("[ad_2]\r\n".encode("utf-16"))
    result = mtlint("check", str(tmp_path), "--isolated", "--format", "concise")
    assert result.returncode == 1
    assert "latin1.txt:1: not UTF-8 (byte 0xe9" in result.stderr
    assert "binary.txt: binary file" in result.stderr
    assert "good.txt:1:1: SCR001" in result.stdout
    assert "bom16.txt:1:1: SCR001" in result.stdout
    (tmp_path / "mtlint.toml").write_text('fallback-encodings = ["cp1252"]\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path), "--format", "concise")
    assert "latin1.txt:1:6: SCR001" in result.stdout


def test_huge_line_is_linted_and_windowed(mtlint, tmp_path):
    article = tmp_path / "huge.txt"
    article.write_text("word " * 200_000 + "[ad_1] " + "word " * 1000 + "\n", encoding="utf-8")
    result = mtlint("check", str(article), "--isolated", "--select", "SCR001")
    assert result.returncode == 1
    assert "huge.txt:1:1000001: SCR001" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) < 600


def test_rules_and_explain(mtlint):
    listing = mtlint("rules").stdout
    assert "NAM001" in listing and "name-spelling-variant" in listing
    rules = json.loads(mtlint("rules", "--format", "json").stdout)
    assert all({"code", "name", "category", "severity", "fixable"} <= set(r) for r in rules)
    explained = mtlint("explain", "CAL001").stdout
    assert "cognate-object" in explained and "addressing an address" in explained and "not flagged" in explained
    assert mtlint("explain", "NOPE01").returncode == 2


def test_malformed_user_rule_file_names_file_and_line(mtlint, tmp_path):
    rules = tmp_path / "style"
    rules.mkdir()
    (rules / "house.yaml").write_text(
        "code: HSE001\nname: house\ncategory: terminology\nsummary: s\nkind: existence\ntokens: [foo]\nbogus: 1\n",
        encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('rule-dirs = ["style"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("foo\n", encoding="utf-8")
    result = mtlint("check", str(tmp_path))
    assert result.returncode == 2 and "house.yaml:7" in result.stderr and "bogus" in result.stderr
    (rules / "house.yaml").write_text("code: HSE001\nname: [unclosed\n", encoding="utf-8")
    result = mtlint("check", str(tmp_path))
    assert result.returncode == 2 and "house.yaml:" in result.stderr and "invalid YAML" in result.stderr
    (rules / "house.yaml").write_text(
        "code: HSE001\nname: house\ncategory: terminology\nsummary: s\nkind: existence\ntokens: [foo]\n", encoding="utf-8")
    out = mtlint("check", str(tmp_path), "--format", "concise").stdout
    assert "a.txt:1:1: HSE001" in out


def test_no_paths_uses_config_corpus(mtlint, seeds_copy):
    result = mtlint("check", "--format", "concise", cwd=str(seeds_copy))
    assert result.returncode == 1
    assert "004_71366c0f16030d27.txt:1:1: SCR001" in result.stdout


def test_existence_rule_requires_is_a_pre_check(mtlint, tmp_path):
    """`requires` skips an article holding none of the words; with one of them present, the
    patterns run as usual (the pre-check never filters single matches)."""
    rules = tmp_path / "style"
    rules.mkdir()
    (rules / "house.yaml").write_text(
        "code: HSE001\nname: house\ncategory: terminology\nsummary: s\nkind: existence\n"
        "patterns: ['\\bfoo\\b']\nrequires: [bar]\n", encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('rule-dirs = ["style"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("foo here\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("foo here, and BAR elsewhere\n", encoding="utf-8")
    out = mtlint("check", str(tmp_path), "--format", "concise", "--select", "HSE").stdout
    assert "b.txt:1:1: HSE001" in out
    assert "a.txt" not in out
