"""A verb followed by an object of its own stem: "addressing an address", "warned a warning".

What it flags: a verb, a determiner and a noun built on the same stem, where English uses one
word or a different verb ("addressed the troops", "issued a warning"). Arabic and Turkish use
such cognate objects (mafʿūl muṭlaq) freely, and machine translation copies them word for word.

Why it matters: it reads as a translation, and often hides the real verb ("delivered a speech").

Idiomatic English cognate objects ("live a life", "dream a dream", "fight a fight") are not
flagged, nor is a noun used as a modifier ("recorded a record profit").
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

PATTERN = regex_store.compile(
    r"\b(?P<verb>\p{Ll}{4,})(?:[ \t]+|[ \t]*\n[ \t]*)(?P<det>a|an|the|his|her|their|its|our|this)"
    r"(?:[ \t]+|[ \t]*\n[ \t]*)(?P<noun>\p{Ll}{4,})(?P<after>[^\p{L}\p{N}]*(?:\p{L}+|\p{N})?)",
    regex.IGNORECASE)
IDIOMS = {"live", "life", "dream", "smile", "laugh", "sigh", "fight", "race", "walk", "play", "dance", "sing",
          "song", "sleep", "think", "build", "drink", "breath", "breathe", "cry", "kiss", "bless", "blessing",
          "welcome", "strike", "watch", "guard", "mark", "test", "tour"}
FOLLOWERS = {
    "to", "for", "in", "on", "at", "by", "with", "from", "about", "against", "of", "and", "but", "or", "that",
    "which", "who", "as", "before", "after", "during", "over", "into", "upon", "because", "while", "when",
    "where", "than", "the", "a", "an", "this", "his", "her", "their", "its", "our", "saying", "stating",
    "calling", "last", "yesterday", "today", "tomorrow",
}
VERB_ENDINGS = ("ing", "ed", "es", "s")
NOUN_ENDINGS = ("ments", "ment", "ings", "ing", "ions", "ion", "es", "s")


def stem(word: str, endings) -> str:
    w = word.lower()
    for e in endings:
        if w.endswith(e) and len(w) - len(e) >= 4:
            w = w[: -len(e)]
            break
    return w[:-1] if w.endswith("e") else w


def same_stem(verb: str, noun: str) -> bool:
    a, b = stem(verb, VERB_ENDINGS), stem(noun, NOUN_ENDINGS)
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= 0.8 * min(len(a), len(b))


class CognateObject(Rule):
    code = "CAL001"
    name = "cognate-object"
    category = "mt_calque"
    severity = "warning"
    summary = "A verb with an object of its own stem (\"addressing an address\")"
    examples = [
        {"fail": "Akar said in Tripoli on Saturday, addressing an address to Turkish armed forces.", "at": ["1:35"]},
        {"fail": "The ministry warned a warning to Haftar's forces.", "at": ["1:14"]},
        {"fail": "The council decided a decision on the budget."},
        {"fail": "Experts have voiced their voices, condemned the tariffs.", "at": ["1:14"]},
        {"pass": "Freeze on anti-spam campaign\n\nThe campaign was halted."},
        {"pass": "The firm expects to report a loss a loss of 16 mln dlrs."},
        {"pass": "He lived a life of service and dreamed a dream of peace."},
        {"pass": "The company recorded a record profit of 5 mln dlrs."},
        {"pass": "The minister addressed the troops and issued a warning."},
    ]

    def check(self, doc, ctx):
        for m in PATTERN.finditer(doc.text, overlapped=True):
            verb, noun = m.group("verb"), m.group("noun")
            if not verb.endswith(VERB_ENDINGS) or verb == noun:
                continue  # "a loss a loss" is a doubled phrase, not a verb and its object
            if stem(noun, NOUN_ENDINGS) in IDIOMS or stem(verb, VERB_ENDINGS) in IDIOMS:
                continue
            after = m.group("after")
            nxt = regex.search(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]++$", after)
            if nxt and nxt.group().lower() not in FOLLOWERS and not regex.search(r"[,;:.!?]", after):
                continue  # "recorded a record profit": the noun modifies what follows
            if not same_stem(verb, noun):
                continue
            yield Hit(m.start(), m.end("noun"),
                      f"`{m.group(0)[:m.end('noun') - m.start()]}`: verb with an object of its own stem, a literal rendering")


RULE = CognateObject
