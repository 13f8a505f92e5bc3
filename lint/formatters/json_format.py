"""The JSON contract: one array of findings (see the README for the fields).

With --summary the array is wrapped: {"findings": [...], "summary": {...}} with counts per rule
and category, readability metrics per file and the rules that were skipped."""
import json
from collections import Counter


def render(report, rules, summary=False, **_):
    findings = [f.to_json() for f in report.findings]
    if not summary:
        return json.dumps(findings, ensure_ascii=False, indent=2) + "\n"
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
