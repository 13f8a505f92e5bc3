"""Scrape-residue rules beyond their examples: the data files, line classes, fixes that remove
whole lines, and patterns that stay linear on adversarial input."""
from __future__ import annotations

import os
import time

import pytest

from lint.document import Document
from lint.fixer import apply_edits

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules", "data")
FURNITURE_DATA = ["furniture_lines.txt", "furniture_prefixes.txt", "ui_words.txt", "stopwords.txt"]


def entries(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", FURNITURE_DATA)
def test_data_sorted_unique_lower_case(name):
    items = entries(name)
    assert items, name
    assert items == sorted(items), f"{name} is not sorted"
    assert len(items) == len(set(items)), f"{name} has duplicates"
    assert all(i == i.strip().lower() for i in items), f"{name}: entries are lower case, trimmed"


def test_ui_words_are_not_function_words():
    assert not set(entries("ui_words.txt")) & set(entries("stopwords.txt"))


def test_whole_lines_are_normalized():
    from lint.rules.scrape_furniture_line import normalize

    for entry in entries("furniture_lines.txt"):
        assert normalize(entry) == entry, entry


def test_line_classes_wire_copy_and_widgets():
    text = ("HEADLINE\n\nThe company said it would raise its quarterly\ndividend to 12 cts a share, "
            "payable\non April 1.\n\nLeave a Reply\nShares rose.\n\n" + "word " * 20 + "end.\n")
    doc = Document("x.txt", text)
    classes = doc.line_classes
    assert classes[0] == "short" and classes[1] == "blank"
    assert classes[2:5] == ["wrapped"] * 3
    assert classes[6] == "short" and classes[9] == "paragraph"
    assert doc.paragraph_lines == (3, 10)


def findings_of(code, text):
    from lint.config import Settings
    from lint.engine import Project, lint_texts
    from lint.registry import builtin_rules

    rule = next(r for r in builtin_rules() if r.code == code)
    return lint_texts(rule, {"a.txt": text}, {}, Project(Settings(root=".")))


def test_furniture_fix_leaves_no_blank_pile_up():
    text = ("Body text ends here, the ministry said.\n\nShare this post on social media\n\nPost a Comment\n\n"
            "Next paragraph of the story.\n")
    found = findings_of("SCR005", text)
    fixed, _ = apply_edits(text, [(f.start, f.end, f.fix) for f in found if f.fix is not None])
    assert fixed == "Body text ends here, the ministry said.\n\nNext paragraph of the story.\n"


def test_furniture_inside_wrapped_wire_copy_is_left_alone():
    text = ("TALKS RESUME\n\nNegotiators said on Monday they would leave a\nleave a reply to the union by "
            "Friday and would\nshare this with members.\n")
    assert findings_of("SCR005", text) == []


ADVERSARIAL = ["A" * 100000, " " * 100000, "a " * 50000, "\n" * 100000, "Aa-" * 33000,
               "(A/" * 33000, "#a " * 33000, "Photo: " * 14000, "A. / A" * 16000,
               'alt="" ' * 14000, '" style="a" ' * 8000, 'class="' * 14000, "a.By Aa " * 12000]


@pytest.mark.parametrize("code", ["SCR002", "SCR003", "SCR005", "SCR006", "SCR007"])
def test_linear_on_adversarial_input(code):
    for text in ADVERSARIAL:
        start = time.perf_counter()
        findings_of(code, text)
        assert time.perf_counter() - start < 3.0, (code, text[:12])


@pytest.mark.parametrize("text, line, expected", [
    ("A\n\nX\n\nB\n", 3, "A\n\nB\n"),        # between blank lines: the blank line after goes too
    ("A\nX\nB\n", 2, "A\nB\n"),              # inside a block: only the line and its break
    ("A\n\nX\n", 3, "A\n\n"),                # last line
    ("A\n\nX", 3, "A\n\n"),                  # last line without a final break
    ("A\n\nX\n\n\nB", 3, "A\n\nB"),          # several blank lines after
])
def test_line_removal(text, line, expected):
    doc = Document("x.txt", text)
    start, end = doc.line_removal(line)
    assert text[:start] + text[end:] == expected


def test_recurring_line_needs_a_share_of_the_corpus():
    from lint.config import Settings
    from lint.engine import Project, lint_texts
    from lint.registry import builtin_rules

    rule = next(r for r in builtin_rules() if r.code == "SCR007")
    files = {f"{i}.txt": f"Story {i}\n\nThe text of story {i} ends here, officials said.\n" for i in range(50)}
    for i in range(3):
        files[f"{i}.txt"] += "\nJoin the Example Club today\n"
    project = Project(Settings(root="."))
    assert len(lint_texts(rule, files, {}, project)) == 3
    assert lint_texts(rule, files, {"min_files": 3, "min_share": 0.1, "max_words": 12}, project) == []


def test_mojibake_clue_holds_for_every_repair_ftfy_makes():
    """SCR004 skips ftfy on a text without a clue: ftfy must never change such a text."""
    import random

    import ftfy

    from lint.rules.scrape_mojibake import FTFY_ENCODINGS, REPAIR_CLUE

    rng = random.Random(3)
    alphabet = [chr(c) for c in [*range(0xA0, 0x250), *range(0x400, 0x450), *range(0x2010, 0x2030),
                                 *range(0x4E00, 0x4E20), 0x20AC, 0x2122]] + list("ab d")
    repaired = 0
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        mangled = text.encode("utf-8").decode(rng.choice(FTFY_ENCODINGS), errors="replace")
        mangled = mangled.replace("\xa0", " ") if rng.random() < 0.3 else mangled  # a lost no-break space
        if ftfy.fix_encoding(mangled) != mangled:
            repaired += 1
            assert REPAIR_CLUE.search(mangled), repr(mangled)
    assert repaired > 2000  # the check above ran on real repairs
    for clean in ["Prices rose to £600m (€700m).", "the players’ union — “no”", "the café.", "Ünal"]:
        assert not REPAIR_CLUE.search(clean), clean


@pytest.mark.parametrize("source, encoding", [("Привет, мир", "cp1251"), ("naïve café", "mac_roman"),
                                              ("Zürich’s café", "cp1252")])
def test_mojibake_of_each_single_byte_encoding_is_found(source, encoding):
    mangled = source.encode("utf-8").decode(encoding)
    assert findings_of("SCR004", f"The text read {mangled} in the archive.\n"), (encoding, mangled)


def test_mojibake_rule_does_not_load_ftfy_for_clean_text(tmp_path):
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Prices rose to £600m, the players’ union said on Monday.\n", encoding="utf-8")
    code = ("import sys; from lint.cli import main\n"
            f"try: main(['check', '--isolated', '--no-cache', '-q', {str(article)!r}])\n"
            "except SystemExit: pass\n"
            "print('ftfy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("line, furniture", [
    ("• Source of information and images: the ministry", True),
    ("Photo source: the agency", True),
    ("This is a rush transcript. Copy may not be in its final form.", True),
    ("The source of information was a leaked memo, officials said.", False),
    ("This transcription service closed in May, the company said.", False),
])
def test_source_credit_and_transcript_notice_lines(line, furniture):
    text = f"Talks resume\n\nThe minister said the talks would resume on Monday after a pause.\n\n{line}\n"
    assert bool(findings_of("SCR005", text)) == furniture
