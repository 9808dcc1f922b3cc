"""LT001: LanguageTool's matches as findings, when a LanguageTool server is configured.

The first failure (refused connection, timeout, HTTP error, an answer of the
wrong shape) becomes one notice and switches the detector off for the rest of
the run: the built-in checks go on and the exit status does not change.
"""

from __future__ import annotations

from cleaner import languagetool
from cleaner.document import Document
from cleaner.languagetool import LanguageToolClient, LanguageToolUnavailable, LTMatch
from cleaner.model import Applicability, Category, Finding, Severity

ISSUE_CATEGORIES = {
    "misspelling": Category.SPELLING,
    "grammar": Category.GRAMMAR,
    "duplication": Category.GRAMMAR,
    "inconsistency": Category.GRAMMAR,
    "typographical": Category.STYLE,
    "style": Category.STYLE,
    "whitespace": Category.STYLE,
    "register": Category.STYLE,
    "locale-violation": Category.SPELLING,
}
RULE_CATEGORIES = {
    "TYPOS": Category.SPELLING,
    "GRAMMAR": Category.GRAMMAR,
    "CONFUSED_WORDS": Category.GRAMMAR,
    "COLLOCATIONS": Category.GRAMMAR,
}


def category_of(match: LTMatch) -> Category:
    """Cleaner's category for a match: from LanguageTool's issue type, else its rule category."""
    if match.issue_type in ISSUE_CATEGORIES:
        return ISSUE_CATEGORIES[match.issue_type]
    return RULE_CATEGORIES.get(match.category, Category.STYLE)


class LanguageToolDetector:
    name = "languagetool"

    def __init__(self, setting: str, deadline: float | None = None) -> None:
        self.setting = setting
        self.deadline = languagetool.DEADLINE if deadline is None else deadline
        self._client: LanguageToolClient | None = None
        self._connected = False
        self._off = setting == "off"
        self.notices: list[str] = []

    def check(self, doc: Document) -> list[Finding]:
        if self._off or not doc.text.strip():
            return []
        try:
            client = self._connect()
            if client is None:
                return []
            matches = client.check(doc.text)
        except LanguageToolUnavailable as exc:
            self._give_up(exc)
            return []
        return [_finding(doc.text, match) for match in matches if match.end > match.start]

    def prepare(self) -> None:
        """Connect (or start the local server) now, before worker processes are forked,
        without sending any text: they share the connection's outcome."""
        if not self._off:
            try:
                self._connect()
            except LanguageToolUnavailable as exc:
                self._give_up(exc)

    def _give_up(self, exc: LanguageToolUnavailable) -> None:
        """No more LanguageTool this run; said once."""
        self._off = True
        self.notices.append(f"{exc}; LanguageTool checks skipped, built-in checks only")

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices

    def _connect(self) -> LanguageToolClient | None:
        if not self._connected:
            self._connected = True
            self._client = languagetool.connect(self.setting, self.deadline)
            if self._client is None:
                self._off = True
        return self._client


def _finding(text: str, match: LTMatch) -> Finding:
    category = category_of(match)
    severity = Severity.WARNING if category is Category.GRAMMAR else Severity.SUGGESTION
    suggestions = match.replacements[:5]
    return Finding(
        rule_id="LT001",
        rule_name="languagetool",
        category=category,
        severity=severity,
        start=match.start,
        end=match.end,
        message=f"{match.message} (LanguageTool {match.rule_id})",
        suggestions=suggestions,
        applicability=Applicability.UNSAFE if suggestions else Applicability.DISPLAY_ONLY,
        confidence=0.7,
        detector="languagetool",
        extra={"languagetool_rule": match.rule_id, "matched": text[match.start : match.end]},
    )
