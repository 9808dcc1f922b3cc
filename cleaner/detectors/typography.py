"""TY001/TY002: typography that machine translation leaves in English text.

TY001 (a hint): a round number of five or six digits without a thousands
separator ("40000 years ago" for "40,000 years ago"). TY002: a hyphenated compound whose
hyphen got spaces around it ("co - evolved", "hard - haired"), as tokenising MT
systems write it. Both read the text directly (digits; " - "), no tokens.
"""

from __future__ import annotations

import re

from cleaner.document import Document
from cleaner.model import Applicability, Category, Finding, Severity

# Not after "the " (a model number: "the 29000"), a digit, a decimal point, a separator or an identifier.
# The pattern starts with its first digit (the regex engine then skips ahead to digits) and looks behind it.
ROUND_NUMBER_RE = re.compile(r"([1-9](?<![\w.,/:#=$€£+-][1-9])(?<!the [1-9])(?<!The [1-9])\d{1,2})(000)(?![\w.,/:%-])")
COMPOUND_PREFIXES = (
    "co|self|well|long|short|high|low|non|pre|post|anti|multi|semi|re|ex|half|full|hard|soft|cross|real|world|"
    "state|old|large|small|first|second|third|left|right|open|near|one|two|three|four|five|six|eight|ten|twelve"
)
PREFIX_BEFORE_RE = re.compile(rf"\b({COMPOUND_PREFIXES})\Z")  # searched in the few characters before " - "
WORD_AFTER_RE = re.compile(r"[a-z]+\b")


class TypographyDetector:
    name = "typography"

    def check(self, doc: Document) -> list[Finding]:
        text = doc.text
        findings = []
        if "000" in text:
            for m in _round_numbers(text):
                fixed = f"{m.group(1)},{m.group(2)}"
                message = f"'{m.group()}': English separates thousands with a comma: '{fixed}'"
                # House styles differ (10000, 10 000, 10,000): a hint, not a warning.
                findings.append(_finding("TY001", "thousands-separator", m.span(), message, fixed, Severity.SUGGESTION))
        for span, head, tail in _spaced_hyphens(text):
            fixed = f"{head}-{tail}"
            message = f"'{text[span[0] : span[1]]}': a compound's hyphen takes no spaces: '{fixed}'"
            findings.append(_finding("TY002", "spaced-hyphen", span, message, fixed, Severity.WARNING))
        return findings


def _round_numbers(text: str) -> list[re.Match[str]]:
    """``ROUND_NUMBER_RE.finditer``, tried only two and three characters before each "000" (one
    ``str.find`` pass; the expression has no literal to start with, so it tried every digit).
    A match is a whole run of digits, so matches never overlap and none is missed."""
    starts: set[int] = set()
    at = text.find("000")
    while at >= 0:
        starts.update((at - 3, at - 2))
        at = text.find("000", at + 1)
    matches = (ROUND_NUMBER_RE.match(text, start) for start in sorted(starts) if start >= 0)
    return [m for m in matches if m is not None]


def _spaced_hyphens(text: str) -> list[tuple[tuple[int, int], str, str]]:
    """A compound prefix, " - " and a lower-case word: (span, prefix, word), looked for only where
    " - " stands (one ``str.find`` pass), never overlapping."""
    found: list[tuple[tuple[int, int], str, str]] = []
    done = 0  # like finditer, matches do not overlap
    at = text.find(" - ")
    while at >= 0:
        head = PREFIX_BEFORE_RE.search(text, max(done, at - 16), at)
        tail = WORD_AFTER_RE.match(text, at + 3)
        if head is not None and tail is not None:
            found.append(((head.start(), tail.end()), head.group(1), tail.group()))
            done = tail.end()
        at = text.find(" - ", at + 1)
    return found


def _finding(rule_id: str, name: str, span: tuple[int, int], message: str, fixed: str, severity: Severity) -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_name=name,
        category=Category.STYLE,
        severity=severity,
        start=span[0],
        end=span[1],
        message=message,
        suggestions=(fixed,),
        applicability=Applicability.UNSAFE,
        confidence=0.7,
        detector="typography",
    )
