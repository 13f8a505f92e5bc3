"""One line per finding: `path:line:col: CODE [category] message`."""


def render(report, rules, **_):
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} [{f.category}] {f.message}" for f in report.findings]
    return "\n".join(lines) + ("\n" if lines else "")
