"""Configuration as ruff / Vale / pre-commit users expect it: the termbase's `accept`, per-rule
severity, codes in any case, every config error at once, `exclude` for files named on the command
line, and .gitignore."""
import json
import subprocess
import sys

import pytest

NAMES_A = "Air Force chief Saqr Al-Jaroushi said the campaign would start.\n"
NAMES_B = "The statement by Saqr Geroushi, chief of staff, said all targets were legitimate.\n"
DOUBLED = "Turkey said the the offensive had failed.\n"  # TYP004 (a warning) and nothing else


def _json(result):
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _codes_at(findings):
    return sorted((f["path"].replace("\\", "/").rsplit("/", 1)[-1], f["code"]) for f in findings)


# ---- 1. the termbase's accept list -------------------------------------------------------------

@pytest.fixture
def names_project(tmp_path):
    (tmp_path / "a.txt").write_text(NAMES_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NAMES_B, encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('corpus = ["*.txt"]\ntermbase = "termbase.yaml"\n', encoding="utf-8")
    return tmp_path


def test_accepted_spelling_is_not_a_name_variant(mtlint, names_project):
    tb = names_project / "termbase.yaml"
    tb.write_text("terms: []\n", encoding="utf-8")
    before = _json(mtlint("check", "--no-cache", "--select", "NAM001", "--format", "json", cwd=names_project))
    assert ("b.txt", "NAM001") in _codes_at(before)
    assert any("Geroushi" in f["message"] for f in before)

    tb.write_text("terms: []\naccept: [Geroushi]\n", encoding="utf-8")
    result = mtlint("check", "--no-cache", "--select", "NAM001", "--format", "json", cwd=names_project)
    assert result.returncode == 0, result.stderr
    after = _json(result)
    # never flagged itself, and no other spelling is reported as a variant of it or fixed to it
    assert not any("Geroushi" in f["message"] or f["fix"] == "Geroushi" for f in after), after
    # pre-commit passes the one changed file: it is judged against the corpus, still not flagged
    assert _json(mtlint("check", "b.txt", "--no-cache", "--select", "NAM001", "--format", "json",
                        cwd=names_project)) == []


def test_accepted_spelling_inside_one_article(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Defense Minister Hulusi Akar spoke in Tripoli. Akar said the army would stay.\n"
                       "Aggar also criticized the operation.\n", encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('termbase = "termbase.yaml"\n', encoding="utf-8")
    (tmp_path / "termbase.yaml").write_text("terms: []\n", encoding="utf-8")
    assert any(f["text"] == "Aggar" for f in _json(mtlint("check", str(article), "--no-cache", "--select", "NAM001",
                                                          "--format", "json")))
    (tmp_path / "termbase.yaml").write_text("accept:\n  - Aggar\n", encoding="utf-8")
    assert _json(mtlint("check", str(article), "--no-cache", "--select", "NAM001", "--format", "json")) == []


def test_accept_applies_to_the_termbase_rules(mtlint, tmp_path):
    (tmp_path / "mtlint.toml").write_text('corpus = ["*.txt"]\ntermbase = "termbase.yaml"\n', encoding="utf-8")
    (tmp_path / "ops.txt").write_text("The EU extended Operation Irene. The EU said operation irene works.\n",
                                      encoding="utf-8")
    tb = tmp_path / "termbase.yaml"
    entry = "terms:\n  - use: Irini\n    not: [irene]\n    case_sensitive: false\n"
    tb.write_text(entry, encoding="utf-8")
    texts = [f["text"] for f in _json(mtlint("check", "ops.txt", "--no-cache", "--select", "TRM001",
                                             "--format", "json", cwd=tmp_path))]
    assert texts == ["Irene", "irene"]
    tb.write_text(entry + "accept: [Irene]\n", encoding="utf-8")
    texts = [f["text"] for f in _json(mtlint("check", "ops.txt", "--no-cache", "--select", "TRM001",
                                             "--format", "json", cwd=tmp_path))]
    assert texts == ["irene"]  # the accepted spelling, exactly as written, is never reported

    # TRM002: an accepted word order is not a variant
    (tmp_path / "ops.txt").unlink()
    (tmp_path / "a.txt").write_text("The Government of National Accord (GNA) said the Government of National "
                                    "Accord would respond.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("As Turkish backed National Accord Government in Libya gains new ground, "
                                    "the GNA advanced.\n", encoding="utf-8")
    tb.write_text("terms: []\n", encoding="utf-8")
    assert ("b.txt", "TRM002") in _codes_at(_json(mtlint("check", "--no-cache", "--select", "TRM002",
                                                         "--format", "json", cwd=tmp_path)))
    tb.write_text('accept: ["National Accord Government"]\n', encoding="utf-8")
    assert _json(mtlint("check", "--no-cache", "--select", "TRM002", "--format", "json", cwd=tmp_path)) == []


def test_accept_is_validated_with_file_and_line(mtlint, names_project):
    tb = names_project / "termbase.yaml"
    tb.write_text("terms: []\naccept: Geroushi\n", encoding="utf-8")
    result = mtlint("check", "--no-cache", cwd=names_project)
    assert result.returncode == 2 and "termbase.yaml:2:" in result.stderr
    assert "accept must be a list of spellings" in result.stderr
    tb.write_text("terms: []\naccept: [Geroushi, 3]\n", encoding="utf-8")
    assert "termbase.yaml:2:" in mtlint("check", "--no-cache", cwd=names_project).stderr
    tb.write_text("terms:\n  - use: Jaroushi\n    not: [Geroushi]\naccept: [Geroushi]\n", encoding="utf-8")
    result = mtlint("check", "--no-cache", cwd=names_project)
    assert result.returncode == 2 and "termbase.yaml:4:" in result.stderr and "'Geroushi' is accepted" in result.stderr


def test_terms_does_not_propose_an_accepted_spelling(mtlint, names_project):
    tb = names_project / "termbase.yaml"
    tb.write_text("terms: []\n", encoding="utf-8")
    assert '"Geroushi"' in mtlint("terms", cwd=names_project).stdout
    tb.write_text("accept: [Geroushi]\n", encoding="utf-8")
    result = mtlint("terms", cwd=names_project)
    assert result.returncode == 0 and "Geroushi" not in result.stdout


def test_accept_through_the_python_api(tmp_path):
    from lint.config import Settings
    from lint.engine import Linter

    (tmp_path / "a.txt").write_text(NAMES_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NAMES_B, encoding="utf-8")
    (tmp_path / "termbase.yaml").write_text("accept: [Geroushi]\n", encoding="utf-8")
    settings = Settings(root=str(tmp_path), corpus=["*.txt"], termbase="termbase.yaml")
    assert settings.termbase_data.accept == frozenset({"Geroushi"})
    report = Linter(settings, select=["NAM001"]).run([str(tmp_path)], jobs=1)
    assert report.files == 2 and report.findings == []
    report = Linter(Settings(root=str(tmp_path), corpus=["*.txt"]), select=["NAM001"]).run([str(tmp_path)], jobs=1)
    assert report.findings  # the same corpus without the termbase


# ---- 2. per-rule severity --------------------------------------------------------------------

def test_severity_override_changes_output_and_fail_on(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DOUBLED, encoding="utf-8")
    (f,) = _json(mtlint("check", str(article), "--isolated", "--no-cache", "--format", "json"))
    assert (f["code"], f["severity"]) == ("TYP004", "warning")
    assert mtlint("check", str(article), "--isolated", "--no-cache", "--fail-on", "warning").returncode == 1

    (tmp_path / "pyproject.toml").write_text('[tool.mtlint.rules.TYP004]\nseverity = "info"\n', encoding="utf-8")
    (f,) = _json(mtlint("check", str(article), "--no-cache", "--format", "json"))
    assert (f["code"], f["severity"]) == ("TYP004", "info")
    result = mtlint("check", str(article), "--no-cache", "--fail-on", "warning")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "TYP004 [info]" in mtlint("check", str(article), "--no-cache", "--format", "concise").stdout
    sarif = json.loads(mtlint("check", str(article), "--no-cache", "--format", "sarif").stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["TYP004"]["defaultConfiguration"]["level"] == "note"
    assert sarif["runs"][0]["results"][0]["level"] == "note"
    listed = {r["code"]: r for r in json.loads(mtlint("rules", "--format", "json", cwd=tmp_path).stdout)}
    assert listed["TYP004"]["severity"] == "info"

    # mtlint.toml, the code in any case, and an error severity that fails the default run
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / "mtlint.toml").write_text('fail-on = "error"\n[rules.typ004]\nseverity = "error"\n', encoding="utf-8")
    (f,) = _json(mtlint("check", str(article), "--no-cache", "--format", "json"))
    assert f["severity"] == "error"
    assert mtlint("check", str(article), "--no-cache").returncode == 1


def test_severity_override_with_the_cache_and_baselines(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DOUBLED, encoding="utf-8")
    config = tmp_path / "mtlint.toml"
    config.write_text('[rules.TYP004]\nseverity = "info"\n', encoding="utf-8")
    assert _json(mtlint("check", str(article), "--format", "json"))[0]["severity"] == "info"  # fills the cache
    config.write_text("", encoding="utf-8")
    assert _json(mtlint("check", str(article), "--format", "json"))[0]["severity"] == "warning"
    config.write_text('[rules.TYP004]\nseverity = "info"\n', encoding="utf-8")
    assert _json(mtlint("check", str(article), "--format", "json"))[0]["severity"] == "info"

    baseline = tmp_path / "baseline.json"
    assert mtlint("baseline", str(article), "-o", str(baseline)).returncode == 0
    config.write_text("", encoding="utf-8")  # the fingerprint does not depend on the severity
    result = mtlint("check", str(article), "--baseline", str(baseline), "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_invalid_severity_is_an_error_with_the_allowed_values(mtlint, tmp_path):
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('[rules.TYP004]\nseverity = "warn"\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path), "--no-cache")
    assert result.returncode == 2
    assert "mtlint.toml:2:" in result.stderr and "info, warning, error" in result.stderr and "'warn'" in result.stderr
    (tmp_path / "mtlint.toml").write_text('[rules.TYP004]\nseverity = 1\n', encoding="utf-8")
    assert mtlint("check", str(tmp_path), "--no-cache").returncode == 2


def test_severity_override_through_the_python_api(tmp_path):
    from lint.config import Settings
    from lint.engine import Linter
    from lint.registry import builtin_rules

    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    settings = Settings(root=str(tmp_path), rules={"TYP004": {"severity": "error"}})
    linter = Linter(settings)
    (f,) = linter.run([str(tmp_path)], jobs=1).findings
    assert f.severity == "error" and linter.rules["TYP004"].severity == "error"
    # the shared built-in rule is not changed for other linters
    assert next(r for r in builtin_rules() if r.code == "TYP004").severity == "warning"
    (f,) = Linter(Settings(root=str(tmp_path))).run([str(tmp_path)], jobs=1).findings
    assert f.severity == "warning"


# ---- 3. codes in any case --------------------------------------------------------------------

def test_codes_are_matched_in_any_case(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("[ad_1]\n" + DOUBLED, encoding="utf-8")
    out = mtlint("check", str(article), "--isolated", "--no-cache", "--select", "typ004", "--format", "concise")
    assert out.returncode == 1 and "TYP004" in out.stdout and "SCR001" not in out.stdout
    out = mtlint("check", str(article), "--isolated", "--no-cache", "--ignore", "scr", "--format", "concise").stdout
    assert "TYP004" in out and "SCR" not in out
    out = mtlint("check", str(article), "--isolated", "--no-cache", "--select", "Scr", "--extend-select", "typ",
                 "--format", "concise").stdout
    assert "TYP004" in out and "SCR001" in out

    (tmp_path / "mtlint.toml").write_text('select = ["typ", "scr001"]\nignore = ["Typ004"]\n', encoding="utf-8")
    out = mtlint("check", str(article), "--no-cache", "--format", "concise").stdout
    assert "SCR001" in out and "TYP004" not in out
    (tmp_path / "mtlint.toml").write_text('[per-file-ignores]\n"a.txt" = ["scr"]\n', encoding="utf-8")
    out = mtlint("check", str(article), "--no-cache", "--format", "concise").stdout
    assert "TYP004" in out and "SCR001" not in out


# ---- 4. every config error at once, with suggestions ------------------------------------------

def test_every_config_error_at_once_with_suggestions(mtlint, tmp_path):
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('selec = ["TYP"]\nexlude = ["drafts/**"]\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path), "--no-cache")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert "mtlint.toml:1:" in lines[0] and "'selec'" in lines[0] and "did you mean 'select'?" in lines[0]
    assert "mtlint.toml:2:" in lines[1] and "'exlude'" in lines[1] and "did you mean 'exclude'?" in lines[1]
    assert "Traceback" not in result.stderr


def test_config_errors_of_every_kind_are_listed_together(mtlint, tmp_path):
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtlint]\n'
        'select = [\n    "TYP",\n    "TYP04",\n]\n'           # line 4: no such code
        'ignore = "SCR"\n'                                   # line 6: not a list
        'fail-on = "never"\n'                                # line 7
        '\n[tool.mtlint.per-file-ignores]\n"x/*" = ["SRC001"]\n'  # line 10
        '\n[tool.mtlint.rules.TYP044]\nx = 1\n'             # line 12: no such rule
        '\n[tool.mtlint.rules.RDB002]\nmax_wrods = 35\n',   # line 16: unknown option
        encoding="utf-8")
    result = mtlint("check", str(tmp_path), "--no-cache")
    assert result.returncode == 2
    err = result.stderr
    assert len(err.strip().splitlines()) == 6, err
    assert "pyproject.toml:4: no rule code starts with 'TYP04' (did you mean 'TYP004'?)" in err
    assert "pyproject.toml:6: ignore must be" in err
    assert "pyproject.toml:7: fail-on must be" in err
    assert "pyproject.toml:10: no rule code starts with 'SRC001' (did you mean 'SCR001'?)" in err
    assert "pyproject.toml:12: rules.TYP044: no rule has this code (did you mean 'TYP004'?)" in err
    assert "pyproject.toml:16: rules.RDB002: unknown option 'max_wrods' (did you mean 'max_words'?)" in err

    # the rule-level errors alone, once the keys are right
    (tmp_path / "pyproject.toml").write_text('[tool.mtlint]\nselect = ["TYP04"]\n\n[tool.mtlint.rules.RDB002]\n'
                                             'max_wrods = 35\n', encoding="utf-8")
    err = mtlint("check", str(tmp_path), "--no-cache").stderr
    assert len(err.strip().splitlines()) == 2, err
    assert "pyproject.toml:2:" in err and "pyproject.toml:5:" in err


def test_unknown_codes_on_the_command_line_are_all_named(mtlint, tmp_path):
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    result = mtlint("check", str(tmp_path), "--isolated", "--no-cache", "--select", "typ04,XYZ", "--ignore", "SCX")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, result.stderr
    assert "--select: no rule code starts with 'typ04' (did you mean 'TYP004'?)" in lines[0]
    assert "'XYZ'" in lines[1] and "did you mean" not in lines[1]
    assert "--ignore:" in lines[2] and "'SCX'" in lines[2] and "did you mean 'SCR'?" in lines[2]


# ---- 5. exclude for files named on the command line ------------------------------------------

@pytest.fixture
def drafts_project(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("[ad_1]\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("[ad_1]\n", encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    return tmp_path


def test_exclude_applies_to_files_named_on_the_command_line(mtlint, drafts_project):
    result = mtlint("check", "drafts/a.txt", "--no-cache", cwd=drafts_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SCR001" not in result.stdout and "no files to check" in result.stderr
    # pre-commit passes every changed file by name: the excluded one is left out, the other linted
    result = mtlint("check", "drafts/a.txt", "b.txt", "--no-cache", "--format", "json", cwd=drafts_project)
    assert result.returncode == 1 and _codes_at(json.loads(result.stdout)) == [("b.txt", "SCR001")]
    # an absolute path, and a folder named directly
    assert mtlint("check", str(drafts_project / "drafts" / "a.txt"), "--no-cache").returncode == 0
    assert mtlint("check", "drafts", "--no-cache", cwd=drafts_project).returncode == 0


def test_force_exclude_can_be_turned_off(mtlint, drafts_project):
    result = mtlint("check", "drafts/a.txt", "--no-cache", "--no-force-exclude", cwd=drafts_project)
    assert result.returncode == 1 and "SCR001" in result.stdout
    (drafts_project / "mtlint.toml").write_text('exclude = ["drafts/**"]\nforce-exclude = false\n', encoding="utf-8")
    assert mtlint("check", "drafts/a.txt", "--no-cache", cwd=drafts_project).returncode == 1
    assert mtlint("check", "drafts/a.txt", "--no-cache", "--force-exclude", cwd=drafts_project).returncode == 0
    # a folder excluded by name excludes the files under it
    (drafts_project / "mtlint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    assert mtlint("check", "drafts/a.txt", "--no-cache", cwd=drafts_project).returncode == 0
    assert mtlint("check", "b.txt", "--no-cache", cwd=drafts_project).returncode == 1


# ---- 6. .gitignore ------------------------------------------------------------------------------

@pytest.fixture
def gitignore_project(tmp_path):
    articles = tmp_path / "articles"
    (articles / "ignored").mkdir(parents=True)
    (articles / "sub").mkdir()
    (articles / ".gitignore").write_text("ignored/\n*.bak.txt\n", encoding="utf-8")
    for name in ("a.txt", "ignored/b.txt", "c.bak.txt", "sub/d.bak.txt", "sub/e.txt"):
        (articles / name).write_text("[ad_1]\n", encoding="utf-8")
    (tmp_path / "mtlint.toml").write_text("", encoding="utf-8")
    return tmp_path


def _linted(mtlint, project, *args):
    result = mtlint("check", *args, "--no-cache", "--format", "json", cwd=project)
    return sorted(f["path"].replace("\\", "/") for f in _json(result))


def test_gitignore_is_respected_when_walking_folders(mtlint, gitignore_project):
    assert _linted(mtlint, gitignore_project, "articles") == ["articles/a.txt", "articles/sub/e.txt"]
    assert _linted(mtlint, gitignore_project) == ["articles/a.txt", "articles/sub/e.txt"]  # the current folder
    # a .gitignore above the folder that is walked counts too, from the project root down
    (gitignore_project / ".gitignore").write_text("/articles/sub/e.txt\n", encoding="utf-8")
    assert _linted(mtlint, gitignore_project, "articles/sub") == []
    # a deeper file's `!pattern` re-includes
    (gitignore_project / "articles" / "sub" / ".gitignore").write_text("!d.bak.txt\n", encoding="utf-8")
    assert _linted(mtlint, gitignore_project, "articles") == ["articles/a.txt", "articles/sub/d.bak.txt"]


def test_respect_gitignore_can_be_turned_off(mtlint, gitignore_project):
    (gitignore_project / "mtlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert _linted(mtlint, gitignore_project, "articles") == [
        "articles/a.txt", "articles/c.bak.txt", "articles/ignored/b.txt", "articles/sub/d.bak.txt",
        "articles/sub/e.txt"]
    (gitignore_project / "mtlint.toml").write_text('respect-gitignore = "no"\n', encoding="utf-8")
    result = mtlint("check", "articles", "--no-cache", cwd=gitignore_project)
    assert result.returncode == 2 and "mtlint.toml:1: respect-gitignore must be true or false" in result.stderr


def test_gitignore_applies_to_the_corpus_and_not_to_files_named(mtlint, gitignore_project):
    (gitignore_project / "mtlint.toml").write_text('corpus = ["articles/**/*.txt"]\n', encoding="utf-8")
    assert _linted(mtlint, gitignore_project) == ["articles/a.txt", "articles/sub/e.txt"]
    # as ruff: .gitignore decides what discovery finds; a file named on the command line is linted
    assert _linted(mtlint, gitignore_project, "articles/c.bak.txt") == ["articles/c.bak.txt"]


def test_pathspec_is_imported_only_when_a_gitignore_exists(gitignore_project):
    code = ("import sys\nfrom lint.config import Settings\nfrom lint.engine import Linter\n"
            "Linter(Settings(root=sys.argv[1])).targets([sys.argv[1]])\nprint('pathspec' in sys.modules)\n")
    plain = gitignore_project / "plain"
    plain.mkdir()
    (plain / "a.txt").write_text("Text.\n", encoding="utf-8")
    run = lambda folder: subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True,
                                        timeout=300)
    assert run(plain).stdout.strip() == "False", run(plain).stderr
    assert run(gitignore_project / "articles").stdout.strip() == "True"
