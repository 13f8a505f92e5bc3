"""A pronoun or determiner capitalized in the middle of a sentence ("personnel They are").

What it flags: "They", "He", "She", "We", "It", "There", "These", "Those", "This" with a capital
right after a lower-case word and before another one, with no punctuation between: the start of
a sentence that lost its full stop when lines or segments were joined ("the personnel They are
responsible"), or a capital kept from a line break of the source.

Why it matters: two sentences run into one; the reader cannot tell where the first ends, and
sentence-level tools (readability, grammar, quotation attribution) go wrong with them.

Not flagged: titles of works and names that begin with these words ("the film It Follows",
"the band These New Puritans": the next word is capitalized; "the show Faking It": the word
before is; "the song called This is me": a cue to a title comes before), and "I". There is no
fix: where the stop goes is for the editor to decide.
"""
import regex

from lint.finding import Hit
from lint.rule import Rule

PATTERN = regex.compile(r"(?<=(?<![\p{L}\p{N}’'-])\p{Ll}[\p{Ll}’'-]{0,30}\p{Ll}[ ])(?P<w>They|He|She|We|It|There|These|Those|This|Their)(?=[ ]\p{Ll}{2})")
TITLE_CUES = regex.compile(r"(?i:film|movie|book|novel|song|single|album|show|series|play|band|titled|called|named|entitled)[ ]$")


class CapitalizedMidSentence(Rule):
    code = "TYP008"
    name = "capitalized-mid-sentence"
    category = "typography"
    severity = "warning"
    summary = "A pronoun with a capital in mid-sentence: two sentences joined without a stop"
    examples = [
        {"fail": "Security was raised for all personnel They are responsible for the gates.", "at": ["1:39"]},
        {"fail": "The talks ended without a deal He said they would resume.", "at": ["1:32"]},
        {"pass": "They said so. He agreed, and she left. The film It Follows and the song called This is me. The show Faking It ran."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        for m in PATTERN.finditer(text):
            if TITLE_CUES.search(text, max(0, m.start() - 12), m.start()):
                continue
            yield Hit(m.start(), m.end(), f"`{m.group('w')}` has a capital in mid-sentence: a missing full stop?")


RULE = CapitalizedMidSentence
