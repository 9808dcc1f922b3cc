"""HTML: the text of elements, read with the standard library's parser.

``script``, ``style``, ``pre``, ``code``, ``textarea`` and ``template``
contents and comments are left out; block elements break the text into
paragraphs, inline elements (``a``, ``em``, ``span``...) join their words.
Entities become the character they stand for. Every copied character maps
back to its source offset.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from cleaner.document import Document, TextBuilder

SKIPPED = frozenset({"script", "style", "pre", "code", "textarea", "template", "svg", "math", "noscript"})
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small",
     "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins", "wbr", "font", "tt", "big"}
)  # fmt: skip
BLOCK_BREAK = "\n\n"


class _ProseParser(HTMLParser):
    """Reads ``source[start:end]``, writing its prose into ``builder`` with offsets into the whole source."""

    def __init__(self, source: str, builder: TextBuilder, start: int = 0, end: int | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = builder
        self.start = start
        self.end = len(source) if end is None else end
        self.skip_depth = 0
        self.line_starts = [start]
        for i in range(start, self.end):
            if source[i] == "\n":
                self.line_starts.append(i + 1)

    def run(self) -> None:
        try:
            self.feed(self.source[self.start : self.end])
            self.close()
        except AssertionError:  # the standard parser still asserts on some malformed declarations
            self.paragraph_break()

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![...`` that is not a proper marked section is read as a bogus comment (the parser asserts)."""
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            return int(self.parse_bogus_comment(i, report))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip_depth += 1
        elif tag == "br":
            self.builder.insert("\n")
        elif tag not in INLINE:
            self.paragraph_break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.builder.insert("\n")
        elif tag not in INLINE and tag not in SKIPPED:
            self.paragraph_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag not in INLINE:
            self.paragraph_break()

    def paragraph_break(self) -> None:
        parts = self.builder.parts
        if self.builder.length and not (parts and parts[-1] == BLOCK_BREAK):
            self.builder.insert(BLOCK_BREAK)

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        start = self.source_offset()
        if self.source.startswith(data, start):
            self.builder.copy(self.source, start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        if not self.skip_depth:
            self.builder.insert(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        if not self.skip_depth:
            self.builder.insert(html.unescape(f"&#{name};"))


def write_prose(builder: TextBuilder, source: str, start: int = 0, end: int | None = None) -> None:
    """Append the prose of the HTML in ``source[start:end]`` to ``builder`` (an HTML block in Markdown, say)."""
    _ProseParser(source, builder, start, end).run()


def to_document(path: str, source: str) -> Document:
    builder = TextBuilder()
    write_prose(builder, source)
    text, offsets = builder.build()
    return Document(path=path, source=source, text=text, offsets=offsets, format="html")
