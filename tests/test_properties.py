"""Properties that hold for any input, tested on generated text (Hypothesis).

Profiles: `ci` (the default) and `long`, chosen with HYPOTHESIS_PROFILE=long for a longer run.
"""
from __future__ import annotations

import dataclasses
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import lint.engine
from lint.config import Settings
from lint.document import Document
from lint.engine import Linter, make_finding
from lint.fixer import apply_edits
from lint.readers import UnreadableFile, document_from_bytes

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
               derandomize=False, print_blob=True)
settings.register_profile("ci", max_examples=2000, **_COMMON)
settings.register_profile("long", max_examples=50_000, **_COMMON)
settings.register_profile("dev", max_examples=100, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
EXAMPLES = settings.default.max_examples

# Pieces that reach into the rules: words, names, capitals, quotes, datelines, markup, mojibake,
# and every kind of line break, byte-order mark and control character.
PIECES = [
    " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u0085", "\ufeff", "\x00", "\x01", "\x0b", "\x0c",
    "\x1b", "\x7f", "\u00a0", "\u200b", "\u202f", ".", ",", ";", ":", "!", "?", "…", "-", "—", "(", ")", "[",
    "]", '"', "“", "”", "„", "«", "»", "'", "’", "<p>", "</p>", "&nbsp;", "[ad_1]", "{{x}}", "â€™", "Ã©",
    "the", "The", "a", "an", "said", "Reuters", "AFP", "Alwaght-", "Al-Jazeera", "according to", "GNA",
    "NATO", "HCS", "High Council of State", "Haftar", "Hafter", "Akar", "Aggar", "Mr", "Minister",
    "Field Marshal", "Irene", "operation", "addressing an address", "terrorist", "militias", "in in",
    "Saturday, 23 May 2020 12:30", "Share this:", "Read more", "Tripoli", "ANKARA (AA) -", "Ж", "ж",
    "Москва", "القاهرة", "中文", "é", "İstanbul", "1", "2020", "5 pct", "mln dlrs",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=30).map("".join)


@pytest.fixture(scope="module")
def linter(tmp_path_factory):
    import yaml

    folder = tmp_path_factory.mktemp("project")
    (folder / "termbase.yaml").write_text(yaml.safe_dump({
        "terms": [{"use": "Irini", "not": ["Irene"], "context": ["operation"]}],
        "people": [{"name": "Khalifa Haftar", "rank": "Field Marshal", "not": ["Hafter"]}],
        "avoid": [{"phrase": "terrorist militias", "instead": "armed groups"}],
    }), encoding="utf-8")
    return Linter(Settings(root=str(folder), termbase="termbase.yaml"))


def lint_all(linter: Linter, doc: Document) -> list:
    """Every active rule on one document, corpus rules included (their finalize sees it alone)."""
    result = linter.lint_document(doc)
    findings = list(result.findings)
    for rule in linter.active:
        if rule.corpus and result.summaries.get(rule.code) is not None:
            ctx = linter.contexts[rule.code]
            for _, hit in rule.finalize({doc.path: result.summaries[rule.code]}, ctx):
                findings.append(make_finding(rule, doc, hit))
    return findings


def line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_spans(doc: Document, findings) -> None:
    for f in findings:
        assert 0 <= f.start <= f.end <= len(doc.text), (f.code, f.start, f.end, len(doc.text))
        assert (f.line, f.column) == line_col(doc.text, f.start), f.code
        assert (f.end_line, f.end_column) == line_col(doc.text, f.end), f.code


@given(TEXT, st.booleans(), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
@settings(max_examples=EXAMPLES)
def test_any_text_lints_without_error_and_spans_round_trip(linter, text, raw, encoding):
    """Never raises in any rule; every finding lies inside the text and its line:column is the
    one recomputed from the offset. `raw` lints the text as given (lone "\\r", U+2028 and all),
    otherwise through the reader, from bytes, as a file would be."""
    if raw:
        doc = Document("prop.txt", text)
    else:
        try:
            doc = document_from_bytes(text.encode(encoding, "surrogatepass"), "prop.txt")
        except UnreadableFile:
            return  # binary-looking input is skipped with a message, which is the contract
    check_spans(doc, lint_all(linter, doc))


def safe_edits(linter: Linter, findings) -> list:
    safe = {r.code for r in linter.active if r.fixable and r.fix_safety == "safe"}
    return [(f.start, f.end, f.fix) for f in findings if f.fix is not None and f.code in safe]


@given(TEXT)
@example("Alwaght- Reuters")  # a removal at a line's start takes the space after it
@settings(max_examples=max(100, EXAMPLES // 8))
def test_fixes_change_only_their_spans_and_converge(linter, text):
    """Applying the safe fixes changes only the spans of fixable findings, and fixing again after
    a re-lint comes to rest: the text stops changing after a few rounds."""
    doc = Document("prop.txt", text)
    seen = [text]
    for _ in range(6):
        findings = lint_all(linter, doc)
        edits = safe_edits(linter, findings)
        if not edits:
            return
        fixed, applied = apply_edits(doc.text, edits)
        assert applied >= 1
        first = min(s for s, _, _ in edits)
        last = max(e for _, e, _ in edits)
        # a removal also takes the spaces and newlines it would strand next to it, nothing else
        while first > 0 and doc.text[first - 1] in " \t\n":
            first -= 1
        while last < len(doc.text) and doc.text[last] in " \t\n":
            last += 1
        assert fixed[:first] == doc.text[:first]  # nothing before the first fixable span changed
        assert fixed.endswith(doc.text[last:])  # nor after the last one
        if fixed == doc.text:
            return
        assert fixed not in seen, "fixes undo each other"
        seen.append(fixed)
        doc = Document("prop.txt", fixed)
    pytest.fail(f"fixes still change the text after 6 rounds: {seen!r}")


@given(st.lists(TEXT, min_size=1, max_size=4))
@settings(max_examples=max(5, EXAMPLES // 200))
def test_same_report_with_one_and_two_workers(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("corpus")
    for i, text in enumerate(texts):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "dup.txt").write_text(texts[0], encoding="utf-8", newline="")
    linter = Linter(Settings(root=str(folder)))

    def report(jobs):
        r = linter.run([str(folder)], jobs=jobs)
        return [dataclasses.asdict(f) for f in r.findings], r.errors, r.metrics

    threshold = lint.engine.PARALLEL_THRESHOLD
    lint.engine.PARALLEL_THRESHOLD = 0  # a pool even for a few files
    try:
        assert report(1) == report(2)
    finally:
        lint.engine.PARALLEL_THRESHOLD = threshold
