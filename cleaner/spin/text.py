"""Words of a text with their offsets, and the normal form phrases are stored in."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, product

WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+")
# Characters that may sit between two words of one phrase ("end-to-end", "deep  learning").
JOINERS = frozenset(" -\u2010\u2011")
# The gaps that join two words: one to three joiners (one set look-up a gap).
JOINED_GAPS = frozenset("".join(p) for n in (1, 2, 3) for p in product(JOINERS, repeat=n))
# Characters that end a sentence or clause, and line breaks: no phrase reaches across one.
BREAKS = frozenset(".!?;:\n\r\u2028\u2029")
# Words and the gaps between them, alternating (gap, word, gap, ..., gap). The words are the
# document's (``cleaner.document.WORD_RE``, ``\w+(?:['’]\w+)*``) written possessive: nothing
# follows the word, so no match ever backtracks, and the engine then keeps no backtracking
# points (a third faster over a long text; tests/test_spin.py checks the two agree).
SPLIT_RE = re.compile(r"(\w++(?:['’]\w++)*+)")
BLOCK = 512  # parts a block: offsets are summed block by block, then within one block
# Characters that often stand at either end of a word in running text (stops, commas, brackets,
# quotes, dashes); none is a word character, so stripping them leaves the words of a piece whole.
EDGES = ".,;:!?()[]{}<>\"'“”‘’«»/*-–—…"


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
        joined = gap in JOINED_GAPS
        out.append(Word(match.group().lower(), start, match.end(), joined))
        prev_end = match.end()
    return out


def normalize(phrase: str) -> str:
    """Lower case, hyphens as spaces, words only: the key of every phrase table."""
    return " ".join(m.group().lower() for m in WORD_RE.finditer(phrase.replace("\u2019", "'")))


def split(text: str) -> list[str]:
    """``SPLIT_RE.split(text)``, over twice as fast: the pieces between spaces are cut in C
    (``str.split``), and most pieces are one word (``str.isalnum``: the pattern's ``\\w``
    but the underscore), or one word once the punctuation at its ends is stripped. Only
    the others (hyphens, inner apostrophes, underscores, line breaks) go through the pattern.
    No word holds a space, so none spans two pieces (tests/test_spin.py checks the two agree)."""
    parts: list[str] = []
    pieces = text.split(" ")
    first = pieces[0]
    if first.isalnum():
        parts.append("")
        parts.append(first)
        gap = ""  # the gap in front of the next word, gathered over the pieces that have none
    else:
        gap = _words_of(first, "", parts)
    for i in range(1, len(pieces)):
        piece = pieces[i]
        if piece.isalnum():
            parts.append(gap + " " if gap else " ")
            parts.append(piece)
            gap = ""
        else:
            gap = _words_of(piece, gap + " ", parts)
    parts.append(gap)
    return parts


def _words_of(piece: str, gap: str, parts: list[str]) -> str:
    """Add a piece's words and the gaps in front of them to ``parts`` (``gap``: what comes before
    the piece); return the gap the piece leaves in front of the next word."""
    word = piece.strip(EDGES)
    if word and word.isalnum():
        lead = len(piece) - len(piece.lstrip(EDGES))
        parts.append(gap + piece[:lead])
        parts.append(word)
        return piece[lead + len(word) :]
    cut = SPLIT_RE.split(piece)
    if len(cut) == 1:  # no word
        return gap + piece
    parts.append(gap + cut[0])
    parts.extend(cut[1:-1])
    return cut[-1]


class Tokens:
    """The words of a text with their lower-case forms, from one ``re.split``
    (words and the gaps between them as strings, made in C): joins are read
    off the gaps, and offsets are summed only when a hit needs one.
    The words are the document's own (``cleaner.document.WORD_RE``)."""

    __slots__ = ("_blocks", "norms", "parts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._blocks: list[int] | None = None  # where each block of BLOCK parts starts (see _block_starts)
        # Gaps and words alternating: word i is parts[2 * i + 1], the gap in front of it parts[2 * i].
        self.parts: list[str]
        lowered = text.lower()
        if len(lowered) == len(text):  # lower-casing kept every offset (it nearly always does)
            self.parts = split(lowered)
            self.norms = self.parts[1::2]
        else:
            self.parts = split(text)
            self.norms = [w.lower() for w in self.parts[1::2]]

    def __len__(self) -> int:
        return len(self.norms)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every word's (start, end), from one running total over words and gaps."""
        ends = list(accumulate(map(len, self.parts)))
        return list(zip(ends[0::2], ends[1::2], strict=False))  # a gap ends where its word starts

    def joined(self, i: int) -> bool:
        """Word ``i`` follows word ``i - 1`` with only a space or hyphen between."""
        return i > 0 and self.parts[2 * i] in JOINED_GAPS

    def parted(self, i: int) -> bool:
        """A sentence or clause ends (``BREAKS``), or a line, between word ``i - 1`` and word ``i``."""
        return i > 0 and not BREAKS.isdisjoint(self.parts[2 * i])

    def gap(self, i: int) -> str:
        """The characters between word ``i - 1`` and word ``i`` (before the first word: the text's start)."""
        return self.parts[2 * i]

    def words_ending_by(self, offset: int) -> int:
        """How many words end at or before ``offset`` (the index of the first word that ends after it)."""
        starts = self._block_starts()
        b = min(max(0, bisect_right(starts, offset) - 1), len(starts) - 2)  # a block that exists
        # The most parts of the block, from its first, that end by ``offset``: a binary search on
        # lengths of joined parts (joining measures in C; ``sum(map(len, ...))`` calls len on each).
        parts = self.parts
        first = b * BLOCK
        taken, beyond = 0, min(BLOCK, len(parts) - first) + 1
        end = starts[b]  # where the parts taken end
        while beyond - taken > 1:
            middle = (taken + beyond) // 2
            reach = end + len("".join(parts[first + taken : first + middle]))
            if reach <= offset:
                taken, end = middle, reach
            else:
                beyond = middle
        return (first + taken) // 2

    def start(self, i: int) -> int:
        return self._offset(2 * i)

    def end(self, i: int) -> int:
        return self._offset(2 * i + 1)

    def _offset(self, k: int) -> int:
        """Where part ``k`` ends: its block's start plus the parts before it in the block."""
        b = k // BLOCK
        return self._block_starts()[b] + len("".join(self.parts[b * BLOCK : k + 1]))

    def _block_starts(self) -> list[int]:
        """Offsets where each block of BLOCK parts starts, and the text's end (summed on first use)."""
        if self._blocks is None:
            parts = self.parts
            self._blocks = [0, *accumulate(len("".join(parts[b : b + BLOCK])) for b in range(0, len(parts), BLOCK))]
        return self._blocks
