#!/usr/bin/env python3
"""Build the word-class table into cleaner/data/spin/word-classes.tsv.gz.

The implausible-collocation check (SP002) looks at adjective + noun pairs; it
tells the two apart with this table: for each word form, how many WordNet 3.0
senses it has as a noun, an adjective, a verb and an adverb. Forms are the
WordNet lemmas, their regular inflections (plural nouns; -s, -ed, -ing verb
forms) and WordNet's irregular forms (``*.exc``). Only forms that
pocketsphinx's general-English model knows and that have a noun or an
adjective sense are kept (a missing word is never a candidate).

Source: WordNet 3.0 (Princeton WordNet licence, permissive), Debian package
`wordnet-base`, default root /usr/share/wordnet; pocketsphinx (PyPI, BSD) at
build time only. The output is a derived table of numbers.

usage: build_word_classes.py [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.gztext import open_for_writing  # noqa: E402
from cleaner.spin import morph  # noqa: E402
from cleaner.spin.lm import model  # noqa: E402
from cleaner.spin.resources import DATA  # noqa: E402

CLASSES = ("noun", "adj", "verb", "adv")  # column order in the table
INDEX = {"noun": "index.noun", "adj": "index.adj", "verb": "index.verb", "adv": "index.adv"}
EXCEPTIONS = {"noun": "noun.exc", "adj": "adj.exc", "verb": "verb.exc", "adv": "adv.exc"}
FORMS = {"noun": ("s",), "verb": ("s", "ed", "ing"), "adj": (), "adv": ()}


def senses(root: Path, name: str) -> dict[str, int]:
    """lemma -> number of senses, single-word lemmas only."""
    out: dict[str, int] = {}
    with open(root / INDEX[name], encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            fields = line.split()
            if fields[0].isalpha():
                out[fields[0]] = int(fields[2])
    return out


def irregular(root: Path, name: str) -> list[tuple[str, str]]:
    """(inflected form, lemma) pairs from WordNet's exception list."""
    pairs: list[tuple[str, str]] = []
    with open(root / EXCEPTIONS[name], encoding="latin-1") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[0].isalpha():
                pairs.extend((parts[0], lemma) for lemma in parts[1:])
    return pairs


def table(root: Path) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for column, name in enumerate(CLASSES):
        lemmas = senses(root, name)
        for lemma, n in lemmas.items():
            forms = {lemma, *(morph.inflect(lemma, kind) for kind in FORMS[name])}
            for form in forms:
                counts[form][column] = max(counts[form][column], n)
        for form, lemma in irregular(root, name):
            if lemma in lemmas:
                counts[form][column] = max(counts[form][column], lemmas[lemma])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    lm = model()
    if lm is None:
        sys.exit("pocketsphinx (with its English model) is needed to build the table")
    out = DATA / "word-classes.tsv.gz"
    kept = 0
    with open_for_writing(out) as handle:
        handle.write("# word\tnoun adj verb adv: WordNet 3.0 senses of the form in each class\n")
        for word, row in sorted(table(args.wordnet).items()):
            if (row[0] or row[1]) and lm.unigram(word) is not None:
                handle.write(f"{word}\t{' '.join(map(str, row))}\n")
                kept += 1
    print(f"{kept} word forms -> {out}")


if __name__ == "__main__":
    main()
