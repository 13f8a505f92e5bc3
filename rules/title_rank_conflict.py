"""One person given conflicting military ranks across the corpus.

What it flags: "Brigadier General Khalifa Haftar" in one article where the corpus otherwise says
"General Khalifa Haftar" (or the termbase gives his rank as "Field Marshal"). The outlier rank
is reported, with where the usual one is used.

Why it matters: a rank is a fact. Conflicting ranks tell the reader that at least one article is
wrong, and machine translation often maps ranks between armies loosely (liwa' / mushir / amid).

A person is recognised by surname (spelling variants folded, so "Hafter" counts as "Haftar").
A rank given in the termbase (`people: - name: ..., rank: ...`) wins over the majority; without
one, the majority rank must be used at least twice and more often than the outlier. The short
form of the usual rank ("Colonel" for a lieutenant colonel) is how people are addressed, not a
conflict.
Civil titles ending in "General" (Secretary General, Attorney General) are not ranks, nor are
company names ("General Insurance Co"); a surname carried by several given names is several
people and is left alone.
"""
from collections import Counter, defaultdict

import regex

from lint.corpus.names import translit_key
from lint.finding import Hit, Related
from lint.rule import Rule

RANK = (r"(?:(?:Field|Brigadier|Major|Lieutenant|Lt\.?|Maj\.?|Brig\.?|Vice|Rear|Staff|Air|Colonel)[ \t]+)?"
        r"(?:General|Gen\.|Marshal|Colonel|Col\.|Admiral|Adm\.|Commodore|Sergeant|Sgt\.)"
        # in lower case only the ranks that MT leaves in lower case before a name
        r"|(?:field[ \t]+)?marshal|general")
PATTERN = regex.compile(
    rf"(?<!(?:Secretary|Attorney|Solicitor|Surgeon|Inspector|Director|Postmaster|Governor|Consul|Auditor|Comptroller|Adjutant|Quartermaster)[ \t-])"
    rf"(?<![\p{{L}}])(?P<rank>{RANK})[ \t]+(?P<name>(?:\p{{Lu}}\p{{Ll}}+[ \t]+){{0,2}}(?:[Aa]l-)?\p{{Lu}}\p{{Ll}}+)(?![\p{{L}}-])"
    r"(?![ \t]+(?:Corp|Inc|Co|Ltd|Plc|Group|Holdings|International|Industries|Bank|Insurance)\b)")
ABBREVIATIONS = {"lt": "lieutenant", "maj": "major", "brig": "brigadier", "gen": "general", "col": "colonel",
                 "adm": "admiral", "capt": "captain", "sgt": "sergeant"}
NOT_PEOPLE = {"Motors", "Electric", "Assembly", "Dynamics", "Mills", "Foods", "Accounting", "Staff", "League",
              "Instrument", "Instruments", "Cinema", "Cinemas", "Signal", "Host", "Re", "Public", "Development",
              "Partners", "Atomics", "Hospital", "Council", "Command", "Headquarters", "Secretariat", "Affairs"}


def normalize_rank(rank: str) -> str:
    words = [ABBREVIATIONS.get(w.lower().rstrip("."), w.lower().rstrip(".")) for w in rank.split()]
    return " ".join(words)


class RankConflict(Rule):
    code = "TTL001"
    name = "rank-conflict"
    category = "title_conflict"
    severity = "warning"
    summary = "One person given conflicting ranks across the corpus (\"Brigadier General\" vs \"General\")"
    corpus = True
    examples = [
        {"files": {"a.txt": "General Khalifa Haftar's army advanced. General Khalifa Haftar spoke.",
                   "b.txt": "Eastern Libya's strongman, Brigadier General Khalifa Haftar, issued a statement."},
         "at": ["b.txt:1:28"]},
        {"fail": "Field Marshal Haftar met them.",
         "termbase": {"people": [{"name": "Khalifa Haftar", "rank": "General"}]}},
        {"pass": "General Khalifa Haftar spoke; later General Haftar left. Secretary General Antonio Guterres replied."},
        {"files": {"a.txt": "General Motors rose. General Motors fell.", "b.txt": "Major Motors fell."}},
        {"files": {"a.txt": "Commodore International Corp fell. General Insurance Co rose. General Insurance Co fell."}},
        {"files": {"a.txt": "Sergeant Alvin York and Sergeant Alvin York.", "b.txt": "Colonel Sarah York spoke."}},
        {"files": {"a.txt": "Lieutenant Colonel Oliver North. Lieutenant Colonel Oliver North.",
                   "b.txt": "Colonel North testified."}},
    ]

    def collect(self, doc, ctx):
        found = defaultdict(list)
        for m in PATTERN.finditer(doc.text):
            name = m.group("name")
            surname = name.split()[-1]
            if surname in NOT_PEOPLE or name.split()[0] in NOT_PEOPLE:
                continue
            line, col = doc.line_col(m.start("rank"))
            found[translit_key(surname)].append(
                (normalize_rank(m.group("rank")), m.group("rank"), m.start("rank"), m.end("rank"), line, col, name))
        return dict(found) or None

    def finalize(self, summaries, ctx):
        tb = ctx.project.termbase if ctx.project else None
        stated = {translit_key(p.surname): (p.rank, p.name) for p in (tb.people if tb else []) if p.rank}
        people = defaultdict(list)
        for path in sorted(summaries):
            for person, mentions in summaries[path].items():
                people[person].extend((path,) + m for m in mentions)
        for person, mentions in people.items():
            given_names = {m[7].split()[0] for m in mentions if len(m[7].split()) > 1}
            if len(given_names) > 1 and person not in stated:
                continue  # one surname, several people
            counts = Counter(m[1] for m in mentions)
            if person in stated:
                usual, source = normalize_rank(stated[person][0]), "the termbase"
            else:
                if len(counts) < 2:
                    continue
                (usual, n), (_, second) = counts.most_common(2)
                if n < 2 or n == second:
                    continue
                source = f"{n} mentions"
            reference = next((m for m in mentions if m[1] == usual), None)
            related = (Related(reference[0], reference[5], reference[6], f"`{reference[2]}` is used here"),) if reference else ()
            for path, rank, text, start, end, line, col, name in mentions:
                if rank == usual or usual.endswith(" " + rank):
                    continue  # "Colonel North" for a lieutenant colonel is the usual short form
                yield path, Hit(start, end, f"`{text} {name}`: rank conflicts with `{usual.title()}` ({source})",
                                related=related)


RULE = RankConflict
