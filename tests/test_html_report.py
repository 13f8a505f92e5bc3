"""The HTML report: structure and escaping here, behaviour in a real browser (headless Chromium
driven by Playwright) below."""
import json
import os
import re
import shutil

import pytest

from conftest import ROOT, SEEDS, run_mtlint
from lint.engine import Report
from lint.finding import Finding, Related
from lint.formatters import FORMATS
from lint.formatters.html_format import build, render, script_json

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = os.path.join(ROOT, "docs", "report.png")

HOSTILE = ("Headline with <script>alert(1)</script> inside\n\n"
           "A paragraph that closes </script><script>alert(2)</script> the data block.\n\n"
           "An image <img src=x onerror=\"alert(3)\"> and <!-- a comment --> and &amp; an entity.\n")


def finding(path, text, start, end, code="CAL001", category="mt_calque", severity="warning",
            message="a message", fix=None, related=()):
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = text.count("\n", 0, end) + 1
    end_col = end - (text.rfind("\n", 0, end) + 1) + 1
    return Finding(path=path, start=start, end=end, line=line, column=col, end_line=end_line,
                   end_column=end_col, code=code, name="a-rule", category=category, severity=severity,
                   message=message, fix=fix, text=text[start:end], context="", source_line="",
                   related=tuple(related))


def test_html_is_a_format():
    assert "html" in FORMATS


def test_script_json_cannot_close_or_open_a_tag():
    data = {"t": "</script><script>alert(1)</script><!-- & \u2028"}
    out = script_json(data)
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == data


def test_report_escapes_article_text_and_makes_no_request(tmp_path):
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    result = run_mtlint("check", str(tmp_path), "--isolated", "--no-cache", "--format", "html", "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 2  # the data block and the page's own script
    assert "alert(" in page  # the text is there, as JSON...
    assert "<script>alert" not in page and "<img" not in page and "<!-- a comment" not in page
    data = re.search(r'<script type="application/json" id="mtlint-data">(.*?)</script>', page, re.S).group(1)
    articles = json.loads(data)["articles"]
    assert [a["t"] for a in articles] == [HOSTILE]
    # self-contained: no external resource, and a policy that forbids any
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"<\w+[^<>]*\s(src|href)\s*=\s*[\"']?(https?:)?//", page)
    assert "default-src 'none'" in page


def test_file_names_are_escaped(tmp_path):
    text = "The defense mister spoke.\n"
    name = str(tmp_path / "<b>bold<i>.txt")
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(text)
    report = Report([finding(name, text, 4, 18)], [], 1)
    page = render(report, {})
    assert "<b>bold" not in page
    assert "&lt;b&gt;bold&lt;i&gt;" in page and "\\u003cb\\u003ebold" in page


