"""A word or phrase the house style avoids, as listed under `avoid` in the termbase.

What it flags: each `avoid` phrase of the termbase, outside quotations (a speaker's words are
quoted as spoken), with the `instead` wording as the suggestion.

Why it matters: house style is user data. A desk that decides "Haftar's forces" rather than
"Haftar militias" writes it once in the termbase and every article is checked.
"""
from lint.corpus.termbase import PhraseMatcher
from lint.finding import Hit
from lint.rule import Rule


class TermbaseAvoid(Rule):
    code = "TRM003"
    name = "termbase-avoid"
    category = "terminology"
    severity = "warning"
    summary = "A word or phrase the termbase says to avoid"
    fixable = True
    fix_safety = "unsafe"
    examples = [
        {"fail": "On Monday the GNA recaptured the airbase from Haftar militias.",
         "termbase": {"avoid": [{"phrase": "Haftar militias", "instead": "Haftar's forces"}]},
         "at": ["1:47"], "fix": "On Monday the GNA recaptured the airbase from Haftar's forces."},
        {"pass": "Aksoy said “Haftar militias will be targets” in a statement.",
         "termbase": {"avoid": [{"phrase": "Haftar militias", "instead": "Haftar's forces"}]}},
    ]

    def check(self, doc, ctx):
        tb = ctx.project.termbase if ctx.project else None
        if tb is None:
            return
        matcher = tb.cached("avoid", lambda: PhraseMatcher((e.phrase, e.case_sensitive) for e in tb.avoid))
        for i, m in matcher.finditer(doc.text):
            entry = tb.avoid[i]
            if doc.in_quote(m.start(), m.end()):
                continue
            instead = f"; write `{entry.instead}`" if entry.instead else ""
            note = f" ({entry.note})" if entry.note else ""
            yield Hit(m.start(), m.end(), f"House style avoids `{m.group()}`{instead}{note}", fix=entry.instead)


RULE = TermbaseAvoid
