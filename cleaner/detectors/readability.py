"""Readability gates: paragraphs and documents past the configured thresholds (RD001, RD002)."""

from __future__ import annotations

from cleaner import readability
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.model import Category, Finding, Severity


class ReadabilityDetector:
    """Turns ``Settings.readability`` thresholds (``flesch_kincaid_grade = 12``) into findings.

    Scores are computed only for documents whose settings name a threshold.
    """

    name = "readability"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def check(self, doc: Document) -> list[Finding]:
        thresholds = self.settings.for_path(doc.path).readability
        if not thresholds:
            return []
        report = doc.readability
        findings = []
        for paragraph in report.paragraphs:
            past = _past(paragraph.scores, thresholds)
            if past:
                findings.append(_finding("RD001", "paragraph", paragraph.start, paragraph.end, past))
        past = _past(report.document, thresholds)
        if past and report.paragraphs:
            first = report.paragraphs[0]
            findings.append(_finding("RD002", "document", first.start, first.end, past))
        return findings


def _past(scores: readability.Scores, thresholds: dict[str, float]) -> list[str]:
    out = []
    for metric, limit in thresholds.items():
        value = scores.metrics.get(metric)
        if value is not None and readability.harder(metric, value, limit):
            side = "limit" if readability.METRICS[metric] else "minimum"
            out.append(f"{metric.replace('_', ' ')} {value:g} ({side} {limit:g})")
    return out


def _finding(rule_id: str, what: str, start: int, end: int, past: list[str]) -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_name=f"{what}-readability",
        category=Category.READABILITY,
        severity=Severity.WARNING,
        start=start,
        end=end,
        message=f"This {what} is harder to read than the configured threshold: {'; '.join(past)}.",
        detector="readability",
    )
