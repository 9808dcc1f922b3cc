"""Turn a decoded source into a Document: the prose to check and the way back to the source."""

from __future__ import annotations

from pathlib import PurePath

from cleaner.document import Document

FORMATS = ("text", "markdown", "html")
SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_for(path: str) -> str:
    """The input format a file name implies: by extension, else plain text."""
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def to_document(path: str, source: str, fmt: str | None = None) -> Document:
    fmt = fmt or format_for(PurePath(path).name)
    if fmt == "markdown":
        from cleaner.markup import markdown

        return markdown.to_document(path, source)
    if fmt == "html":
        from cleaner.markup import html

        return html.to_document(path, source)
    return Document(path=path, source=source, text=source, format=fmt)
