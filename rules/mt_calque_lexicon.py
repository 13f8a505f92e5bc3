"""A literal rendering typical of machine translation from a known source language.

What it flags: phrases and patterns from a lexicon of calques organized by source language
(`rules/data/calques/<language>.yaml`): Russian "it became known", "on a gratuitous basis",
"heads of regions Russian Federation" (genitive without "of"); Chinese "in the coming time",
"the US side", "relevant departments"; Arabic "In details,", "the said towns"; Persian "it
should be recalled that", "exceptional schools"; Turkish club-colour nicknames ("the
yellow-red club"); Korean "Vice Prime Minister"; Indonesian "gratification", "became the
spotlight"; Vietnamese "ministries and branches", "in the time to come"; Spanish "seeks that",
"the next December 1"; French "political formation", "in relation with", "the living forces
of the nation"; synonym swaps left by article spinners ("martial legislation", "the ruling
social gathering", "final month" for "last month").

Why it matters: the phrase is English words in the source language's construction. A reader
stumbles, and an editor rewrites it; each entry says what to write instead.

What is not flagged: the same words where English uses them (entries are chosen and checked
against edited newswire so that a clean article almost never matches), "final week" with a
determiner ("its final week"). Phrases common in edited English though favoured by translation
("within the framework of", "it is noteworthy that", "3 thousand") are left out: they cost
more false alarms than they find. Calques inside quotations are reported too: a translated quotation is still a
translation. Entries are phrases (matched case-insensitively on word boundaries) or regular
expressions; each data file names its language, and each entry its source form and advice.
"""
from __future__ import annotations

import os
from functools import lru_cache

import regex

from lint import regex_store
from lint import MtlintError
from lint.finding import Hit
from lint.kinds.existence import phrase_pattern
from lint.rule import Rule
from lint.yamlio import load_yaml

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "calques")
ENTRY_KEYS = {"phrase", "pattern", "source", "use", "case", "needs"}


def literal_trigger(body: str) -> str | None:
    """The longest run of literal text that every match of a pattern must contain, lower-cased.

    Groups, classes, escapes and optional characters are set aside; what remains outside them is
    literal. None when nothing is left or the pattern alternates at its top level."""
    s = regex.sub(r"\\[pP]\{\w+\}|\\.", "\0", body)
    s = regex.sub(r"\[[^\]]*\]", "\0", s)
    previous = None
    while previous != s:
        previous = s
        s = regex.sub(r"\([^()]*\)", "\0", s)
    if "|" in s:
        return None
    s = regex.sub(r".(?:[?*]|\{0,?\d*\})", "\0", s)
    s = regex.sub(r"[+{}\d,^$.]", "\0", s)
    runs = [r.strip() for r in s.split("\0")]
    best = max(runs, key=len, default="")
    return best.lower() if len(best) >= 3 else None


class LazyPattern:
    """An entry's pattern, compiled the first time its trigger word is in a text: most entries
    never run on a given article, and compiling all of them costs a tenth of a second at start-up."""

    __slots__ = ("body", "where", "_compiled")

    def __init__(self, body: str, where: str):
        self.body, self.where, self._compiled = body, where, None

    def compiled(self):
        if self._compiled is None:
            try:
                self._compiled = regex_store.compile(self.body, regex.V1 | regex.IGNORECASE | regex.MULTILINE)
            except regex.error as e:
                raise MtlintError(f"{self.where}: bad pattern {self.body!r}: {e}") from None
        return self._compiled

    def finditer(self, text: str):
        return self.compiled().finditer(text)


