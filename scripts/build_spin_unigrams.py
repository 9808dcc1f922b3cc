#!/usr/bin/env python3
"""Build the spin detector's word-frequency table into cleaner/data/spin/unigrams.tsv.gz.

How common a word is in general English (a spinner's "profound" is rarer than
the "deep" it replaced) is one of the gate's features. The values are the
unigram log-probabilities (natural log, one decimal) of pocketsphinx's English
n-gram model (PyPI `pocketsphinx`, BSD licence; build time only), for the words
of the swap table and their regular inflections: a derived table of numbers.

usage: build_spin_unigrams.py   (after build_spin_swaps.py; needs `pip install pocketsphinx`)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.gztext import open_for_writing  # noqa: E402
from cleaner.spin import morph  # noqa: E402
from cleaner.spin.lm import model  # noqa: E402
from cleaner.spin.resources import DATA, builtin_swaps  # noqa: E402


def vocabulary() -> set[str]:
    words: set[str] = set()
    for tortured, row in builtin_swaps().counts.items():
        words.add(tortured)
        for original in row:
            words.update(original.split())
    for word in list(words):
        words.update(morph.inflect(word, kind) for kind in morph.ENDINGS)
    return {w for w in words if w.isalpha()}


def main() -> None:
    lm = model()
    if lm is None:
        sys.exit("pocketsphinx (with its English model) is needed to build the table")
    out = DATA / "unigrams.tsv.gz"
    kept = 0
    with open_for_writing(out) as handle:
        for word in sorted(vocabulary()):
            value = lm.unigram(word)
            if value is not None:
                handle.write(f"{word}\t{value:.1f}\n")
                kept += 1
    print(f"{kept} words -> {out}")


if __name__ == "__main__":
    main()
