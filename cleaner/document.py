"""The checked text: decoded source, the prose view of it, and lookups between them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from cleaner import readability, sentences
from cleaner.spin.text import word_spans

# A word: letters and digits, with apostrophes inside ("don't"). ``Document.tokens`` finds these
# with ``cleaner.spin.text.word_spans``, which gives exactly this pattern's spans, faster.
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


WORD_COUNT_CHUNK = 1 << 20


def count_words(text: str) -> int:
    """``len(text.split())``, a megabyte at a time: a huge file never holds a list of all its words."""
    total = 0
    start = 0
    size = len(text)
    while start < size:
        end = min(size, start + WORD_COUNT_CHUNK)
        while end < size and not text[end].isspace():  # never cut a word in two
            end += 1
        total += len(text[start:end].split())
        start = end
    return total


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets in a prose view back to offsets in the source.

    The view is made of runs copied from the source (``text_starts[k]`` in the
    view, ``source_starts[k]`` in the source, ``lengths[k]`` long) with
    synthesized characters (separators) between them; an offset inside a
    synthesized stretch maps to the end of the run before it.
    """

    text_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)

    def add_run(self, text_start: int, source_start: int, length: int) -> None:
        if length <= 0:
            return
        if self.text_starts:
            end = self.text_starts[-1] + self.lengths[-1]
            src_end = self.source_starts[-1] + self.lengths[-1]
            if end == text_start and src_end == source_start:
                self.lengths[-1] += length
                return
        self.text_starts.append(text_start)
        self.source_starts.append(source_start)
        self.lengths.append(length)

    def to_source(self, offset: int) -> int:
        k = bisect.bisect_right(self.text_starts, offset) - 1
        if k < 0:
            return self.source_starts[0] if self.source_starts else 0
        delta = offset - self.text_starts[k]
        return self.source_starts[k] + min(delta, self.lengths[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span; the end maps from its last character, so a span
        never grows over markup that follows it."""
        src_start = self.to_source(start)
        if end <= start:
            return src_start, src_start
        return src_start, max(src_start, self.to_source(end - 1) + 1)


@dataclass(slots=True)
class TextBuilder:
    """Builds a prose view piece by piece, recording where each piece came from."""

    parts: list[str] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    length: int = 0

    def copy(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if end > start:
            self.offsets.add_run(self.length, start, end - start)
            self.parts.append(source[start:end])
            self.length += end - start

    def insert(self, text: str) -> None:
        """Append characters that stand for markup (a paragraph break, a space)."""
        self.parts.append(text)
        self.length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), self.offsets


@dataclass(eq=False)
class Document:
    """One input: ``source`` as decoded, ``text`` the prose that detectors read.

    ``offsets`` is None when the two are the same (plain text).
    """

    path: str
    source: str
    text: str
    offsets: OffsetMap | None = None
    format: str = "text"

    @classmethod
    def plain(cls, text: str, path: str = "<text>") -> Document:
        return cls(path=path, source=text, text=text)

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``, made once: several detectors read the text in lower case."""
        return self.text.lower()

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        """Word spans in ``text`` (letters, digits, inner apostrophes)."""
        return word_spans(self.text)  # ``WORD_RE.finditer``'s spans, made faster

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in ``text`` (Punkt with a built-in abbreviation list)."""
        return sentences.split(self.text)

    @cached_property
    def readability(self) -> readability.Report:
        """Readability figures for the prose, per document and per paragraph (computed on first use)."""
        return readability.report(self.text)

    @cached_property
    def word_count(self) -> int:
        return count_words(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        source = self.source
        if "\r" in source:
            starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", source))
            return starts
        # Newlines only: str.find jumps from one to the next (a regular expression reads every character).
        end = source.find("\n") + 1
        while end:
            starts.append(end)
            end = source.find("\n", end) + 1
        return starts

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets.span_to_source(start, end)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a source offset."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, source_offset) - 1
        return line + 1, source_offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        begin = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.source)
        return self.source[begin:end].rstrip("\r\n")
