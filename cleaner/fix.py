"""Apply suggestions: back to front, overlapping edits skipped, bytes outside edits untouched."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.model import Applicability, Finding


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str


def edits_for(findings: Iterable[Finding], unsafe: bool = False) -> list[Edit]:
    """One edit per fixable finding: its first suggestion."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return [Edit(f.start, f.end, f.suggestions[0]) for f in findings if f.suggestions and f.applicability in allowed]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """Apply edits back to front; an edit overlapping one already applied is skipped.

    Returns the new text and the edits applied.
    """
    applied: list[Edit] = []
    boundary = len(text) + 1
    out = text
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > boundary or (edit.end == boundary and edit.start == edit.end):
            continue
        out = out[: edit.start] + edit.replacement + out[edit.end :]
        applied.append(edit)
        boundary = edit.start
    applied.reverse()
    return out, applied
