"""What every detector is: a name and a ``check`` from a document to findings."""

from __future__ import annotations

from typing import Protocol

from cleaner.document import Document
from cleaner.model import Finding


class Detector(Protocol):
    """Finds problems in a document. Never prints, never fixes.

    Findings carry offsets into ``doc.text``; the engine maps them to the source.
    Heavy resources load lazily, once per process.
    """

    name: str

    def check(self, doc: Document) -> list[Finding]: ...
