"""The source edits behind a finding's suggestions, for reporters that carry fixes (SARIF, rdjsonl)."""

from __future__ import annotations

from cleaner.engine import FileResult
from cleaner.fix import Edit, crosses_markup, edit_for
from cleaner.model import Applicability, Finding


def edits(result: FileResult, finding: Finding, every: bool = False) -> list[Edit]:
    """One edit per suggestion (the first only unless ``every``), in source offsets.

    None for a display-only finding, or one whose span takes in markup (a fix there would rewrite the markup).
    """
    doc = result.document
    if doc is None or not finding.suggestions or finding.applicability is Applicability.DISPLAY_ONLY:
        return []
    if crosses_markup(doc, finding):
        return []
    chosen = finding.suggestions if every else finding.suggestions[:1]
    return [edit_for(doc.source, finding, suggestion) for suggestion in chosen]
