"""SP002: an adjective + noun pair general English does not use, in a text already marked as spun.

Round-trip translation and spinning leave pairs of common words that no one
writes together ("inherent compensation" for "inherent trade-off"). Such pairs
are found with no list of them (``cleaner.spin.collocation``), but unseen pairs
are also everywhere in clean technical prose; so the check runs only in a
document whose other findings (tortured phrases, calques, mistranslations) are
already strong evidence of spinning: several independent hits raise each
other's confidence. Clean texts almost never pass that gate, and the check
costs nothing in them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleaner.detectors.base import Evidence
from cleaner.document import Document
from cleaner.model import Category, Finding, Severity

if TYPE_CHECKING:  # the tables load on first use, in a gated document only
    from cleaner.spin.collocation import Collocation, Finder

RULE_ID = "SP002"
RULE_NAME = "implausible-collocation"
GATE_SCORE = 0.9  # document score the other findings must reach
GATE_FINDINGS = 3  # how many different phrases they must flag, at the least
GATE_RULES = 2  # with how many different rules (one rule's repeated hits are one kind of evidence)
BASE = 0.5  # confidence at the gate, before the document score scales it
PER_FINDING = 0.1  # more for each finding beyond the gate (up to MORE_FINDINGS of them)
MORE_FINDINGS = 3
RUN_BONUS = 0.1  # a run of two unseen pairs ("a unique toilet store")
WARNING_AT = 0.6


class CollocationDetector:
    """Runs after the other detectors (an ``EvidenceDetector``) and only where their
    evidence passes the gate."""

    name = "collocation"

    def __init__(
        self, gate_score: float = GATE_SCORE, gate_findings: int = GATE_FINDINGS, gate_rules: int = GATE_RULES
    ) -> None:
        self.gate_score = gate_score
        self.gate_findings = gate_findings
        self.gate_rules = gate_rules
        self._finder: Finder | None = None  # None when pocketsphinx's model is not installed
        self._loaded = False

    def check(self, doc: Document) -> list[Finding]:
        """Alone, with no other detector's evidence, it finds nothing."""
        return self.check_with(doc, Evidence())

    def check_with(self, doc: Document, evidence: Evidence) -> list[Finding]:
        if not self.gated(doc, evidence):
            return []
        finder = self.finder()
        if finder is None:
            return []
        taken = [(f.start, f.end) for f in evidence.findings]  # already flagged: no new evidence
        found = finder.find(doc.text, doc.tokens, skip=taken)
        signs = len(phrases(doc, evidence))
        return [self._finding(doc.text, c, evidence.score, signs) for c in found]

    def gated(self, doc: Document, evidence: Evidence) -> bool:
        """Strong evidence: a high document score from several different phrases and rules."""
        if evidence.score < self.gate_score:
            return False
        rules = {f.rule_id for f in evidence.findings}
        return len(rules) >= self.gate_rules and len(phrases(doc, evidence)) >= self.gate_findings

    def finder(self) -> Finder | None:
        if not self._loaded:
            from cleaner.spin.collocation import Finder, builtin_classes
            from cleaner.spin.lm import LazyNGram, model_path

            # The model loads on the first adjective + noun pair the word classes let through.
            self._finder = None if model_path() is None else Finder(LazyNGram(), known, builtin_classes())
            self._loaded = True
        return self._finder

    def confidence(self, found: Collocation, score: float, signs: int) -> float:
        """From the document score and how many different phrases back it, and a little more
        for a run of unseen pairs."""
        more = min(MORE_FINDINGS, signs - self.gate_findings)
        strength = BASE + PER_FINDING * max(0, more) + (RUN_BONUS if len(found.words) > 2 else 0.0)
        return round(min(1.0, strength) * score, 3)

    def _finding(self, text: str, found: Collocation, score: float, signs: int) -> Finding:
        confidence = self.confidence(found, score, signs)
        phrase = text[found.start : found.end]
        return Finding(
            rule_id=RULE_ID,
            rule_name=RULE_NAME,
            category=Category.TORTURED_PHRASE,
            severity=Severity.WARNING if confidence >= WARNING_AT else Severity.SUGGESTION,
            start=found.start,
            end=found.end,
            message=(
                f"'{phrase}' is not a phrase general English uses; in a text with {signs} other signs "
                "of spinning or machine translation it reads as a spun or machine-translated phrase"
            ),
            confidence=confidence,
            detector=self.name,
        )


def phrases(doc: Document, evidence: Evidence) -> set[str]:
    """The different phrases the evidence flags (a term repeated through a text counts once)."""
    return {doc.text[f.start : f.end].lower() for f in evidence.findings}


def known(phrase: str) -> bool:
    """In the phrase store (terms, counted phrases), which loads on the first question."""
    from cleaner.spin.resources import builtin_store

    return builtin_store().known(phrase)
