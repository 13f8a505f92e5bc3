"""Output formats. Each module has `render(report, rules) -> str`; the formats a large corpus is
usually written in also have `chunks(report, rules)`, the same text piece by piece, so that the
report is written as it is made instead of being built whole in memory first."""
from __future__ import annotations

import importlib
import os

FORMATS = ("full", "concise", "json", "github", "sarif", "gitlab", "html")
COLORED_FORMATS = ("full", "concise")  # the terminal reports; the others are read by programs
COLOR_CHOICES = ("auto", "always", "never")

# rich style strings by severity (as ruff: errors red, warnings yellow, the rest cyan)
SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def render(fmt: str, report, rules, **options) -> str:
    module = importlib.import_module(f"lint.formatters.{fmt}_format")
    return module.render(report, rules, **options)


def render_chunks(fmt: str, report, rules, **options):
    """The report in `fmt` as an iterable of strings whose concatenation is `render`'s text."""
    module = importlib.import_module(f"lint.formatters.{fmt}_format")
    chunks = getattr(module, "chunks", None)
    return chunks(report, rules, **options) if chunks else [module.render(report, rules, **options)]


def use_color(choice: str = "auto", stream=None, environ=None) -> bool:
    """Whether to colour a terminal report written to `stream` (None: a file named by -o).

    `--color always` / `never` decide; under `auto`, a non-empty NO_COLOR turns colour off, then
    a non-empty FORCE_COLOR turns it on (in a pipe too), else colour is on when `stream` is a
    terminal. A report written to a file is coloured only with `--color always`."""
    if choice != "auto":
        return choice == "always"
    if stream is None:
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # a closed or replaced stream
        return False


def painter(color: bool):
    """`paint(text, style)`: the text wrapped in the ANSI codes of a rich style string (such as
    "bold red"), or the text unchanged when colour is off. rich is imported only when colour is
    on, so a report into a pipe or a file never pays for it."""
    if not color:
        return _plain
    from rich.color import ColorSystem
    from rich.style import Style

    styles: dict[str, Style] = {}

    def paint(text: str, style: str | None) -> str:
        if not text or not style:
            return text
        if style not in styles:
            styles[style] = Style.parse(style)
        return styles[style].render(text, color_system=ColorSystem.STANDARD)

    return paint


def _plain(text: str, style: str | None) -> str:
    return text


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