def test_articles_without_findings_are_listed_from_checked_paths(tmp_path):
    (tmp_path / "mtlint.toml").write_text('corpus = ["*.txt"]\n')
    (tmp_path / "a.txt").write_text("A quiet article about the weather.\n")
    (tmp_path / "b.txt").write_text("Another quiet article.\n")
    out = tmp_path / "r.html"
    result = run_mtlint("check", str(tmp_path), "--no-cache", "--select", "SCR001", "--format", "html",
                        "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="mtlint-data">(.*?)</script>', page, re.S).group(1))
    assert sorted(os.path.basename(a["p"]) for a in data["articles"]) == ["a.txt", "b.txt"]
    assert all(a["t"] for a in data["articles"])


def test_checked_paths_are_found_from_the_shown_paths_without_a_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.makedirs("corpus/sub")
    text = "The defense mister spoke.\n"
    for name in ("corpus/sub/a.txt", "corpus/b.txt"):
        with open(name, "w") as fh:
            fh.write(text)
    report = Report([finding("corpus/sub/a.txt", text, 4, 18)], [], 2, checked=["sub/a.txt", "b.txt"])
    articles = build(report, {})["articles"]
    assert [a["path"] for a in articles] == ["corpus/b.txt", "corpus/sub/a.txt"]
    assert [a["text"] for a in articles] == [text, text]
    report.root = str(tmp_path / "corpus")
    assert [a["path"] for a in build(report, {})["articles"]] == ["corpus/b.txt", "corpus/sub/a.txt"]


def test_clusters_group_spellings_with_counts_and_files(tmp_path):
    t1 = "Minister Akar spoke. Aggar said. Aggar left.\n"
    t2 = "Akar arrived.\n"
    p1, p2 = str(tmp_path / "one.txt"), str(tmp_path / "two.txt")
    for p, t in ((p1, t1), (p2, t2)):
        with open(p, "w") as fh:
            fh.write(t)
    related = [Related(p2, 1, 1, "`Akar` is used here")]
    fs = [finding(p1, t1, 21, 26, "NAM001", "name_variant", message="`Aggar` looks like `Akar`", fix="Akar",
                  related=related),
          finding(p1, t1, 33, 38, "NAM001", "name_variant", message="`Aggar` looks like `Akar`", fix="Akar",
                  related=related),
          finding(p1, t1, 0, 8, "TTL001", "title_conflict", message="`Minister Akar`: rank conflicts with `General`")]
    data = build(Report(fs, [], 2), {})
    rows = {(r["category"], r["preferred"]): r for r in data["clusters"]}
    akar = rows[("name_variant", "Akar")]
    assert akar["variants"] == [{"text": "Aggar", "count": 2, "files": 1}]
    assert [path for path, _ in akar["files"]] == sorted([p1, p2])
    assert ("title_conflict", "General") in rows
    page = render(Report(fs, [], 2), {})
    assert 'id="clusters"' in page and "Aggar" in page


def test_readability_chart_bars_then_histogram():
    from lint.formatters.html_format import _readability_chart

    few = [{"path": f"{i}.txt"} for i in range(3)]
    metrics = {f"{i}.txt": {"flesch_reading_ease": 20.0 + 30 * i, "flesch_kincaid_grade": 9} for i in range(3)}
    chart = _readability_chart(few, metrics)
    assert chart["kind"] == "bars" and len(chart["bars"]) == 3 and chart["bars"][0]["hard"]
    assert chart["bars"][0]["h"] < chart["bars"][2]["h"]
    many = [{"path": f"{i}.txt"} for i in range(500)]
    metrics = {f"{i}.txt": {"flesch_reading_ease": float(i % 90)} for i in range(500)}
    chart = _readability_chart(many, metrics)
    assert chart["kind"] == "hist" and sum(1 for b in chart["bins"] if b["h"] > 0) == 9
    assert [t["label"] for t in chart["ticks"]] == [0, 30, 60]  # articles per band, not scores
    metrics["0.txt"] = {"flesch_reading_ease": -150.0}
    metrics["1.txt"] = {"flesch_reading_ease": 121.0}
    labels = [b["label"] for b in _readability_chart(many, metrics)["bins"]]
    assert labels[0] == "<0" and labels[-1] == "100+" and len(labels) == 12
    assert _readability_chart(few, {}) is None


def test_every_rule_has_an_anchor_and_codes_link_to_it():
    from lint.config import load_settings
    from lint.engine import Linter

    rules = Linter(load_settings(None)).rules
    page = render(Report([], [], 0), rules)
    for code in rules:
        assert f'id="rule-{code}"' in page


# ---- in a browser -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    if not os.path.exists(CHROMIUM) and not in_ci:
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            raise
        pytest.skip("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def open_report(browser, path, width=1280, height=900):
    page = browser.new_page(viewport={"width": width, "height": height})
    problems, dialogs, requests = [], [], []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto("file://" + str(path))
    page.wait_for_selector("html[data-ready]")
    page.problems, page.dialogs, page.requests = problems, dialogs, requests
    return page


def open_all_articles(page):
    page.uncheck("#only-findings")
    page.evaluate("""() => document.querySelectorAll('#article-list button.toggle[aria-expanded=false]')
                     .forEach(b => b.click())""")


HIGHLIGHTS_JS = """() => {
  const data = JSON.parse(document.getElementById('mtlint-data').textContent);
  const out = [];
  data.findings.forEach((f, i) => {
    if (!f.p) return;
    const pieces = [...document.querySelectorAll('mark[data-f="' + i + '"]')];
    out.push({path: data.articles[f.a].p, line: f.l, column: f.o, code: f.c,
              shown: pieces.map(m => m.textContent).join(''), pieces: pieces.length});
  });
  return out;
}"""


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds-report")
    corpus = folder / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns(".mtlint_cache"))
    out = folder / "report.html"
    result = run_mtlint("check", "seeds", "--no-cache", "--format", "html", "-o", str(out), cwd=folder)
    assert result.returncode == 1, result.stderr
    as_json = run_mtlint("check", "seeds", "--no-cache", "--format", "json", cwd=folder)
    return out, json.loads(as_json.stdout), folder


def test_highlights_sit_on_the_findings_text(browser, seeds_report):
    out, findings, folder = seeds_report
    page = open_report(browser, out)
    open_all_articles(page)
    shown = {(h["path"], h["line"], h["column"], h["code"]): h for h in page.evaluate(HIGHLIGHTS_JS)}
    placed = 0
    for f in findings:
        with open(folder / f["path"], encoding="utf-8") as fh:
            text = fh.read()
        key = (f["path"], f["line"], f["column"], f["code"])
        line = text.split("\n")[f["line"] - 1]
        if f["end_line"] == f["line"] and line[f["column"] - 1:f["end_column"] - 1] == f["text"]:
            assert key in shown, f
            assert shown[key]["shown"] == f["text"], (f, shown[key])
            placed += 1
    assert placed >= 30
    # the article text reads as the file: highlights add no character and lose none
    texts = page.evaluate("() => [...document.querySelectorAll('.doc')].map(d => "
                          "[d.querySelector('.path').textContent, d.querySelector('.text').textContent])")
    assert len(texts) == 5
    for path, text in texts:
        with open(folder / path, encoding="utf-8") as fh:
            assert text == fh.read()
    assert not page.problems and not page.requests[1:], (page.problems, page.requests)


def test_hover_and_focus_show_code_message_and_rule_link(browser, seeds_report):
    out, findings, _ = seeds_report
    page = open_report(browser, out)
    page.click("#article-list .doc:first-child button.toggle")
    mark = page.locator("mark.hl:not(.cont)").first
    mark.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    code = tip.locator("a.code").first.text_content()
    assert re.fullmatch(r"[A-Z]{3}\d{3}", code)
    assert tip.locator("a.code").first.get_attribute("href") == f"#rule-{code}"
    assert page.locator(f"#rule-{code}").count() == 1
    fid = int(mark.get_attribute("data-f"))
    data = json.loads(page.locator("#mtlint-data").text_content())
    assert data["findings"][fid]["m"].replace("`", "") in tip.text_content()
    if data["findings"][fid]["x"]:
        assert data["findings"][fid]["x"] in tip.locator(".fix").first.text_content()
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    page.keyboard.press("Escape")
    mark.focus()
    tip.wait_for(state="visible")
    assert mark.get_attribute("aria-describedby") == "tip"
    assert mark.get_attribute("tabindex") == "0"
    page.keyboard.press("Enter")  # into the tooltip, to reach the rule's documentation
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == f"#rule-{code}"
    assert tip.is_visible()


def test_filters_hide_a_category_and_a_severity(browser, seeds_report):
    out, findings, _ = seeds_report
    page = open_report(browser, out)
    open_all_articles(page)
    background = "(sel) => [...document.querySelectorAll(sel)].map(m => getComputedStyle(m).backgroundColor)"
    transparent = "rgba(0, 0, 0, 0)"
    assert all(c != transparent for c in page.evaluate(background, "mark.cat-mt_calque"))
    page.uncheck("input[name=cat][value=mt_calque]")
    hidden = page.evaluate(background, "mark.cat-mt_calque")
    assert hidden and all(c == transparent for c in hidden)
    assert all(c != transparent for c in page.evaluate(background, "mark.cat-scrape_residue"))
    assert page.locator("li.cat-mt_calque").count() > 0
    assert all(not li.is_visible() for li in page.locator("li.cat-mt_calque").all())
    assert all(m.get_attribute("tabindex") == "-1" for m in page.locator("mark.cat-mt_calque:not(.cont)").all())
    page.check("input[name=cat][value=mt_calque]")
    assert all(c != transparent for c in page.evaluate(background, "mark.cat-mt_calque"))
    page.uncheck("input[name=sev][value=error]")
    assert all(c == transparent for c in page.evaluate(background, "mark.sev-error"))
    assert all(c != transparent for c in page.evaluate(background, "mark.sev-warning"))


def test_overlapping_findings_nest_or_split_and_keep_the_text(browser, tmp_path):
    text = "The defense mister of the coup government addressed an address.\nSecond line here.\n"
    path = str(tmp_path / "overlap.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    spans = [(4, 18), (12, 41), (26, 41), (4, 11), (42, 63), (42, 63), (50, 50), (60, 70)]
    fs = [finding(path, text, s, e, severity=("error", "warning", "info")[k % 3]) for k, (s, e) in enumerate(spans)]
    out = tmp_path / "r.html"
    out.write_text(render(Report(fs, [], 1), {}), encoding="utf-8")
    page = open_report(browser, out)
    page.click("#article-list button.toggle")
    assert page.locator(".doc .text").text_content() == text
    highlights = page.evaluate(HIGHLIGHTS_JS)
    assert len(highlights) == len(spans)
    for h, (s, e) in zip(sorted(highlights, key=lambda h: (h["line"], h["column"])),
                         sorted(spans, key=lambda se: (text.count("\n", 0, se[0]), se[0]))):
        assert h["shown"] == text[s:e]
    assert max(h["pieces"] for h in highlights) >= 2  # (12, 41) crosses the end of (4, 18)
    assert not page.problems


def test_script_in_an_article_stays_inert(browser, tmp_path):
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    run_mtlint("check", str(tmp_path), "--isolated", "--no-cache", "--format", "html", "-o", str(out))
    page = open_report(browser, out)
    open_all_articles(page)
    for m in page.locator("mark.hl").all():
        m.hover()
    page.wait_for_timeout(200)
    assert page.dialogs == []
    assert page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("() => document.scripts.length") == 2
    assert page.locator(".doc .text").text_content() == HOSTILE
    assert not page.problems and not page.requests[1:]


def test_screenshot_of_the_seeds_report(browser, seeds_report, tmp_path):
    """The README's picture: written to docs/report.png when that file is missing or when
    MTLINT_UPDATE_SCREENSHOT=1, else to a temporary file (so a test run leaves the tree clean)."""
    out, _, _ = seeds_report
    page = open_report(browser, out, width=1360, height=1000)
    page.click("#article-list .doc:first-child button.toggle")
    mark = page.locator("mark.cat-mt_calque:not(.cont)").first
    mark.evaluate("m => m.focus({preventScroll: true})")
    page.evaluate("() => document.getElementById('articles').scrollIntoView({behavior: 'instant'})")
    page.evaluate("() => document.querySelector('mark:focus').dispatchEvent(new FocusEvent('focusin', {bubbles: true}))")
    page.locator("#tip").wait_for(state="visible")
    page.wait_for_timeout(300)
    target = str(tmp_path / "report.png")
    if os.environ.get("MTLINT_UPDATE_SCREENSHOT") == "1" or not os.path.exists(SCREENSHOT):
        os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
        target = SCREENSHOT
    page.screenshot(path=target)
    with open(target, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
    assert os.path.getsize(target) > 50000
