"""The JSON contract: one array of findings (see the README for the fields).

With --summary the array is wrapped: {"findings": [...], "summary": {...}} with counts per rule
and category, readability metrics per file and the rules that were skipped."""
import json
from collections import Counter


def chunks(report, rules, summary=False, **_):
    """The array one finding at a time, byte for byte what `json.dumps(array, indent=2)` writes."""
    if summary:
        yield render(report, rules, summary=True)
        return
    if not report.findings:
        yield "[]\n"
        return
    yield "["
    separator = "\n"
    for f in report.findings:
        yield separator + "  " + json.dumps(f.to_json(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        separator = ",\n"
    yield "\n]\n"


def render(report, rules, summary=False, **_):
    if not summary:
        return "".join(chunks(report, rules))
    findings = [f.to_json() for f in report.findings]
    data = {
        "findings": findings,
        "summary": {
            "files": report.files,
            "counts": dict(Counter(f.code for f in report.findings).most_common()),
            "categories": dict(Counter(f.category for f in report.findings).most_common()),
            "metrics": report.metrics,
            "skipped": report.notes,
            "unreadable": report.errors,
            "baselined": report.baselined,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
