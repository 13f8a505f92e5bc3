"""Output formats. Each module has `render(report, rules) -> str`."""
from __future__ import annotations

import importlib

FORMATS = ("full", "concise", "json", "github", "sarif", "gitlab")


def render(fmt: str, report, rules, **options) -> str:
    module = importlib.import_module(f"lint.formatters.{fmt}_format")
    return module.render(report, rules, **options)


def help_text(finding) -> str | None:
    if finding.fix is None:
        return None
    if finding.fix == "":
        return f"remove `{finding.text.strip() or repr(finding.text)}`"
    return f"replace with `{finding.fix}`"
