"""GitLab Code Quality report (a JSON array of issues), for merge-request widgets."""
import json

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report, rules, **_):
    issues = [{
        "description": f"{f.code} {f.message}",
        "check_name": f.code,
        "fingerprint": f.fingerprint,
        "severity": SEVERITY[f.severity],
        "categories": ["Style"],
        "location": {"path": f.path.replace("\\", "/"),
                     "positions": {"begin": {"line": f.line, "column": f.column},
                                   "end": {"line": f.end_line, "column": f.end_column}}},
    } for f in report.findings]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
