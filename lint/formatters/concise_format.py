"""One line per finding: `path:line:col: CODE [severity] message`, e.g.
`a.txt:1:22: TYP004 [warning] Doubled word`; the first line of each finding in the full format.

With `color=True` the path is bold, the code and `[severity]` are coloured by severity (error red,
warning yellow, info cyan)."""
from lint.formatters import SEVERITY_STYLES, painter


def header(f, paint) -> str:
    style = SEVERITY_STYLES.get(f.severity)
    return (f"{paint(f.path, 'bold')}:{f.line}:{f.column}: {paint(f.code, style)} "
            f"{paint('[' + f.severity + ']', style)} {f.message}")


def chunks(report, rules, color=False, **_):
    paint = painter(color)
    for f in report.findings:
        yield header(f, paint) + "\n"


def render(report, rules, color=False, **_):
    return "".join(chunks(report, rules, color=color))
