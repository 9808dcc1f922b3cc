"""Run each rule's own examples (``cleaner rules test``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaner.detectors.rules import RulesDetector
from cleaner.document import Document
from cleaner.fix import Edit, apply_edits
from cleaner.rulepack.schema import Rule


@dataclass(slots=True)
class RuleTestResult:
    rule: Rule
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def run_examples(rule: Rule) -> RuleTestResult:
    """Check that ``fail`` texts are flagged, ``pass`` texts are not, and ``fix`` pairs come out right."""
    detector = RulesDetector([rule])
    result = RuleTestResult(rule)
    for text in rule.examples.fail:
        if not detector.check(Document.plain(text)):
            result.failures.append(f"not flagged: {text!r}")
    for text in rule.examples.passing:
        found = detector.check(Document.plain(text))
        if found:
            spans = ", ".join(repr(text[f.start : f.end]) for f in found)
            result.failures.append(f"flagged {spans} in pass example {text!r}")
    for pair in rule.examples.fix:
        found = detector.check(Document.plain(pair.before))
        edits = [Edit(f.start, f.end, f.suggestions[0]) for f in found if f.suggestions]
        fixed, _ = apply_edits(pair.before, edits)
        if fixed != pair.after:
            result.failures.append(f"fix of {pair.before!r} gave {fixed!r}, expected {pair.after!r}")
    return result


def run_all_examples(rules: Iterable[Rule]) -> list[RuleTestResult]:
    return [run_examples(rule) for rule in rules]
