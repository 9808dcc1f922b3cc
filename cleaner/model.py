"""The values that flow between stages: findings, severities, categories."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class Severity(enum.IntEnum):
    """How loud a finding is. Ordered: suggestion < warning < error."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper().replace("-", "_")]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None


class Category(enum.StrEnum):
    TORTURED_PHRASE = "tortured-phrase"
    IDIOM_CALQUE = "idiom-calque"
    MISTRANSLATION = "mistranslation"
    GRAMMAR = "grammar"
    SPELLING = "spelling"
    STYLE = "style"
    READABILITY = "readability"
    SUPPRESSION = "suppression"  # inline suppressions that suppress nothing or cannot be read


class Applicability(enum.StrEnum):
    """How safely a suggestion may be written back (ruff's Applicability)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged span.

    ``start``/``end`` are 0-based code-point offsets, end exclusive. Detectors
    give them in the coordinates of ``Document.text``; the engine maps them to
    the source and fills ``line``/``column`` (1-based).
    """

    rule_id: str
    rule_name: str
    category: Category
    severity: Severity
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    applicability: Applicability = Applicability.DISPLAY_ONLY
    confidence: float = 1.0
    detector: str = "rules"
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def fixable(self) -> bool:
        return bool(self.suggestions) and self.applicability is not Applicability.DISPLAY_ONLY

    def moved(self, start: int, end: int) -> Finding:
        return replace(self, start=start, end=end)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule_id)
