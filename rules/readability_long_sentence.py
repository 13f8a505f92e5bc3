"""A sentence longer than the house maximum.

What it flags: a sentence of more than `max_words` words, reported over the whole sentence.

Why it matters: run-on sentences are the clearest sign of machine translation from languages
that chain clauses (Arabic, Turkish): "He stressed that Haftar and those behind him are working
in vain in order to forget the world that Turkey is the only country that responded ...".
News style keeps sentences short; an editor splits these.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

WORD = regex_store.compile(r"\p{L}[\p{L}’'-]*|\p{N}+(?:[.,]\p{N}+)*")


class LongSentence(Rule):
    code = "RDB002"
    name = "long-sentence"
    category = "readability"
    severity = "info"
    summary = "A sentence longer than the house maximum (40 words by default)"
    options = {"max_words": 40}
    option_bounds = {"max_words": (1, None)}
    examples = [
        {"fail": "Short one. " + "He stressed that Haftar and those behind him are working in vain in order to forget "
                 "the world that Turkey is the only country that responded to the call for the help of the victims "
                 "who were subjected to extermination at the hands of the revolutionary Haftar and his many "
                 "supporters in the east of the country.", "at": ["1:12"]},
        {"pass": "The army left the town on Monday. People came back to their homes."},
        {"pass": "One two three four five six.", "options": {"max_words": 6}},
    ]

    def check(self, doc, ctx):
        limit = ctx.options["max_words"]
        for start, end in doc.sentences:
            count = len(WORD.findall(doc.text, start, end))
            if count > limit:
                yield Hit(start, end, f"Sentence of {count} words (house maximum {limit}); split it")


RULE = LongSentence
