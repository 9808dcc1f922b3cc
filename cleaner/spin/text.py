"""Words of a text with their offsets, and the normal form phrases are stored in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+")
# Characters that may sit between two words of one phrase ("end-to-end", "deep  learning").
JOINERS = frozenset(" -\u2010\u2011")


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


SPLIT_RE = re.compile(r"([A-Za-z]+(?:'[A-Za-z]+)?|\d+)")


class Tokens:
    """The words of a text, cheap to build: lower-case forms up front, offsets
    and joins worked out only for the few words a detector looks at."""

    __slots__ = ("_ends", "norms", "parts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parts = SPLIT_RE.split(text)  # gap, word, gap, word, ..., gap
        self.norms = " ".join(self.parts[1::2]).lower().split(" ") if len(self.parts) > 1 else []
        self._ends: list[int] | None = None

    def __len__(self) -> int:
        return len(self.norms)

    def joined(self, i: int) -> bool:
        """Word ``i`` follows word ``i - 1`` with only a space or hyphen between."""
        if i <= 0:
            return False
        gap = self.parts[2 * i]
        return bool(gap) and len(gap) <= 3 and all(ch in JOINERS for ch in gap)

    def start(self, i: int) -> int:
        return self._offsets()[2 * i]

    def end(self, i: int) -> int:
        return self._offsets()[2 * i + 1]

    def _offsets(self) -> list[int]:
        if self._ends is None:
            self._ends = list(accumulate(map(len, self.parts)))
        return self._ends
