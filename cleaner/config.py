"""Run settings: what to check, how loud, what fails. Defaults suit a first run."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.model import Finding, Severity


@dataclass(slots=True)
class Settings:
    min_severity: Severity = Severity.WARNING
    fail_on: Severity = Severity.ERROR
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    rule_paths: tuple[str, ...] = ()
    builtin_rules: bool = True
    spin: bool = True  # the reconstruction detector (cleaner.spin); `--no-spin` turns it off
    phrase_tables: tuple[str, ...] = ()  # tables written by `cleaner learn`
    encoding: str | None = None
    # Shared by several parts of the tool; each part reads only its own keys.
    languagetool: str = "off"  # off | auto | URL of a LanguageTool server
    vocabulary_accept: tuple[str, ...] = ()  # word-list files: never flag these spellings
    vocabulary_reject: tuple[str, ...] = ()  # word-list files: always flag these words
    readability: dict[str, float] = field(default_factory=dict)  # metric -> threshold
    jobs: int = 1
    stdin_filename: str | None = None

    def wants(self, finding: Finding) -> bool:
        """Whether --select/--ignore keep a finding (ids, rule names or categories)."""
        keys = {finding.rule_id, finding.rule_name, finding.category.value, finding.detector}
        if self.select and not keys & set(self.select):
            return False
        return not keys & set(self.ignore)

    def severity_for(self, finding: Finding) -> Severity:
        for key in (finding.rule_id, finding.rule_name, finding.category.value):
            if key in self.severity_overrides:
                return self.severity_overrides[key]
        return finding.severity
