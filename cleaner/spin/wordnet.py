"""Read WordNet 3.0 dictionary files (data.noun, data.verb, ...) without nltk.

Only the build scripts use this; the package ships tables derived from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

POS_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
SIMILAR = "&"  # adjective satellite pointer
HYPERNYMS = frozenset({"@", "@i"})  # a more general synset (and the class of an instance)
# Word-to-word pointers: derivationally related form ("probabilistic" -> "probability"),
# pertainym ("urban" -> "city").
DERIVED = frozenset({"+", "\\"})


@dataclass(frozen=True, slots=True)
class Synset:
    pos: str
    offset: str
    lemmas: tuple[str, ...]
    similar: tuple[str, ...]
    gloss: str
    hypernyms: tuple[tuple[str, str], ...] = ()  # (part of speech, offset) of each more general synset
    # (lemma number here, part of speech, offset, lemma number there) of each DERIVED pointer; numbers from 1.
    derived: tuple[tuple[int, str, str, int], ...] = ()


def read_synsets(root: Path) -> Iterator[Synset]:
    for pos, name in POS_FILES.items():
        with open(root / name, encoding="latin-1") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue
                yield _parse(pos, line)


def _parse(pos: str, line: str) -> Synset:
    data, _, gloss = line.partition("|")
    fields = data.split()
    offset = fields[0]
    count = int(fields[3], 16)
    lemmas = []
    for k in range(count):
        lemma = fields[4 + 2 * k].lower()
        lemmas.append(lemma.split("(")[0].replace("_", " "))
    at = 4 + 2 * count
    n_pointers = int(fields[at])
    similar = []
    hypernyms = []
    derived = []
    for k in range(n_pointers):
        symbol, target, target_pos, words = fields[at + 1 + 4 * k : at + 5 + 4 * k]
        if symbol == SIMILAR:
            similar.append(target)
        elif symbol in HYPERNYMS:
            hypernyms.append((target_pos, target))
        elif symbol in DERIVED:
            derived.append((int(words[:2], 16), target_pos, target, int(words[2:], 16)))
    return Synset(pos, offset, tuple(lemmas), tuple(similar), gloss.strip(), tuple(hypernyms), tuple(derived))


def exceptions(root: Path) -> dict[str, str]:
    """Irregular inflected forms: 'geese' -> 'goose'."""
    out: dict[str, str] = {}
    for name in ("noun.exc", "verb.exc", "adj.exc", "adv.exc"):
        with open(root / name, encoding="latin-1") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 2:
                    out.setdefault(parts[0].replace("_", " "), parts[1].replace("_", " "))
    return out
