"""Markdown: the prose of paragraphs, headings, list items, quotes and table cells.

Parsed with markdown-it-py (CommonMark and tables). Fenced and indented code
and YAML/TOML front matter are left out; HTML blocks are read as HTML
(``cleaner.markup.html``: comments, ``pre``, ``script``... left out); inline marks are handled
by ``cleaner.markup.inline``. Each kept character maps back to its source
offset, so findings point into the Markdown file and fixes are written there.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

from cleaner.document import Document, TextBuilder
from cleaner.markup import html
from cleaner.markup.inline import NEWLINE, SKIP, InlineWriter

BLOCK_BREAK = "\n\n"
_NEWLINE = re.compile(r"\r\n|\r|\n")
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^(?:\1|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def blank_front_matter(source: str) -> str:
    """The source with front matter turned to spaces (same length, same lines)."""
    m = _FRONT_MATTER.match(source)
    if m is None:
        return source
    blanked = re.sub(r"[^\r\n]", " ", m.group())
    return blanked + source[m.end() :]


def split_lines(text: str) -> list[str]:
    """Lines as markdown-it counts them: ended by LF, CRLF or CR only (not by U+2028 and the like)."""
    lines = []
    start = 0
    for m in _NEWLINE.finditer(text):
        lines.append(text[start : m.end()])
        start = m.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def to_document(path: str, source: str) -> Document:
    parsed = blank_front_matter(source)
    lines = split_lines(parsed)
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))
    builder = TextBuilder()
    writer = InlineWriter(source, builder)
    cursors: dict[int, int] = {}  # per source line: where the last located cell ended
    for token in _parser().parse(parsed):
        if token.map is None or token.type not in ("inline", "html_block"):
            continue
        if builder.length:
            builder.insert(BLOCK_BREAK)
        if token.type == "html_block":
            first, last = token.map
            html.write_prose(builder, source, line_starts[first], line_starts[min(last, len(lines))])
            continue
        positions = _locate(token.content, token.map[0], lines, line_starts, cursors)
        writer.write(token.content, positions)
    text, offsets = builder.build()
    return Document(path=path, source=source, text=text, offsets=offsets, format="markdown")


def _locate(
    content: str, first_line: int, lines: list[str], line_starts: list[int], cursors: dict[int, int]
) -> list[int]:
    """Source offsets of each character of an inline token's content (line by line).

    A content line is found in its source line after any container marks
    (``>``, list markers, indentation); one that cannot be found is left out.
    """
    positions: list[int] = []
    for k, part in enumerate(content.split("\n")):
        if k:
            positions.append(NEWLINE)
        number = first_line + k
        line = lines[number].rstrip("\r\n") if number < len(lines) else ""
        column = line.find(part, cursors.get(number, 0)) if part else 0
        if column < 0:
            positions.extend([SKIP] * len(part))
            continue
        cursors[number] = column + len(part)
        base = line_starts[number] + column
        positions.extend(range(base, base + len(part)))
    return positions
