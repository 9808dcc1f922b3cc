"""Turn a decoded source into a Document: the prose to check and the way back to the source."""

from __future__ import annotations

from pathlib import PurePath

from cleaner.document import Document

FORMATS = ("text",)


def format_for(path: str) -> str:
    """The input format a file name implies."""
    del path
    return "text"


def to_document(path: str, source: str, fmt: str | None = None) -> Document:
    fmt = fmt or format_for(PurePath(path).name)
    return Document(path=path, source=source, text=source, format=fmt)
