"""`existence`: flag every match of a list of words or patterns (Vale's existence check).

Keys:
  tokens       literal words or phrases, matched on word boundaries (spaces match any whitespace)
  patterns     regular expressions (the `regex` module's syntax, Unicode properties included);
               a group named `m` narrows the reported span to that group
  define       named sub-patterns that patterns use as (?&name), written once
  ignore_case  default false
  message      text of the finding; `{match}` is the matched text
  fix          replacement text for the match ("" deletes it); omit when no fix is safe
  quotes       "skip" (default): matches inside quotations are the speaker's words and are not
               reported; "include": report them too
  skip_title   do not look at the first line (the headline)
  requires     words of which every match holds at least one (any case): an article with none of
               them is skipped without running the patterns (a fast pre-check, never a filter)
"""
from __future__ import annotations

import regex

from lint import regex_store
from lint import MtlintError
from lint.finding import Hit
from lint.kinds import as_list, leftmost_matches, scan, timeout_hit
from lint.rule import Rule


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a regex on word boundaries, any run of whitespace between words, and
    either apostrophe for an apostrophe (`can't` finds "can’t" too)."""
    words = [regex.sub(r"\\?['’]", "['’]", regex.escape(w)) for w in phrase.split()]
    body = r"\s+".join(words)
    left = r"\b" if regex.match(r"\w", phrase) else ""
    right = r"\b" if regex.search(r"\w$", phrase) else ""
    return f"{left}{body}{right}"


class ExistenceRule(Rule):
    KEYS = ("tokens", "patterns", "define", "ignore_case", "message", "fix", "quotes", "skip_title", "requires")

    def configure(self, data, where):
        tokens = [str(t) for t in as_list(data, "tokens", where)]
        patterns = [str(p) for p in as_list(data, "patterns", where)]
        if not tokens and not patterns:
            raise MtlintError(f"{where('kind')}: an existence rule needs tokens or patterns")
        flags = regex.V1 | (regex.IGNORECASE if data.get("ignore_case") else 0)
        define = data.get("define") or {}
        if not isinstance(define, dict):
            raise MtlintError(f"{where('define')}: define must be a mapping of name -> pattern")
        defines = "".join(f"(?(DEFINE)(?<{name}>{p}))" for name, p in define.items())
        # Each pattern is compiled alone and the scans are merged (see `leftmost_matches`): one
        # alternation of all of them would hide each pattern's literal prefix from the regex
        # engine, which then tries every alternative at every position (three times slower).
        compiled = []
        if tokens:
            compiled.append(regex_store.compile("|".join(phrase_pattern(t) for t in tokens), flags))
        for p in patterns:
            try:
                compiled.append(regex_store.compile(p + defines, flags))
            except regex.error as e:
                raise MtlintError(f"{where('patterns')}: bad pattern {p!r}: {e}") from None
        self.patterns = tuple(compiled)
        self.message = str(data.get("message", "`{match}`: " + self.summary))
        self.fix_text = data.get("fix")
        self.fixable = self.fix_text is not None
        self.quotes = data.get("quotes", "skip")
        if self.quotes not in ("skip", "include"):
            raise MtlintError(f"{where('quotes')}: quotes must be skip or include")
        self.skip_title = bool(data.get("skip_title", False))
        requires = [str(w) for w in as_list(data, "requires", where)]
        self.requires = (regex_store.compile(r"\b(?:" + "|".join(regex.escape(w) for w in requires) + r")\b", regex.IGNORECASE)
                         if requires else None)

    def check(self, doc, ctx):
        if self.requires is not None and not self.requires.search(doc.text):
            return
        title_end = doc.line_bounds(doc.first_content_line)[1] if self.skip_title else -1
        for m in (scan(self.patterns[0], doc.text) if len(self.patterns) == 1
                  else leftmost_matches(self.patterns, doc.text)):
            if m is None:
                yield timeout_hit(self, doc.text)
                return
            start, end = (m.span("m") if "m" in m.groupdict() and m.group("m") is not None else m.span())
            if start == end or start < title_end:
                continue
            if self.quotes == "skip" and doc.in_quote(start, end):
                continue
            text = doc.text[start:end]
            fix = None if self.fix_text is None else str(self.fix_text).format(match=text)
            yield Hit(start, end, self.message.format(match=text), fix=fix)
