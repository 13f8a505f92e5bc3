"""Write rules/data/common_short_words.txt: how common every word of two to six letters a-z is in
English text, for ACR001, in a form that loads in milliseconds.

    python benchmarks/make_common_words_data.py [OUT]

Reads the frequencies from the `wordfreq` package (a dependency). A word is listed when its Zipf
frequency is at least ACR001's `COMMON_WORDS_FLOOR` (2.0, its default `common_zipf`); a lower `common_zipf` makes
the rule ask `wordfreq` itself. The file is grouped by frequency: a line `#Z` starts the group of
words of Zipf frequency Z (as `wordfreq.zipf_frequency` gives it, two decimals), highest first,
then the words of the group on one line, sorted. Run it again when the `wordfreq` package
changes; the test suite checks the file against the installed package.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(os.path.dirname(HERE), "rules", "data", "common_short_words.txt")
WORD = re.compile(r"[a-z]{2,6}")

HEADER = """\
# Zipf frequencies in English text of the words of two to six letters a-z with at least {floor},
# written by benchmarks/make_common_words_data.py from wordfreq {version}.
# Derived from the wordfreq data by Robyn Speer, licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this file is under the same licence.
"""


def floor() -> float:
    """The rule's own floor: the file must list every word the rule may ask about."""
    from lint.rules.acronym_undefined import COMMON_WORDS_FLOOR

    return COMMON_WORDS_FLOOR


def frequency_groups() -> dict[float, list[str]]:
    from wordfreq import get_frequency_dict, zipf_frequency

    least = floor()
    groups: dict[float, list[str]] = {}
    for word in get_frequency_dict("en"):
        if WORD.fullmatch(word):
            z = zipf_frequency(word, "en")
            if z >= least:
                groups.setdefault(z, []).append(word)
    return {z: sorted(words) for z, words in sorted(groups.items(), reverse=True)}


def render(groups: dict[float, list[str]], version: str) -> str:
    out = [HEADER.format(floor=floor(), version=version)]
    for z, words in groups.items():
        out.append(f"#{z:.2f}\n{' '.join(words)}\n")
    return "".join(out)


def main(argv):
    from importlib.metadata import version

    out = argv[1] if len(argv) > 1 else DEFAULT
    os.makedirs(os.path.dirname(out), exist_ok=True)
    text = render(frequency_groups(), version("wordfreq"))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    words = sum(len(line.split()) for line in text.splitlines() if line and not line.startswith("#"))
    print(f"{out}: {words} words, {len(text.encode()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main(sys.argv)
