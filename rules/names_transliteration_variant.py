"""One name spelled two ways: "Akar" / "Aggar", "Al-Jaroushi" / "Geroushi", "Haftar" / "Hafter".

What it flags: a spelling of a name that the corpus (or the same article) mostly spells another
way, when the two differ only as transliterations do: vowels, g / k / q / j, ou / u, kh / h,
doubled letters, the article al- / el-. No dictionary is needed; the corpus is the reference.

Why it matters: readers take two spellings for two people; search, archives and entity
extraction split one person in two. A copy desk fixes the spelling to the house form.

Precision first. A pair is reported only with evidence that it is one person: both spellings in
the same article, or the same rare given name before both ("Saqr"). Variants the termbase lists
are left to TRM001, and a spelling the termbase uses is the house form. Spellings with
different given names ("Mohammed Ali" / "Mohammad Reza") are different people; words that also
occur in lower case are common words, not names; given names themselves are not compared (only
the surname carries the identity); the article dropped on a second reference ("al-Namrous" /
"Namrous") and derived words ("Turks" / "Turkish") are not variants. Two spellings both well established in the corpus are left
alone: a spelling in the CMU Pronouncing Dictionary (a word, or a name such as Davies beside
Davis), or one used in three or more articles. `mtlint terms` lists every cluster, evidence or
not, for a person to review; a termbase entry then makes the rule report it.

The suggested replacement is the majority spelling (or the termbase's), offered as an unsafe fix.
"""
from __future__ import annotations

import os
import sys
from array import array
from collections import Counter, defaultdict

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from lint.corpus.names import PREFIX, dictionary_words, name_occurrences, skeleton, translit_key
from lint.finding import Hit, Related
from lint.rule import Rule

