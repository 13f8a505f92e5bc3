"""One name spelled two ways: "Akar" / "Aggar", "Nikolai" / "Nikolay Lyubimov", "Seok-yul" / "Suk-yeol".

What it flags:
- two spellings of one name inside one article, always (no corpus needed): a transliteration
  (vowels, y / i, g / k / q, kh / h, ou / u, doubled letters, Russian -iy / -yov / -ev and the
  feminine -a, diacritics dropped: Guèye / Gueye), Korean syllables romanized two ways
  (eo / u / o, r / l, g / k: "Seok-yul" / "Suk-yeol", "Jae-myeong" / "Jae-myung"), a name written
  as one word and as two ("Khomeini Shahr" / "Khomeinishahr"); names in capitals after a given
  name ("Macky SALL") and possessives count as the name;
- two spellings in different articles with evidence that they are one person: the same rare
  given name before both ("Saqr Al-Jaroushi" / "Saqr Geroushi"); any shared given name when the
  surname is unknown to general English text and differs only as transliteration spells it
  ("Alexander Yevstifeyev" / "Alexander Yevstifeev"); a Korean given name after one family name
  romanized two ways ("Cho Seung-rae" / "Jo Seung-lae"); the article written "al X" and "al-X";
  two rare spellings both cited as a news agency, newspaper or channel ("the Borna news agency"
  / "the news agency Berna").
  When the usual spelling is itself used in only one or two articles, it is reported there too
  (without a fix): each of those articles disagrees with the other;
- one given name romanized two ways before the same surname ("Sergei" / "Sergey Zhvachkin"),
  in one article, or across articles when the surname is rare in English text.

Why it matters: readers take two spellings for two people; search, archives and entity
extraction split one person in two. A copy desk fixes the spelling to the house form.

Severity. A difference that transliteration from another script makes is a warning, and so is
a headline that spells a name otherwise than the body (two hands at work). A typist's slip in a
name (a letter doubled, dropped or swapped, one vowel for another: "Pennzol" beside "Pennzoil"),
a letter wrong in a name or word general English text knows well ("Lochart" / "Lockhart",
"Basker Hughes" / "Baker Hughes"), two neighbours swapped across articles ("Kwayke" /
"Kwakye") and a given name misspelled across articles are reported as information, except inside
one article with no majority ("Istiaia" once, "Istiatia" once): nothing then tells which is right,
and the copy desk must choose. In a name
with the Arabic article, e / i and o / u render one short vowel ("Al-Younes" / "Al-Younis") and
count as transliteration.

What is not flagged (precision first): spellings with different given names ("Mohammed Ali" /
"Mohammad Reza"; "Brian" / "Bryan", two common given names of their own) are different
people; a rarer name beside a far better known one (Dowson beside Dawson, Walshe beside Welsh,
a person's "Koogle" beside the household name "Google") is another name, as are two spellings
both common in English text; words that also occur in lower case are common words; a word
before a surname that is a common word ("Beautiful Laundrette") is not a given name; the
article dropped on a second reference ("al-Namrous" / "Namrous") and derived words ("Turks" /
"Turkish") are not variants; Korean names whose syllables differ in vowel quality ("Jong-un" /
"Jong-il") are two names. Across articles, a spelling in the CMU Pronouncing Dictionary or used
in three or more articles is established. Variants the termbase lists are left to NAM002 /
TRM001, and a spelling the termbase uses is the house form. A spelling under `accept` in the
termbase is right as written: it is never reported, and no other spelling is reported as its
variant.

Direction. The house form is the termbase's, else a clear majority (in the article, or at
least three uses and twice as many in the corpus), else the spelling general English text
knows far better (word frequencies from `wordfreq`). Without such evidence both spellings are
reported as "spelled two ways" and no fix is offered; otherwise the house form is an unsafe fix.
One finding per spelling per article, at its first use. `mtlint terms` lists every cluster,
evidence or not, for a person to review; a termbase entry then makes the rule report it.
"""
from __future__ import annotations

import os
import sys
from array import array
from collections import Counter, defaultdict

import regex

from lint import regex_store
from lint.corpus.names import (HYPHENATED, NAME, PREFIX, VOWELS, dictionary_words, fold, korean_key, name_occurrences,
                               skeleton, spelling_distance, strict_key, translit_key, zipf)
from lint.finding import Hit, Related
from lint.rule import Rule

