"""Words of a text with their offsets, and the normal form phrases are stored in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.document import WORD_RE as TOKEN_RE  # letters, digits, inner apostrophes

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


class Tokens:
    """The words of a text as (start, end) spans, with their lower-case forms:
    cheap to build, joins worked out only for the few words a detector looks at.
    The spans are the document's own words (``cleaner.document.Document.tokens``),
    so the detector re-uses what the engine has already split."""

    __slots__ = ("norms", "spans", "text")

    def __init__(self, text: str, spans: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.spans = spans if spans is not None else [m.span() for m in TOKEN_RE.finditer(text)]
        self.norms = " ".join([text[a:b] for a, b in self.spans]).lower().split(" ") if self.spans else []

    def __len__(self) -> int:
        return len(self.norms)

    def joined(self, i: int) -> bool:
        """Word ``i`` follows word ``i - 1`` with only a space or hyphen between."""
        if i <= 0:
            return False
        gap = self.text[self.spans[i - 1][1] : self.spans[i][0]]
        return bool(gap) and len(gap) <= 3 and all(ch in JOINERS for ch in gap)

    def start(self, i: int) -> int:
        return self.spans[i][0]

    def end(self, i: int) -> int:
        return self.spans[i][1]
