"""An article whose reading ease or grade level is outside the house bounds.

What it flags: an article whose Flesch reading ease is below `min_reading_ease` or whose
Flesch-Kincaid grade is above `max_grade` (textstat's formulas and counting, computed here;
syllables from the CMU Pronouncing Dictionary, prebuilt as `data/cmu_syllables.txt`, and for
other words from the en_US hyphenation patterns of `pyphen`, so nothing is downloaded and the
first article costs milliseconds, not a parse of the whole dictionary). Reported on the
headline line. Articles shorter than `min_words` are not judged: the formulas need text.

Why it matters: machine-translated copy is often readable word by word and unreadable as a
whole: run-on sentences and stacked clauses push the grade far above the outlet's norm. On
Reuters and BBC copy the defaults flag about one article in twenty.

Every article's metrics (reading ease, grade, words, sentences, words per sentence) are in the
JSON summary (`--format json --summary`) and in `--statistics`.
"""
import os
import re
from functools import lru_cache

import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

WORD = regex_store.compile(r"\p{L}[\p{L}’'-]*")

# textstat 0.7.8's English Flesch formulas, computed here without its per-call overhead and without
# parsing the whole CMU dictionary on the first call. The steps and the float arithmetic are the
# same as textstat's, so the values are identical (tests/test_readability_speed.py compares them).
# Words: drop apostrophes that do not start a contraction ending, then every other punctuation
# mark, then split on white space; a "sentence" is a run up to final punctuation, and one of two
# words or fewer does not count.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")

SYLLABLE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "cmu_syllables.txt")


def _without_punctuation(text: str) -> str:
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """word (lower case) -> syllables of its first CMU pronunciation, from the prebuilt file."""
    counts: dict[str, int] = {}
    with open(SYLLABLE_FILE, encoding="utf-8") as f:
        text = f.read()
    for block in text.split("\n#"):
        head, _, body = block.partition("\n")
        if head.isdigit():
            counts.update(dict.fromkeys(body.split(), int(head)))
    return counts


class _Hyphenator:
    """Liang hyphenation with the en_US patterns of the installed `pyphen` package, as pyphen
    does it, with the patterns' digits read only when a pattern is first used (loading pyphen's
    own parser costs a quarter of a second; this costs milliseconds)."""

    IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
    _DIGITS = str.maketrans("", "", "0123456789")
    _NONZERO = re.compile(r"[1-9]")
    _PARSE = re.compile(r"(\d?)(\D?)")
    _HEX = re.compile(r"\^{2}([0-9a-f]{2})")

    def __init__(self, path: str):
        with open(path, "rb") as f:
            encoding = f.readline().decode().strip()
            raw = f.read()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        self.raw: dict[str, str] = {}
        nonzero = self._NONZERO.search
        for pattern in raw.decode(encoding).split("\n"):
            pattern = pattern.strip()
            if not pattern or pattern.startswith(self.IGNORED):
                continue
            if "^^" in pattern:
                pattern = self._HEX.sub(lambda m: chr(int(m.group(1), 16)), pattern)
            if "/" in pattern and "=" in pattern:
                pattern = pattern.split("/", 1)[0]  # nonstandard hyphenation: only the points count
            if nonzero(pattern):
                self.raw[pattern.translate(self._DIGITS)] = pattern
        self.maxlen = max(map(len, self.raw))
        self.parsed: dict[str, list[int]] = {}
        self.cache: dict[str, int] = {}

    def _values(self, tags: str) -> list[int]:
        values = self.parsed.get(tags)
        if values is None:
            values = [int(d or "0") for d, _ in self._PARSE.findall(self.raw[tags])]
            while values and not values[-1]:
                values.pop()
            self.parsed[tags] = values
        return values

    def points(self, word: str, left: int = 2, right: int = 2) -> int:
        """The number of hyphenation points of `word`, `left` and `right` letters from its ends."""
        known = self.cache.get(word)
        if known is not None:
            return known
        pointed = "." + word.lower() + "."
        n = len(pointed)
        refs = [0] * (n + 1)
        raw, maxlen = self.raw, self.maxlen
        for i in range(n - 1):
            for j in range(i + 1, min(i + maxlen, n) + 1):
                if pointed[i:j] in raw:
                    for k, v in enumerate(self._values(pointed[i:j]), i):
                        if v > refs[k]:
                            refs[k] = v
        last = len(word) - right
        count = sum(1 for i, r in enumerate(refs) if r % 2 and left <= i - 1 <= last)
        self.cache[word] = count
        return count


@lru_cache(maxsize=1)
def hyphenator() -> _Hyphenator:
    import importlib.util

    spec = importlib.util.find_spec("pyphen")
    folder = list(spec.submodule_search_locations)[0]
    return _Hyphenator(os.path.join(folder, "dictionaries", "hyph_en_US.dic"))


def count_syllables(words: list[str]) -> int:
    """Syllables of lower-case words: the CMU count, else hyphenation points + 1 (as textstat)."""
    found = list(map(cmu_syllables().get, words))
    total = sum(filter(None, found))
    if None in found:
        points = hyphenator().points
        total += sum(points(w) + 1 for w, n in zip(words, found) if n is None)
    return total


def flesch(text: str) -> tuple[float, float]:
    """(Flesch reading ease, Flesch-Kincaid grade) of `text`, as textstat 0.7.8 computes them."""
    if not text:
        return 0.0, 0.0
    plain = _without_punctuation(text)
    n_words = len(plain.split())
    sentences = _TS_SENTENCE.findall(text)
    short = sum(1 for s in sentences if len(_without_punctuation(s).split()) <= 2)
    n_sentences = max(1, len(sentences) - short)
    words_per_sentence = n_words / n_sentences
    # lower case after the punctuation is gone, as textstat does ("'T" loses its apostrophe)
    syllables_per_word = count_syllables(plain.lower().split()) / n_words if n_words else 0.0
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0, 0.0
    ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
    grade = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    return ease, grade


def word_count(doc) -> int:
    if "readability_words" not in doc.computed:
        doc.computed["readability_words"] = len(WORD.findall(doc.text))
    return doc.computed["readability_words"]


def article_metrics(doc) -> dict:
    if "readability" not in doc.computed:
        doc.computed["readability"] = _compute(doc)
    return doc.computed["readability"]


def _compute(doc) -> dict:
    ease, grade = flesch(doc.text)
    words = word_count(doc)
    sentences = max(1, len(doc.sentences))
    return {
        "flesch_reading_ease": round(ease, 1),
        "flesch_kincaid_grade": round(grade, 1),
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
        if word_count(doc) < ctx.options["min_words"]:
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
