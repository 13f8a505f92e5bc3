"""The HTML report: one self-contained page for an editor (inline CSS and JavaScript, no request
to the network).

The page holds a corpus summary (findings per category and severity, the articles with most
findings, readability per article as an inline SVG chart), the clusters of names and terms
(findings of name_variant, terminology and title_conflict with their spellings, counts and
files), every article with its findings highlighted in place, and the documentation of every
rule (`#rule-CODE`). Filters by category and severity run in the browser.

Article text is untrusted. The page is built with jinja2 (autoescaping on); the articles travel
as one JSON document in a `<script type="application/json">` block with `<`, `>` and `&` written
as `\\u003c`, `\\u003e`, `\\u0026`, and the script renders them with text nodes only, lazily: an
article's body is built when it is opened, and the article list is paginated, so a corpus of
thousands of articles loads quickly.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict

from lint import CATEGORIES, SEVERITIES
from lint.readers import display_path
from lint.records import is_record_file, record_text  # records of JSON Lines / Parquet shards

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "html")
CLUSTER_CATEGORIES = ("name_variant", "terminology", "title_conflict")
SEVERITY_WEIGHT = {"error": 100, "warning": 10, "info": 1}
WORST_ARTICLES = 10
CLUSTER_FILES = 8  # files listed per name or term cluster; the rest are counted
BARS_UP_TO = 120  # articles; above this the readability chart is a histogram
BACKTICKED = re.compile(r"`([^`\n]{1,200})`")

# One colour per category: a light fill for the highlight and a stronger tone for its underline
# and the legend swatch. Chosen to stay readable under black text and apart from each other.
PALETTE = {
    "scrape_residue": ("#fde2e1", "#d64541"),
    "dateline": ("#fbe7d3", "#d9822b"),
    "typography": ("#eceff3", "#6b7a8f"),
    "foreign_script": ("#f7e1f3", "#b4459a"),
    "mt_calque": ("#fff1b8", "#c99a06"),
    "mt_confusable": ("#ffe0b3", "#e07b00"),
    "loaded_language": ("#f9d9e4", "#c2185b"),
    "attribution": ("#e3eefc", "#5b8bd6"),
    "acronym": ("#e0f2f1", "#26a69a"),
    "name_variant": ("#dbeafe", "#1d5fd1"),
    "terminology": ("#dff5e1", "#2e8b3d"),
    "title_conflict": ("#ece1fb", "#7c4dcc"),
    "fact_conflict": ("#f3e5d8", "#8d5a2b"),
    "duplicate": ("#e8e8e8", "#7a7a7a"),
    "readability": ("#eef3e2", "#8a9a5b"),
    "grammar": ("#e2f4fb", "#1f8fb4"),
}


def script_json(data) -> str:
    """JSON that cannot end or open a tag inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _read_text(path: str, fallbacks=()) -> str | None:
    from lint.readers import UnreadableFile, read_document

    try:
        return read_document(path, path, fallbacks).text
    except (UnreadableFile, OSError):
        return None


def _article_paths(report) -> list[str]:
    """Every linted article as a readable path: finding and metric paths are shown relative to
    the current folder; `report.checked` is relative to the project root (`report.root` when the
    command sets it, else found by matching the shown paths' tails)."""
    known = list(dict.fromkeys([f.path for f in report.findings] + list(report.metrics)))
    known_set = set(known)
    checked = list(getattr(report, "checked", None) or [])
    root = getattr(report, "root", None)
    prefix = ""
    if not root:
        wanted = set(checked)
        for shown in known:
            parts = shown.replace(os.sep, "/").split("/")
            hit = next((k for k in range(len(parts)) if "/".join(parts[k:]) in wanted), None)
            if hit is not None:
                prefix = "".join(part + "/" for part in parts[:hit])
                break
    out = list(known)
    for rel in checked:
        if os.path.isabs(rel):
            candidate = display_path(rel)
        elif root:
            candidate = display_path(os.path.join(root, rel))
        else:
            candidate = os.path.normpath(prefix + rel)
        if candidate not in known_set and not os.path.exists(candidate) and os.path.exists(rel):
            candidate = os.path.normpath(rel)
        if candidate not in known_set and not is_record_file(candidate):  # a shard: its records are the articles
            known_set.add(candidate)
            out.append(candidate)
    return sorted(out)


