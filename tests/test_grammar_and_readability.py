"""Readability offline, and grammar through language-tool-python's real client against a
LanguageTool stand-in on loopback (and against a real LanguageTool when one is configured)."""
import json
import os
import socket
import time

import pytest

from conftest import SEEDS

# Any attempt to download (NLTK data, a LanguageTool archive) goes to a dead proxy and fails.
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": "127.0.0.1,localhost"}


def test_readability_offline_with_metrics(mtlint):
    result = mtlint("check", SEEDS, "--select", "RDB", "--format", "json", "--summary", env=OFFLINE)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    codes = {f["code"] for f in data["findings"]}
    assert codes == {"RDB001", "RDB002"}
    metrics = data["summary"]["metrics"]
    assert len(metrics) == 5
    m = next(v for k, v in metrics.items() if k.endswith("003_1ac90010c147ba5d.txt"))
    assert 20 < m["flesch_reading_ease"] < 35 and 14 < m["flesch_kincaid_grade"] < 19 and m["words"] > 300
    full = mtlint("check", SEEDS, "--select", "RDB", env=OFFLINE).stdout
    assert "Readability (Flesch reading ease" in full and "004_71366c0f16030d27.txt" in full.split("Readability")[1]


def test_long_sentence_reported_at_sentence_start(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    words = " ".join(["word"] * 45)
    article.write_text(f"Title\n\nShort one. {words.capitalize()}. Another short one.\n", encoding="utf-8")
    (f,) = json.loads(mtlint("check", str(article), "--isolated", "--select", "RDB002", "--format", "json").stdout)
    assert (f["line"], f["column"]) == (3, 12) and "45 words" in f["message"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_grammar_through_the_client_maps_codes_positions_and_fixes(mtlint, tmp_path, languagetool_url):
    (tmp_path / "a.txt").write_text(
        "Title 𝐀𝐁\n\nThe 𝐀 forces launched a airstrike , Aggar said.\n“They used a old jet ,” he said.\nHaftar spoke.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text("Haftar left.\n", encoding="utf-8")
    result = mtlint("check", str(tmp_path), "--isolated", "--select", "GRM", "--grammar-server", languagetool_url,
                    "--format", "json")
    assert result.returncode == 1, result.stderr
    found = {(f["path"].split("/")[-1], f["line"], f["column"], f["code"]): f for f in json.loads(result.stdout)}
    line = "The 𝐀 forces launched a airstrike , Aggar said."
    assert ("a.txt", 3, line.index("a airstrike") + 1, "GRM-EN_A_VS_AN") in found
    a_vs_an = found[("a.txt", 3, line.index("a airstrike") + 1, "GRM-EN_A_VS_AN")]
    assert a_vs_an["fix"] == "an" and a_vs_an["end_column"] == a_vs_an["column"] + 1 and "vowel" in a_vs_an["message"]
    assert a_vs_an["category"] == "grammar"
    assert ("a.txt", 3, line.index(" ,") + 1, "GRM-COMMA_PARENTHESIS_WHITESPACE") in found
    assert ("a.txt", 3, line.index("Aggar") + 1, "GRM-MORFOLOGIK_RULE_EN_US") in found  # used once: a typo?
    assert not [k for k in found if k[1] == 4]  # inside a quotation
    assert not [f for f in found.values() if f["text"] == "Haftar"]  # used consistently across the corpus

    ignored = mtlint("check", str(tmp_path), "--isolated", "--select", "GRM", "--ignore", "GRM-MORFOLOGIK",
                     "--grammar-server", languagetool_url, "--format", "concise")
    assert "GRM-EN_A_VS_AN" in ignored.stdout and "MORFOLOGIK" not in ignored.stdout
    only = mtlint("check", str(tmp_path), "--isolated", "--select", "GRM-EN_A_VS_AN",
                  "--grammar-server", languagetool_url, "--format", "concise")
    assert {line.split()[1] for line in only.stdout.splitlines()} == {"GRM-EN_A_VS_AN"}


def test_grammar_config_table(mtlint, tmp_path, languagetool_url):
    (tmp_path / "mtlint.toml").write_text(
        f'extend-select = ["GRM"]\n\n[grammar]\nremote-server = "{languagetool_url}"\n'
        'disabled-rules = ["COMMA_PARENTHESIS_WHITESPACE"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("They launched a airstrike , he said.\n", encoding="utf-8")
    out = mtlint("check", str(tmp_path), "--format", "concise").stdout
    assert "GRM-EN_A_VS_AN" in out and "COMMA" not in out
    (tmp_path / "mtlint.toml").write_text('[grammar]\nremote_server = "http://x"\n', encoding="utf-8")
    result = mtlint("check", str(tmp_path), "--select", "GRM")
    assert result.returncode == 2 and "mtlint.toml:1" in result.stderr and "remote_server" in result.stderr


def test_unreachable_languagetool_is_one_line_and_no_hang(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The ministry said talks would resume on Monday.\n", encoding="utf-8")
    start = time.monotonic()
    result = mtlint("check", str(article), "--isolated", "--select", "GRM",
                    "--grammar-server", f"http://127.0.0.1:{free_port()}", env=OFFLINE)
    assert time.monotonic() - start < 60
    assert result.returncode == 0  # as without grammar rules: nothing else to report
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "grammar rules (GRM)" in lines[0] and "could not be reached" in lines[0]
    assert "Traceback" not in result.stderr and "Skipped: grammar rules" in result.stdout
    dirty = tmp_path / "b.txt"
    dirty.write_text("[ad_1]\n", encoding="utf-8")
    result = mtlint("check", str(dirty), "--isolated", "--select", "GRM,SCR",
                    "--grammar-server", f"http://127.0.0.1:{free_port()}", env=OFFLINE)
    assert result.returncode == 1 and "SCR001" in result.stdout


def test_no_local_languagetool_and_no_download(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Fine text.\n", encoding="utf-8")
    empty = tmp_path / "lt"
    empty.mkdir()
    result = mtlint("check", str(article), "--isolated", "--select", "GRM", env=dict(OFFLINE, LTP_PATH=str(empty)))
    assert result.returncode == 0
    assert "set `remote-server`" in result.stderr and "LTP_PATH" in result.stderr
    assert os.listdir(empty) == []  # nothing was downloaded there


def test_missing_grammar_extra(mtlint, tmp_path):
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "language_tool_python.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Fine text.\n", encoding="utf-8")
    result = mtlint("check", str(article), "--isolated", "--select", "GRM", env={"PYTHONPATH": str(shadow)})
    assert result.returncode == 0 and "pip install 'mtlint[grammar]'" in result.stderr


@pytest.mark.skipif(not os.environ.get("MTLINT_LANGUAGETOOL_URL"),
                    reason="set MTLINT_LANGUAGETOOL_URL to a LanguageTool server to run against the real one")
def test_against_a_real_languagetool(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The forces launched a airstrike on the base.\n", encoding="utf-8")
    result = mtlint("check", str(article), "--isolated", "--select", "GRM",
                    "--grammar-server", os.environ["MTLINT_LANGUAGETOOL_URL"], "--format", "json")
    findings = json.loads(result.stdout)
    assert any(f["code"] == "GRM-EN_A_VS_AN" and f["column"] == 22 for f in findings), findings
