"""A Latin word with a look-alike letter from another script inside it.

What it flags: "Tripоli" written with a Cyrillic о, "Аnkara" with a Cyrillic А. The word looks
right on screen but does not match in search, deduplication, spell checking or a termbase.

Why it matters: mixed-script words come from OCR, from copy-pasting between keyboards, and
sometimes from deliberate filter evasion. The fix swaps each look-alike for its Latin letter
when every foreign letter in the word has one.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# Cyrillic and Greek letters that look like Latin ones.
LOOKALIKES = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i",
}
WORD = regex_store.compile(r"\p{L}+")
LATIN = regex_store.compile(r"\p{Script=Latin}")
OTHER = regex_store.compile(r"[\p{L}--\p{Script=Latin}]", regex.V1)


class MixedScriptWord(Rule):
    code = "FSC002"
    name = "mixed-script-word"
    category = "foreign_script"
    severity = "error"
    summary = "A word mixing Latin letters with look-alikes from another script"
    fixable = True
    examples = [
        {"fail": "Talks were held in Tripоli on Monday.", "at": ["1:20"], "fix": "Talks were held in Tripoli on Monday."},
        {"fail": "Аnkara responded.", "at": ["1:1"]},
        {"pass": "Talks were held in Tripoli on Monday."},
        {"pass": "The Greek word λόγος means word."},
    ]

    def check(self, doc, ctx):
        if doc.text.isascii():
            return  # nothing outside ASCII, nothing to find (most wire copy: skips the scan)
        for m in WORD.finditer(doc.text):
            word = m.group()
            if not (LATIN.search(word) and OTHER.search(word)):
                continue
            foreign = [c for c in word if OTHER.match(c)]
            fixable = all(c in LOOKALIKES for c in foreign)
            fix = "".join(LOOKALIKES.get(c, c) for c in word) if fixable else None
            names = ", ".join(sorted({f"U+{ord(c):04X}" for c in foreign}))
            yield Hit(m.start(), m.end(), f"`{word}` mixes Latin letters with look-alikes from another script ({names})", fix=fix)


RULE = MixedScriptWord
