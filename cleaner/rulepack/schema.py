"""Typed rule objects. A rule's ``kind`` picks the matcher; every kind shares these fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner import inflect
from cleaner.model import Applicability, Category, Severity


@dataclass(frozen=True, slots=True)
class RuleDoc:
    what: str
    why: str
    instead: str


@dataclass(frozen=True, slots=True)
class FixPair:
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Examples:
    fail: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()
    fix: tuple[FixPair, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fail or self.fix)


@dataclass(frozen=True, slots=True)
class Slot:
    """One token of a ``pattern`` rule.

    ``words`` is a set of accepted lower-case forms (literal words, with all
    inflections added when the slot says ``inflect``); ``regex`` a pattern the
    whole token must match; neither means any word. A ``lookaround`` slot ("before" as the
    first slot, "after" as the last) takes no part in the match: it only
    says which word may not stand right before or after it.
    """

    words: frozenset[str] = frozenset()
    regex: str = ""
    negate: bool = False
    bases: frozenset[str] = frozenset()
    lookaround: str = ""

    def form_of(self, word: str) -> str:
        """The inflection ("plural", "past", ...) ``word`` has relative to the slot's base words."""
        lowered = word.lower()
        for base in self.bases:
            form = inflect.variants(base).get(lowered)
            if form:
                return form
        return ""

    @property
    def is_literal(self) -> bool:
        return bool(self.words) and not self.negate and not self.lookaround


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    kind: str
    message: str
    category: Category
    severity: Severity
    applicability: Applicability
    doc: RuleDoc
    examples: Examples
    source: str
    line: int
    confidence: float = 0.9
    ignorecase: bool = True
    inflect: bool = True
    swap: tuple[tuple[str, tuple[str, ...]], ...] = ()
    phrases: tuple[str, ...] = ()
    pattern: tuple[Slot, ...] = ()
    replace: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    pack: str = ""

    def describe(self) -> str:
        """The rule's documentation page (``cleaner rules show ID``)."""
        lines = [
            f"{self.id}  {self.name}",
            f"kind: {self.kind}   category: {self.category.value}   severity: {self.severity.label}",
            f"pack: {self.pack} ({self.source}:{self.line})",
            "",
            f"What it flags: {self.doc.what}",
            f"Why it matters: {self.doc.why}",
            f"Use instead: {self.doc.instead}",
            f"Fix safety: {self.applicability.value}" + _SAFETY_NOTES[self.applicability],
        ]
        if self.aliases:
            lines.append(f"Also known as: {', '.join(self.aliases)}")
        if self.require or self.forbid:
            cond = []
            if self.require:
                cond.append("only where the document also has " + " or ".join(repr(w) for w in self.require))
            if self.forbid:
                cond.append("not where it has " + " or ".join(repr(w) for w in self.forbid))
            lines.append("Context: " + "; ".join(cond))
        if self.swap:
            lines.append("")
            lines.append("Rewrites:")
            for phrase, targets in self.swap:
                lines.append(f"  {phrase} -> {' | '.join(targets)}")
        lines.append("")
        lines.append("Examples:")
        for text in self.examples.fail:
            lines.append(f"  flagged:     {text}")
        for text in self.examples.passing:
            lines.append(f"  not flagged: {text}")
        for pair in self.examples.fix:
            lines.append(f"  fixed:       {pair.before}  ->  {pair.after}")
        return "\n".join(lines)


_SAFETY_NOTES = {
    Applicability.SAFE: " (cleaner fix applies it)",
    Applicability.UNSAFE: " (cleaner fix applies it only with --unsafe-fixes)",
    Applicability.DISPLAY_ONLY: " (shown, never applied)",
}


@dataclass(slots=True)
class RulePack:
    name: str
    path: str
    rules: list[Rule] = field(default_factory=list)
