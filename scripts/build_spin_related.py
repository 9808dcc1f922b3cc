#!/usr/bin/env python3
"""Build SP001's table of WordNet's more and less general words: cleaner/data/spin/related.tsv.gz.

Source: WordNet 3.0 (Princeton WordNet licence, permissive), Debian package `wordnet-base`,
default root /usr/share/wordnet. Each one-word lemma (letters only) is listed with the
one-word lemmas of the synsets directly above it (hypernyms, instance classes) and below it
(hyponyms, instances): "agreement" -> "contract"; and with the words WordNet derives it from
or relates it to (derivationally related forms, pertainyms: "urban" -> "city"). The refiner
(cleaner/spin/refine.py) reads a finding's neighbours as these words, last of all, and only
into a listed term. A word keeps its KEEP commonest related words (pocketsphinx's unigram
model, the shipped unigrams.tsv.gz).

usage: build_spin_related.py [--wordnet DIR]

The gzipped table is written with a zero time stamp: the same source gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.gztext import open_for_writing  # noqa: E402
from cleaner.spin import wordnet  # noqa: E402
from cleaner.spin.resources import builtin_unigrams  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "spin" / "related.tsv.gz"
KEEP = 10  # a word's commonest related words kept (as many as the refiner reads, cleaner.spin.refine.MAX_RELATED)
UNKNOWN_LOG_P = -99.0


def one_word(lemmas: tuple[str, ...]) -> list[str]:
    return [lemma for lemma in lemmas if lemma.isalpha() and len(lemma) >= 3]


def build_related(root: Path) -> dict[str, set[str]]:
    """word -> the words of the synsets one step more and one step less general, both ways,
    and the words its derivation and pertainym pointers lead to."""
    synsets = list(wordnet.read_synsets(root))
    # Adjective satellites ('s') are in data.adj, read as 'a'; pointers name them 's'.
    by_offset = {("a" if s.pos == "s" else s.pos, s.offset): s for s in synsets}
    related: dict[str, set[str]] = {}
    for synset in synsets:
        for here, pos, offset, there in synset.derived:
            other = by_offset.get(("a" if pos == "s" else pos, offset))
            if other is None or not 0 < here <= len(synset.lemmas) or not 0 < there <= len(other.lemmas):
                continue
            word, form = synset.lemmas[here - 1], other.lemmas[there - 1]
            if one_word((word,)) and one_word((form,)) and word != form:
                related.setdefault(word, set()).add(form)
        below = one_word(synset.lemmas)
        for target in synset.hypernyms:
            above = by_offset.get(target)
            if above is None:
                continue
            for word in below:
                for general in one_word(above.lemmas):
                    if general != word:
                        related.setdefault(word, set()).add(general)
                        related.setdefault(general, set()).add(word)
    return related


def commonest(words: set[str], keep: int) -> list[str]:
    """The ``keep`` commonest words (pocketsphinx's unigram log-probabilities, the shipped
    unigrams.tsv.gz; unknown words last), commonest first."""
    unigrams = builtin_unigrams()

    def log_p(word: str) -> float:
        row = unigrams.get(word)
        return float(row[0]) if row else UNKNOWN_LOG_P

    return sorted(words, key=lambda w: (-log_p(w), w))[:keep]


def save_related(related: dict[str, set[str]], path: Path, keep: int = KEEP) -> None:
    with open_for_writing(path) as out:
        out.write(
            "# word<TAB>WordNet 3.0 hypernyms, hyponyms, derived forms, pertainyms (one-word lemmas),"
            f" the {keep} commonest first; scripts/build_spin_related.py\n"
        )
        for word in sorted(related):
            out.write(f"{word}\t{' '.join(commonest(related[word], keep))}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = ap.parse_args()
    related = build_related(args.wordnet)
    save_related(related, OUT)
    print(f"{OUT}: {len(related)} words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
