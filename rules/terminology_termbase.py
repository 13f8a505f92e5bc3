"""A term or name the termbase says is wrong ("Operation Irene" for "Operation Irini").

What it flags: every variant listed under `terms` (and under `people` as `not:`) in the
project's termbase, optionally only in sentences that contain one of the entry's `context`
words (so that "Irene" is flagged next to "operation" but not as a person's first name).

Why it matters: the termbase is the house style, written once by the desk; the linter applies
it to every article. Inside quotation marks too: a misrendered name in a quote is still a
translation error, not the speaker's words.

The fix replaces the variant with the canonical form.
"""
import regex

from lint.corpus.termbase import phrase_regex
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
        entries = [(t.use, t.variants, t.context, t.case_sensitive, t.note) for t in tb.terms]
        entries += [(p.surname if " " not in v else p.name, (v,), (), True, p.note) for p in tb.people for v in p.variants]
        for use, variants, context, case_sensitive, note in entries:
            context_re = (regex.compile(r"\b(?:" + "|".join(regex.escape(c) for c in context) + r")\b", regex.IGNORECASE)
                          if context else None)
            for variant in variants:
                for m in phrase_regex(variant, case_sensitive).finditer(doc.text):
                    if context_re is not None:
                        s, e = doc.sentence_at(m.start())
                        if not context_re.search(doc.text, s, max(e, m.end())):
                            continue
                    extra = f" ({note})" if note else ""
                    yield Hit(m.start(), m.end(), f"Termbase: write `{use}`, not `{m.group()}`{extra}", fix=use)


RULE = TermbaseVariant
