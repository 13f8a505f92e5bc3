"""Proper names in an article and transliteration keys that make their spellings comparable.

Transliterations of one Arabic or Turkish name differ in predictable ways: vowels (Haftar /
Hafter), g / k / q / j for the same sound (Akar / Aggar, Jaroushi / Geroushi), ou / u, kh / h
(Mehri / Mekher), doubled letters, and the article al- / el-. `translit_key` folds those
alternations; `skeleton` keeps only the consonants of the key.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from lint import regex_store

# A capitalized word, with the article al- / el- and one hyphenated part ("Seok-yul", "Abdul-Rahim");
# or a word in capitals ("SALL"), which counts as a name only right after a capitalized one.
NAME = regex_store.compile(r"(?<![\p{L}\p{N}’'-])(?:(?P<name>(?:[Aa]l-|[Ee]l-|[Aa]l |[Ee]l )?\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}+)?)"
                           r"|(?P<caps>\p{Lu}{3,}))(?![\p{L}\p{N}-])")
PATRONYMIC = regex_store.compile(r"(?:ovich|evich|ovna|evna|ichna)$")
PREFIX = regex_store.compile(r"^(?:al|el)[- ]", regex.IGNORECASE)

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
HYPHENATED = regex_store.compile(r"\p{L}-\p{Ll}")  # a syllable-hyphenated given name: Suk-yeol, Jae-myung


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Lower case without diacritics: "Guèye" -> "gueye", "López" -> "lopez"."""
    if name.isascii():
        return name.lower()  # nothing to strip (most names): the same result, without the decomposition
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


NOT_LATIN = regex_store.compile(r"[^a-z]")
IY_END = regex_store.compile(r"(?:iy|yy)$")
YOV_END = regex_store.compile(r"yov$")
Y_BETWEEN_VOWELS = regex_store.compile(r"(?<=[aeiou])y(?=[aeiou])")
DOUBLED = regex_store.compile(r"(.)\1+")
TRANSLIT = str.maketrans({"q": "k", "c": "k", "g": "k", "j": "k", "z": "s", "y": "i", "e": "a", "o": "u"})
KOREAN = str.maketrans({"u": "o", "r": "l", "g": "k", "d": "t", "b": "p"})


