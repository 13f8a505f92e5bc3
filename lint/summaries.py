"""Corpus summaries kept compact between the per-file pass and the corpus pass.

A corpus rule's summary of one article is a handful of tuples, arrays and dicts; held as Python
objects for every article of a large corpus they cost several kilobytes each, most of it object
headers. So the process that gathers them keeps each one pickled (a worker sends it already
pickled: the parent neither unpickles nor repickles it), and `finalize` sees a read-only mapping
that unpickles a summary each time it is read. (Compressing them with zlib saves only two fifths
more and makes the corpus pass a third slower.) A rule that walks the corpus a few times pays a
few unpickles per article, and the memory of the corpus pass is the pickled bytes plus what the
rule itself keeps.

Only summaries made by this process or by the workers it started are unpickled here; summaries
read back from the on-disk cache were decoded by its own safe decoder first.
"""
from __future__ import annotations

import pickle
from collections.abc import Mapping


class Packed:
    """One pickled summary."""

    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data

    @classmethod
    def of(cls, summary) -> "Packed":
        return summary if type(summary) is cls else cls(pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL))

    def value(self):
        return pickle.loads(self.data)


def pack_result(result):
    """A FileResult with its summaries pickled, as a worker sends it (None stays None: no summary)."""
    if result.summaries:
        result.summaries = {code: None if s is None else Packed.of(s) for code, s in result.summaries.items()}
    return result


class SummaryView(Mapping):
    """path -> summary, unpickled on each read; the corpus pass's view of one rule's summaries."""

    __slots__ = ("_by_path",)

    def __init__(self, by_path: dict):
        self._by_path = by_path

    def __getitem__(self, path):
        summary = self._by_path[path]
        return summary.value() if type(summary) is Packed else summary

    def __iter__(self):
        return iter(self._by_path)

    def __len__(self) -> int:
        return len(self._by_path)
