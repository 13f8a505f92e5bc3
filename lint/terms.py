"""`mtlint terms`: propose a termbase from a corpus, for a person to review and commit.

Every cluster of name spellings (evidence or not) and every multi-word name written in more than
one word order becomes a `terms` entry: the most used form as `use`, the others as `not`, with
counts and where each form is used as comments.
"""
from __future__ import annotations

import datetime
import json

from lint.document import Document
from lint.readers import UnreadableFile, read_document


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def propose(files, fallbacks=(), accepted=frozenset()) -> tuple[str, list[str]]:
    """The proposal and the files that could not be read. A spelling in `accepted` (the
    termbase's `accept`) is right as written: it is proposed neither as a variant nor as the
    form to write instead of another."""
    from lint.rules.names_transliteration_variant import clusters, collect_names
    from lint.rules.terminology_word_order import collect_phrases, word_orders

    name_summaries, phrase_summaries, errors = {}, {}, []
    for path in files:
        try:
            doc: Document = read_document(path, path, fallbacks)
        except UnreadableFile as e:
            errors.append(str(e))
            continue
        name_summaries[path] = collect_names(doc)
        phrase_summaries[path] = collect_phrases(doc)

    lines = [f"# Termbase proposed by `mtlint terms` from {len(files)} files on {datetime.date.today()}.",
             "# Review each entry: keep those that are one name or term, fix `use` where the majority",
             "# form is not the house form, delete the rest. Then name this file in `termbase` of the config.",
             "# A spelling that is right though it looks like a variant goes in a top-level `accept: [...]`.",
             "terms:"]
    groups, stats = clusters(name_summaries)
    entries = 0
    for group in sorted(groups, key=lambda g: (-stats[g[0]]["count"], g[0])):
        use, others = group[0], [o for o in group[1:] if o not in accepted]
        if use in accepted or not others:
            continue
        lines.append(f"  - use: {_q(use)}  # {_where(stats[use])}")
        lines.append(f"    not: [{', '.join(_q(o) for o in others)}]")
        for o in others:
            lines.append(f"    # {o}: {_where(stats[o])}")
        entries += 1
    for _, ranked in sorted(word_orders(phrase_summaries).items()):
        usual = ranked[0][1]
        others = [occurrences[0][2] for _, occurrences in ranked[1:] if occurrences[0][2] not in accepted]
        if usual[0][2] in accepted or not others:
            continue
        files = len({path for path, _, _ in usual})
        lines.append(f"  - use: {_q(usual[0][2])}  # {len(usual)} uses in {files} files")
        lines.append(f"    not: [{', '.join(_q(o) for o in others)}]")
        entries += 1
    if not entries:
        lines[-1] = "terms: []"
    return "\n".join(lines) + "\n", errors


def _where(s) -> str:
    path, line, _ = s["first"]
    more = f" and {s['files'] - 1} more" if s["files"] > 1 else ""
    return f"{s['count']} use{'s' if s['count'] != 1 else ''}, e.g. {path}:{line}{more}"