@lru_cache(maxsize=200_000)
def translit_key(name: str) -> str:
    s = PREFIX.sub("", fold(name))
    s = NOT_LATIN.sub("", s)
    # Russian endings: -iy / -y / -i (Yuriy, Yuri), -yov / -ev (Kovalyov, Kovalev)
    s = IY_END.sub("i", s)
    s = YOV_END.sub("ev", s)
    s = Y_BETWEEN_VOWELS.sub("", s)  # Radayev / Radaev, Yevstifeyev / Yevstifeev
    for a, b in (("kh", "h"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
                 ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i")):
        s = s.replace(a, b)
    s = DOUBLED.sub(r"\1", s.translate(TRANSLIT))
    return s.rstrip("aiu") or s


RUSSIAN_FEMININE = regex_store.compile(r"(?<=[oe]v|in)a$")
STRICT = str.maketrans({"y": "i", "q": "k", "c": "k", "g": "k"})
VELARS = regex_store.compile(r"k{2,}")


@lru_cache(maxsize=200_000)
def strict_key(name: str) -> str:
    """Fold only the alternations of transliteration from another script, not the slips of a
    typist: diacritics, y / i, q / c / k, kh / h, ou / u, ue / u, ee / i, ph / f, Russian -iy /
    -i, -yov / -ev and the feminine -a (Lyubimova / Lyubimov); g / k / q and a doubled one, which
    render one Arabic or Turkish sound (Akar / Aggar). Vowels keep their quality and other doubled
    letters stay doubled, so Hassall / Hassell and Benetton / Bennetton differ."""
    s = NOT_LATIN.sub("", PREFIX.sub("", fold(name)))
    s = IY_END.sub("i", s)
    s = YOV_END.sub("ev", s)
    s = Y_BETWEEN_VOWELS.sub("", s)
    s = RUSSIAN_FEMININE.sub("", s)
    for a, b in (("kh", "h"), ("ou", "u"), ("oo", "u"), ("ue", "u"), ("ee", "i"), ("ph", "f"), ("ck", "k")):
        s = s.replace(a, b)
    return VELARS.sub("k", s.translate(STRICT))


@lru_cache(maxsize=50_000)
def korean_key(name: str) -> str:
    """Fold the romanizations of Korean syllables (Revised, McCune-Reischauer, ad hoc): eo / o / u,
    eu / u, ae / e, ee / i, r / l, g / k, d / t, b / p, j / ch, sh / s; hyphens dropped. Vowels of
    different quality stay apart, so "Jong-un" and "Jong-il" differ."""
    s = NOT_LATIN.sub("", fold(name))
    for a, b in (("eo", "o"), ("eu", "o"), ("ae", "e"), ("ee", "i"), ("ch", "j"), ("sh", "s"), ("wo", "o"),
                 ("oo", "u")):
        s = s.replace(a, b)
    return DOUBLED.sub(r"\1", s.translate(KOREAN))


@lru_cache(maxsize=None)
def zipf(word: str) -> float:
    """How common a word is in English text (Zipf scale: 0 unknown, 3 once per million words, 7 "the")."""
    from wordfreq import zipf_frequency

    # a hyphenated name is one word: "Jin-sang" is not as common as "jin" and "sang"
    return zipf_frequency(fold(word).replace("-", ""), "en")


def spelling_distance(a: str, b: str) -> int:
    """Edits between two spellings, a swap of neighbours counting once (Filri / Firli)."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def blank(s: str) -> bool:
    """Spaces or tabs only, at least one: the gap between a given name and a surname."""
    return bool(s) and not s.strip(" \t")


def skeleton(key: str) -> str:
    return "".join(c for c in key if c not in VOWELS)


def name_occurrences(doc, matches=None):
    """Yield (spelling, start, end, given_name, sentence_start, followed_by_name, given_start) for each name.
    `matches`: the NAME matches of the text, when the caller has them already.

    A word in capitals right after a capitalized name ("Macky SALL") is folded to "Sall"."""
    text = doc.text
    if matches is None:
        matches = list(NAME.finditer(text))
    sentence_starts = {s for s, _ in doc.sentences}

    def spelling_of(m):
        if m.group("name") is not None:
            return m.group("name")
        previous = matches[index[m.start()] - 1] if index[m.start()] else None
        if (previous is not None and previous.group("name") is not None
                and previous.group("name") not in COMMON
                and blank(text[previous.end():m.start()])):
            return m.group("caps").title()
        return None

    index = {m.start(): i for i, m in enumerate(matches)}
    spellings = [spelling_of(m) for m in matches]
    for i, m in enumerate(matches):
        spelling = spellings[i]
        if spelling is None or spelling in COMMON or len(spelling) < 4:
            continue
        start = m.start()
        end = start + len(m.group("name") or m.group("caps"))
        if m.group("name") is not None:
            start, end = m.span("name")
        previous = spellings[i - 1] if i else None
        given = given_start = None
        g = i - 1
        if (previous is not None and PATRONYMIC.search(previous) and g > 0 and spellings[g - 1]
                and blank(text[matches[g].end():start])):
            g -= 1  # "Alexander Aleksandrovich Yevstifeev": the given name stands before the patronymic
            previous = spellings[g]
            start_of_next = matches[g + 1].start()
        else:
            start_of_next = start
        if previous is not None and blank(text[matches[g].end():start_of_next]):
            if previous not in COMMON and previous not in TITLE_WORDS:
                given, given_start = previous, matches[g].start("name") if matches[g].group("name") else matches[g].start()
        following = spellings[i + 1] if i + 1 < len(matches) else None
        followed = bool(following and blank(text[end:matches[i + 1].start()])
                        and following not in COMMON)
        yield spelling, start, end, given, start in sentence_starts, followed, given_start


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset:
    """Words and established names of the CMU Pronouncing Dictionary (lower case), read from the
    readability rule's prebuilt syllable file, which lists every one of them: one load serves both."""
    from lint.rules.readability_article import cmu_syllables

    return frozenset(cmu_syllables())
