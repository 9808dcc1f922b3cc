"""Spun wording that no list names: reconstruct the likely original phrase.

A thin adapter over ``cleaner.spin``: candidate windows -> likely originals
(learned swaps, WordNet synonyms) -> scored with phrase statistics -> findings.
Confident findings are warnings; weaker ones are suggestions (hints).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleaner.casing import match_case
from cleaner.document import Document
from cleaner.model import Applicability, Category, Finding, Severity

if TYPE_CHECKING:  # cleaner.spin loads on first use: start-up stays fast when --spin is off
    from cleaner.spin.detect import Hit, SpinDetector

RULE_ID = "SP001"
RULE_NAME = "reconstructed-tortured-phrase"


class ReconstructDetector:
    name = "reconstruct"

    def __init__(self, phrase_tables: tuple[str, ...] = (), hints: bool = True) -> None:
        self.phrase_tables = phrase_tables
        # False when no file's settings can show a hint: only warnings are looked for then (``build``).
        self.hints = hints
        self._spin: SpinDetector | None = None

    @property
    def spin(self) -> SpinDetector:
        if self._spin is None:
            from cleaner.spin.detect import default_detector

            self._spin = default_detector(self.phrase_tables)
        return self._spin

    def check(self, doc: Document) -> list[Finding]:
        gate = self.spin.gate
        hits = self.spin.hits(doc.text, report_from=None if self.hints else gate.warning_at, lowered=doc.lowered)
        return [self._finding(hit, hit.confidence >= gate.warning_at) for hit in hits]

    def _finding(self, hit: Hit, loud: bool) -> Finding:
        suggestion = match_case(hit.written, hit.original)
        return Finding(
            rule_id=RULE_ID,
            rule_name=RULE_NAME,
            category=Category.TORTURED_PHRASE,
            severity=Severity.WARNING if loud else Severity.SUGGESTION,
            start=hit.start,
            end=hit.end,
            message=f"'{hit.written}' reads like a spun form of '{suggestion}'{_raised(hit.raised_by)}",
            suggestions=(suggestion,),
            applicability=Applicability.UNSAFE,
            confidence=hit.confidence,
            detector=self.name,
        )


def _raised(neighbours: int) -> str:
    """What the message adds when spun-looking phrases nearby raised the finding's confidence."""
    if not neighbours:
        return ""
    if neighbours == 1:
        return " (another spun-looking phrase nearby raises its confidence)"
    return f" ({neighbours} other spun-looking phrases nearby raise its confidence)"