def _clusters(findings, article_index) -> list[dict]:
    """Group name and term findings by the spelling they point to (their fix, or the other
    spelling named in their related locations or message)."""
    groups: dict[tuple, dict] = {}
    for f in findings:
        if f.category not in CLUSTER_CATEGORIES:
            continue
        other = f.fix if f.fix else None
        if not other:
            quoted = [q for q in BACKTICKED.findall(f.message) if f.text not in q]
            other = quoted[0] if quoted else None
        if not other:
            for r in f.related:
                m = BACKTICKED.search(r.message)
                if m and m.group(1) != f.text:
                    other = m.group(1)
                    break
        other = other or f.text
        key = (f.category, other.casefold())
        g = groups.setdefault(key, {"category": f.category, "preferred": other, "codes": set(),
                                    "variants": {}, "preferred_at": {}, "severity": "info"})
        g["codes"].add(f.code)
        if SEVERITIES.index(f.severity) > SEVERITIES.index(g["severity"]):
            g["severity"] = f.severity
        v = g["variants"].setdefault(f.text, {"count": 0, "files": {}})
        v["count"] += 1
        v["files"].setdefault(f.path, article_index.get(f.path))
        for r in f.related:
            g["preferred_at"].setdefault(r.path, article_index.get(r.path))
    rows = []
    for g in groups.values():
        variants = sorted(g["variants"].items(), key=lambda kv: (-kv[1]["count"], kv[0]))
        files = dict(g["preferred_at"])
        for _, v in variants:
            files.update(v["files"])
        rows.append({
            "category": g["category"], "preferred": g["preferred"], "codes": sorted(g["codes"]),
            "severity": g["severity"],
            "variants": [{"text": t, "count": v["count"], "files": len(v["files"])} for t, v in variants],
            "total": sum(v["count"] for _, v in variants),
            "files": sorted(files.items(), key=lambda kv: kv[0])[:CLUSTER_FILES],
            "more_files": max(0, len(files) - CLUSTER_FILES),
        })
    rows.sort(key=lambda r: (CATEGORIES.index(r["category"]), -r["total"], r["preferred"].casefold()))
    return rows


