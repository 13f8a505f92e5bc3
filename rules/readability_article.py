"""An article whose reading ease or grade level is outside the house bounds.

What it flags: an article whose Flesch reading ease is below `min_reading_ease` or whose
Flesch-Kincaid grade is above `max_grade` (computed by textstat; syllables from the CMU
Pronouncing Dictionary, shipped as a package, so nothing is downloaded). Reported on the
headline line. Articles shorter than `min_words` are not judged: the formulas need text.

Why it matters: machine-translated copy is often readable word by word and unreadable as a
whole: run-on sentences and stacked clauses push the grade far above the outlet's norm. On
Reuters and BBC copy the defaults flag about one article in twenty.

Every article's metrics (reading ease, grade, words, sentences, words per sentence) are in the
JSON summary (`--format json --summary`) and in `--statistics`.
"""
import regex

from lint.finding import Hit
from lint.rule import Rule

WORD = regex.compile(r"\p{L}[\p{L}’'-]*")


def article_metrics(doc) -> dict:
    if "readability" not in doc.computed:
        doc.computed["readability"] = _compute(doc)
    return doc.computed["readability"]


def _compute(doc) -> dict:
    import textstat

    text = doc.text
    words = len(WORD.findall(text))
    sentences = max(1, len(doc.sentences))
    return {
        "flesch_reading_ease": round(textstat.flesch_reading_ease(text), 1),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(text), 1),
        "words": words,
        "sentences": sentences,
        "words_per_sentence": round(words / sentences, 1),
    }


class ArticleReadability(Rule):
    code = "RDB001"
    name = "article-readability"
    category = "readability"
    severity = "info"
    summary = "An article outside the reading-ease or grade-level bounds"
    options = {"min_reading_ease": 30.0, "max_grade": 16.0, "min_words": 100}
    examples = [
        {"fail": "Hard copy\n\n" + "The internationally recognized administration's comprehensive reconstruction "
                 "programme, notwithstanding considerable institutional opposition, necessitated extraordinary "
                 "interministerial coordination regarding infrastructural rehabilitation. " * 8,
         "at": ["1:1"]},
        {"pass": "Easy copy\n\n" + "The army left the town on Monday. People came back to their homes. "
                 "Shops opened again and the roads were clear. " * 8},
        {"pass": "Too short to judge. Notwithstanding considerable institutional opposition."},
    ]

    def metrics(self, doc, ctx):
        if len(WORD.findall(doc.text)) < ctx.options["min_words"]:
            return {}
        return article_metrics(doc)

    def check(self, doc, ctx):
        m = self.metrics(doc, ctx)
        if not m:
            return
        problems = []
        if m["flesch_reading_ease"] < ctx.options["min_reading_ease"]:
            problems.append(f"reading ease {m['flesch_reading_ease']} below {ctx.options['min_reading_ease']:g}")
        if m["flesch_kincaid_grade"] > ctx.options["max_grade"]:
            problems.append(f"grade {m['flesch_kincaid_grade']} above {ctx.options['max_grade']:g}")
        if problems:
            line = doc.first_content_line
            start, end = doc.line_bounds(line)
            yield Hit(start, end, f"Hard to read: {' and '.join(problems)} ({m['words_per_sentence']} words per sentence)",
                      text="", context="the whole article")


RULE = ArticleReadability
