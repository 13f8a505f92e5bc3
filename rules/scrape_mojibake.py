"""Mojibake: text decoded with the wrong encoding somewhere along the pipeline.

What it flags: sequences such as "â€™" for ’, "Ã©" for é, "Â " before a space: UTF-8 bytes
read as Windows-1252 or Latin-1. Detection and the repair come from ftfy, the library made for
this; a repair is offered when ftfy can undo the damage.

Why it matters: readers see garbage, and names with accents no longer match their other
spellings, so every corpus rule downstream sees a different word.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

WIDEN = 40  # characters: far more than the bytes of one mis-decoded character

# The single-byte encodings ftfy undoes; the cp125x ones are its "sloppy" codecs, which decode an
# unassigned byte to the Latin-1 character (Latin-1 itself covers those).
FTFY_ENCODINGS = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859_2",
                  "mac_roman", "cp437")


def _repair_clue_pattern() -> str:
    """A pattern without a match of which ftfy's fix_encoding leaves a text unchanged.

    ftfy repairs mojibake by encoding the text in one of FTFY_ENCODINGS and decoding the bytes as
    UTF-8, and every UTF-8 sequence starts with a lead byte (0xC0-0xF4, counting the variants
    ftfy accepts) followed by a continuation byte (0x80-0xBF), or, in the damaged forms ftfy also
    restores, by a space (not in MacRoman) or by `?` / U+FFFD (its sloppy codecs only). Its other
    repair maps C1 controls. So a text with no such pair, in one encoding, and no C1 control has
    nothing to repair, and ftfy (about 60 ms to import) is not loaded for it: "£", "’ " or
    "café." are no clue, "JosÃ©" and "Ð¿Ñ€Ð¸" are.
    """
    def chars(encoding, low, high):
        return "".join(sorted({bytes([b]).decode(encoding, errors="replace") for b in range(low, high)}))

    alternatives = [r"[\x80-\x9f]"]
    for encoding in FTFY_ENCODINGS:
        followers = chars(encoding, 0x80, 0xC0) + (" " if encoding != "mac_roman" else "")
        followers += "?\ufffd" if encoding.startswith("cp125") else ""
        alternatives.append(f"[{regex.escape(chars(encoding, 0xC0, 0xF5))}][{regex.escape(followers)}]")
    return "|".join(alternatives)


REPAIR_CLUE = regex_store.compile(_repair_clue_pattern())


class Mojibake(Rule):
    code = "SCR004"
    name = "mojibake"
    category = "scrape_residue"
    severity = "error"
    summary = "Mis-decoded characters (mojibake) such as `â€™` or `Ã©`"
    fixable = True
    examples = [
        {"fail": "Haftarâ€™s forces advanced.", "at": ["1:7"], "fix": "Haftar’s forces advanced."},
        {"fail": "The cafÃ© in Tripoli reopened."},
        {"fail": "He said â€œnoâ€\x9d today.", "at": ["1:9"], "fix": "He said “no” today."},
        {"fail": "The cafÃ©Ã©Ã© and the cafÃ© reopened.", "at": ["1:8", "1:26"]},
        {"pass": "Haftar’s forces reached the café in Zürich — reportedly."},
        {"pass": "Prices rose 5% to £600m (€700m)."},
    ]

    def check(self, doc, ctx):
        if doc.text.isascii() or not REPAIR_CLUE.search(doc.text):
            return  # nothing ftfy could repair (most wire copy: skips the scan and the import)
        from ftfy import fix_encoding
        from ftfy.badness import BADNESS_RE, is_bad

        start = 0
        for line in doc.text.split("\n"):
            if line and is_bad(line):
                done = 0  # the end of the last word looked at: one run, one finding
                for m in BADNESS_RE.finditer(line):
                    if m.start() < done:
                        continue
                    # Widen to the whole word (at most WIDEN characters each side) so that ftfy
                    # sees the full byte sequence.
                    a, b = m.start(), m.end()
                    low, high = max(done, a - WIDEN), min(len(line), b + WIDEN)
                    while a > low and not line[a - 1].isspace():
                        a -= 1
                    while b < high and not line[b].isspace():
                        b += 1
                    done = b
                    fixed = fix_encoding(line[a:b])
                    core = _trim_common(line[a:b], fixed)
                    if core is None:
                        continue
                    (ca, cb), replacement = core
                    yield Hit(start + a + ca, start + a + cb,
                              f"Mojibake `{line[a + ca:a + cb]}` (probably `{replacement}`)", fix=replacement)
            start += len(line) + 1


def _trim_common(old: str, new: str):
    """The changed middle of old -> new, as ((start, end) in old, replacement)."""
    if old == new:
        return None
    i = 0
    while i < min(len(old), len(new)) and old[i] == new[i]:
        i += 1
    j = 0
    while j < min(len(old), len(new)) - i and old[-1 - j] == new[-1 - j]:
        j += 1
    return (i, len(old) - j), new[i:len(new) - j]


RULE = Mojibake
