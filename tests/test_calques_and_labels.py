"""The calque lexicon and the narrator-label list: their data is linted, their patterns stay
linear on adversarial input, and the behaviour the rules promise (attribution, quotations,
triggers) holds."""
from __future__ import annotations

import time

import pytest
import regex

from lint.document import Document
from lint.rules import loaded_narrator, mt_calque_lexicon
from lint.rules.mt_calque_lexicon import literal_trigger, load_lexicon

ADVERSARIAL = ["A" * 100000, " " * 100000, "a " * 50000, "\n" * 100000, "Aa-" * 33000,
               "the " * 25000, "1/" * 50000, "5 " * 50000, "In " * 33000]


@pytest.fixture(scope="module")
def calques():
    return load_lexicon()


def test_the_rule_reads_the_same_lexicon(calques):
    entries, triggers = mt_calque_lexicon._compiled()
    assert [e["key"] for e in entries] == [e["key"] for e in calques]
    assert set(triggers) == {t for e in calques for t in e["trigger"]}


@pytest.fixture(scope="module")
def labels():
    return loaded_narrator.load_entries()


def test_every_language_file_names_its_language_and_advice(calques):
    files = {e["file"] for e in calques}
    assert {"ru.yaml", "zh.yaml", "ar.yaml", "fa.yaml", "tr.yaml", "ko.yaml", "id.yaml", "vi.yaml",
            "es.yaml", "fr.yaml", "el.yaml", "spun.yaml", "general.yaml"} <= files
    for e in calques:
        assert e["use"].strip(), f"{e['file']}:{e['line']} says nothing about what to write instead"


def test_no_duplicate_entries(calques, labels):
    keys = [" ".join(e["key"].lower().split()) for e in calques]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    patterns = [e["pattern"] for e in labels]
    assert len(patterns) == len(set(patterns))


def test_phrases_are_literal(calques):
    for e in calques:
        if e["kind"] == "phrase":
            assert not regex.search(r"[\\()\[\]|?*+{}]", e["key"]), e["key"]


def test_triggers_are_in_every_match(calques, labels):
    # The rule skips an entry when its trigger is not in the text: a trigger missing from a
    # match would hide real findings. Check it on each entry's own matches over the examples.
    texts = [ex.get("fail", "") for ex in mt_calque_lexicon.RULE.examples + loaded_narrator.RULE.examples]
    for e in calques + labels:
        for text in texts:
            for m in e["regex"].finditer(text):
                assert any(t in m.group().lower() for t in e["trigger"]), (e["trigger"], m.group())


def test_literal_trigger():
    assert literal_trigger(r"\bthe said (?:areas|towns)\b") == "the said"
    assert literal_trigger(r"\bqualif(?:y|ied) (?:the|these) \w+ as\b") == "qualif"
    assert literal_trigger(r"\b(?:a|b) thousands?\b") == "thousand"
    assert literal_trigger(r"(?:foo|bar)") is None
    assert literal_trigger(r"abc|def") is None


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:6]))
def test_patterns_are_linear_on_adversarial_input(text, calques, labels):
    for e in calques + labels:
        t0 = time.perf_counter()
        for _ in e["regex"].finditer(text):
            pass
        assert time.perf_counter() - t0 < 0.5, e.get("key") or e.get("pattern")


def findings(rule_module, text):
    return [text[h.start:h.end] for h in rule_module.RULE().check(Document("a.txt", text), None)]


def test_calques_inside_quotations_are_reported():
    assert findings(mt_calque_lexicon, "“It became known on Monday,” he said.") == ["It became known"]


def test_overlapping_entries_report_once():
    found = findings(mt_calque_lexicon, "The acting head of the region resigned.")
    assert len(found) == 1


def test_final_month_needs_no_determiner():
    assert findings(mt_calque_lexicon, "In its final month the fund rose; the final week was calm.") == []
    assert findings(mt_calque_lexicon, "Prices rose final month.") == ["final month"]


def test_spinner_swaps_are_found_and_the_words_in_their_own_sense_pass():
    spun = ("Sales fell this 12 months, after a rise three weeks in the past. “We will win,” she mentioned. "
            "The overseas minister met Russian troopers and the ruling get together at the Supreme Court docket.")
    assert sorted(findings(mt_calque_lexicon, spun)) == sorted([
        "this 12 months", "three weeks in the past", "” she mentioned", "overseas minister", "Russian troopers",
        "ruling get together", "Supreme Court docket"])
    edited = ("Sales fell in the past 12 months. She mentioned the deal in passing. State troopers came. "
              "Friends get together at weekends. The Minister for Overseas Development and the safety officers came.")
    assert findings(mt_calque_lexicon, edited) == []


@pytest.mark.parametrize("text", [
    "The agency branded the rebels traitors and terrorist gangs.",
    "Officials described the fighters as mercenaries of a foreign power.",
    "Beijing regards Taiwan as a renegade province.",
    "What it called the puppet government collapsed.",
    "He said: “The martyrs will be remembered.”",
])
def test_attributed_or_quoted_labels_pass(text):
    assert findings(loaded_narrator, text) == []


def test_narrator_labels_are_reported():
    text = "Troops crushed 14 terrorists. The Turkish occupation forces shelled the town.\nHe blamed the Zionist entity."
    assert findings(loaded_narrator, text) == ["crushed 14 terrorists", "occupation forces", "the Zionist entity"]


def test_labels_are_case_sensitive_names_pass():
    assert findings(loaded_narrator, "Crowds filled Martyrs Square near the Puppet Theatre.") == []


def test_every_lexicon_pattern_compiles(calques):
    # patterns compile on first use at run time; a broken one must not wait for a text to show it
    for e in calques:
        assert e["regex"].compiled().pattern == e["body"]


def test_a_broken_pattern_names_its_file_and_line(tmp_path):
    from lint import MtlintError

    (tmp_path / "xx.yaml").write_text("language: Test\nentries:\n  - pattern: '\\bbad (unclosed'\n"
                                      "    needs: bad\n    use: good\n", encoding="utf-8")
    [entry] = load_lexicon(str(tmp_path))
    with pytest.raises(MtlintError, match=r"xx\.yaml:3: bad pattern"):
        entry["regex"].finditer("a bad (unclosed text")


def test_the_trigger_automaton_finds_what_substring_tests_find():
    _, triggers = mt_calque_lexicon._compiled()
    texts = [ex.get("fail", "") or ex.get("pass", "") for ex in mt_calque_lexicon.RULE.examples]
    texts.append(" ".join(triggers[::7]).upper())
    for text in texts:
        lower = text.lower()
        assert mt_calque_lexicon.triggers_in(lower) == {t for t in triggers if t in lower}