def _readability_chart(articles, metrics) -> dict | None:
    """Reading ease per article: one bar per article for small corpora, a histogram above."""
    points = [(i, a["path"], metrics[a["path"]]) for i, a in enumerate(articles)
              if a["path"] in metrics and "flesch_reading_ease" in metrics[a["path"]]]
    if not points:
        return None
    width, height, pad = 640, 150, 28
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    values = [m["flesch_reading_ease"] for _, _, m in points]
    lo, hi = min(0.0, min(values)), max(100.0, max(values))

    def y_of(v):
        return pad + inner_h - (v - lo) / (hi - lo) * inner_h

    chart = {"width": width, "height": height, "pad": pad, "bars": [], "bins": [], "ticks": [],
             "mean": round(sum(values) / len(values), 1), "n": len(values)}
    if len(points) <= BARS_UP_TO:
        for t in (0, 30, 50, 70, 100):
            if lo <= t <= hi:
                chart["ticks"].append({"y": round(y_of(t), 1), "label": t})
        step = min(inner_w / len(points), 36.0)
        base = y_of(max(lo, 0.0))
        for k, (i, path, m) in enumerate(points):
            v = m["flesch_reading_ease"]
            top = y_of(v)
            chart["bars"].append({
                "x": round(pad + k * step + step * 0.15, 1), "w": round(max(step * 0.7, 1.0), 1),
                "y": round(min(top, base), 1), "h": round(max(abs(base - top), 1.0), 1),
                "index": i, "hard": v < 30,
                "title": f"{path}: reading ease {v}, grade {m.get('flesch_kincaid_grade', '?')}",
            })
        chart["kind"] = "bars"
    else:
        # bands of 10 from 0 to 100; scores below 0 or from 100 up share an end band
        counts = Counter(max(-10, min(100, int(v // 10 * 10))) for v in values)
        edges = ([-10] if counts.get(-10) else []) + list(range(0, 100, 10)) + ([100] if counts.get(100) else [])
        top = max(counts.values())
        step = inner_w / len(edges)
        for k, e in enumerate(edges):
            c = counts.get(e, 0)
            h = c / top * inner_h
            label = "<0" if e < 0 else "100+" if e >= 100 else str(e)
            band = "below 0" if e < 0 else "100 and above" if e >= 100 else f"{e} to {e + 10}"
            chart["bins"].append({"x": round(pad + k * step + 1, 1), "w": round(step - 2, 1),
                                  "y": round(pad + inner_h - h, 1), "h": round(h, 1), "label": label,
                                  "hard": e < 30, "title": f"reading ease {band}: {c} articles"})
        for t in (0, top // 2, top) if top > 1 else (0, top):
            chart["ticks"].append({"y": round(pad + inner_h - t / top * inner_h, 1), "label": t})
        chart["kind"] = "hist"
    return chart


def _rule_docs(rules, used_codes) -> list[dict]:
    out = []
    for code in sorted(set(rules) | set(used_codes)):
        r = rules.get(code)
        if r is None:  # a relayed code (GRM-...): documented by the rule that relays it
            continue
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", (r.doc or "").strip()) if p.strip()]
        out.append({"code": code, "name": r.name, "category": r.category, "severity": r.severity,
                    "summary": r.summary, "paragraphs": paragraphs, "used": code in used_codes,
                    "fix_safety": getattr(r, "fix_safety", "safe") if r.fixable else None})
    return out


def build(report, rules) -> dict:
    """Everything the template needs; also the data the page's script reads."""
    paths = _article_paths(report)
    index = {p: i for i, p in enumerate(paths)}
    by_path = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    categories = list(CATEGORIES)
    relays = [(r.relays, code) for code, r in rules.items() if getattr(r, "relays", "")]

    def doc_code(code):
        if code in rules:
            return code
        return next((owner for prefix, owner in relays if code.startswith(prefix)), None)

    articles, findings = [], []
    for i, path in enumerate(paths):
        text = _read_text(path) if getattr(report, "record_options", None) is None else (
            record_text(path, report.record_options) or _read_text(path))
        fids, notes = [], []
        for f in sorted(by_path.get(path, ()), key=lambda f: (f.start, -f.end, f.code)):
            fid = len(findings)
            placed = text is not None and 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text
            related = []
            for r in f.related:
                related.append([index.get(r.path, -1), r.path, r.line, r.column, r.message])
            findings.append({
                "a": i, "s": f.start, "e": f.end, "c": f.code, "k": categories.index(f.category),
                "v": SEVERITIES.index(f.severity), "m": f.message, "x": f.fix, "t": f.text,
                "l": f.line, "o": f.column, "r": related, "p": 1 if placed else 0, "n": f.name,
                "d": doc_code(f.code),
            })
            (fids if placed else notes).append(fid)
        counts = Counter(f.severity for f in by_path.get(path, ()))
        articles.append({"path": path, "text": text, "f": fids, "notes": notes,
                         "score": sum(SEVERITY_WEIGHT[s] * n for s, n in counts.items()),
                         "counts": [counts.get(s, 0) for s in SEVERITIES]})
    grid = Counter((f.category, f.severity) for f in report.findings)
    by_category = Counter(f.category for f in report.findings)
    summary_rows = [{"category": c, "counts": [grid.get((c, s), 0) for s in SEVERITIES],
                     "total": by_category[c]} for c in categories if by_category[c]]
    worst = sorted((a for a in articles if a["score"]), key=lambda a: (-a["score"], a["path"]))[:WORST_ARTICLES]
    used = {f.code for f in report.findings}
    return {
        "files": report.files,
        "articles": articles,
        "findings": findings,
        "severities": list(SEVERITIES),
        "categories": categories,
        "severity_totals": [sum(1 for f in report.findings if f.severity == s) for s in SEVERITIES],
        "summary_rows": summary_rows,
        "present_categories": [c for c in categories if by_category[c]],
        "category_totals": dict(by_category),
        "worst": [{"index": index[a["path"]], "path": a["path"], "counts": a["counts"]} for a in worst],
        "clusters": _clusters(report.findings, index),
        "chart": _readability_chart(articles, report.metrics or {}),
        "rules": _rule_docs(rules, used),
        "palette": PALETTE,
        "notes": list(report.notes or ()),
        "errors": list(report.errors or ()),
        "baselined": report.baselined,
    }


def _ease(metrics, path):
    m = (metrics or {}).get(path) or {}
    if "flesch_reading_ease" not in m:
        return None
    return [m["flesch_reading_ease"], m.get("flesch_kincaid_grade")]


def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return env


def render(report, rules, **_) -> str:
    from markupsafe import Markup

    data = build(report, rules)
    page_data = {
        "articles": [{"p": a["path"], "t": a["text"], "f": a["f"], "n": a["notes"], "c": a["counts"],
                      "r": _ease(report.metrics, a["path"])} for a in data["articles"]],
        "findings": data["findings"],
        "categories": data["categories"],
        "severities": data["severities"],
        "rules": {r["code"]: {"n": r["name"], "s": r["summary"]} for r in data["rules"]},
    }
    with open(os.path.join(HERE, "report.css"), encoding="utf-8") as fh:
        css = fh.read()
    with open(os.path.join(HERE, "report.js"), encoding="utf-8") as fh:
        js = fh.read()
    template = _environment().get_template("report.html.j2")
    return template.render(
        data=data, css=Markup(css), js=Markup(js), page_json=Markup(script_json(page_data)),
    )
