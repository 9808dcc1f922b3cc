"""``cleaner learn``: a phrase table from a user's own clean text.

The table counts the 2- and 3-word phrases of the text (not crossing
punctuation); the spin detector then treats those phrases as attested, so a
field's own terms ('random forest', 'hidden layer') are known and its own
wording is not flagged. The built-in table is built the same way
(scripts/build_spin_tables.py).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from cleaner.spin.ngrams import count_ngrams, save_counts

TEXT_SUFFIXES = (".txt", ".md", ".rst", ".tex", ".jsonl", ".html", ".htm")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        elif path.is_file():
            yield path


def iter_texts(path: Path) -> Iterator[str]:
    """The prose of a file; JSON Lines files give each record's "text"."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        if path.suffix.lower() == ".jsonl":
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    if isinstance(record, dict) and isinstance(record.get("text"), str):
                        yield record["text"]
        else:
            yield handle.read()


def build_phrase_table(paths: Iterable[str | Path], out: Path, min_count: int = 2) -> tuple[int, int]:
    """Count phrases over the files and write the table; returns (files, phrases kept)."""
    counts: Counter[str] = Counter()
    files = 0
    for path in iter_files(paths):
        files += 1
        count_ngrams(iter_texts(path), counts)
    return files, save_counts(counts, out, min_count=min_count)
