"""A matching view of text: lower case, hyphens and runs of space folded to one space.

The view keeps a way back to the original offsets, so a hit in the view maps
to the exact characters of the source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_FOLD = str.maketrans({c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\t\n\r\f\v\u00a0\u2009\u202f"} | {"\u2019": "'"})
_SPACES = re.compile(r" {2,}")


def lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalize_phrase(phrase: str) -> str:
    """The key a phrase is indexed under."""
    return " ".join(lower_same_length(phrase).translate(_FOLD).split())


@dataclass(slots=True)
class FoldedText:
    """``folded`` is ``text`` lower-cased with hyphens and space runs folded."""

    folded: str
    cased: str
    _view_starts: list[int]
    _shifts: list[int]

    @classmethod
    def of(cls, text: str) -> FoldedText:
        cased = text.translate(_FOLD)
        lowered = lower_same_length(cased)
        pieces: list[str] = []
        cased_pieces: list[str] = []
        view_starts = [0]
        shifts = [0]
        last = 0
        removed = 0
        for m in _SPACES.finditer(lowered):
            pieces.append(lowered[last : m.start() + 1])
            cased_pieces.append(cased[last : m.start() + 1])
            removed += m.end() - m.start() - 1
            last = m.end()
            view_starts.append(last - removed)
            shifts.append(removed)
        pieces.append(lowered[last:])
        cased_pieces.append(cased[last:])
        return cls("".join(pieces), "".join(cased_pieces), view_starts, shifts)

    def to_text(self, offset: int) -> int:
        k = bisect.bisect_right(self._view_starts, offset) - 1
        return offset + self._shifts[k]

    def is_word_boundary(self, start: int, end: int) -> bool:
        folded = self.folded
        if start > 0 and folded[start - 1].isalnum():
            return False
        return not (end < len(folded) and folded[end].isalnum())
