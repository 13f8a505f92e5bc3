"""Suppressions in plain-text articles (a `# mtlint:` line, no HTML comment needed) and
`--add-noqa`, which writes them for today's findings so that only new ones are reported."""
import json

from lint.suppress import parse

ARTICLE = ("Please enter your comment!\n\nThe minister said the the talks failed.\n\n"
           "Alwaght- Turkish forces moved on Monday.\n")


def codes(result):
    return sorted(f["code"] for f in json.loads(result.stdout))


def test_a_plain_text_directive_hides_the_next_line_only(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("# mtlint: disable-next-line=typ004\nThe minister said the the talks failed.\n"
                       "The envoy said the the army left.\n", encoding="utf-8")
    result = mtlint("check", str(article), "--isolated", "--no-cache", "--format", "json")
    found = json.loads(result.stdout)
    assert [(f["code"], f["line"]) for f in found] == [("TYP004", 3)]


def test_the_hash_form_is_text_in_markdown(tmp_path):
    # in Markdown a `#` line is a heading: only the comment form suppresses there
    text = "# mtlint: disable=TYP004\nThe the end.\n"
    assert parse(text, "a.md") == []
    assert [s.codes for s in parse(text, "a.txt")] == [("TYP004",)]
    assert [s.codes for s in parse("<!-- mtlint: disable=TYP004 -->\n", "a.md")] == [("TYP004",)]


def test_add_noqa_suppresses_todays_findings_and_later_ones_still_show(mtlint, tmp_path):
    article, page = tmp_path / "a.txt", tmp_path / "b.md"
    article.write_text(ARTICLE, encoding="utf-8")
    page.write_bytes(b"Talks resumed.\r\n\r\nThe minister said the the talks failed.\r\n")
    before = mtlint("check", str(tmp_path), "--isolated", "--no-cache", "--format", "json")
    assert codes(before) == ["DTL001", "SCR005", "TYP004", "TYP004"]

    added = mtlint("check", str(tmp_path), "--isolated", "--no-cache", "--add-noqa")
    assert added.returncode == 0 and "Added 4 suppressions in 2 files." in added.stderr
    text = article.read_text(encoding="utf-8")
    assert text.startswith("# mtlint: disable-next-line=SCR005\nPlease enter your comment!\n")
    assert "# mtlint: disable-next-line=TYP004\nThe minister said the the talks failed.\n" in text
    assert page.read_bytes() == (b"Talks resumed.\r\n\r\n<!-- mtlint: disable-next-line=TYP004 -->\r\n"
                                 b"The minister said the the talks failed.\r\n")

    after = mtlint("check", str(tmp_path), "--isolated", "--no-cache", "--format", "json")
    assert after.returncode == 0 and codes(after) == []
    article.write_text(text + "\nThe envoy said the the army left.\n", encoding="utf-8")
    new = mtlint("check", str(tmp_path), "--isolated", "--no-cache", "--format", "json")
    assert [(f["code"], f["line"]) for f in json.loads(new.stdout)] == [("TYP004", 10)]
