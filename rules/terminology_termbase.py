"""A term or name the termbase says is wrong ("Operation Irene" for "Operation Irini").

What it flags: every variant listed under `terms` in the project's termbase (misspelled names
of people, under `people`, are NAM002's), optionally only in sentences that contain one of the entry's `context`
words (so that "Irene" is flagged next to "operation" but not as a person's first name).

Why it matters: the termbase is the house style, written once by the desk; the linter applies
it to every article. Inside quotation marks too: a misrendered name in a quote is still a
translation error, not the speaker's words.

The fix replaces the variant with the canonical form. A spelling the termbase lists under
`accept` is never flagged.
"""
from lint.corpus.termbase import find_variants, variant_matcher
from lint.finding import Hit
from lint.rule import Rule


class TermbaseVariant(Rule):
    code = "TRM001"
    name = "termbase-variant"
    category = "terminology"
    severity = "error"
    summary = "A term or name spelled as the termbase says not to (\"Irene\" for \"Irini\")"
    fixable = True
    examples = [
        {"fail": "On March 31, the European Union launched Operation Irene in the Mediterranean.",
         "termbase": {"terms": [{"use": "Irini", "not": ["Irene"], "context": ["operation", "EU"]}]},
         "at": ["1:52"], "fix": "On March 31, the European Union launched Operation Irini in the Mediterranean."},
        {"fail": "Akar spoke about the European “Irene” operation.",
         "termbase": {"terms": [{"use": "Irini", "not": ["Irene"], "context": ["operation"]}]}},
        {"pass": "Irene Khan, the UN rapporteur, spoke in Geneva.",
         "termbase": {"terms": [{"use": "Irini", "not": ["Irene"], "context": ["operation"]}]}},
        {"pass": "Without a termbase nothing is flagged: Operation Irene."},
    ]

    def check(self, doc, ctx):
        tb = ctx.project.termbase if ctx.project else None
        if tb is None:
            return
        entries, matcher = tb.cached("terms", lambda: _entries_and_matcher(tb))
        for m, use, note in find_variants(doc, entries, matcher):
            if m.group() in tb.accept:
                continue  # the termbase accepts this spelling as written
            extra = f" ({note})" if note else ""
            yield Hit(m.start(), m.end(), f"Termbase: write `{use}`, not `{m.group()}`{extra}", fix=use)


def _entries_and_matcher(tb):
    entries = [(t.use, t.variants, t.context, t.case_sensitive, t.note) for t in tb.terms]
    return entries, variant_matcher(entries)


RULE = TermbaseVariant
