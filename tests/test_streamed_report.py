"""The report is written as it is made, and the corpus pass keeps summaries pickled: the output
and the findings must be exactly what building everything in memory first gave."""
import json
import os

import pytest

from lint.cli import write_output
from lint.config import Settings
from lint.engine import Linter
from lint.formatters import render, render_chunks
from lint.summaries import Packed, SummaryView, pack_result


def _report(tmp_path, texts):
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    linter = Linter(Settings(root=str(tmp_path)), cache_dir=None)
    return linter, linter.run([str(tmp_path)], jobs=1)


TEXTS = {
    "a.txt": "Ankara —\n\nThe the minister said “We will respond. Please enter your comment!\n\n"
             "Hulusi Akar spoke. Hulusi Aggar left. Ünal said so.",
    "b.txt": "Hulusi Akar spoke in Ankara. The minister spoke again. Paragraph one is long enough to be "
             "repeated across the corpus by a scraper.\n",
    "c.txt": "Paragraph one is long enough to be repeated across the corpus by a scraper.\n",
}


def test_json_chunks_are_byte_for_byte_the_whole_array(tmp_path):
    linter, report = _report(tmp_path, TEXTS)
    assert len(report.findings) > 3 and any(f.related for f in report.findings)
    streamed = "".join(render_chunks("json", report, linter.rules))
    assert streamed == json.dumps([f.to_json() for f in report.findings], ensure_ascii=False, indent=2) + "\n"
    assert json.loads(streamed)[0]["code"] == report.findings[0].code


def test_json_chunks_of_no_findings_are_an_empty_array(tmp_path):
    linter, report = _report(tmp_path, {"clean.txt": "The minister spoke on Tuesday.\n"})
    assert report.findings == []
    assert "".join(render_chunks("json", report, linter.rules)) == "[]\n"


@pytest.mark.parametrize("fmt", ["full", "concise"])
@pytest.mark.parametrize("quiet", [False, True])
def test_terminal_chunks_join_to_the_rendered_text(tmp_path, fmt, quiet):
    linter, report = _report(tmp_path, TEXTS)
    options = {"quiet": quiet, "width": 100}
    text = "".join(render_chunks(fmt, report, linter.rules, **options))
    assert text == render(fmt, report, linter.rules, **options)
    assert text.count(": TYP004 [warning]") == 1
    assert ("Found " in text) == (fmt == "full" and not quiet)


def test_a_report_that_fails_part_way_leaves_the_old_file(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("old report\n", encoding="utf-8")

    def pieces():
        yield "[\n"
        raise RuntimeError("the formatter failed")

    with pytest.raises(RuntimeError):
        write_output(pieces(), str(out))
    assert out.read_text(encoding="utf-8") == "old report\n"
    assert os.listdir(tmp_path) == ["report.json"]  # no temporary file left beside it


def test_pieces_are_written_in_order_to_a_new_file(tmp_path):
    out = tmp_path / "new.txt"
    write_output(iter(["a", "é", "\n"]), str(out))
    assert out.read_bytes() == "aé\n".encode("utf-8")


def test_summaries_are_kept_pickled_and_read_back_equal(tmp_path):
    linter, _ = _report(tmp_path, TEXTS)
    result = linter.lint_path(str(tmp_path / "a.txt"))
    names = result.summaries["NAM001"]
    packed = pack_result(result)
    assert type(packed.summaries["NAM001"]) is Packed
    view = SummaryView({"a.txt": packed.summaries["NAM001"], "plain.txt": names})
    assert view["a.txt"].spellings == names.spellings and list(view["a.txt"].starts) == list(names.starts)
    assert view["plain.txt"] is names  # an unpacked summary (the serial path) is read as it is
    assert sorted(view) == ["a.txt", "plain.txt"] and len(view) == 2
    assert Packed.of(packed.summaries["NAM001"]) is packed.summaries["NAM001"]  # never packed twice
