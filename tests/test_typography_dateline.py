"""Typography, dateline and acronym rules: adversarial input and data files."""
import os
import subprocess
import sys
import time

import pytest

from lint.document import Document
from lint.registry import builtin_rules
from lint.rule import RuleContext

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODES_PREFIXES = ("TYP", "DTL", "ACR")
ADVERSARIAL = ["A" * 100_000, " " * 100_000, "a " * 50_000, "\n" * 100_000, "Aa-" * 33_000,
               "A " * 50_000, ". " * 50_000, "AB " * 33_000, "Aa, " * 25_000, "\t \n" * 33_000,
               "“ " * 50_000, "( " * 50_000, "A." * 50_000, "ABC-" * 25_000]


def _rules():
    return [r for r in builtin_rules() if r.code.startswith(CODES_PREFIXES) and not r.corpus]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:6]))
def test_linear_on_adversarial_input(text):
    doc = Document("adversarial.txt", text)
    for rule in _rules():
        ctx = RuleContext(options=dict(rule.options))
        started = time.perf_counter()
        list(rule.check(doc, ctx))
        assert time.perf_counter() - started < 4.0, rule.code


def test_known_acronyms_data_is_clean():
    from importlib import resources
    lines = resources.files("lint.data").joinpath("known_acronyms.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert len(entries) == len(set(entries))
    assert all(e[0].isupper() and " " not in e for e in entries)


def test_common_acronyms_come_from_the_frequency_list():
    from lint.rules.acronym_undefined import common_in_english
    assert common_in_english("FDA", 2.0) and common_in_english("URL", 2.0)
    assert not common_in_english("HCE", 2.0)
    # a threshold below the prebuilt file's floor asks wordfreq itself
    assert common_in_english("HCE", 0.5) == (__import__("wordfreq").zipf_frequency("hce", "en") >= 0.5)
    assert not common_in_english("QXZQ", 1.0)


def test_common_words_file_matches_the_wordfreq_package():
    from lint.rules import acronym_undefined as acr
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    try:
        import make_common_words_data
    finally:
        sys.path.pop(0)
    expected = {w: z for z, words in make_common_words_data.frequency_groups().items() for w in words}
    assert len(expected) > 20_000 and min(expected.values()) >= acr.COMMON_WORDS_FLOOR
    assert acr.common_short_words() == expected, (
        "rules/data/common_short_words.txt is stale for the installed wordfreq: "
        "run python benchmarks/make_common_words_data.py")


def test_an_acronym_check_does_not_load_wordfreq():
    code = (
        "import sys\n"
        "from lint.document import Document\n"
        "from lint.registry import builtin_rules\n"
        "from lint.rule import RuleContext\n"
        "rule = next(r for r in builtin_rules() if r.code == 'ACR001')\n"
        "doc = Document('a.txt', 'The FDA and the QXR met. The URL was sent to HCE.')\n"
        "codes = [h.message for h in rule.check(doc, RuleContext(options=dict(rule.options)))]\n"
        "assert len(codes) == 2, codes\n"
        "assert 'wordfreq' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def _check(code, text):
    rule = next(r for r in builtin_rules() if r.code == code)
    return list(rule.check(Document("t.txt", text), RuleContext(options=dict(rule.options))))


def test_one_stray_space_is_info_several_are_warnings():
    assert [h.severity for h in _check("TYP006", "He left early .")] == ["info"]
    assert [h.severity for h in _check("TYP006", "He left  early , they said.")] == ["warning", "warning"]


def test_capitals_dateline_only_near_the_top():
    top = "Title\nPARIS - The talks ended."
    deep = "Title\nOne.\nTwo.\nThree.\nFour.\nPARIS - The talks ended."
    assert _check("DTL004", top) and not _check("DTL004", deep)


def test_acronym_named_anywhere_is_not_flagged_elsewhere():
    assert not _check("ACR001", "QXR said it would sell. Later QXR Corp confirmed the sale.")
    assert _check("ACR001", "QXR said it would sell. Later QXR confirmed the sale.")
