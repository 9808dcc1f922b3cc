"""The rule-pack detector: every YAML rule, matched in one pass."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.model import Finding
from cleaner.rulepack import Rule
from cleaner.rulepack.matcher import RuleMatcher, RuleTimeoutError


class RulesDetector:
    name = "rules"

    def __init__(self, rules: list[Rule]) -> None:
        self.matcher = RuleMatcher(rules)

    def check(self, doc: Document) -> list[Finding]:
        return self.matcher.findings(doc)

    def take_timeouts(self) -> list[RuleTimeoutError]:
        timeouts, self.matcher.timeouts = self.matcher.timeouts, []
        return timeouts
