"""The tables the spin detector reads, loaded lazily and once per process."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cleaner.spin.lm import NGram, model
from cleaner.spin.ngrams import load_counts
from cleaner.spin.swaps import SwapTable

DATA = Path(__file__).resolve().parent.parent / "data" / "spin"


@dataclass(slots=True)
class Resources:
    synonyms: dict[str, tuple[str, ...]]
    terms: frozenset[str]
    phrases: dict[str, int]
    swaps: SwapTable
    lm: NGram | None
    roles: dict[str, tuple[int, int]] = field(default_factory=dict)
    extra_phrases: dict[str, int] = field(default_factory=dict)
    neighbour_rows: Neighbours = ({}, {})
    extra_neighbour_rows: Neighbours = ({}, {})
    _sets: dict[tuple[int, str], frozenset[str]] = field(default_factory=dict)

    def neighbours(self, word: str, side: int) -> frozenset[str]:
        """Words seen after (side 0) or before (side 1) ``word`` in a known
        two-word phrase."""
        key = (side, word)
        found = self._sets.get(key)
        if found is None:
            row = self.neighbour_rows[side].get(word, "") + " " + self.extra_neighbour_rows[side].get(word, "")
            found = self._sets[key] = frozenset(row.split())
        return found

    def role(self, word: str, head: bool) -> int:
        """Terms in which the word is the head (last word) or a modifier."""
        counts = self.roles.get(word)
        if counts is None:
            return 0
        return counts[0] if head else counts[1]

    def phrase_count(self, phrase: str) -> int:
        return self.phrases.get(phrase, 0) + self.extra_phrases.get(phrase, 0)


def load_synonyms(path: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, _, row = line.rstrip("\n").partition("\t")
            out[word] = tuple(row.split())
    return out


def load_terms(path: Path) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(handle.read().splitlines())


@cache
def builtin_synonyms() -> dict[str, tuple[str, ...]]:
    return load_synonyms(DATA / "synonyms.tsv.gz")


@cache
def builtin_terms() -> frozenset[str]:
    return load_terms(DATA / "terms.txt.gz")


@cache
def builtin_phrases() -> dict[str, int]:
    return load_counts(DATA / "phrases.tsv.gz")


@cache
def builtin_roles() -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    with gzip.open(DATA / "word-roles.tsv.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            word, heads, modifiers = line.split("\t")
            out[word] = (int(heads), int(modifiers))
    return out


@cache
def builtin_swaps() -> SwapTable:
    path = DATA / "swaps.tsv.gz"
    return SwapTable.load(path) if path.exists() else SwapTable()


@cache
def user_phrases(paths: tuple[str, ...]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for path in paths:
        for phrase, n in load_counts(Path(path)).items():
            merged[phrase] = merged.get(phrase, 0) + n
    return merged


def default_resources(swaps: SwapTable | None = None, phrase_tables: tuple[str, ...] = ()) -> Resources:
    return Resources(
        synonyms=builtin_synonyms(),
        terms=builtin_terms(),
        phrases=builtin_phrases(),
        swaps=swaps if swaps is not None else builtin_swaps(),
        lm=model(),
        roles=builtin_roles(),
        extra_phrases=user_phrases(phrase_tables),
        neighbour_rows=builtin_neighbours(),
        extra_neighbour_rows=user_neighbours(phrase_tables),
    )


@cache
def user_neighbours(paths: tuple[str, ...]) -> Neighbours:
    return neighbour_tables(user_phrases(paths)) if paths else ({}, {})


Neighbours = tuple[dict[str, str], dict[str, str]]


def neighbour_tables(phrases: object) -> Neighbours:
    """(right_of, left_of): for each word, the words seen after / before it in
    a known two-word phrase, space-joined (split on use)."""
    right: dict[str, list[str]] = {}
    left: dict[str, list[str]] = {}
    for phrase in phrases:  # type: ignore[attr-defined]
        first, _, second = str(phrase).partition(" ")
        if second and " " not in second:
            right.setdefault(first, []).append(second)
            left.setdefault(second, []).append(first)
    return ({k: " ".join(v) for k, v in right.items()}, {k: " ".join(v) for k, v in left.items()})


def save_neighbours(tables: Neighbours, path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        for side, table in zip("RL", tables, strict=True):
            for word in sorted(table):
                out.write(f"{side}\t{word}\t{table[word]}\n")


@cache
def builtin_neighbours() -> Neighbours:
    right: dict[str, str] = {}
    left: dict[str, str] = {}
    with gzip.open(DATA / "neighbours.tsv.gz", "rt", encoding="utf-8") as handle:
        for line in handle.read().splitlines():
            side, word, row = line.split("\t")
            (right if side == "R" else left)[word] = row
    return right, left
