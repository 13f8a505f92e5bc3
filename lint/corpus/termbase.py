"""The termbase: a project's house style, as a YAML file the project owns.

    terms:              # canonical forms and the wrong variants to replace
      - use: Operation Irini
        not: [Operation Irene]
        note: the EU naval operation enforcing the arms embargo on Libya
      - use: Irini
        not: [Irene]
        context: [operation, EU, European, naval]   # only in sentences with one of these words
    people:             # the rank or title of a person, and spellings of the name
      - name: Khalifa Haftar
        rank: Field Marshal
        not: [Hafter]
    avoid:              # words the house style does not use, with what to write instead
      - phrase: terrorist militias
        instead: armed groups
        note: a label, not a description
    accept: [Koogle, Dowson]   # right as written, though they look like variants of other words

Every key is checked; a mistake names the file and line. An accepted spelling is never reported
by the variant rules (NAM001, NAM002, TRM001, TRM002), and no other spelling is reported as its
variant or replaced with it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from lint import MtlintError
from lint.yamlio import LineDict, line_of, load_yaml

SECTION_KEYS = {
    "terms": ({"use", "not", "context", "note", "case_sensitive"}, {"use", "not"}),
    "people": ({"name", "rank", "not", "note"}, {"name"}),
    "avoid": ({"phrase", "instead", "note", "case_sensitive"}, {"phrase"}),
}


@dataclass(frozen=True)
class Term:
    use: str
    variants: tuple
    context: tuple = ()
    note: str = ""
    case_sensitive: bool = True


@dataclass(frozen=True)
class Person:
    name: str
    rank: str | None = None
    variants: tuple = ()
    note: str = ""

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Avoid:
    phrase: str
    instead: str | None = None
    note: str = ""
    case_sensitive: bool = False


@dataclass
class Termbase:
    path: str
    terms: list = field(default_factory=list)
    people: list = field(default_factory=list)
    avoid: list = field(default_factory=list)
    accept: frozenset = frozenset()  # spellings that are right as written
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def cached(self, key: str, build):
        """A value built once per termbase (the matchers of its sections)."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def canonical_names(self) -> dict:
        """variant spelling -> canonical spelling, for single-word names and terms."""
        out = {}
        for t in self.terms:
            for v in t.variants:
                out[v] = t.use
        for p in self.people:
            for v in p.variants:
                out[v] = p.surname if " " not in v else p.name
        return out


def _strings(value, where, key) -> tuple:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise MtlintError(f"{where}: {key} must be a string or a list of strings")
    return tuple(value)


def load_termbase(path: str) -> Termbase:
    data = load_yaml(path)
    if data is None:
        return Termbase(path)
    if not isinstance(data, LineDict):
        raise MtlintError(f"{path}:1: a termbase is a mapping with terms, people, avoid and accept")
    tb = Termbase(path)
    for section, items in data.items():
        where = f"{path}:{line_of(data, section)}"
        if section == "accept":
            if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
                raise MtlintError(f"{where}: accept must be a list of spellings (strings), not {items!r}")
            tb.accept = frozenset(v.strip() for v in items)
            continue
        if section not in SECTION_KEYS:
            raise MtlintError(f"{where}: unknown section {section!r} (known: {', '.join([*SECTION_KEYS, 'accept'])})")
        if not isinstance(items, list):
            raise MtlintError(f"{where}: {section} must be a list of entries")
        allowed, required = SECTION_KEYS[section]
        for item in items:
            at = f"{path}:{line_of(item) or line_of(data, section)}"
            if not isinstance(item, dict):
                raise MtlintError(f"{at}: each {section} entry must be a mapping")
            for key in item:
                if key not in allowed:
                    raise MtlintError(f"{path}:{line_of(item, key)}: unknown key {key!r} in {section} "
                                      f"(allowed: {', '.join(sorted(allowed))})")
            for key in required:
                if not item.get(key):
                    raise MtlintError(f"{at}: {section} entry needs {key!r}")
            for key in ("use", "name", "phrase", "rank", "instead", "note"):
                if key in item and not isinstance(item[key], str):
                    raise MtlintError(f"{path}:{line_of(item, key)}: {key} must be a string")
            if section == "terms":
                variants = _strings(item["not"], f"{path}:{line_of(item, 'not')}", "not")
                if item["use"] in variants:
                    raise MtlintError(f"{path}:{line_of(item, 'not')}: {item['use']!r} is listed as its own variant")
                context = _strings(item.get("context", []), f"{path}:{line_of(item, 'context')}", "context") if item.get("context") else ()
                tb.terms.append(Term(item["use"], variants, context, item.get("note", ""), bool(item.get("case_sensitive", True))))
            elif section == "people":
                variants = _strings(item.get("not", []), f"{path}:{line_of(item, 'not')}", "not") if item.get("not") else ()
                tb.people.append(Person(item["name"], item.get("rank"), variants, item.get("note", "")))
            else:
                tb.avoid.append(Avoid(item["phrase"], item.get("instead"), item.get("note", ""), bool(item.get("case_sensitive", False))))
    _check_no_loops(tb, path)
    _check_accept(tb, path, line_of(data, "accept") if "accept" in data else 1)
    return tb


