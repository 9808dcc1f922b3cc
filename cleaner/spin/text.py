"""Words of a text with their offsets, and the normal form phrases are stored in."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from cleaner.document import WORD_RE as TOKEN_RE  # letters, digits, inner apostrophes

WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+")
# Characters that may sit between two words of one phrase ("end-to-end", "deep  learning").
JOINERS = frozenset(" -\u2010\u2011")
# Words and the gaps between them, alternating (gap, word, gap, ..., gap).
SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
BLOCK = 512  # parts a block: offsets are summed block by block, then within one block


@dataclass(frozen=True, slots=True)
class Word:
    """One word: its lower-case form, offsets into the text, and whether it
    follows the previous word without punctuation in between."""

    norm: str
    start: int
    end: int
    joined: bool


def words(text: str) -> list[Word]:
    out: list[Word] = []
    prev_end = -1
    for match in WORD_RE.finditer(text):
        start = match.start()
        gap = text[prev_end:start] if prev_end >= 0 else "."
        joined = bool(gap) and len(gap) <= 3 and all(ch in JOINERS for ch in gap)
        out.append(Word(match.group().lower(), start, match.end(), joined))
        prev_end = match.end()
    return out


def normalize(phrase: str) -> str:
    """Lower case, hyphens as spaces, words only: the key of every phrase table."""
    return " ".join(m.group().lower() for m in WORD_RE.finditer(phrase.replace("\u2019", "'")))


class Tokens:
    """The words of a text with their lower-case forms, from one ``re.split``
    (words and the gaps between them as strings, made in C): joins are read
    off the gaps, and offsets are summed only when a hit needs one.
    The words are the document's own (``cleaner.document.WORD_RE``)."""

    __slots__ = ("_ends", "_offsets", "_parts", "_spans", "norms", "text")

    def __init__(self, text: str, spans: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self._offsets: list[int] | None = None  # block sums (see _offset)
        self._ends: list[int] | None = None  # where each part ends, once every span was asked for
        self._spans: list[tuple[int, int]] | None = None
        if spans is not None:
            self._parts = _parts_from_spans(text, spans)
            words = self._parts[1::2]
            self.norms = " ".join(words).lower().split(" ") if words else []
            return
        lowered = text.lower()
        if len(lowered) == len(text):  # lower-casing kept every offset (it nearly always does)
            self._parts = SPLIT_RE.split(lowered)
            self.norms = self._parts[1::2]
        else:
            self._parts = SPLIT_RE.split(text)
            self.norms = [w.lower() for w in self._parts[1::2]]

    def __len__(self) -> int:
        return len(self.norms)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every word's (start, end), from one running total over words and gaps (made on first use)."""
        if self._spans is None:
            ends = self._ends = list(accumulate(map(len, self._parts)))
            self._spans = list(zip(ends[0::2], ends[1::2], strict=False))  # a gap ends where its word starts
        return self._spans

    def joined(self, i: int) -> bool:
        """Word ``i`` follows word ``i - 1`` with only a space or hyphen between."""
        if i <= 0:
            return False
        gap = self._parts[2 * i]
        return gap == " " or (bool(gap) and len(gap) <= 3 and all(ch in JOINERS for ch in gap))

    def gap(self, i: int) -> str:
        """The characters between word ``i - 1`` and word ``i`` (before the first word: the text's start)."""
        return self._parts[2 * i]

    def words_ending_by(self, offset: int) -> int:
        """How many words end at or before ``offset`` (the index of the first word that ends after it)."""
        if self._ends is not None:
            return bisect_right(self._ends, offset) // 2
        self._offset(0)  # the block sums
        assert self._offsets is not None
        b = min(max(0, bisect_right(self._offsets, offset) - 1), len(self._offsets) - 2)  # a block that exists
        ends = list(accumulate(map(len, self._parts[b * BLOCK : (b + 1) * BLOCK]), initial=self._offsets[b]))
        return (b * BLOCK + bisect_right(ends, offset) - 1) // 2

    def _offset(self, k: int) -> int:
        """Where part ``k`` ends: block sums (made on first use) plus the parts before it in its block."""
        if self._ends is not None:
            return self._ends[k]
        parts = self._parts
        if self._offsets is None:
            block = [sum(map(len, parts[b : b + BLOCK])) for b in range(0, len(parts), BLOCK)]
            self._offsets = [0, *accumulate(block)]
        b = k // BLOCK
        return self._offsets[b] + sum(map(len, parts[b * BLOCK : k + 1]))

    def start(self, i: int) -> int:
        return self._offset(2 * i)

    def end(self, i: int) -> int:
        return self._offset(2 * i + 1)


def _parts_from_spans(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Gaps and words alternating, as ``SPLIT_RE.split`` gives them, from word spans."""
    parts: list[str] = []
    prev = 0
    for a, b in spans:
        parts.append(text[prev:a])
        parts.append(text[a:b])
        prev = b
    parts.append(text[prev:])
    return parts
