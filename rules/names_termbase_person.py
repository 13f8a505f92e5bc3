"""A person's name spelled as the termbase says not to ("Hafter" for "Haftar").

What it flags: each spelling listed under `not:` of a `people` entry in the project's termbase,
quotations included (a misspelled name in a quote is a transcription error, not the speaker's).

Why it matters: once the desk has settled a name's spelling, every article must follow it;
the corpus rule NAM001 finds new variants, this rule enforces the settled ones. The fix
replaces the variant with the surname (or the full name, for a full-name variant).
"""
from lint.corpus.termbase import find_variants, variant_matcher
from lint.finding import Hit
from lint.rule import Rule


class TermbasePersonVariant(Rule):
    code = "NAM002"
    name = "termbase-name-variant"
    category = "name_variant"
    severity = "error"
    summary = "A person's name in a spelling the termbase rejects"
    fixable = True
    examples = [
        {"fail": "Turkey will regard Hafter’s forces as legitimate targets.",
         "termbase": {"people": [{"name": "Khalifa Haftar", "not": ["Hafter"]}]},
         "at": ["1:20"], "fix": "Turkey will regard Haftar’s forces as legitimate targets."},
        {"fail": "The researcher Jalel Harsawi said so.",
         "termbase": {"people": [{"name": "Jalel Harchaoui", "not": ["Jalel Harsawi"]}]},
         "fix": "The researcher Jalel Harchaoui said so."},
        {"pass": "Turkey will regard Haftar’s forces as legitimate targets.",
         "termbase": {"people": [{"name": "Khalifa Haftar", "not": ["Hafter"]}]}},
    ]

    def check(self, doc, ctx):
        tb = ctx.project.termbase if ctx.project else None
        if tb is None:
            return
        entries, matcher = tb.cached("people", lambda: _entries_and_matcher(tb))
        for m, use, _ in find_variants(doc, entries, matcher):
            if m.group() in tb.accept:
                continue  # the termbase accepts this spelling as written
            yield Hit(m.start(), m.end(), f"Termbase: the name is spelled `{use}`, not `{m.group()}`", fix=use)


def _entries_and_matcher(tb):
    entries = [(p.name if " " in v else p.surname, (v,), (), True, p.note) for p in tb.people for v in p.variants]
    return entries, variant_matcher(entries)


RULE = TermbasePersonVariant
