"""Inline Markdown: keep the words, drop the marks.

Code spans, autolinks, bare URLs, inline HTML and images are left out; a
link keeps its text; emphasis marks and backslashes go; entities become the
character they stand for. The words either side of a mark are joined, so
"*one-stop* shop" reads as "one-stop shop".
"""

from __future__ import annotations

import html

import regex

from cleaner.document import TextBuilder

NEWLINE = -1  # a line break inside a block: not copied from the source, written as "\n"
SKIP = -2  # a character that could not be placed in the source: left out

_INLINE = regex.compile(
    r"""
    (?P<code>(?P<ticks>`+).+?(?P=ticks))
  | (?P<comment><!--.*?-->)
  | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>)
  | (?P<tag></?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>)
  | (?P<image>!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\]))
  | (?P<link>\[(?P<label>[^\]]*)\](?:\([^)]*\)|\[[^\]]*\]))
  | (?P<url>(?:https?://|www\.)[^\s<>()]+)
  | (?P<escape>\\(?P<escaped>[!-/:-@\[-`{-~]))
  | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
  | (?P<emphasis>\*+|~~|(?<!\w)_+|_+(?!\w))
    """,
    regex.VERBOSE | regex.DOTALL,
)


class InlineWriter:
    """Writes one block's inline content into a TextBuilder.

    ``positions[i]`` is the source offset of ``content[i]`` (NEWLINE for a
    line break the block's container markers interrupt).
    """

    def __init__(self, source: str, builder: TextBuilder) -> None:
        self.source = source
        self.builder = builder

    def write(self, content: str, positions: list[int], start: int = 0, end: int | None = None) -> None:
        end = len(content) if end is None else end
        cursor = start
        for m in _INLINE.finditer(content, start, end):
            self.copy(positions, cursor, m.start())
            cursor = m.end()
            kind = m.lastgroup
            if kind == "link":
                self.write(content, positions, m.start("label"), m.end("label"))
            elif kind == "escape":
                self.copy(positions, m.start("escaped"), m.end("escaped"))
            elif kind == "entity":
                self.builder.insert(html.unescape(m.group()))
        self.copy(positions, cursor, end)

    def copy(self, positions: list[int], start: int, end: int) -> None:
        """Copy content[start:end] as runs of the source."""
        i = start
        while i < end:
            if positions[i] < 0:
                if positions[i] == NEWLINE:
                    self.builder.insert("\n")
                i += 1
                continue
            j = i + 1
            while j < end and positions[j] == positions[j - 1] + 1:
                j += 1
            self.builder.copy(self.source, positions[i], positions[i] + (j - i))
            i = j
