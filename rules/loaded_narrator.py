"""A propaganda label used in the narrator's voice: "martyrs", "regime forces and its mercenaries".

What it flags: labels that take a side in a conflict when the writer, not a quoted speaker,
uses them (`rules/data/loaded_narrator.yaml`): "martyrs" for the dead, "terrorists" applied to
a side ("troops mowed down several terrorists", "foreign-backed terrorists"), "occupation
forces", "the Syrian regime", "its mercenaries", "puppet" before an office ("the puppet foreign
minister"), "unfounded remarks", "Armenian provocation", "renegade leader", "traitors",
"Western masters", "the Zionist entity", "global arrogance"; words that judge what they name
("draconian measures", "the hated restrictions", a "junket" for a trip, "trumpeted about" or
"ranted about" for said, "stooped to any infamy"); one side's names ("the Islamic Emirate" for
the Taliban, "south Korea" in lower case).

Why it matters: state and partisan outlets write their side's vocabulary into the narrative.
Republished as news, the label becomes the republisher's judgement; attribute it or use a
neutral term (each entry names one).

What is not flagged: the label inside a quotation (the speaker's word), or attributed in its
sentence ("what it called terrorists", "branded them traitors", "described them as puppets",
"the so-called ..."); capitalized names ("Martyrs Square", "Puppet Theatre"); the
descriptive senses ("puppet show", "the occupation of France ended in 1944").
"""
from __future__ import annotations

import os
from functools import lru_cache

import regex

from lint import regex_store
from lint import MtlintError
from lint.finding import Hit
from lint.rule import Rule
from lint.rules.mt_calque_lexicon import literal_trigger
from lint.yamlio import load_yaml

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "loaded_narrator.yaml")

# A label is attributed when one of these comes before it in its sentence.
ATTRIBUTION = regex_store.compile(
    r"\b(?:call(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|brand(?:s|ed|ing)?|dub(?:s|bed|bing)?|"
    r"term(?:s|ed|ing)?|describ(?:e|es|ed|ing)|refer(?:s|red|ring)? to|regard(?:s|ed|ing)?|"
    r"consider(?:s|ed|ing)?|view(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|"
    r"accus(?:e|es|ed|ing)|so-called|self-styled|self-declared|self-proclaimed)\b",
    regex.IGNORECASE)


def load_entries(path: str = DATA) -> list[dict]:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise MtlintError(f"{path}: needs a list of `entries`")
    entries = []
    for raw in data["entries"]:
        where = f"{path}:{getattr(raw, 'line', '?')}"
        if not isinstance(raw, dict) or not {"pattern", "use"} <= set(raw) <= {"pattern", "use", "needs", "once"}:
            raise MtlintError(f"{where}: an entry has `pattern`, `use` and optionally `needs` and `once`")
        try:
            compiled = regex_store.compile(str(raw["pattern"]), regex.V1)
        except regex.error as e:
            raise MtlintError(f"{where}: bad pattern {raw['pattern']!r}: {e}") from None
        if "needs" in raw:
            trigger = tuple(str(n).lower() for n in (raw["needs"] if isinstance(raw["needs"], list) else [raw["needs"]]))
        else:
            found = literal_trigger(str(raw["pattern"]))
            trigger = (found,) if found else ()
        if not trigger:
            raise MtlintError(f"{where}: give `needs`, a word every match contains, for this pattern")
        entries.append({"pattern": str(raw["pattern"]), "regex": compiled, "use": str(raw["use"]), "trigger": trigger,
                        "once": raw.get("once") is True})
    return entries


@lru_cache(maxsize=1)
def _compiled():
    return load_entries()


def attributed(doc, start: int) -> bool:
    """The label is preceded in its sentence (or line) by a verb of saying or labelling."""
    s0, _ = doc.sentence_at(start)
    line_start = doc.text.rfind("\n", 0, start) + 1
    if doc.text[line_start:line_start + 1].islower():
        line_start = 0  # a hard-wrapped line goes on with its sentence ("viewed as the\ndraconian ...")
    begin = max(s0, line_start, start - 200)
    return ATTRIBUTION.search(doc.text, begin, start) is not None


class LoadedNarrator(Rule):
    code = "LOD002"
    name = "loaded-label-narrator"
    category = "loaded_language"
    severity = "warning"
    summary = "A propaganda label in the narrator's voice (\"martyrs\", \"regime forces and its mercenaries\")"
    examples = [
        {"fail": "The army mowed down several terrorists near the border.", "at": ["1:10"]},
        {"fail": "The town honoured its 300 martyrs on Friday.", "at": ["1:27"]},
        {"fail": "The regime forces and its mercenaries shelled the village.", "at": ["1:5", "1:23"]},
        {"fail": "The ministry rejected the unfounded remarks voiced by the envoy.", "at": ["1:27"]},
        {"fail": "The puppet foreign minister flew to Tokyo on Monday.", "at": ["1:5"]},
        {"fail": "Officials said the Zionist entity had closed the crossing.", "at": ["1:16"]},
        {"fail": "The council imposed draconian curbs during the minister's junket abroad.", "at": ["1:21", "1:59"]},
        {"fail": "The envoy trumpeted about cooperation with south Korea.", "at": ["1:11", "1:44"]},
        {"pass": "South Korea said the rules were “draconian”; he stooped to pick up the bag."},
        {"pass": "“Our martyrs will be avenged,” the commander said."},
        {"pass": "State television described the dead as terrorists killed by troops."},
        {"pass": "The government branded the protesters traitors and mercenaries of the West."},
        {"pass": "Children watched a puppet show in Martyrs Square; the occupation of France ended in 1944."},
    ]

    def check(self, doc, ctx):
        lower = doc.text.lower()
        taken: list[tuple[int, int]] = []
        for entry in _compiled():
            if not any(t in lower for t in entry["trigger"]):
                continue
            for m in entry["regex"].finditer(doc.text):
                start, end = m.span()
                if start == end or any(a < end and start < b for a, b in taken):
                    continue
                if doc.in_quote(start, end) or attributed(doc, start):
                    continue
                taken.append((start, end))
                yield Hit(start, end, f"Loaded label `{m.group()}` in the writer's voice; attribute it or write "
                                      f"{entry['use']}")
                if entry["once"]:
                    break  # a naming convention: its first use in the article says it


RULE = LoadedNarrator
