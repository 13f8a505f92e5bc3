"""A paragraph that already appears, word for word, in another article of the corpus.

What it flags: a paragraph of at least `min_words` words whose text (case and spacing ignored)
is also in another file. The first file in path order keeps it; the others are reported, with
where it first appears.

Why it matters: aggregators republish the same wire copy under different headlines, and
scrapers store one article twice. Duplicates skew counts, training data and search, and a
desk republishing both runs the same text twice.
"""
import hashlib

import regex

from lint import regex_store
from lint.finding import Hit, Related
from lint.rule import Rule

PARAGRAPH = regex_store.compile(r"[^\n]+(?:\n(?![^\S\n]*+\n)[^\n]+)*")


class DuplicateParagraph(Rule):
    code = "DUP001"
    name = "duplicate-paragraph"
    category = "duplicate"
    severity = "info"
    summary = "A paragraph repeated from another article in the corpus"
    corpus = True
    options = {"min_words": 25}
    examples = [
        {"files": {
            "a.txt": "Libya was thrown into chaos after the overthrow of Muammar Gaddafi in 2011 and has been ruled "
                     "by two rival authorities since 2016, the UN-recognized government in Tripoli and the forces "
                     "of Khalifa Haftar in the east.",
            "b.txt": "Akar met officials today.\n\nLibya was thrown into chaos after the overthrow of Muammar Gaddafi "
                     "in 2011 and has been ruled by two rival authorities since 2016, the UN-recognized government in "
                     "Tripoli and the forces of Khalifa Haftar in the east."},
         "at": ["b.txt:3:1"]},
        {"files": {"a.txt": "Libya was thrown into chaos in 2011.", "b.txt": "Libya was thrown into chaos in 2011."}},
    ]

    def collect(self, doc, ctx):
        out = []
        for m in PARAGRAPH.finditer(doc.text):
            words = m.group().split()
            if len(words) < ctx.options["min_words"]:
                continue
            digest = hashlib.blake2b(" ".join(words).lower().encode(), digest_size=12).digest()
            line, col = doc.line_col(m.start())
            out.append((digest, m.start(), m.end(), line, col))
        return out or None

    def finalize(self, summaries, ctx):
        # only the first place of each paragraph is kept: memory grows with the distinct paragraphs,
        # and each repeat is reported as it is met
        first_at = {}
        for path in sorted(summaries):
            for digest, start, end, line, col in summaries[path]:
                first = first_at.setdefault(digest, (path, line, col))
                if first[0] != path:
                    yield path, Hit(start, end, f"Paragraph repeated from {first[0]}:{first[1]}",
                                    related=(Related(first[0], first[1], first[2], "first appears here"),))


RULE = DuplicateParagraph
