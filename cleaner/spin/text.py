"""Words of a text with their offsets, and the normal form phrases are stored in."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import product

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
BLOCK = 64  # parts a block: offsets are summed block by block once, then within a block when asked
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


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where the words of ``text[start:end]`` are in ``text``: the spans that
    ``[m.span() for m in cleaner.document.WORD_RE.finditer(text, start, end)]`` gives
    (the pattern looks at nothing before a word or after it), from ``split``, several times faster.
    As there, a negative bound counts as 0."""
    start = max(0, start)
    return _spans(split(text[start : None if end is None else max(0, end)]), start)


def _spans(parts: list[str], at: int) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``parts`` (gaps and words alternating), the first part at ``at``."""
    spans = []
    for k in range(1, len(parts), 2):
        at += len(parts[k - 1])
        size = len(parts[k])
        spans.append((at, at + size))
        at += size
    return spans


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
    """The words of a text with their lower-case forms, from one ``split`` (words
    and the gaps between them as strings): joins are read off the gaps, and
    offsets are summed only when a hit or an acronym needs one.
    The words are the document's own (``cleaner.document.WORD_RE``)."""

    __slots__ = ("_blocks", "norms", "parts", "text")

    def __init__(self, text: str, lowered: str | None = None) -> None:
        """``lowered``: ``text.lower()``, if it was made already."""
        self.text = text
        self._blocks: list[int] | None = None  # where each block of BLOCK parts starts (``_block_starts``)
        # Gaps and words alternating: word i is parts[2 * i + 1], the gap in front of it parts[2 * i].
        self.parts: list[str]
        if lowered is None:
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
        """Every word's (start, end)."""
        return _spans(self.parts, 0)

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
        parts = self.parts
        k = b * BLOCK  # the parts before k end by ``offset``, and part k ends at ``total`` + its length
        total = starts[b]
        while k < len(parts) and total + len(parts[k]) <= offset:
            total += len(parts[k])
            k += 1
        return k // 2  # word i is part 2i + 1

    def start(self, i: int) -> int:
        return self._part_end(2 * i)

    def end(self, i: int) -> int:
        return self._part_end(2 * i + 1)

    def _part_end(self, k: int) -> int:
        """Where part ``k`` ends: its block's start plus the parts before it in the block."""
        b = k // BLOCK
        total = self._block_starts()[b]
        parts = self.parts
        for j in range(b * BLOCK, k + 1):
            total += len(parts[j])
        return total

    def _block_starts(self) -> list[int]:
        """Where each block of BLOCK parts starts, and the text's end: one pass adding the parts'
        lengths on first use (most texts need no offset; one with a hit or an acronym needs a few)."""
        if self._blocks is None:
            parts = self.parts
            starts = [0]
            total = 0
            for b in range(0, len(parts), BLOCK):
                for k in range(b, min(b + BLOCK, len(parts))):
                    total += len(parts[k])
                starts.append(total)
            self._blocks = starts
        return self._blocks