def _check_no_loops(tb: Termbase, path: str) -> None:
    canonical = {t.use for t in tb.terms}
    for t in tb.terms:
        for v in t.variants:
            if v in canonical:
                raise MtlintError(f"{path}: {v!r} is both a canonical term and a variant of {t.use!r}")


def _check_accept(tb: Termbase, path: str, line: int) -> None:
    """An accepted spelling listed as a variant too contradicts itself."""
    for use, variants in [(t.use, t.variants) for t in tb.terms] + [(p.name, p.variants) for p in tb.people]:
        for v in variants:
            if v in tb.accept:
                raise MtlintError(f"{path}:{line}: {v!r} is accepted but also listed as a variant (not) of {use!r}")


@lru_cache(maxsize=4096)
def phrase_regex(phrase: str, case_sensitive: bool = True):
    words = [regex.escape(w) for w in phrase.split()]
    flags = 0 if case_sensitive else regex.IGNORECASE
    return regex.compile(r"(?<![\p{L}\p{N}])" + r"[\s\-]+".join(words) + r"(?![\p{L}\p{N}])", flags)


def _lower(text: str) -> str:
    """`text` in lower case, one code point for one (a letter whose lower case is longer is kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    low = "\u0130".join(part.lower() for part in text.split("\u0130"))  # İ: the usual one
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")


class PhraseMatcher:
    """Finds many phrases at once, each as `phrase_regex` finds it alone.

    One Aho-Corasick automaton holds the first word of every phrase (in lower case); a place where
    a first word occurs is confirmed with that phrase's own pattern, compiled when first needed.
    So the cost of a document grows with its length and the number of candidate places, not with
    the number of phrases: 60,000 entries cost about what 60 do.
    """

    def __init__(self, phrases):
        import ahocorasick

        self.phrases = [(p, bool(cs)) for p, cs in phrases]
        self.automaton = ahocorasick.Automaton()
        firsts: dict[str, list[int]] = {}
        for i, (phrase, _) in enumerate(self.phrases):
            words = phrase.split()
            if words:
                firsts.setdefault(_lower(words[0]), []).append(i)
        self.words = [tuple(_lower(w) for w in phrase.split()) for phrase, _ in self.phrases]
        for key, indices in firsts.items():
            self.automaton.add_word(key, (len(key), tuple(indices)))
        self.empty = not firsts
        if not self.empty:
            self.automaton.make_automaton()

    def finditer(self, text: str):
        """Yield (phrase index, match), by phrase index and then by position; the matches of one
        phrase do not overlap, as with `finditer`."""
        if self.empty or not text:
            return
        low = _lower(text)
        candidates: dict[int, list[int]] = {}
        for end, (length, indices) in self.automaton.iter(low):
            start = end + 1 - length
            if start > 0 and _WORD_CHAR.match(text, start - 1):
                continue  # inside a word: no phrase starts here
            for i in indices:
                candidates.setdefault(i, []).append(start)
        for i in sorted(candidates):
            pattern = None
            last_end = -1
            for start in candidates[i]:
                if start < last_end or not _words_follow(text, low, start, self.words[i]):
                    continue
                pattern = pattern or phrase_regex(*self.phrases[i])
                m = pattern.match(text, start)
                if m is not None:
                    last_end = m.end()
                    yield i, m


def _words_follow(text: str, low: str, start: int, words: tuple) -> bool:
    """A quick test that the words of a phrase follow each other from `start`, separated as
    `phrase_regex` allows (it never rejects a place the pattern would match)."""
    pos = start + len(words[0])
    for word in words[1:]:
        sep = pos
        while pos < len(text) and (text[pos].isspace() or text[pos] == "-" or _SEPARATOR.match(text, pos)):
            pos += 1
        if pos == sep or not low.startswith(word, pos):
            return False
        pos += len(word)
    return True


_SEPARATOR = regex.compile(r"[\s\-]")


def find_variants(doc, entries, matcher: PhraseMatcher | None = None):
    """Yield (match, canonical, note) for each termbase variant in the document.

    `entries` are (canonical, variants, context words, case_sensitive, note); with context words,
    a variant counts only in a sentence that contains one of them. `matcher` is
    `variant_matcher(entries)`, built once for many documents.
    """
    matcher = matcher or variant_matcher(entries)
    owners = matcher.owners
    for i, m in matcher.finditer(doc.text):
        use, _, context, _, note = entries[owners[i]]
        if context:
            s, e = doc.sentence_at(m.start())
            if not _context_regex(tuple(context)).search(doc.text, s, max(e, m.end())):
                continue
        yield m, use, note


def variant_matcher(entries) -> PhraseMatcher:
    phrases, owners = [], []
    for k, (_, variants, _, case_sensitive, _) in enumerate(entries):
        for variant in variants:
            phrases.append((variant, case_sensitive))
            owners.append(k)
    matcher = PhraseMatcher(phrases)
    matcher.owners = owners
    return matcher


@lru_cache(maxsize=4096)
def _context_regex(context: tuple):
    return regex.compile(r"\b(?:" + "|".join(regex.escape(c) for c in context) + r")\b", regex.IGNORECASE)
