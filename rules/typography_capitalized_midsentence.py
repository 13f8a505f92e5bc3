"""A pronoun or determiner capitalized in the middle of a sentence ("personnel They are").

What it flags: "They", "He", "She", "We", "It", "There", "These", "Those", "This" with a capital
right after a lower-case word and before another one, with no punctuation between: the start of
a sentence that lost its full stop when lines or segments were joined ("the personnel They are
responsible"), or a capital kept from a line break of the source.

Also a pronoun or a number word with a capital right after a comma ("the parents were poor,
They could not pay", "A civilian killed, Eight others wounded"): a full stop become a comma.
Not after a verb of saying ("he asked, They said what?") nor inside quoted speech.

Why it matters: two sentences run into one; the reader cannot tell where the first ends, and
sentence-level tools (readability, grammar, quotation attribution) go wrong with them.

Not flagged: titles of works and names that begin with these words ("the film It Follows",
"the band These New Puritans": the next word is capitalized; "the show Faking It": the word
before is; "the song called This is me": a cue to a title comes before), and "I". There is no
fix: where the stop goes is for the editor to decide.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

PATTERN = regex_store.compile(r"(?<=(?<![\p{L}\p{N}’'-])\p{Ll}[\p{Ll}’'-]{0,30}\p{Ll}[ ])(?P<w>They|He|She|We|It|There|These|Those|This|Their)(?=[ ]\p{Ll}{2})")
# After a comma: "the parents were poor, They could not", "A civilian killed, Eight others wounded":
# a sentence start kept after a comma that replaced its full stop. Not after a verb of saying
# ("saying, This is the way"), where a quoted sentence may start with a capital.
AFTER_COMMA = regex_store.compile(
    r"(?<=\p{Ll}{2},[ ])(?<!\b(?i:said|saying|says|say|asked|asks|added|adds|replied|wrote|thought|told|tells|ask|answer|answered),[ ])"
    r"(?P<w>They|He|She|We|There|These|Those|Their|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several)(?=[ ]\p{Ll}{2})")
TITLE_CUES = regex_store.compile(r"(?i:film|movie|book|novel|song|single|album|show|series|play|band|titled|called|named|entitled)[ ]$")


class CapitalizedMidSentence(Rule):
    code = "TYP008"
    name = "capitalized-mid-sentence"
    category = "typography"
    severity = "warning"
    summary = "A pronoun with a capital in mid-sentence: two sentences joined without a stop"
    examples = [
        {"fail": "Security was raised for all personnel They are responsible for the gates.", "at": ["1:39"]},
        {"fail": "The talks ended without a deal He said they would resume.", "at": ["1:32"]},
        {"fail": "A farmer was killed, Eight others were wounded in the shelling.", "at": ["1:22"]},
        {"pass": "He asked, They said what? The chief said, \"We came, They left.\""},
        {"pass": "They said so. He agreed, and she left. The film It Follows and the song called This is me. The show Faking It ran."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        for m in PATTERN.finditer(text):
            if TITLE_CUES.search(text, max(0, m.start() - 12), m.start()):
                continue
            yield Hit(m.start(), m.end(), f"`{m.group('w')}` has a capital in mid-sentence: a missing full stop?")
        for m in AFTER_COMMA.finditer(text):
            if doc.in_quote(m.start()):
                continue  # quoted speech may run sentences together with commas
            yield Hit(m.start(), m.end(), f"`{m.group('w')}` has a capital after a comma: a full stop turned into a comma?")


RULE = CapitalizedMidSentence
