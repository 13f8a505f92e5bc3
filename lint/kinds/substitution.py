"""`substitution`: a reviewed lexicon of wrong forms and what to write instead (Vale's substitution).

Keys:
  swap         mapping of wrong phrase -> right phrase (literal phrases on word boundaries)
  ignore_case  default true; the replacement keeps the capitalization of the match
  message      `{match}` and `{replacement}` are filled in
  quotes       "skip" (default) or "include", as for existence
"""
from __future__ import annotations

import regex

from lint import regex_store
from lint import MtlintError
from lint.finding import Hit
from lint.kinds import scan, timeout_hit
from lint.kinds.existence import phrase_pattern
from lint.rule import Rule


def keep_case(template: str, replacement: str) -> str:
    if template[:1].isupper() and not template.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionRule(Rule):
    KEYS = ("swap", "ignore_case", "message", "quotes")

    def configure(self, data, where):
        swap = data.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise MtlintError(f"{where('swap')}: swap must be a non-empty mapping of wrong -> right")
        self.ignore_case = bool(data.get("ignore_case", True))
        self.swap = {}
        for wrong, right in swap.items():
            key = " ".join(str(wrong).split())
            if key.lower() == str(right).lower():
                raise MtlintError(f"{where('swap')}: {wrong!r} replaces itself")
            self.swap[key.lower() if self.ignore_case else key] = str(right)
        flags = regex.V1 | (regex.IGNORECASE if self.ignore_case else 0)
        ordered = sorted(self.swap, key=len, reverse=True)  # longest phrase wins
        self.pattern = regex_store.compile("|".join(phrase_pattern(w) for w in ordered), flags)
        self.message = str(data.get("message", "Use '{replacement}' instead of '{match}'"))
        self.quotes = data.get("quotes", "skip")
        self.fixable = True

    def check(self, doc, ctx):
        for m in scan(self.pattern, doc.text):
            if m is None:
                yield timeout_hit(self, doc.text)
                return
            if self.quotes == "skip" and doc.in_quote(m.start(), m.end()):
                continue
            text = m.group()
            key = " ".join(text.split())
            right = keep_case(text, self.swap[key.lower() if self.ignore_case else key])
            yield Hit(m.start(), m.end(), self.message.format(match=text, replacement=right), fix=right)
