"""The quotation scan and the typography rules that read it: nested and multi-paragraph quotes."""
import time

from lint.document import Document, scan_quotations
from lint.registry import builtin_rules
from lint.rule import RuleContext


def _check(code, text):
    rule = next(r for r in builtin_rules() if r.code == code)
    return list(rule.check(Document("t.txt", text), RuleContext(options=dict(rule.options))))


def test_short_nested_quotation_is_not_a_problem():
    text = '"We have not gone from "no confidence" to "full confidence" yet," one banker said.'
    spans, problems = scan_quotations(text)
    assert problems == []
    assert spans == [(0, text.index("yet,") + 5)]


def test_nested_pair_does_not_hide_an_unclosed_quotation():
    text = 'He said lists were "only a part of it. Others spoke of "tremendous change". Then: "No," he said.'
    problems = scan_quotations(text)[1]
    assert (text.index('"only'), "unclosed") in problems


def test_nested_pair_is_not_taken_across_paragraphs():
    text = 'He said: "We will respond.\n\nShe spoke of "calm" later.'
    assert (9, "unclosed") in scan_quotations(text)[1]


def test_quotation_over_run_together_paragraphs_never_closed_is_info():
    text = 'He said: "We will respond. "Any attack will fail. The ministry declined to comment.'
    assert [h.severity for h in _check("TYP001", text)] == ["info"]
    assert [h.severity for h in _check("TYP001", 'He said: "We will respond. The ministry declined.')] == [None]


def test_scan_stays_linear_on_many_marks():
    for text in ['"x ' + ' "a" ' * 30_000, '“' * 100_000, '"' + 'a "' * 30_000]:
        started = time.perf_counter()
        scan_quotations(text)
        assert time.perf_counter() - started < 4.0


def test_doubled_word_exceptions_keep_real_doubles():
    assert not _check("TYP004", "The stake was valued at at least 400 mln dlrs.")
    assert _check("TYP004", "The company said it\nit will sell the unit.")
    assert not _check("TYP004", "The unit was sold, said acme\n acme")


def test_foreign_marks_leave_exchange_rates_and_model_numbers_alone():
    assert not _check("TYP009", "The euro was at $1.364, the 80386 chip sold, lot 54238 recalled.")
    assert [h.fix for h in _check("TYP009", "He said «yes».")] == ["“", "”"]


def test_a_single_space_before_a_comma_or_a_single_double_space_is_a_warning():
    assert [h.severity for h in _check("TYP006", "Members of the council , the press came.")] == ["warning"]
    assert [h.severity for h in _check("TYP006", "Members of the  council came.")] == ["warning"]
    assert [h.severity for h in _check("TYP006", "The talks ended.  A new round starts.")] == []


def test_floating_closing_quote_is_moved_to_the_word():
    hits = _check("TYP007", "“We will feed the birds ” he said.")
    assert [(h.start, h.fix) for h in hits] == [(23, "”")]
