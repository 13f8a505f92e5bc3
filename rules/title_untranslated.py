"""A rank or official title left in the source language ("Kombes", "Dirkrimsus", "Polkovnik").

What it flags: the untranslated forms of the rank and title lexicons (`rules/data/ranks_*.txt`,
`rules/data/titles_*.txt`, the entries with a language): Indonesian police ranks and posts and
their abbreviations (Kombes, AKBP, Irjen, Kapolda, Dirkrimsus), Russian and Turkish military ranks
(Polkovnik, General-Mayor, Tuğgeneral). The message gives the English rank.

Why it matters: an English reader cannot tell what "Kombes" or "Kapolda" means, or that the
"Sr. Comr." of another article is the same rank; machine translation and hurried rewriting leave
such abbreviations as they are.

What is not flagged: English ranks and their abbreviations; forms that are also English words or
common names (the lexicons leave out Arabic "Amid", Spanish "Mayor", Turkish "Albay"); a form
inside a longer word.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule
from lint.titles import LANGUAGES, lexicon


def _pattern():
    forms = sorted((t.form for t in lexicon().values() if t.foreign), key=len, reverse=True)
    alternation = "|".join(r"[ \t]+".join(regex.escape(w) for w in f.split()) for f in forms)
    return regex_store.compile(rf"(?<![\p{{L}}\p{{N}}-])(?:{alternation})(?![\p{{L}}\p{{N}}-])")


PATTERN = _pattern()


class UntranslatedTitle(Rule):
    code = "TTL002"
    name = "untranslated-title"
    category = "title_conflict"
    severity = "warning"
    summary = "A rank or official title left in the source language (\"Kombes\" for senior commissioner)"
    examples = [
        {"fail": "The case was confirmed by Kombes Ade Rahman, the Dirkrimsus of the regional police.",
         "at": ["1:27", "1:50"]},
        {"fail": "Polkovnik Ivan Petrov commanded the unit.", "at": ["1:1"]},
        {"pass": "Senior Commissioner Ade Rahman confirmed it. Colonel Ivan Petrov commanded the unit."},
        {"pass": "The Kombespur river and the AKBPX index are unrelated."},
    ]

    def check(self, doc, ctx):
        titles = lexicon()
        for m in PATTERN.finditer(doc.text):
            title = titles[" ".join(m.group().split())]
            kind = "post" if title.post else "rank"
            language = LANGUAGES.get(title.language, title.language)
            yield Hit(m.start(), m.end(), f"`{m.group()}` is an untranslated {language} {kind}: "
                                          f"in English, {title.meaning}")


RULE = UntranslatedTitle