MAX_OCCURRENCES = 50  # per spelling per file kept in a summary
DEMONYM_ENDINGS = {"i", "is", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish", "s", "es"}
RARE_GIVEN_NAME = 3  # a given name shared by two spellings is evidence only if it is this rare


class NameSummary:
    """One file's names, stored column-wise so that 20,000 files cost little memory.

    For each spelling: how often it occurs, how often a capitalized word follows it (given names
    are followed by surnames), the given names before it, where it occurs (offsets, and the line
    and column of its first use), and whether the file also has it in lower case."""

    __slots__ = ("spellings", "counts", "followed", "given", "first", "starts", "bounds", "lowered")

    def __init__(self, doc):
        entries: dict = {}
        for spelling, start, _, given, _, followed in name_occurrences(doc):
            e = entries.setdefault(sys.intern(spelling), [0, 0, set(), []])
            e[0] += 1
            e[1] += followed
            if given:
                e[2].add(sys.intern(given))
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

    def index(self) -> dict:
        return {sp: i for i, sp in enumerate(self.spellings)}

    def occurrences(self, i: int) -> list[int]:
        return list(self.starts[self.bounds[i]:self.bounds[i + 1]])


def collect_names(doc) -> NameSummary:
    return NameSummary(doc)


def corpus_stats(summaries: dict) -> dict:
    """spelling -> {"count", "files" (how many), "first": (path, line, col), "given", "followed", "lowered"}."""
    stats: dict = {}
    for path in sorted(summaries):
        summary = summaries[path]
        for i, spelling in enumerate(summary.spellings):
            s = stats.get(spelling)
            if s is None:
                s = stats[spelling] = {"count": 0, "files": 0, "given": set(), "followed": 0, "lowered": False,
                                       "first": (path, summary.first[2 * i], summary.first[2 * i + 1])}
            s["count"] += summary.counts[i]
            s["files"] += 1
            s["given"].update(summary.given[i])
            s["followed"] += summary.followed[i]
        for i in summary.lowered:
            stats[summary.spellings[i]]["lowered"] = True
    return stats


def files_of(summaries: dict, spellings: set) -> dict:
    """spelling -> {path: [offsets]} for a few spellings (a second, narrow pass)."""
    out: dict = {sp: {} for sp in spellings}
    for path, summary in summaries.items():
        for i, spelling in enumerate(summary.spellings):
            if spelling in out:
                out[spelling][path] = summary.occurrences(i)
    return out


def similar(a: str, b: str, key_a: str, key_b: str) -> bool:
    """Two spellings that differ only as transliterations of one name do."""
    if Levenshtein.distance(key_a, key_b) > 1 or same_name_or_derived(a, b):
        return False
    # The folded keys hide a lot; the spellings themselves must still look alike.
    plain_a, plain_b = PREFIX.sub("", a).lower(), PREFIX.sub("", b).lower()
    return fuzz.ratio(plain_a, plain_b) >= 60


def candidate_pairs(stats: dict):
    """Yield (spelling, spelling) pairs of likely transliteration variants, each pair once."""
    by_skeleton = defaultdict(list)
    for spelling, s in stats.items():
        if s["lowered"] or s["followed"] * 2 > s["count"]:
            continue  # a common word, or mostly a given name
        key = translit_key(spelling)
        if len(key) < 4 or len(skeleton(key)) < 2:
            continue
        by_skeleton[skeleton(key)].append((spelling, key))
    for members in by_skeleton.values():
        for i, (a, ka) in enumerate(members):
            for b, kb in members[i + 1:]:
                if similar(a, b, ka, kb):
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


def given_name_spread(stats: dict) -> Counter:
    """How many different surnames each given name stands before: "James" many, "Saqr" one."""
    spread = Counter()
    for s in stats.values():
        spread.update(s["given"])
    return spread


def evidence(variant, canonical, stats, spread, where) -> str | None:
    v, c = stats[variant], stats[canonical]
    if v["given"] and c["given"] and not (v["given"] & c["given"]):
        return None  # different given names: different people
    if set(where[variant]) & set(where[canonical]):
        return "the same article"
    shared = sorted(g for g in v["given"] & c["given"] if spread[g] <= RARE_GIVEN_NAME)
    if shared:
        return f"the same given name ({shared[0]})"
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
         "at": ["b.txt:1:23"]},
        {"fail": "Khaled al-Mehri met the minister. Akar and Mekher called for coordination."},
        {"pass": "Defense Minister Hulusi Akar met spokesman Hami Aksoy. Akar and Aksoy spoke."},
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
        stats = corpus_stats(summaries)
        pairs = []
        for a, b in candidate_pairs(stats):
            if a in canonical_names or b in canonical_names:
                continue  # the termbase names this variant: NAM002 / TRM001 report it
            variant, canonical = sorted((a, b), key=lambda s: order_key(s, stats), reverse=True)
            if canonical_names and variant in canonical_names.values():
                variant, canonical = canonical, variant  # the termbase's spelling is the house form
            if stats[variant]["files"] >= ctx.options["established_files"]:
                continue  # a spelling used across several articles is a house spelling; see `mtlint terms`
            pairs.append((variant, canonical))
        if not pairs:
            return
        known = dictionary_words()
        pairs = [(v, c) for v, c in pairs if PREFIX.sub("", v).lower() not in known]  # words, established names
        where = files_of(summaries, {s for pair in pairs for s in pair})
        spread = given_name_spread(stats)
        reported = set()
        for variant, canonical in pairs:
            if variant in reported:
                continue
            why = evidence(variant, canonical, stats, spread, where)
            if why is None:
                continue
            reported.add(variant)
            c = stats[canonical]
            ref_path, ref_line, ref_col = c["first"]
            related = (Related(ref_path, ref_line, ref_col, f"`{canonical}` is used here"),)
            message = (f"`{variant}` looks like a variant spelling of `{canonical}` "
                       f"({c['count']} use{'s' if c['count'] != 1 else ''}; evidence: {why})")
            for path, starts in where[variant].items():
                for start in starts:
                    yield path, Hit(start, start + len(variant), message, fix=canonical, related=related)


RULE = TransliterationVariant