def load_lexicon(folder: str = DATA_DIR) -> list[dict]:
    """Every entry of every language file, with its language and file; errors name the file."""
    entries = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        path = os.path.join(folder, name)
        data = load_yaml(path)
        if not isinstance(data, dict) or not data.get("language") or not isinstance(data.get("entries"), list):
            raise MtlintError(f"{path}: a calque file needs `language` and a list of `entries`")
        for raw in data["entries"]:
            where = f"{path}:{getattr(raw, 'line', '?')}"
            if not isinstance(raw, dict) or not set(raw) <= ENTRY_KEYS:
                raise MtlintError(f"{where}: an entry may only use {sorted(ENTRY_KEYS)}")
            if ("phrase" in raw) == ("pattern" in raw):
                raise MtlintError(f"{where}: an entry needs one of phrase or pattern")
            if "phrase" in raw and "case" in raw:
                raise MtlintError(f"{where}: `case` applies to patterns only")
            body = phrase_pattern(str(raw["phrase"])) if "phrase" in raw else str(raw["pattern"])
            if raw.get("case"):
                body = f"(?-i:{body})"
            compiled = LazyPattern(body, where)
            if "phrase" in raw:
                trigger = (max(str(raw["phrase"]).split(), key=len).lower(),)
            elif "needs" in raw:
                needs = raw["needs"] if isinstance(raw["needs"], list) else [raw["needs"]]
                trigger = tuple(str(n).lower() for n in needs if str(n))
            else:
                found = literal_trigger(str(raw["pattern"]))
                trigger = (found,) if found else ()
            if not trigger:
                raise MtlintError(f"{where}: give `needs`, a word every match contains, for this pattern")
            entries.append({"language": str(data["language"]), "file": name, "line": getattr(raw, "line", 0),
                            "trigger": trigger, "kind": "phrase" if "phrase" in raw else "pattern",
                            "key": str(raw.get("phrase") or raw.get("pattern")), "body": body,
                            "regex": compiled, "source": str(raw.get("source", "")),
                            "use": str(raw.get("use", ""))})
    return entries


@lru_cache(maxsize=1)
def _compiled():
    entries = load_lexicon()
    return entries, sorted({t for e in entries for t in e["trigger"]})


@lru_cache(maxsize=1)
def _trigger_automaton():
    """One Aho-Corasick automaton of every trigger: the triggers in a text in one pass over it,
    not one substring search per trigger."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for trigger in _compiled()[1]:
        automaton.add_word(trigger, trigger)
    automaton.make_automaton()
    return automaton


def triggers_in(lower_text: str) -> set:
    return {trigger for _, trigger in _trigger_automaton().iter(lower_text)}


class CalqueLexicon(Rule):
    code = "CAL003"
    name = "calque-lexicon"
    category = "mt_calque"
    severity = "warning"
    summary = "A literal rendering typical of machine translation from a known source language"
    examples = [
        {"fail": "It became known that the governor had resigned.", "at": ["1:1"]},
        {"fail": "The aid was delivered on a gratuitous basis to the region.", "at": ["1:23"]},
        {"fail": "Heads of five regions Russian Federation were replaced.", "at": ["1:15"]},
        {"fail": "The ministry will step up inspections in the coming time.", "at": ["1:39"]},
        {"fail": "Police cordoned off the area.\nIn details, the unit destroyed two vehicles.", "at": ["2:1"]},
        {"fail": "The coach said the yellow-red club would appeal.", "at": ["1:16"]},
        {"fail": "Voters in the towns backed the political formation of the former premier.", "at": ["1:32"]},
        {"fail": "The court lifted martial legislation final month.", "at": ["1:18", "1:38"]},
        {"fail": "Investors can’t assist however worry about the inventory market.", "at": ["1:11", "1:48"]},
        {"fail": "The agency examined gratification received by the official.", "at": ["1:21"]},
        {"fail": "“We will act in the time to come,” the minister said.", "at": ["1:14"]},
        {"pass": "Some 3 thousand people came within the framework of the deal; in its final week the fund rose."},
        {"pass": "Heads of regions of the Russian Federation met in Moscow on the eve of the vote."},
        {"pass": "Instant gratification drove sales, the party's spokesman told Reuters."},
        {"pass": "The main opposition party said it would meet in the coming weeks."},
    ]

    def check(self, doc, ctx):
        entries, triggers = _compiled()
        lower = doc.text.lower()
        present = triggers_in(lower)
        taken: list[tuple[int, int]] = []
        # An entry runs only when its trigger word is in the text: a substring test is cheap.
        for entry in entries:
            if not any(t in present for t in entry["trigger"]):
                continue
            for m in entry["regex"].finditer(doc.text):
                start, end = m.span()
                if start == end or any(a < end and start < b for a, b in taken):
                    continue  # two entries on the same words: the first reported is enough
                taken.append((start, end))
                source = f" ({entry['source']})" if entry["source"] else ""
                advice = f"; write {entry['use']}" if entry["use"] else ""
                yield Hit(start, end, f"`{m.group()}`: literal rendering from {entry['language']}{source}{advice}")


RULE = CalqueLexicon
