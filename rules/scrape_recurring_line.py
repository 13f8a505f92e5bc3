"""A short line that recurs across many articles of the corpus: site chrome found by frequency.

What it flags: a stand-alone line of at most `max_words` words, with no figures, outside the
headline, whose text (case, spacing, digits and punctuation at the ends ignored) appears in at
least `min_files` files and in at least `min_share` of the files of the corpus. Every file that
has it is reported.

Why it matters: the widgets of a site ("Leave a Reply", "Back to top button", a partner list,
the site's slogan) repeat on every page it publishes, in words no lexicon can foresee; in a
corpus they stand out by their count. This is how a boilerplate remover that sees many pages of
a site learns its template.

What is not flagged: lines of one word (sign-offs such as "REUTER" have a rule of their own),
lines with figures or next to a line with figures (table rows and headings), lines ending in a
full stop, comma or semicolon (sentences and broken lines: "Terms were not disclosed." is a stock
phrase of the prose, not a widget), lines of hard-wrapped text, headlines, quotations. No fix is
offered: a line found by frequency alone is for an editor to confirm.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

import regex

from lint import regex_store
from lint.finding import Hit, Related
from lint.rule import Rule

_WORD = regex_store.compile(r"\p{L}[\p{L}\p{M}'’-]*")


def line_key(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split()).strip(" .:;,!?|*-–—•>»›")


def _in_table(doc, number: int) -> bool:
    """A line next to a line with figures is a table heading ("Nine mths" above "Shr 1.20")."""
    for n in (number - 1, number + 1):
        if 1 <= n <= doc.line_count and any(c.isdigit() for c in doc.line_text(n)):
            return True
    return False


class RecurringLine(Rule):
    code = "SCR007"
    name = "recurring-line"
    category = "scrape_residue"
    severity = "warning"
    summary = "A short line repeated across many articles of the corpus (site chrome)"
    corpus = True
    options = {"min_files": 3, "min_share": 0.005, "max_words": 12}
    examples = [
        {"files": {
            "a.txt": "Talks resume\n\nTalks resumed on Monday, the ministry said.\n\nJoin the Example Club today\n",
            "b.txt": "Port reopens\n\nThe port reopened after a strike, the operator said.\n\n"
                     "Join the Example Club today\n",
            "c.txt": "Rain falls\n\nRain fell for three days in the north, officials said.\n\n"
                     "Join the Example Club today\n"},
         "at": ["a.txt:5:1", "b.txt:5:1", "c.txt:5:1"]},
        {"files": {
            "a.txt": "Talks resume\n\nTalks resumed on Monday.\n\nREUTER\n",
            "b.txt": "Port reopens\n\nThe port reopened on Monday.\n\nREUTER\n",
            "c.txt": "Rain falls\n\nRain fell on Monday.\n\nREUTER\n"}},
        {"files": {
            "a.txt": "Talks resume\n\nNine mths\nShr 10 cts vs 12 cts\n\nTerms were not disclosed.\n",
            "b.txt": "Port reopens\n\nNine mths\nShr 11 cts vs 9 cts\n\nTerms were not disclosed.\n",
            "c.txt": "Rain falls\n\nNine mths\nShr 15 cts vs 2 cts\n\nTerms were not disclosed.\n"}},
        {"files": {
            "a.txt": "Talks resume\n\nJoin the Example Club today\n",
            "b.txt": "Port reopens\n\nJoin the Example Club today\n"}},
    ]

    def collect(self, doc, ctx):
        classes = doc.line_classes
        head = doc.first_content_line
        max_words = ctx.options["max_words"]
        out = []
        for number, cls in enumerate(classes, start=1):
            if cls in ("blank", "wrapped") or number == head:
                continue
            start, end = doc.line_bounds(number)
            raw = doc.text[start:end]
            text = raw.strip()
            if any(c.isdigit() for c in text):
                continue
            words = sum(len(w) > 1 for w in _WORD.findall(text))
            if words < 2 or words > max_words or text[-1] in ".,;" or _in_table(doc, number):
                continue
            lead = start + len(raw) - len(raw.lstrip())
            if doc.in_quote(lead, lead + len(text)):
                continue
            digest = hashlib.blake2b(line_key(text).encode(), digest_size=8).digest()
            out.append((digest, lead, lead + len(text), number))
        return out  # empty lists too: the corpus size is the number of summaries

    def finalize(self, summaries, ctx):
        files = defaultdict(set)
        for path, items in summaries.items():
            for digest, *_ in items or ():
                files[digest].add(path)
        total = len(summaries)
        need = max(ctx.options["min_files"], ctx.options["min_share"] * total)
        for path in sorted(summaries):
            for digest, start, end, number in summaries[path] or ():
                where = files[digest]
                if len(where) < need:
                    continue
                others = sorted(p for p in where if p != path)
                yield path, Hit(start, end, f"This line recurs in {len(where)} articles of the corpus "
                                            f"(site chrome)",
                                related=tuple(Related(p, 1, 1, "also here") for p in others[:3]))


RULE = RecurringLine
