"""Doubled or misplaced punctuation and dashes glued to one word.

What it flags: two stops where one belongs ("station..", "kid!.", "broadcasting. .", "stated: ."),
a hyphen with a space on one side only ("affiliates- some", "full -scale"), a closing curly
quote with a space before it ("them, ”Putin said", "tomorrow, ” said", "the birds ” he said"), a name particle spaced
from its hyphen ("Al -Sudani"), a comma between "that" and the subject of its clause after a verb of saying ("sources reported that, they are"),
and a comma between the two ends of a route ("the Beirut, Tripoli highway").

Why it matters: each is a trace of text edited by a tool: a sentence end kept twice when two
segments were joined, a dash whose space was lost, a quotation mark re-attached on the wrong side.

Not flagged: an ellipsis ("..." or "…"), abbreviations at the end of a sentence ("U.S.."
is left alone), a suspended hyphen ("pre- and post-war", "short- to medium-term"), a minus sign
or a range before a figure (" -5", "-0.3"), list markers at the start of a line, and a closing
quote after a space at the start of a line. The fix removes the extra stop, or moves the space from
before a closing quote to after it; a hyphen spaced on one side has no fix (a dash or a hyphen?).
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# Two sentence marks in a row, not an ellipsis: "..", "!.", "?.", ". .", ": ."
DOUBLE_STOP = regex_store.compile(r"(?<=[\p{Ll}\p{N})”’\"])(?P<first>[.!?:,])(?P<gap>[ ]?)(?P<second>\.)(?![.\p{L}\p{N}])(?<!\.\.\.)")
# "affiliates- some": a word, a hyphen, a space, then a lower-case word that is not "and/or/to".
HYPHEN_SPACE_AFTER = regex_store.compile(r"(?<=\p{Ll}{2})-(?P<gap>[ ]{1,2})(?=\p{Ll})(?![ ]{0,2}(?:and|or|to|nor|as|than|through|und)\b)")
# "full -scale": a word, a space, a hyphen glued to a lower-case word.
HYPHEN_SPACE_BEFORE = regex_store.compile(r"(?<=\p{Ll}{2})(?P<gap>[ ]{1,2})-(?=\p{Ll}{2})")
# "Shia 'Al -Sudani": a name particle, a space, a hyphen glued to the capitalized name after it.
PARTICLE_SPACE_HYPHEN = regex_store.compile(r"(?<=(?<![\p{L}\p{N}])[’']?\p{L}\p{Ll}{1,2})(?P<gap>[ ])-(?=\p{Lu}\p{Ll}{2})")
# "reported that, they are": a comma between "that" and the subject of its clause, after a verb of
# saying or knowing. A parenthesis may follow "that," ("said that, if elected, he"), but it never
# starts with a subject pronoun or a quantifier.
COMMA_AFTER_THAT = regex_store.compile(
    r"(?<=\b(?i:said|say|says|saying|reported|reports|report|told|tell|tells|stated|states|announced|announces|"
    r"added|adds|noted|notes|revealed|reveals|confirmed|confirms|explained|explains|stressed|stresses|"
    r"believe|believes|believed|hoped|hopes|know|knows|knew)[ ](?:\p{L}+[ ]){0,3}?that),(?=[ ](?:they|he|she|we|several|many|some|most)[ ])")
# "the Beirut, Tripoli highway": the two ends of a route joined by a comma where English writes a
# hyphen or an en dash ("Beirut-Tripoli"). The match is tried at commas only.
ROUTE_COMMA = regex_store.compile(
    r"(?<=\b(?P<a>\p{Lu}\p{Ll}{2,})),(?=[ ](?P<b>\p{Lu}\p{Ll}{2,})[ ](?:highway|road|motorway|expressway|railway|pipeline|corridor)\b)")
# ", ”Putin" or ", ” said": a space before a closing curly quote that follows punctuation.
QUOTE_SPACE = regex_store.compile(r"(?<=[,.!?])(?P<gap>[ ]{1,2})”")
# "the macaws ” he said": a closing curly quote floating between two spaces after a word.
FLOATING_CLOSE = regex_store.compile(r"(?<=[\p{L}\p{N}])(?P<gap>[ ]{1,2})”(?=[ ])")


class MisplacedPunctuation(Rule):
    code = "TYP007"
    name = "misplaced-punctuation"
    category = "typography"
    severity = "warning"
    summary = "Doubled stops, a hyphen with a space on one side, a closing quote after a space"
    fixable = True
    examples = [
        {"fail": "He was taken to the police station.. Then he left.", "at": ["1:35"],
         "fix": "He was taken to the police station. Then he left."},
        {"fail": "I am not a kid!. He said it twice.", "at": ["1:15"]},
        {"fail": "It aired on public broadcasting. . The talks went on.", "fix": "It aired on public broadcasting. The talks went on."},
        {"fail": "The ministry and its affiliates- some of them banks - agreed.", "at": ["1:32"]},
        {"fail": "It warned of a full -scale war."},
        {"fail": "“They will see them, ”Putin said.", "at": ["1:21"], "fix": "“They will see them,” Putin said."},
        {"fail": "“We will see, ” he said.", "fix": "“We will see,” he said."},
        {"pass": "He paused... and went on. Prices fell in the U.S.. Pre- and post-war rules; short- to long-term."},
        {"pass": "The index fell -0.3 pct.\n- first item\n- second item"},
        {"pass": "“We will see them,” Putin said."},
        {"fail": "“We will feed the birds ” he said.", "at": ["1:24"], "fix": "“We will feed the birds” he said."},
        {"fail": "Local sources told reporters that, several shells fell.", "at": ["1:34"],
         "fix": "Local sources told reporters that several shells fell."},
        {"fail": "Prime Minister Ali al -Hakim spoke.", "at": ["1:22"], "fix": "Prime Minister Ali al-Hakim spoke."},
        {"pass": "He said that, if elected, he would resign. She knew that, despite it all, they won."},
        {"fail": "Traffic resumed on the Beirut, Tripoli highway on Monday.", "at": ["1:30"]},
        {"pass": "Traffic resumed in Beirut, on the Tripoli-Tyre highway, and in Sidon, Jounieh said."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        for m in DOUBLE_STOP.finditer(text):
            word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            if "." in text[word_start:m.start()] and m.group("first") == ".":
                continue  # "U.S..": an abbreviation's stop then the sentence's
            keep = m.group("first") if m.group("first") in "!?" else "."
            fix = keep if m.group("first") in ".!?" else None
            yield Hit(m.start(), m.end(), f"Doubled punctuation `{m.group()}`", fix=fix)
        for m in HYPHEN_SPACE_AFTER.finditer(text):
            # "affiliates- some" wants a dash, "second- half" a hyphen: no fix, the editor decides.
            yield Hit(m.start(), m.end(), "Hyphen with a space after it but none before: a dash or a hyphen?")
        for m in HYPHEN_SPACE_BEFORE.finditer(text):
            yield Hit(m.start(), m.end(), "Hyphen with a space before it but none after: a dash or a hyphen?")
        for m in COMMA_AFTER_THAT.finditer(text):
            yield Hit(m.start(), m.end(), "Comma between `that` and the subject of its clause", fix="")
        for m in PARTICLE_SPACE_HYPHEN.finditer(text):
            yield Hit(m.start(), m.end(), "Space before the hyphen of a name (\"Al -Sudani\")", fix="-")
        for m in ROUTE_COMMA.finditer(text):
            yield Hit(m.start(), m.end(), f"Comma between the two ends of a route: write `{m.group('a')}-{m.group('b')}`")
        for m in QUOTE_SPACE.finditer(text):
            glued = m.end() < len(text) and text[m.end()].isalpha()
            yield Hit(m.start(), m.end(), "Space before a closing quotation mark", fix="” " if glued else "”")
        for m in FLOATING_CLOSE.finditer(text):
            yield Hit(m.start(), m.end(), "Space before a closing quotation mark", fix="”")


RULE = MisplacedPunctuation
