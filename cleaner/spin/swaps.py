"""Word swaps that spinners make, learned from (tortured, expected) phrase pairs.

``learn_swaps`` aligns each pair word by word and counts which word replaced
which ("profound" -> "deep"), which word two words replaced ("system" -> "framework
design"), and which two words one word became ("management" -> "the board": kept
under the two written words, "the board" -> "management"). The benchmark calls it on
training folds only.
"""

from __future__ import annotations

import difflib
import gzip
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.gztext import open_for_writing
from cleaner.spin import morph
from cleaner.spin.text import normalize


@dataclass(slots=True)
class SwapTable:
    """counts[tortured][original] = pairs that made that swap; ``tortured`` is one
    word, or two joined by a space where spinners wrote two words for one."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, tortured: str, original: str, n: int = 1) -> None:
        row = self.counts.setdefault(tortured, {})
        row[original] = row.get(original, 0) + n

    def originals(self, tortured: str) -> dict[str, int]:
        return self.counts.get(tortured, {})

    def total(self, tortured: str) -> int:
        return sum(self.counts.get(tortured, {}).values())

    def save(self, path: Path) -> None:
        with open_for_writing(path) as out:
            for word in sorted(self.counts):
                row = self.counts[word]
                items = " ".join(f"{o.replace(' ', '_')}:{n}" for o, n in sorted(row.items(), key=lambda kv: -kv[1]))
                out.write(f"{word}\t{items}\n")

    @classmethod
    def load(cls, path: Path) -> SwapTable:
        table = cls()
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                word, _, items = line.rstrip("\n").partition("\t")
                row: dict[str, int] = {}
                for item in items.split():
                    original, _, n = item.rpartition(":")
                    row[original.replace("_", " ")] = int(n)
                table.counts[word] = row
        return table


def aligned_swaps(tortured: str, expected: str) -> list[tuple[str, str]]:
    """Word pairs that differ between a tortured phrase and its original, where
    the two align one word to one word, one word to two (the two joined by a space
    as the original) or two words to one (the two joined by a space as the tortured)."""
    left, right = normalize(tortured).split(), normalize(expected).split()
    pairs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue
        if i2 - i1 == j2 - j1:
            pairs.extend(zip(left[i1:i2], right[j1:j2], strict=True))
        elif i2 - i1 == 1 and j2 - j1 == 2:
            pairs.append((left[i1], " ".join(right[j1:j2])))
        elif i2 - i1 == 2 and j2 - j1 == 1 and _two_for_one(left[i1], left[i1 + 1], right[j1]):
            pairs.append((f"{left[i1]} {left[i1 + 1]}", right[j1]))
    return pairs


def _two_for_one(first: str, second: str, original: str) -> bool:
    """Whether two written words may stand for ``original``: words of letters, neither
    the original itself split ("deep learning" / "deeplearning") nor a form of it
    ("the models" / "model")."""
    if not (first.isalpha() and second.isalpha() and original.isalpha()):
        return False
    if first + second == original:
        return False
    return not any(original.startswith(w[: max(3, len(w) - 1)]) or w.startswith(original) for w in (first, second))


def learn_swaps(pairs: Iterable[tuple[str, list[str]]]) -> SwapTable:
    """Count word swaps over (tortured, [expected alternatives]) pairs; each
    pair counts once per swap, base forms are counted too."""
    counter: Counter[tuple[str, str]] = Counter()
    for tortured, expected in pairs:
        seen: set[tuple[str, str]] = set()
        for alternative in expected:
            for t, o in aligned_swaps(tortured, alternative):
                if t.isdigit() or o.isdigit() or t == o:
                    continue
                seen.add((t, o))
                seen.update(_base_pairs(t, o))
        counter.update(seen)
    table = SwapTable()
    for (t, o), n in counter.items():
        table.add(t, o, n)
    return table


def _base_pairs(tortured: str, original: str) -> list[tuple[str, str]]:
    """'organizations'/'networks' also teaches 'organization'/'network'."""
    out = []
    for base_t, kind_t in morph.bases(tortured):
        for base_o, kind_o in morph.bases(original.rpartition(" ")[2]):
            if kind_t == kind_o and morph.inflect(base_t, kind_t) == tortured:
                head = original.rpartition(" ")[0]
                out.append((base_t, f"{head} {base_o}".strip()))
                break
    return out[:1]
