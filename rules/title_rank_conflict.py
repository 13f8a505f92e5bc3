"""One person given conflicting ranks or titles, across the corpus or inside one article.

What it flags:
- two ranks for one person: "Brigadier General Khalifa Haftar" in one article where the corpus
  otherwise says "General Khalifa Haftar" (or the termbase gives his rank as "Field Marshal").
  The outlier rank is reported, with where the usual one is used. Ranks of the military and the
  police (lexicons in `rules/data/ranks_*.txt`, with abbreviations and common untranslated
  forms: Kombes, Brigjen, Polkovnik, Tuğgeneral) are compared by meaning, so "Lt. Gen." and
  "Lieutenant General" agree;
- one rank written two ways for one person when one of the ways is an untranslated form
  ("Kombes Ade Rahman" here, "Sr. Comr. Ade Rahman" there): the reader cannot tell they are one
  rank. Every mention is reported; the untranslated form itself is TTL002's;
- one title rendered two ways for one person in one article ("former deputy spokesperson" and
  "former vice spokesperson"), from `rules/data/titles_government.txt`.

Why it matters: a rank is a fact. Conflicting ranks tell the reader that at least one article is
wrong, and machine translation maps ranks between armies and police forces loosely.

A person is recognised by surname (spelling variants folded, so "Hafter" counts as "Haftar").
A rank given in the termbase (`people: - name: ..., rank: ...`) wins over the majority; without
one, the majority rank must be used at least twice and more often than the outlier. The short
form of the usual rank ("Colonel" for a lieutenant colonel) is how people are addressed, not a
conflict. Civil titles ending in "General" (Secretary General, Attorney General) are not ranks,
nor are company names ("General Insurance Co"); a surname carried by several given names is
several people and is left alone. A person may hold several government titles at once
(chairman and chief executive), so only renderings of one title are compared.
"""
from collections import Counter, defaultdict

import regex

from lint import regex_store
from lint.corpus.names import translit_key
from lint.finding import Hit, Related
from lint.rule import Rule
from lint.titles import lexicon

WORD = r"\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}+)?"
NAME = rf"(?:{WORD}[ \t]+){{0,3}}(?:[Aa]l-)?{WORD}"
CIVIL = (r"(?<!(?:Secretary|Attorney|Solicitor|Surgeon|Inspector|Director|Postmaster|Governor|Consul|Auditor|"
         r"Comptroller|Adjutant|Quartermaster)[ \t-])")
COMPANY = r"(?![ \t]+(?:Corp|Inc|Co|Ltd|Plc|Group|Holdings|International|Industries|Bank|Insurance)\b)"
NOT_PEOPLE = {"Motors", "Electric", "Assembly", "Dynamics", "Mills", "Foods", "Accounting", "Staff", "League",
              "Instrument", "Instruments", "Cinema", "Cinemas", "Signal", "Host", "Re", "Public", "Development",
              "Partners", "Atomics", "Hospital", "Council", "Command", "Headquarters", "Secretariat", "Affairs"}

PERSON_END = regex_store.compile(r"(?:man|woman|person)$")


def _alternation(forms) -> str:
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        parts.append(r"[ \t]+".join(regex.escape(w) for w in form.split()))
    return "|".join(parts)


def patterns():
    titles = lexicon()
    ranks = [t.form for t in titles.values() if t.domain != "government" and not t.post]
    civil = [t.form for t in titles.values() if t.domain == "government"]
    before = regex_store.compile(
        rf"{CIVIL}(?<![\p{{L}}.])(?P<rank>{_alternation(ranks)})(?:[ \t]+Pol\.?)?[ \t]+(?P<name>{NAME})"
        rf"(?![\p{{L}}-]){COMPANY}")
    after = regex_store.compile(
        rf"(?<![\p{{L}}-])(?P<name>{WORD}(?:[ \t]+{WORD}){{1,3}}),[ \t]+(?:the[ \t]+)?(?:former[ \t]+)?"
        rf"(?P<rank>{_alternation(civil)})(?![\p{{L}}-])")
    return before, after


BEFORE, AFTER = patterns()


def ungendered(form: str) -> str:
    """"spokesman", "spokeswoman" and "spokesperson" are one rendering of one title."""
    return PERSON_END.sub("person", form)


def normalize(form: str) -> str:
    return " ".join(form.split())


