"""Rank and title lexicons (`rules/data/ranks_*.txt`, `rules/data/titles_*.txt`), loaded once.

Each line: form, its meaning in English, the language of an untranslated form (empty for
English), and optionally `post` (a position such as Kapolda, not a rank). Lines starting with
`#` are comments.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LANGUAGES = {"id": "Indonesian", "ru": "Russian", "tr": "Turkish", "ar": "Arabic"}
FILES = {"military": "ranks_military.txt", "police": "ranks_police.txt", "government": "titles_government.txt"}


@dataclass(frozen=True)
class Title:
    form: str
    meaning: str
    language: str  # "" for English
    post: bool
    domain: str  # military, police, government

    @property
    def foreign(self) -> bool:
        return bool(self.language)


def read_lexicon(domain: str) -> list[Title]:
    text = resources.files("lint.rules").joinpath("data", FILES[domain]).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t") + ["", ""]
        out.append(Title(parts[0], parts[1], parts[2], parts[3] == "post", domain))
    return out


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Title]:
    """form -> Title, over every domain."""
    return {t.form: t for domain in FILES for t in read_lexicon(domain)}
