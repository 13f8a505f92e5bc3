"""SARIF 2.1.0: rule metadata, results with partialFingerprints, relatedLocations for corpus
findings and fixes as replacements. Columns are Unicode code points (`columnKind`)."""
import json

from lint import __version__

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"))  # undecodable names: their bytes


def _location(path, line, column, end_line=None, end_column=None, message=None, index=None):
    region = {"startLine": line, "startColumn": column}
    if end_line is not None:
        region.update(endLine=end_line, endColumn=end_column)
    loc = {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}
    if message:
        loc["message"] = {"text": message}
    if index is not None:
        loc["id"] = index
    return loc


def render(report, rules, **_):
    used = sorted({f.code for f in report.findings})
    index = {code: i for i, code in enumerate(used)}
    descriptors = []
    for code in used:
        rule = rules.get(code)
        descriptor = {"id": code}
        if rule is not None:
            descriptor.update({
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.doc or rule.summary},
                "help": {"text": rule.doc or rule.summary},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"category": rule.category, "tags": [rule.category]},
            })
        descriptors.append(descriptor)
    results = []
    for f in report.findings:
        result = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(f.path, f.line, f.column, f.end_line, f.end_column)],
            "partialFingerprints": {"mtlintFingerprint/v1": f.fingerprint},
            "properties": {"category": f.category},
        }
        if f.related:
            result["relatedLocations"] = [_location(r.path, r.line, r.column, message=r.message, index=i)
                                          for i, r in enumerate(f.related)]
        if f.fix is not None:
            result["fixes"] = [{
                "description": {"text": f"replace `{f.text}` with `{f.fix}`" if f.fix else f"remove `{f.text}`"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(f.path)},
                    "replacements": [{
                        "deletedRegion": {"startLine": f.line, "startColumn": f.column,
                                          "endLine": f.end_line, "endColumn": f.end_column},
                        "insertedContent": {"text": f.fix},
                    }],
                }],
            }]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "mtlint", "version": __version__, "semanticVersion": __version__,
                                "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