class RankConflict(Rule):
    code = "TTL001"
    name = "rank-conflict"
    category = "title_conflict"
    severity = "warning"
    summary = "One person given conflicting ranks or titles (\"Brigadier General\" vs \"General\"; \"Kombes\" vs \"Sr. Comr.\")"
    corpus = True
    examples = [
        {"files": {"a.txt": "General Khalifa Haftar's army advanced. General Khalifa Haftar spoke.",
                   "b.txt": "Eastern Libya's strongman, Brigadier General Khalifa Haftar, issued a statement."},
         "at": ["b.txt:1:28"]},
        {"fail": "Field Marshal Haftar met them.",
         "termbase": {"people": [{"name": "Khalifa Haftar", "rank": "General"}]}},
        {"files": {"a.txt": "Police spokesman Kombes Ade Rahman said the suspect was held.",
                   "b.txt": "Sr. Comr. Ade Rahman said the evidence was seized."},
         "at": ["b.txt:1:1"]},
        {"files": {"a.txt": "Lt. Gen. Omar Tariq spoke. Lt. Gen. Omar Tariq left.",
                   "b.txt": "Lieutenant General Omar Tariq arrived."}},
        {"fail": "Guests: Park Min-ho, former deputy spokesperson of the party. We asked Park Min-ho, "
                 "former vice spokesperson, first.", "at": ["1:92"]},
        {"pass": "Kim Dae-su, spokesman for the ministry, spoke. Kim Dae-su, chairman of the board, agreed."},
        {"pass": "General Khalifa Haftar spoke; later General Haftar left. Secretary General Antonio Guterres replied."},
        {"files": {"a.txt": "General Motors rose. General Motors fell.", "b.txt": "Major Motors fell."}},
        {"files": {"a.txt": "Commodore International Corp fell. General Insurance Co rose. General Insurance Co fell."}},
        {"files": {"a.txt": "Sergeant Alvin York and Sergeant Alvin York.", "b.txt": "Colonel Sarah York spoke."}},
        {"files": {"a.txt": "Lieutenant Colonel Oliver North. Lieutenant Colonel Oliver North.",
                   "b.txt": "Colonel North testified."}},
    ]

    def collect(self, doc, ctx):
        titles = lexicon()
        found = defaultdict(list)
        for pattern in (BEFORE, AFTER):
            for m in pattern.finditer(doc.text):
                name = m.group("name")
                surname = name.split()[-1]
                if surname in NOT_PEOPLE or name.split()[0] in NOT_PEOPLE:
                    continue
                form = normalize(m.group("rank"))
                title = titles[form]
                line, col = doc.line_col(m.start("rank"))
                found[translit_key(surname)].append(
                    (title.meaning, form, m.start("rank"), m.end("rank"), line, col, name, title.domain,
                     title.foreign))
        return dict(found) or None

    def finalize(self, summaries, ctx):
        tb = ctx.project.termbase if ctx.project else None
        stated = {translit_key(p.surname): (p.rank, p.name) for p in (tb.people if tb else []) if p.rank}
        titles = lexicon()
        people = defaultdict(list)
        for path in sorted(summaries):
            for person, mentions in summaries[path].items():
                people[person].extend((path,) + m for m in mentions)
        for person, mentions in people.items():
            given_names = {m[7].split()[0] for m in mentions if len(m[7].split()) > 1}
            if len(given_names) > 1 and person not in stated:
                continue  # one surname, several people
            ranks = [m for m in mentions if m[8] != "government"]
            civil = [m for m in mentions if m[8] == "government"]
            yield from self._rank_conflicts(person, ranks, stated, titles)
            yield from self._renderings(ranks)
            yield from self._civil_renderings(civil)

    @staticmethod
    def _rank_conflicts(person, mentions, stated, titles):
        counts = Counter(m[1] for m in mentions)
        if person in stated:
            form = normalize(stated[person][0])
            usual = titles[form].meaning if form in titles else form.lower()
            source = "the termbase"
        else:
            if len(counts) < 2:
                return
            (usual, n), (_, second) = counts.most_common(2)
            if n < 2 or n == second:
                return
            source = f"{n} mentions"
        reference = next((m for m in mentions if m[1] == usual), None)
        related = (Related(reference[0], reference[5], reference[6], f"`{reference[2]}` is used here"),) if reference else ()
        for path, meaning, form, start, end, line, col, name, _, _ in mentions:
            if meaning == usual or usual.endswith(" " + meaning):
                continue  # "Colonel North" for a lieutenant colonel is the usual short form
            yield path, Hit(start, end, f"`{form} {name}`: rank conflicts with `{usual.title()}` ({source})",
                            related=related)

    @staticmethod
    def _renderings(mentions):
        """One rank, written in an untranslated form somewhere and in another form elsewhere."""
        by_meaning = defaultdict(list)
        for m in mentions:
            by_meaning[m[1]].append(m)
        for meaning, group in by_meaning.items():
            forms = {m[2] for m in group}
            foreign = sorted({m[2] for m in group if m[9]})
            if len(forms) < 2 or not foreign:
                continue
            for path, _, form, start, end, line, col, name, _, is_foreign in group:
                if is_foreign:
                    continue  # TTL002 reports the untranslated form itself
                yield path, Hit(start, end, f"`{form} {name}`: the same rank ({meaning}) is written "
                                            f"`{foreign[0]}` elsewhere in the corpus; write it one way")

    @staticmethod
    def _civil_renderings(mentions):
        """One title rendered two ways for one person inside one article."""
        by_article = defaultdict(list)
        for m in mentions:
            by_article[(m[0], m[1])].append(m)
        for (path, meaning), group in by_article.items():
            counts = Counter(ungendered(m[2]) for m in group)
            if len(counts) < 2:
                continue
            usual = max(counts, key=lambda f: (counts[f], -min(m[3] for m in group if ungendered(m[2]) == f)))
            usual_form = next(m[2] for m in group if ungendered(m[2]) == usual)
            for _, _, form, start, end, line, col, name, _, _ in group:
                if ungendered(form) != usual:
                    yield path, Hit(start, end, f"`{name}, {form}`: this article also calls {name} `{usual_form}`; "
                                                f"write the title one way")


RULE = RankConflict
