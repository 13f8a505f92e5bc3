"""Output formats. Each module has `render(report, rules) -> str`."""
from __future__ import annotations

import importlib

FORMATS = ("full", "concise", "json", "github", "sarif", "gitlab", "html")


def render(fmt: str, report, rules, **options) -> str:
    module = importlib.import_module(f"lint.formatters.{fmt}_format")
    return module.render(report, rules, **options)


def help_text(finding) -> str | None:
    if finding.fix is None:
        return None
    if finding.fix == "":
        return f"remove `{finding.text.strip() or repr(finding.text)}`"
    return f"replace with `{finding.fix}`"


METRIC_COLUMNS = (("flesch_reading_ease", "ease"), ("flesch_kincaid_grade", "grade"), ("words", "words"),
                  ("sentences", "sentences"), ("words_per_sentence", "words/sentence"))


def metrics_table(metrics: dict, per_file_limit: int = 20) -> str:
    """Readability per file (up to `per_file_limit` files), then the corpus mean, min and max."""
    if not metrics:
        return ""
    out = ["Readability (Flesch reading ease, Flesch-Kincaid grade):"]
    header = f"  {'file':<40}" + "".join(f"{label:>16}" for _, label in METRIC_COLUMNS)
    rows = sorted(metrics.items())
    if len(rows) <= per_file_limit:
        out.append(header)
        for path, m in rows:
            name = path if len(path) <= 40 else "…" + path[-39:]
            out.append(f"  {name:<40}" + "".join(f"{m.get(key, ''):>16}" for key, _ in METRIC_COLUMNS))
    values = {key: [m[key] for m in metrics.values() if key in m] for key, _ in METRIC_COLUMNS}
    for label, fn in (("mean", lambda v: round(sum(v) / len(v), 1)), ("min", min), ("max", max)):
        out.append(f"  {label + f' of {len(rows)} files':<40}" + "".join(
            f"{fn(values[key]) if values[key] else '':>16}" for key, _ in METRIC_COLUMNS))
    return "\n".join(out) + "\n"
