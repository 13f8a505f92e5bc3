"""Grammar, spelling and style through LanguageTool (optional; `pip install 'mtlint[grammar]'`).

What it flags: what LanguageTool finds, each under the code GRM-<LanguageTool rule id>
(GRM-EN_A_VS_AN, GRM-MORFOLOGIK_RULE_EN_US, ...), so that --select, --ignore, per-file ignores
and baselines work on them. Off by default: select it with `--select GRM` or
`extend-select = ["GRM"]`, and point it at a server with `[tool.mtlint.grammar] remote-server`.

Why it matters: grammar slips a lexicon cannot see ("the forces has", "a airstrike") are typical
of machine translation.

Like the other language rules, nothing inside quotations is reported (a speaker's words are
quoted as spoken). Spelling complaints about a capitalized word that the corpus uses more than
once are dropped: a name used consistently across the corpus is not a typo (NAM001 reports the
inconsistent ones).
"""
from collections import Counter

import regex

from lint import regex_store
from lint.finding import Hit
from lint.grammar import GrammarUnavailable, check_text, connect, grammar_settings
from lint.rule import Rule

SEVERITY = {"misspelling": "warning", "grammar": "warning", "typographical": "info", "style": "info",
            "locale-violation": "info", "whitespace": "info"}
CODE = regex_store.compile(r"[^A-Z0-9_]")


class LanguageToolGrammar(Rule):
    code = "GRM001"
    name = "languagetool"
    category = "grammar"
    severity = "warning"
    summary = "Grammar, spelling and style findings from LanguageTool (GRM-<rule id>)"
    corpus = True  # spelling complaints are judged against the whole corpus
    default_enabled = False
    relays = "GRM-"
    fixable = True
    fix_safety = "unsafe"
    examples = [
        # Examples run against the loopback LanguageTool of the test suite (tests/languagetool_stub.py).
        {"fail": "The forces launched a airstrike on the base.", "at": ["1:21"],
         "fix": "The forces launched an airstrike on the base."},
        {"pass": "He said: “The forces launched a airstrike on the base.”"},
        {"files": {"a.txt": "Haftar spoke. Haftar left.", "b.txt": "Haftar returned."}},
    ]

    def prepare(self, ctx):
        """Reach LanguageTool once before the run; a reason to skip, or None."""
        ctx.options["grammar"] = grammar_settings(ctx.project.settings)
        ctx.options["serial"] = not ctx.options["grammar"]["remote-server"]  # one local Java server, not one per worker
        try:
            connect(ctx.options["grammar"])
        except GrammarUnavailable as e:
            return f"grammar rules (GRM): {e}"
        return None

    def collect(self, doc, ctx):
        options = ctx.options.get("grammar") or grammar_settings(ctx.project.settings)
        client = connect(options)
        matches, flagged = [], Counter()
        for base, m in check_text(client, doc.text, options["max-chars"]):
            start = base + m.offset
            end = start + m.error_length
            if end <= start or doc.in_quote(start, end):
                continue
            word = doc.text[start:end]
            spelling = m.rule_issue_type == "misspelling"
            if spelling:
                flagged[word] += 1
            matches.append((start, end, m.rule_id, m.message, list(m.replacements[:3]), m.rule_issue_type, spelling, word))
        return {"matches": matches, "flagged": flagged}

    def finalize(self, summaries, ctx):
        used = Counter()
        for summary in summaries.values():
            used.update(summary["flagged"])
        for path, summary in summaries.items():
            for start, end, rule_id, message, replacements, issue, spelling, word in summary["matches"]:
                if spelling and word[:1].isupper() and used[word] > 1:
                    continue  # a name the corpus uses consistently
                hint = f" (suggestions: {', '.join(replacements)})" if replacements else ""
                yield path, Hit(start, end, f"{message}{hint}", fix=replacements[0] if replacements else None,
                                code="GRM-" + CODE.sub("_", rule_id.upper()), severity=SEVERITY.get(issue, "warning"))


RULE = LanguageToolGrammar
