"""A run of letters in a non-Latin script inside English text.

What it flags: "Source: ΑΠΕ-ΜΠΕ", a Cyrillic or Arabic name left untransliterated, a Chinese
caption, a Korean particle left between English words ("the mayor 는 said"). A run is two or more
letters of one script other than Latin, with the hyphens, dots and spaces between them, or one
such letter standing alone as a word.

Why it matters: it is text the pipeline failed to translate or transliterate; most readers
cannot read it, and the house style wants the Latin form (ANA-MPA).

Single Greek letters, used as symbols (π, Δ, µ), are left alone, and so is a single letter inside
a Latin word (a look-alike letter, FSC002's finding). `allow_scripts` lists scripts that
a project accepts (for example a bilingual corpus).
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# Letters of any script but Latin (Common and Inherited are not letters of a script).
FOREIGN_LETTER = r"[\p{L}--\p{Script=Latin}--\p{Script=Common}--\p{Script=Inherited}]"
# A run of such letters, or else one letter standing alone as a word, of a script with no letters
# used as symbols in English. A run is tried first, so a letter of a run is never a single.
RUN = regex_store.compile(
    rf"{FOREIGN_LETTER}[\p{{M}}]*(?:(?:[-.'’ ]?{FOREIGN_LETTER}[\p{{M}}]*)+)"
    rf"|(?<![\p{{L}}\p{{M}}])[{FOREIGN_LETTER[1:-1]}--\p{{Script=Greek}}][\p{{M}}]*(?![\p{{L}}\p{{M}}])", regex.V1)


class ForeignScriptRun(Rule):
    code = "FSC001"
    name = "foreign-script-run"
    category = "foreign_script"
    severity = "warning"
    summary = "Text in a non-Latin script left inside English copy"
    options = {"allow_scripts": []}
    examples = [
        {"fail": "Namrous thanked the Turks.\nSource: ΑΠΕ-ΜΠΕ", "at": ["2:9"]},
        {"fail": "The head of Роснефть said output would rise.", "at": ["1:13"]},
        {"pass": "The area of a circle is π r squared; the change Δ was small."},
        {"fail": "The mayor 는 said the city would not comply.", "at": ["1:11"]},
        {"pass": "Café owners in Zürich and Łódź protested."},
        {"pass": "Москва said nothing.", "options": {"allow_scripts": ["Cyrillic"]}},
    ]

    def check(self, doc, ctx):
        if doc.text.isascii():
            return  # nothing outside ASCII, nothing to find (most wire copy: skips the scan)
        allowed = set(ctx.options.get("allow_scripts") or [])
        for m in RUN.finditer(doc.text):
            script = script_of(m.group()[0])
            if script in allowed:
                continue
            yield Hit(m.start(), m.end(), f"{script} text `{m.group()}` left untranslated or untransliterated")


def script_of(char: str) -> str:
    for name in ("Greek", "Cyrillic", "Arabic", "Hebrew", "Han", "Hiragana", "Katakana", "Hangul",
                 "Thai", "Devanagari", "Armenian", "Georgian", "Bengali", "Tamil", "Syriac", "Thaana"):
        if regex.match(rf"\p{{Script={name}}}", char):
            return name
    return "Non-Latin"


RULE = ForeignScriptRun
