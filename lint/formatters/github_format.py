"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report, rules, **_):
    lines = []
    for f in report.findings:
        props = (f"file={_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={_property(f.code + ' ' + f.name)}")
        lines.append(f"::{LEVELS[f.severity]} {props}::{_data(f.code + ' ' + f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
