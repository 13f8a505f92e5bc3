"""A noun or a false friend used as an epithet before a person's name: "the coup Haftar".

What it flags: "the coup Haftar", "the putsch Haftar", "the revolutionary Khalifa Haftar". The
source languages put a noun or an adjective of stance directly before a name (Turkish
"darbeci Hafter", Arabic "al-inqilābī Ḥaftar"); English needs "putschist", "the rebel
commander", or a clause ("Haftar, who led the coup").

Why it matters: the phrase is ungrammatical or says the opposite of what was meant
("revolutionary" praises where the source condemns).

A name followed by a lower-case noun ("the revolutionary Sandinista government") is an
adjective phrase, and is not flagged; nor are institutions ("the Revolutionary Guards").
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

EPITHETS = ["coup", "putsch", "revolutionary", "rebellion", "revolution", "occupation", "terror", "militia",
            "aggression", "treason", "separatism", "insurgency", "mutiny"]
PATTERN = regex_store.compile(
    r"\b(?:the|a|an)\s+(?P<epithet>" + "|".join(EPITHETS) + r")\s+"
    r"(?P<name>\p{Lu}\p{Ll}+(?:[-\s]\p{Lu}\p{Ll}+){0,2})(?P<after>(?:['’]s)?[^\S\n]*[\p{L}\p{P}]*)")
INSTITUTIONS = {"Guard", "Guards", "Council", "Army", "Party", "Front", "Movement", "Committee", "Court",
                "Government", "Command", "Forces", "Brigade", "Brigades", "Union", "Day", "Square",
                "Museum", "Street", "Era", "Period", "War", "Monday", "Tuesday", "Wednesday", "Thursday",
                "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"}

# Words that may follow a name; any other lower-case word makes the name an adjective.
FUNCTION_WORDS = set("""
and or but nor who whom whose which that is was are were has have had said says told will would could should
must can may might to in on of for with at by from as he his her its their them him against after before over
under into about through during without within toward towards near since until upon across behind beyond
despite among between amid also still then now later again himself itself so
""".split())


class EpithetCalque(Rule):
    code = "CAL002"
    name = "epithet-calque"
    category = "mt_calque"
    severity = "warning"
    summary = "A noun or false friend used as an epithet before a name (\"the coup Haftar\")"
    examples = [
        {"fail": "He stressed that the main problem in Libya is the coup Haftar and his supporters.", "at": ["1:51"]},
        {"fail": "Akar has warned the revolutionary Khalifa Haftar against any attempt.", "at": ["1:21"]},
        {"pass": "The revolutionary Sandinista government fell; the coup attempt failed."},
        {"pass": "Troops loyal to the revolutionary Guards and the coup Tuesday were cited."},
    ]

    def check(self, doc, ctx):
        for m in PATTERN.finditer(doc.text):
            name_words = regex.split(r"[-\s]+", m.group("name"))
            if any(w in INSTITUTIONS for w in name_words):
                continue
            after = m.group("after").lstrip("'’s").strip()
            next_word = regex.match(r"\p{Ll}+", after)
            if next_word and next_word.group() not in FUNCTION_WORDS and not next_word.group().endswith("ed"):
                continue  # "the revolutionary Sandinista government": an adjective phrase
            start, end = m.start("epithet"), m.end("name")
            yield Hit(start, end, f"`{doc.text[start:end]}`: '{m.group('epithet')}' used as an epithet before a name, "
                                  "a literal rendering (e.g. 'putschist', 'rebel commander', or a clause)")


RULE = EpithetCalque