MAX_OCCURRENCES = 50  # per spelling per file kept in a summary
DEMONYM_ENDINGS = {"i", "is", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish", "s", "es"}
RARE_GIVEN_NAME = 3  # a given name shared by two spellings is evidence only if it is this rare
MIRROR_FILES = 2  # the usual spelling is reported too when so few articles use it
MIRROR_USES = 2  # a given name used this rarely is reported too
RARE_SURNAME = 1.0  # ... unless the surname itself is this rare in English text (Zipf)
# Zipf frequencies in general English text (wordfreq): 2 is a name seen now and then, 3 once per
# million words, 4.5 a household word.
ESTABLISHED = 2.0  # a spelling in its own right
WELL_KNOWN_GAP = 1.0  # ... beside one this much more common is another, better-known name
COMMON_WORD = 3.0
ESTABLISHED_GIVEN = 2.5
KNOWN_NAME = 2.6  # a spelling English text knows this well is rarely a fresh transliteration
WELL_KNOWN = 3.5  # a name this common (Chelsea, Egypt) misspelled is a plain misspelling
GIVEN_NAME_MAX = 4.0
COMMON_GIVEN = 3.5  # two given names both this common are two names, however alike  # a word this common before a surname is not a given name ("Beautiful", "Donkey")


class NameSummary:
    """One file's names, stored column-wise so that 20,000 files cost little memory.

    For each spelling: how often it occurs, how often a capitalized word follows it (given names
    are followed by surnames), the given names before it, where it occurs (offsets, and the line
    and column of its first use), and whether the file also has it in lower case. For each full
    name (given name and surname): how often it occurs and where its given name stands."""

    __slots__ = ("spellings", "counts", "followed", "given", "first", "starts", "bounds", "lowered", "fullnames",
                 "joined", "outlets")

    def __init__(self, doc):
        entries: dict = {}
        full: dict = {}
        matches = list(NAME.finditer(doc.text))  # read once, for the names and for the split names
        for spelling, start, _, given, _, followed, given_start in name_occurrences(doc, matches):
            e = entries.setdefault(sys.intern(spelling), [0, 0, set(), []])
            e[0] += 1
            e[1] += followed
            if given:
                e[2].add(sys.intern(given))
                f = full.setdefault((sys.intern(given), spelling), [0, []])
                f[0] += 1
                if len(f[1]) < MAX_OCCURRENCES:
                    f[1].append(given_start)
            if len(e[3]) < MAX_OCCURRENCES:
                e[3].append(start)
        lower_words = {w for w in doc.text.split() if w[:1].islower()}
        self.spellings = tuple(entries)
        self.counts = array("I", (e[0] for e in entries.values()))
        self.followed = array("I", (e[1] for e in entries.values()))
        self.given = tuple(tuple(sorted(e[2])) if e[2] else () for e in entries.values())
        self.first = array("I", (x for e in entries.values() for x in doc.line_col(e[3][0])))
        self.starts = array("I", (x for e in entries.values() for x in e[3]))
        self.bounds = array("I", [0])
        for e in entries.values():
            self.bounds.append(self.bounds[-1] + len(e[3]))
        self.lowered = tuple(i for i, sp in enumerate(self.spellings) if sp.lower() in lower_words)
        self.fullnames = tuple((g, sp, n, tuple(starts)) for (g, sp), (n, starts) in full.items())
        self.joined = split_names(doc, self.spellings, matches)
        self.outlets = tuple(i for i, (sp, e) in enumerate(entries.items())
                             if any(is_outlet(doc.text, start, len(sp)) for start in e[3]))

    def index(self) -> dict:
        return {sp: i for i, sp in enumerate(self.spellings)}

    def occurrences(self, i: int) -> list[int]:
        return list(self.starts[self.bounds[i]:self.bounds[i + 1]])


OUTLET_BEFORE = regex_store.compile(r"(?:news agency|agency|newspaper|daily|channel)[ \t]$", regex.IGNORECASE)
OUTLET_AFTER = regex_store.compile(r"^[ \t](?:news agency|agency|newspaper|daily|TV|channel)\b", regex.IGNORECASE)


def is_outlet(text: str, start: int, length: int) -> bool:
    """A name standing beside "news agency", "newspaper" or "channel": an outlet cited as a source."""
    return bool(OUTLET_BEFORE.search(text[max(0, start - 20):start])
                or OUTLET_AFTER.match(text[start + length:start + length + 20]))


def split_names(doc, spellings, matches=None) -> tuple:
    """Names written both as one word and as two in one article ("Khomeini Shahr" / "Khomeinishahr"):
    (start, end, two words, one word) for each two-word use. `matches`: the text's NAME matches."""
    single = {fold(sp): sp for sp in spellings if " " not in sp}
    out = []
    previous = None
    for m in (NAME.finditer(doc.text) if matches is None else matches):
        if (previous is not None and m.group("name") and previous.group("name")
                and doc.text[previous.end():m.start()] == " "):
            one = single.get(fold(previous.group("name") + m.group("name")))
            # an English word in a compound name is written both ways ("Air Lines", "Hong Kong")
            if (one is not None and len(out) < MAX_OCCURRENCES and zipf(m.group("name")) < COMMON_WORD
                    and zipf(one) < ESTABLISHED_GIVEN):
                out.append((previous.start(), m.end(), doc.text[previous.start():m.end()], one))
        previous = m
    return tuple(out)


def collect_names(doc) -> NameSummary:
    return NameSummary(doc)


class SpellingStats:
    """One spelling across the corpus, read like a dict (`s["count"]`); slots, because a corpus has
    a hundred thousand spellings and a dict per spelling costs several times as much."""

    __slots__ = ("count", "files", "given", "followed", "lowered", "outlet", "first")

    def __init__(self, first: tuple):
        self.count = self.files = self.followed = 0
        self.given = NO_GIVEN_NAMES  # most spellings never follow a given name: one shared empty set
        self.lowered = self.outlet = False
        self.first = first

    def __getitem__(self, key: str):
        return getattr(self, key)

    def __setitem__(self, key: str, value) -> None:
        setattr(self, key, value)

    def get(self, key: str, default=None):
        return getattr(self, key, default)


NO_GIVEN_NAMES = frozenset()


def corpus_stats(summaries: dict) -> dict:
    """spelling -> SpellingStats: "count", "files" (how many), "first": (path, line, col), "given",
    "followed", "lowered", "outlet"."""
    stats: dict = {}
    for path in sorted(summaries):
        summary = summaries[path]
        for i, spelling in enumerate(summary.spellings):
            s = stats.get(spelling)
            if s is None:
                s = stats[spelling] = SpellingStats((path, summary.first[2 * i], summary.first[2 * i + 1]))
            s.count += summary.counts[i]
            s.files += 1
            if summary.given[i]:
                if s.given is NO_GIVEN_NAMES:
                    s.given = set()
                s.given.update(summary.given[i])
            s.followed += summary.followed[i]
        for i in summary.lowered:
            stats[summary.spellings[i]]["lowered"] = True
        for i in summary.outlets:
            stats[summary.spellings[i]]["outlet"] = True
    return stats


def files_of(summaries: dict, spellings: set) -> dict:
    """spelling -> {path: [offsets]} for a few spellings (a second, narrow pass)."""
    out: dict = {sp: {} for sp in spellings}
    for path, summary in summaries.items():
        for i, spelling in enumerate(summary.spellings):
            if spelling in out:
                out[spelling][path] = summary.occurrences(i)
    return out


def target_spellings(summaries: dict, targets) -> set | None:
    """The spellings used in the articles whose findings are kept; None when that is every article
    (or `targets` is not known): then no pair can be left out."""
    if targets is None:
        return None
    kept = [p for p in targets if p in summaries]
    if len(kept) == len(summaries):
        return None
    return {spelling for p in kept for spelling in summaries[p].spellings}


def similar(a: str, b: str, key_a: str, key_b: str) -> bool:
    """Two spellings that differ only as transliterations of one name do."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    if Levenshtein.distance(key_a, key_b) > 1 or same_name_or_derived(a, b):
        return False
    # The folded keys hide a lot; the spellings themselves must still look alike.
    plain_a, plain_b = PREFIX.sub("", a).lower(), PREFIX.sub("", b).lower()
    return fuzz.ratio(plain_a, plain_b) >= 60


def close_in_article(a: str, b: str) -> bool:
    """Two spellings in one article close enough to be one name: a transliteration (keys one edit
    apart), diacritics dropped (Guèye / Gueye), a letter dropped, doubled or swapped (Vadimir /
    Vladimir, Filri / Firli), or Korean syllables romanized two ways (Seok-yul / Suk-yeol)."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    fa, fb = fold(PREFIX.sub("", a)), fold(PREFIX.sub("", b))
    if Levenshtein.distance(fa, fb, score_cutoff=4) > 4 or same_name_or_derived(a, b):
        return False
    if fa == fb:
        return True
    if syllabic(a, b):
        ka, kb = korean_key(fa), korean_key(fb)
        if ka == kb:
            return True
        # one consonant more or less (Jing-sang / Jin-sang); a vowel of another quality is another name
        return (min(len(ka), len(kb)) >= 6 and spelling_distance(ka, kb) == 1
                and [c for c in ka if c in VOWELS] == [c for c in kb if c in VOWELS])
    ka, kb = translit_key(a), translit_key(b)
    if min(len(ka), len(kb)) >= 4 and spelling_distance(ka, kb) <= 1 and fuzz.ratio(fa, fb) >= 60 and mild(ka, kb):
        return True
    return min(len(fa), len(fb)) >= 6 and spelling_distance(fa, fb) == 1 and mild(fa, fb)


def syllabic(a: str, b: str) -> bool:
    """A name written in hyphenated syllables (Korean "Suk-yeol", Chinese "Ching-kuo") on either
    side; no such syllable ends in "d", so "Miami-based" is an English compound."""
    return bool(HYPHENATED.search(a) or HYPHENATED.search(b)) and not (a.endswith("d") or b.endswith("d"))


def mild(a: str, b: str) -> bool:
    """One letter more or less, two neighbours swapped, or one vowel for another: how a name is
    misspelled or transliterated. One consonant for another (Murar / Mushar) makes another name."""
    from rapidfuzz.distance import Levenshtein

    ops = Levenshtein.editops(a, b)
    if len(ops) != 1 or ops[0].tag != "replace":
        return True
    x, y = a[ops[0].src_pos], b[ops[0].dest_pos]
    return x in "aeiouy" and y in "aeiouy"


def similar_given_names(a: str, b: str) -> bool:
    """Two given names that are one name romanized two ways (Nikolai / Nikolay, Sergei / Sergey) or
    misspelled (Vadimir / Vladimir); two established given names one letter apart (Mark / Mary,
    Brian / Bryan aside) are two names."""
    from rapidfuzz import fuzz

    if a == b or same_name_or_derived(a, b):
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(zipf(a), zipf(b)) >= COMMON_GIVEN:
        return False  # two common given names of their own (Brian / Bryan)
    ka, kb = translit_key(a), translit_key(b)
    if len(ka) >= 3 and ka == kb:
        return True
    return (min(len(a), len(b)) >= 5 and spelling_distance(ka, kb) == 1 and fuzz.ratio(fa, fb) >= 75
            and min(zipf(a), zipf(b)) < ESTABLISHED_GIVEN)


def known_name_slip(variant: str, canonical: str) -> bool:
    """A name general English text knows (Lockhart, Kellogg) beside a spelling it does not know at
    all: a typist's slip in an English name, not a second transliteration."""
    return zipf(PREFIX.sub("", canonical)) >= KNOWN_NAME and zipf(PREFIX.sub("", variant)) < 1.0


def swapped(a: str, b: str) -> bool:
    """Two neighbouring letters swapped and nothing else: "Kwakye" / "Kwayke"."""
    from rapidfuzz.distance import Levenshtein

    fa, fb = fold(PREFIX.sub("", a)), fold(PREFIX.sub("", b))
    return len(fa) == len(fb) and spelling_distance(fa, fb) == 1 and Levenshtein.distance(fa, fb) == 2


def letters_swapped(a: str, b: str) -> bool:
    """Two letters of a rare name swapped, near or apart ("Nabih" / "Nahib"): one name, mistyped."""
    fa, fb = fold(a), fold(b)
    if len(fa) != len(fb) or len(fa) < 4 or fa[0] != fb[0] or sorted(fa) != sorted(fb):
        return False
    return sum(x != y for x, y in zip(fa, fb)) == 2 and max(zipf(a), zipf(b)) < COMMON_WORD


VOWEL_LETTER = regex_store.compile(r"[AEIOUYaeiouy\p{M}àáâãäåèéêëìíîïòóôõöùúûüýÿ]")
ARABIC_VOWELS = str.maketrans({"e": "i", "o": "u"})


def transliterated(a: str, b: str) -> bool:
    """The whole difference is one that transliteration from another script makes (diacritics,
    y / i, q / k, kh / h, Russian endings, Korean syllables, and in a name with the Arabic
    article, e / i and o / u for one short vowel: "Al-Younes" / "Al-Younis"), not a typist's
    slip (a letter doubled, dropped or swapped, one vowel for another)."""
    if syllabic(PREFIX.sub("", a), PREFIX.sub("", b)):
        return True  # close_in_article already demands the same vowels
    ka, kb = strict_key(a), strict_key(b)
    if ka == kb:
        return True
    return bool(PREFIX.match(a) and PREFIX.match(b)) and ka.translate(ARABIC_VOWELS) == kb.translate(ARABIC_VOWELS)


def two_names(a: str, b: str, stats: dict) -> bool:
    """Guards against merging two different names that look alike.

    Both spellings established in general English text but one far more common (Dowson beside
    Dawson, Walshe beside Welsh): a name in its own right beside a well-known other one. Both
    common words or names (Hassell beside Hassall is not: both rare). A person's surname (it has
    given names) beside a common name that never has one (Koogle beside Google)."""
    za, zb = zipf(PREFIX.sub("", a)), zipf(PREFIX.sub("", b))
    if min(za, zb) >= ESTABLISHED and abs(za - zb) >= WELL_KNOWN_GAP:
        return True
    if min(za, zb) >= COMMON_WORD:
        return True
    sa, sb = stats[a], stats[b]
    for person, other, z in ((sa, sb, zb), (sb, sa, za)):
        if person["given"] and not other["given"] and other["count"] >= 3 and z >= COMMON_WORD:
            return True
    return False


def direction(a: str, b: str, here: dict | None, stats: dict, house: set):
    """(variant, canonical) when the evidence says which spelling is the usual one, else None:
    the termbase's spelling; a clear majority in the article or the corpus (at least twice as many
    uses); the spelling far more common in general English text."""
    if (a in house) != (b in house):
        return (b, a) if a in house else (a, b)
    for counts, least in ((here, 2), ({x: stats[x]["count"] for x in (a, b)}, 3)):
        if counts:
            low, high = sorted((a, b), key=lambda x: counts[x])
            if counts[high] >= max(least, 2 * counts[low]):
                return low, high
    za, zb = zipf(PREFIX.sub("", a)), zipf(PREFIX.sub("", b))
    if abs(za - zb) >= 0.25:
        return (a, b) if za < zb else (b, a)
    return None


def candidate_pairs(stats: dict, wanted: set | None = None):
    """Yield (spelling, spelling) pairs of likely transliteration variants, each pair once; with
    `wanted`, only the pairs that have one of those spellings (the rest are not even compared)."""
    def of_interest(members):
        return wanted is None or any(m in wanted for m in members)

    def either(a, b):
        return wanted is None or a in wanted or b in wanted

    by_skeleton = defaultdict(list)
    for spelling, s in stats.items():
        if s["lowered"] or s["followed"] * 2 > s["count"]:
            continue  # a common word, or mostly a given name
        key = translit_key(spelling)
        if len(key) < 4 or len(skeleton(key)) < 2 or not VOWEL_LETTER.search(spelling):
            continue  # too short, or an abbreviation ("Stks")
        by_skeleton[skeleton(key)].append((spelling, key))
    for members in by_skeleton.values():
        if not of_interest(m for m, _ in members):
            continue
        for i, (a, ka) in enumerate(members):
            for b, kb in members[i + 1:]:
                if either(a, b) and similar(a, b, ka, kb):
                    yield a, b
    # Korean syllables romanized two ways (Seung-rae / Seung-lae): r / l, eo / u fold together
    by_korean = defaultdict(list)
    for spelling, s in stats.items():
        if "-" in spelling and not s["lowered"]:
            by_korean[korean_key(spelling)].append(spelling)
    for members in by_korean.values():
        if not of_interest(members):
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if either(a, b) and skeleton(translit_key(a)) != skeleton(translit_key(b)):  # else yielded above
                    yield a, b


def clusters(summaries: dict):
    """Spelling groups for review in `mtlint terms`: each spelling the dictionary does not know
    joins its most used similar spelling. Returns (groups, stats), each group head first."""
    stats = corpus_stats(summaries)
    known = None
    best: dict = {}
    for a, b in candidate_pairs(stats):
        variant, head = sorted((a, b), key=lambda s: order_key(s, stats), reverse=True)
        if known is None:
            known = dictionary_words()
        if PREFIX.sub("", variant).lower() in known:
            continue
        if variant not in best or order_key(head, stats) < order_key(best[variant], stats):
            best[variant] = head
    groups = defaultdict(list)
    for variant, head in best.items():
        groups[head].append(variant)
    return [[head] + sorted(vs, key=lambda s: order_key(s, stats)) for head, vs in groups.items()], stats


def same_name_or_derived(a: str, b: str) -> bool:
    """"al-Namrous" / "Namrous" (the article dropped on second reference) and "Turks" / "Turkish"
    (one word derived from the other) are not two spellings of one name."""
    pa, pb = PREFIX.match(a), PREFIX.match(b)
    if pa and pb and pa.group()[-1] != pb.group()[-1] and a[3:] == b[3:]:
        return False  # "al Hariri" / "al-Hariri": the article written two ways is a variant
    a, b = PREFIX.sub("", a).lower(), PREFIX.sub("", b).lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    common = len(os.path.commonprefix([a, b]))
    if common == len(short) and long_[common:] in DEMONYM_ENDINGS:
        return True  # Qatar / Qatari, Israel / Israeli
    return common >= len(short) - 1 and len(long_) - len(short) >= 2


def order_key(spelling, stats):
    """Majority first; on a tie, the spelling that appears first (by file, then position)."""
    path, line, col = stats[spelling]["first"]
    return (-stats[spelling]["count"], path, line, col)


def diacritic_pairs(stats: dict, wanted: set | None = None):
    """Spellings that differ only in diacritics: "Guèye" / "Gueye", "López" / "Lopez"; with
    `wanted`, only the pairs that have one of those spellings."""
    groups = defaultdict(list)
    for spelling in stats:
        groups[fold(spelling)].append(spelling)
    for spellings in groups.values():
        for n, a in enumerate(spellings):
            for b in spellings[n + 1:]:
                if a.lower() != b.lower() and (wanted is None or a in wanted or b in wanted):
                    yield a, b


def is_given_name(word: str, stats: dict) -> bool:
    """A word before a surname that is a given name: never in lower case (not "Donkey Konga",
    "Beautiful Laundrette"), and mostly followed by a surname."""
    s = stats.get(word)
    if zipf(word) >= GIVEN_NAME_MAX:
        return False
    return s is None or (not s["lowered"] and s["followed"] * 2 >= s["count"])


def given_name_spread(stats: dict) -> Counter:
    """How many different surnames each given name stands before: "James" many, "Saqr" one."""
    spread = Counter()
    for s in stats.values():
        spread.update(s["given"])
    return spread


def korean_family(variant, canonical, stats) -> str | None:
    """A Korean given name romanized two ways after one family name romanized two ways
    ("Cho Seung-rae" / "Jo Seung-lae", "Yun Seok-yeol" / "Yoon Suk-yeol"): the family name
    stands first, so the word before is the family name, and its romanizations fold together."""
    if "-" not in variant or "-" not in canonical:
        return None
    if korean_key(fold(variant)) != korean_key(fold(canonical)):
        return None  # a vowel of another quality: another name (Jong-un / Jong-il)
    for x in sorted(stats[variant]["given"]):
        for y in sorted(stats[canonical]["given"]):
            if 2 <= len(x) <= 5 and 2 <= len(y) <= 5 and korean_key(x) == korean_key(y):
                return x if x == y else f"{x} / {y}"
    return None


def evidence(variant, canonical, stats, spread, where) -> str | None:
    v, c = stats[variant], stats[canonical]
    family = korean_family(variant, canonical, stats)
    if v["given"] and c["given"] and not (v["given"] & c["given"]) and family is None:
        return None  # different given names: different people
    if set(where[variant]) & set(where[canonical]):
        return "the same article"
    if family is not None:
        return f"the same family name ({family})"
    shared = sorted(g for g in v["given"] & c["given"] if spread[g] <= RARE_GIVEN_NAME and is_given_name(g, stats))
    if shared:
        return f"the same given name ({shared[0]})"
    if (v.get("outlet") and c.get("outlet") and not v["given"] and not c["given"]
            and max(zipf(variant), zipf(canonical)) < ESTABLISHED_GIVEN):
        return "both cited as a news outlet"  # one agency named two ways ("Borna" / "Berna")
    # a common given name before a surname that general English text does not know, spelled two
    # ways only as transliteration spells it ("Alexander Yevstifeyev" / "Alexander Yevstifeev")
    if (strict_key(variant) == strict_key(canonical)
            and max(zipf(PREFIX.sub("", variant)), zipf(PREFIX.sub("", canonical))) < RARE_SURNAME):
        shared = sorted(g for g in v["given"] & c["given"]
                        if zipf(g) < COMMON_WORD + 2 and not stats.get(g, {}).get("lowered", True))
        if shared:
            return f"the same full name ({shared[0]} {canonical})"
    return None


class TransliterationVariant(Rule):
    code = "NAM001"
    name = "name-spelling-variant"
    category = "name_variant"
    severity = "warning"
    summary = "A name spelled differently elsewhere in the article or the corpus (\"Aggar\" for \"Akar\")"
    corpus = True
    fixable = True
    fix_safety = "unsafe"
    options = {"established_files": 3}
    examples = [
        {"fail": "Defense Minister Hulusi Akar spoke in Tripoli. Akar said the army would stay.\n"
                 "Aggar also criticized the operation.", "at": ["2:1"],
         "fix": "Defense Minister Hulusi Akar spoke in Tripoli. Akar said the army would stay.\n"
                "Akar also criticized the operation."},
        {"files": {"a.txt": "Air Force chief Saqr Al-Jaroushi said the campaign would start.",
                   "b.txt": "The statement by Saqr Geroushi, chief of staff, said all targets were legitimate."},
         "at": ["a.txt:1:22", "b.txt:1:23"]},
        {"fail": "Khaled al-Mehri met the minister. Akar and Mekher called for coordination."},
        {"fail": "Schools in Khomeini Shahr closed. Officials in Khomeinishahr said so.", "at": ["1:12", "1:48"]},
        {"files": {"a.txt": "Governor Sergei Zhvachkin resigned.", "b.txt": "Sergey Zhvachkin, the governor, resigned."},
         "at": ["a.txt:1:10", "b.txt:1:1"]},
        {"files": {"a.txt": "Governor Alexander Pribylovsky resigned. Pribylovsky left. Pribylovsky wept.",
                   "b.txt": "Alexander Pribylovskiy, the governor, resigned."},
         "at": ["a.txt:1:20", "b.txt:1:11"]},
        {"files": {"a.txt": "Guard chief Cho Dong-ryeol refused.", "b.txt": "Jo Dong-lyeol, the guard chief, refused."},
         "at": ["a.txt:1:17", "b.txt:1:4"]},
        {"files": {"a.txt": "Speaker Tarek al Mansouri spoke.", "b.txt": "Tarek al-Mansouri replied."},
         "at": ["a.txt:1:15", "b.txt:1:7"]},
        {"files": {"a.txt": "Alexander Smith spoke.", "b.txt": "Alexander Smyth replied.", "c.txt": "Kim Jong-un met Kim Jong-il."}},
        {"fail": "Speaker Nabil Harrouk opened the session.\nLater Nalib Harrouk closed it. Nabil Harrouk left.",
         "at": ["2:7"], "fix": "Speaker Nabil Harrouk opened the session.\nLater Nabil Harrouk closed it. Nabil Harrouk left."},
        {"fail": "Dr. Samir Al-Haddes spoke.\nAl-Haddis said the clinic was full. Al-Haddis left.", "at": ["1:11"]},
        {"files": {"a.txt": "According to the Tazna news agency, schools closed.",
                   "b.txt": "According to the news agency Tezna, offices closed."}, "at": ["a.txt:1:18", "b.txt:1:30"]},
        {"files": {"a.txt": "According to the Tazna news agency, schools closed.", "b.txt": "Tezna said offices closed."}},
        {"pass": "Defense Minister Hulusi Akar met spokesman Hami Aksoy. Akar and Aksoy spoke."},
        {"pass": "Kim Jong-il and Kim Jong-un met. Matt Dawson and Phil Dowson played."},
        {"pass": "Libya and the Libyan army; Tripoli and Tripolitania; Sudan and the Sudanese; the Turks and Turkish; Qatar and the Qatari side."},
        {"pass": "Salahuddin al-Namrous met them. Namrous thanked the Turks. Rich oil deposits lie in Russia."},
        {"files": {"a.txt": "Prime Minister Mohammed Ali spoke.", "b.txt": "Foreign Minister Mohammad Reza replied."}},
        {"files": {"a.txt": "James Baker said rates would fall.", "b.txt": "Boris Becker won the final."}},
    ]

    def collect(self, doc, ctx):
        return collect_names(doc)

    def finalize(self, summaries, ctx):
        tb = ctx.project.termbase if ctx.project else None
        canonical_names = tb.canonical_names() if tb else {}
        house = set(canonical_names.values())
        accepted = tb.accept if tb else frozenset()
        # an accepted spelling is in no pair: never a variant, never the fix of another spelling
        canonical_names = {**canonical_names, **dict.fromkeys(accepted, None)}
        stats = corpus_stats(summaries)
        hits: dict = {}  # (path, start) -> Hit: each place reported once
        self._in_articles(summaries, stats, canonical_names, house, hits, accepted, ctx.targets)
        self._across_articles(summaries, stats, canonical_names, house, ctx.options, hits,
                              target_spellings(summaries, ctx.targets))
        self._given_names(summaries, stats, hits, accepted, ctx.targets)
        for (path, _), hit in sorted(hits.items()):
            yield path, hit

    @staticmethod
    def _report(hits, path, starts, length, message, fix=None, related=(), severity=None):
        """One finding per spelling per article, at its first use (the message says how many more)."""
        starts = sorted(starts)
        if not starts or any((path, start) in hits for start in starts):
            return
        if len(starts) > 1:
            message += f"; {len(starts)} uses in this article"
        hits[(path, starts[0])] = Hit(starts[0], starts[0] + length, message, fix=fix, related=related,
                                      severity=severity)

    def _in_articles(self, summaries, stats, canonical_names, house, hits, accepted=frozenset(), targets=None):
        """Two spellings of one name inside one article: always worth a finding. Only the articles
        whose findings are kept (`targets`, None for all) are looked at."""
        for path in sorted(summaries if targets is None else (p for p in targets if p in summaries)):
            summary = summaries[path]
            for n, (start, end, two, one) in enumerate(summary.joined):
                if any(other[2] == two for other in summary.joined[:n]) or {one, two} & accepted:
                    continue  # one finding per form per article; an accepted spelling is never reported
                i = summary.index()[one]
                line, col = summary.first[2 * i:2 * i + 2]
                related = (Related(path, line, col, f"`{one}` is used here"),)
                message = f"`{two}` and `{one}`: one name written as two words and as one in this article"
                hits.setdefault((path, start), Hit(start, end, message, related=related))
                self._report(hits, path, summary.occurrences(i), len(one),
                             f"`{one}` and `{two}`: one name written as one word and as two in this article")
            lowered = set(summary.lowered)
            buckets = defaultdict(list)
            for i, spelling in enumerate(summary.spellings):
                if (i in lowered or summary.followed[i] * 2 > summary.counts[i] or spelling in canonical_names
                        or not VOWEL_LETTER.search(spelling)):
                    continue  # a common word, a given name, an abbreviation, or left to the termbase rules
                key = translit_key(spelling)
                buckets[key[:1]].append(i)
            for members in buckets.values():
                for n, i in enumerate(members):
                    for j in members[n + 1:]:
                        a, b = summary.spellings[i], summary.spellings[j]
                        if abs(len(a) - len(b)) > 3 or not close_in_article(a, b):
                            continue
                        ga, gb = set(summary.given[i]), set(summary.given[j])
                        if ga and gb and not (ga & gb) and not any(similar_given_names(x, y) for x in ga for y in gb):
                            continue  # different given names: different people
                        if two_names(a, b, stats):
                            continue
                        here = {a: summary.counts[i], b: summary.counts[j]}
                        first = {a: summary.first[2 * i:2 * i + 2], b: summary.first[2 * j:2 * j + 2]}

                        def headline(x, y):
                            """One spelling only in the headline, the other in the body: two hands."""
                            return any(here[p] == 1 and first[p][0] == 1 and first[q][0] > 1 for p, q in ((x, y), (y, x)))

                        pair = direction(a, b, here, stats, house)
                        if pair is None:
                            # as many uses each way and neither far better known: for two spellings
                            # no dictionary knows, the article itself cannot say which is right, so
                            # a copy editor must choose; an English compound slip stays information
                            # (the dictionary is loaded only when the cheaper tests do not decide)
                            unknown = transliterated(a, b) or headline(a, b) or (
                                "-" not in a + b and not {a.lower(), b.lower()} & dictionary_words())
                            severity = None if unknown else "info"
                            for x, y, k in ((a, b, j), (b, a, i)):
                                line, col = first[y]
                                related = (Related(path, line, col, f"`{y}` is used here"),)
                                self._report(hits, path, summary.occurrences(i if x == a else j), len(x),
                                             f"`{x}` and `{y}`: one name spelled two ways in this article",
                                             related=related, severity=severity)
                            continue
                        variant, canonical = pair
                        line, col = first[canonical]
                        related = (Related(path, line, col, f"`{canonical}` is used here"),)
                        if ((transliterated(variant, canonical) or headline(variant, canonical))
                                and zipf(PREFIX.sub("", canonical)) < WELL_KNOWN
                                and not known_name_slip(variant, canonical)):
                            message, severity = (f"`{variant}` looks like a variant spelling of `{canonical}` "
                                                 f"(evidence: the same article)"), None
                        else:  # a letter dropped, doubled or swapped in a name: a misspelling
                            message, severity = (f"`{variant}` looks like a misspelling of `{canonical}` "
                                                 f"(used in the same article)"), "info"
                        # the fix needs evidence that both spellings name one person: a given name
                        # they share, or a house spelling that is not as common as an everyday word
                        # or a household name ("Tim Koogle" is not a misspelling of Google)
                        evidenced = bool(ga & gb) or zipf(PREFIX.sub("", canonical)) < WELL_KNOWN
                        self._report(hits, path, summary.occurrences(i if variant == a else j), len(variant),
                                     message, fix=canonical if evidenced else None, related=related, severity=severity)
                        if (severity is None and canonical not in house and here[canonical] == here[variant]
                                and len(fold(variant)) == len(fold(canonical))):  # not a letter dropped
                            # as many uses each way: the article itself does not say which is right
                            line, col = first[variant]
                            self._report(hits, path, summary.occurrences(i if canonical == a else j), len(canonical),
                                         f"`{canonical}` is also spelled `{variant}` in this article; write it one way",
                                         related=(Related(path, line, col, f"`{variant}` is used here"),))

    def _across_articles(self, summaries, stats, canonical_names, house, options, hits, wanted=None):
        """Two spellings in different articles, with evidence that they name one person. With
        `wanted` (the spellings of the articles whose findings are kept), only the pairs that
        could be reported in those articles are looked at: a one-article run against a large
        corpus compares that article's names, not every pair of the corpus."""
        pairs = []
        for a, b in list(candidate_pairs(stats, wanted)) + list(diacritic_pairs(stats, wanted)):
            if a in canonical_names or b in canonical_names:
                continue  # the termbase names this variant: NAM002 / TRM001 report it
            if two_names(a, b, stats) or max(zipf(PREFIX.sub("", a)), zipf(PREFIX.sub("", b))) >= WELL_KNOWN:
                continue  # two names, or a household name (Kong) beside a rare one (Konga)
            if min(stats[a]["files"], stats[b]["files"]) >= options["established_files"]:
                continue  # two spellings each used across several articles; see `mtlint terms`
            pairs.append((a, b))
        if not pairs:
            return
        known = dictionary_words()
        where = files_of(summaries, {s for pair in pairs for s in pair})
        spread = given_name_spread(stats)
        for a, b in pairs:
            why = evidence(a, b, stats, spread, where)
            if why is None or why == "the same article":
                continue  # the same article: the in-article pass reports it
            pair = direction(a, b, None, stats, house)
            if pair is None:
                sides = [(a, b), (b, a)]
            elif PREFIX.sub("", pair[0]).lower() in known or stats[pair[0]]["files"] >= options["established_files"]:
                continue  # the rarer spelling is a word or an established name, or a house spelling
            else:
                sides = [pair]
            for variant, canonical in sides:
                c = stats[canonical]
                ref_path, ref_line, ref_col = c["first"]
                related = (Related(ref_path, ref_line, ref_col, f"`{canonical}` is used here"),)
                if pair is None:
                    message = f"`{variant}` and `{canonical}`: one name spelled two ways in the corpus (evidence: {why})"
                else:
                    message = (f"`{variant}` looks like a variant spelling of `{canonical}` "
                               f"({c['count']} use{'s' if c['count'] != 1 else ''}; evidence: {why})")
                # two neighbours swapped (Kwakye / Kwayke), or a letter wrong in a name English text
                # knows well, is a typist's slip, not a transliteration
                severity = ("info" if swapped(variant, canonical)
                            or (known_name_slip(variant, canonical) and not transliterated(variant, canonical))
                            else None)
                for path, starts in where[variant].items():
                    self._report(hits, path, starts, len(variant), message,
                                 fix=canonical if pair else None, related=related, severity=severity)
            if pair is not None and stats[pair[1]]["files"] <= MIRROR_FILES and transliterated(*pair):
                # the usual spelling, in the few articles that use it, still disagrees with the
                # others: the copy desk of each article must see the conflict
                variant, canonical = pair
                v = stats[variant]
                ref_path, ref_line, ref_col = v["first"]
                related = (Related(ref_path, ref_line, ref_col, f"`{variant}` is used here"),)
                message = (f"`{canonical}` is spelled `{variant}` in another article (evidence: {why}); "
                           f"write it one way")
                for path, starts in where[canonical].items():
                    self._report(hits, path, starts, len(canonical), message, related=related)

    @staticmethod
    def _only_across(variant, canonical, where):
        """A same-article pair is the in-article pass's; across articles only its other files remain."""
        return bool(set(where[variant]) - set(where[canonical]))

    def _given_names(self, summaries, stats, hits, accepted=frozenset(), targets=None):
        """One surname, one given name romanized two ways: "Nikolai Lyubimov" / "Nikolay Lyubimov".
        A pair is looked at only if an article whose findings are kept (`targets`) uses it."""
        by_surname = defaultdict(lambda: defaultdict(list))
        for path in sorted(summaries):
            for given, surname, count, starts in summaries[path].fullnames:
                by_surname[surname][given].append((path, count, starts))
        for surname, givens in by_surname.items():
            if len(givens) < 2 or stats[surname]["lowered"]:
                continue
            names = sorted(givens)
            for n, a in enumerate(names):
                for b in names[n + 1:]:
                    files_a = {p for p, _, _ in givens[a]}
                    files_b = {p for p, _, _ in givens[b]}
                    if targets is not None and targets.isdisjoint(files_a | files_b):
                        continue  # it could only be reported in articles that are not checked
                    same_article = bool(files_a & files_b)
                    if not (similar_given_names(a, b) or (same_article and letters_swapped(a, b))):
                        continue
                    if {a, b, f"{a} {surname}", f"{b} {surname}"} & accepted:
                        continue  # an accepted spelling is never reported, nor the fix of another
                    if not same_article and (zipf(surname) >= COMMON_WORD or len(givens) > 4):
                        continue  # a common surname (many people share it), or a word ("Central Soya")
                    count = {g: sum(c for _, c, _ in givens[g]) for g in (a, b)}
                    low, high = sorted((a, b), key=lambda g: count[g])
                    rare, known_given = sorted((a, b), key=zipf)
                    if count[high] >= max(2 if same_article else 3, 2 * count[low]):
                        sides = [(low, high)]
                    elif zipf(rare) < 1.0 <= ESTABLISHED_GIVEN <= zipf(known_given):
                        sides = [(rare, known_given)]  # a misspelling of a well-known given name
                    else:
                        sides = [(a, b), (b, a)]
                    why = "the same article" if same_article else f"the same surname ({surname})"
                    # across articles, a surname general English text knows may be two people's; a
                    # typist's slip in a given name is a misspelling, not a second romanization
                    # in one article, a common word or name with a letter wrong before a
                    # company's or a person's name ("Compact" / "Comact") is a typist's slip
                    confident = ((same_article and (strict_key(a) == strict_key(b)
                                                    or max(zipf(a), zipf(b)) < COMMON_WORD))
                                 or (strict_key(a) == strict_key(b) and zipf(surname) < ESTABLISHED_GIVEN))
                    severity = None if confident else "info"
                    if len(sides) == 1 and confident and not same_article and count[sides[0][1]] <= MIRROR_USES:
                        variant, other = sides[0]
                        message = (f"`{other} {surname}` is also written `{variant} {surname}` "
                                   f"(evidence: {why}); write the given name one way")
                        for path, _, starts in givens[other]:
                            self._report(hits, path, starts, len(other), message)
                    for variant, other in sides:
                        ref_path, _, ref_starts = givens[other][0]
                        message = (f"`{variant} {surname}` and `{other} {surname}`: one given name spelled two ways "
                                   f"(evidence: {why})")
                        fix = other if len(sides) == 1 else None
                        for path, _, starts in givens[variant]:
                            self._report(hits, path, starts, len(variant), message, fix=fix, severity=severity)


RULE = TransliterationVariant
