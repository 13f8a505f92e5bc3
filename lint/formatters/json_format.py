"""The JSON contract: one array of findings (see the README for the fields)."""
import json


def render(report, rules, **_):
    return json.dumps([f.to_json() for f in report.findings], ensure_ascii=False, indent=2) + "\n"
