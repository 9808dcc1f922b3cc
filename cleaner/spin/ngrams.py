"""Counting phrases (word n-grams) in running text, for phrase tables."""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from cleaner.gztext import open_for_writing
from cleaner.spin.text import words

MAX_N = 3


def count_ngrams(texts: Iterable[str], counter: Counter[str] | None = None, max_n: int = MAX_N) -> Counter[str]:
    """Count 2..max_n word n-grams that do not cross punctuation."""
    counter = counter if counter is not None else Counter()
    for text in texts:
        run: list[str] = []
        for word in words(text):
            if not word.joined:
                run = []
            run.append(word.norm)
            for n in range(2, max_n + 1):
                if len(run) >= n:
                    counter[" ".join(run[-n:])] += 1
            if len(run) > max_n:
                del run[0]
    return counter


def save_counts(counts: Counter[str] | dict[str, int], path: Path, min_count: int = 1) -> int:
    kept = 0
    with open_for_writing(path) as out:
        for phrase, n in sorted(counts.items()):
            if n >= min_count:
                out.write(f"{phrase}\t{n}\n")
                kept += 1
    return kept


def load_counts(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            phrase, _, n = line.rstrip("\n").rpartition("\t")
            if phrase:
                out[phrase] = int(n)
            elif n:
                out[n] = 1
    return out
