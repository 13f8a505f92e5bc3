"""Fixes a user can preview and trust: --diff shows and changes nothing, --show-fixes lists what
was fixed, a removed residue line leaves no blank remains, and the listings tell safe fixes from
unsafe ones."""
import pytest

from lint.fixer import apply_edits

ARTICLE = ("Please enter your comment!\n\nThe minister said the talks failed.\n\n"
           "Alwaght- Turkish forces moved on Monday.\n\nShare this article\n")
CLEAN = "The minister said the talks failed.\n\nTurkish forces moved on Monday.\n"


def test_diff_prints_what_fix_would_change_and_writes_nothing(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = mtlint("check", str(article), "--isolated", "--no-cache", "--diff")
    assert result.returncode == 1
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert f"--- a/{article}" in result.stdout and f"+++ b/{article}" in result.stdout
    assert "-Please enter your comment!\n" in result.stdout
    assert "-Alwaght- Turkish forces moved on Monday.\n" in result.stdout
    assert "+Turkish forces moved on Monday.\n" in result.stdout and "-Share this article\n" in result.stdout
    assert "Would fix 3 findings in 1 file." in result.stderr
    # the diff is exactly what --fix then writes
    fixed = mtlint("check", str(article), "--isolated", "--no-cache", "--fix")
    assert article.read_text(encoding="utf-8") == CLEAN, fixed.stderr
    again = mtlint("check", str(article), "--isolated", "--no-cache", "--diff")
    assert again.returncode == 0 and again.stdout == "" and "No fixes to apply." in again.stderr


def test_diff_leaves_unsafe_fixes_out_unless_asked(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Minister Hulusi Akar spoke. Akar said the army would stay. Aggar left.\n", encoding="utf-8")
    plain = mtlint("check", str(article), "--isolated", "--no-cache", "--diff")
    assert plain.returncode == 0 and "Aggar" not in plain.stdout
    unsafe = mtlint("check", str(article), "--isolated", "--no-cache", "--diff", "--unsafe-fixes")
    assert unsafe.returncode == 1 and "+Minister Hulusi Akar spoke. Akar said the army would stay. Akar left." in unsafe.stdout
    assert "Aggar" in article.read_text(encoding="utf-8")


def test_show_fixes_lists_what_was_fixed(mtlint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    would = mtlint("check", str(article), "--isolated", "--no-cache", "--show-fixes", "--format", "concise")
    assert "Would fix 3 findings:" in would.stdout and article.read_text(encoding="utf-8") == ARTICLE
    done = mtlint("check", str(article), "--isolated", "--no-cache", "--fix", "--show-fixes")
    assert done.returncode == 0
    assert "Fixed 3 findings:" in done.stdout and f"- {article}:" in done.stdout
    for line in ("1 × DTL001 (outlet-prefix)", "1 × SCR002 (site-chrome-line)", "1 × SCR005 (page-furniture-line)"):
        assert line in done.stdout


@pytest.mark.parametrize("text, span, expected", [
    ("Residue\n\nPara.\n", "Residue", "Para.\n"),                   # no empty first line
    ("Para.\n\nResidue\n", "Residue", "Para.\n"),                   # no blank tail
    ("Para.\n\nResidue", "Residue", "Para."),                       # nor a newline the file did not end with
    ("One.\n\nResidue\n\nTwo.\n", "Residue", "One.\n\nTwo.\n"),     # one blank line between paragraphs
    ("One.\nResidue\nTwo.\n", "Residue\n", "One.\nTwo.\n"),
    ("Alwaght- Turkish forces.\n", "Alwaght-", "Turkish forces.\n"),  # no leading space
    ("He said. (Reuters)\nNext.\n", "(Reuters)", "He said.\nNext.\n"),  # no trailing space
    ("He said the the talks.\n", " the", "He said the talks.\n"),     # inside a line: exactly the span
])
def test_a_removal_leaves_no_blank_remains(text, span, expected):
    start = text.index(span)
    assert apply_edits(text, [(start, start + len(span), "")]) == (expected, 1)


def test_two_removed_lines_in_a_row_leave_one_paragraph_break():
    text = "One.\n\nShare this\nTweet\n"
    edits = [(text.index("Share"), text.index("Tweet"), ""), (text.index("Tweet"), len(text), "")]
    assert apply_edits(text, edits) == ("One.\n", 2)


def test_listings_tell_safe_fixes_from_unsafe(mtlint, seeds_copy):
    stats = mtlint("check", str(seeds_copy), "--no-cache", "--statistics")
    rows = {line.split("\t")[1]: line.split("\t")[2] for line in stats.stdout.splitlines() if line.count("\t") >= 2}
    assert rows["NAM001"].startswith("[-]") and rows["TYP002"].startswith("[*]") and rows["LOD001"].startswith("   ")
    assert "[-] an unsafe fix" in stats.stdout
    listing = mtlint("rules").stdout
    assert any(line.startswith("NAM001") and " unsafe " in line for line in listing.splitlines())
    assert any(line.startswith("TYP002") and " safe " in line for line in listing.splitlines())
