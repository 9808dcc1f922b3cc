"""GR009, GR010, MT015: slips around the commonest words, found by one regular expression each.

A token pattern anchored on "a", "an", "the" or "of" would be tried at every
other word; these checks scan the text in C instead and look closer only at
their few candidates.

- GR009: "a" before a lower-case word with a vowel sound ("a important step").
- GR010: "an" before a lower-case word with a consonant sound ("an new method").
- MT015: a capitalised name stacked with two "of" phrases ("Coalition of Children
  of Charities"), as machine translation renders possessive names; shown only.
"""

from __future__ import annotations

import re

from cleaner.document import Document
from cleaner.model import Applicability, Category, Finding, Severity

# Each expression starts with a literal, which the regex engine finds fast; the character before
# the match is checked after: not a letter, digit, apostrophe or hyphen ("an-notation", "sequential-and and").
A_VOWEL_RE = re.compile(r"a[ \t]+((?:[aio][a-z]+|e(?!u|we)[a-z]+))\b(?![-'’])")
# One expression for "an" and one for "An", so that each starts with a literal ("(an|An)" had the
# engine try every position, five times slower). Merged by position, they give the free matches one
# expression gave: a match that starts inside another starts inside its word, and is never free.
AN_CONSONANT_RES = tuple(
    re.compile(rf"({article})[ \t]+([bcdfgjklmnpqrstvwz][aeiouy][a-z]+)\b(?!['’])") for article in ("an", "An")
)
# Words after "a" that start with a vowel letter but are no nouns or adjectives, or sound like "y"/"w".
NOT_AFTER_A = frozenset(
    "is in and or of as at if it its on an am are into onto also each either et eg ie al one ones once oneself only "
    "about above across after again against along among around always almost already although other others otherwise "
    "every ever even especially instead unless until upon over out off often".split()
)
NOT_AFTER_AN = ("hour", "honest", "honor", "honour", "heir", "herb", "der", "den", "dem", "des", "die", "das")
OF_CHAIN_RE = re.compile(r" of [A-Z][a-z]+ of ([A-Z][a-z]+)\b")
NAME_BEFORE_RE = re.compile(r"[A-Z][a-z]+$")
# Names that do stack "of" phrases in English: the Board of Review of Motion Pictures, the Bank of England.
OF_CHAIN_TAILS = frozenset(
    "Motion America England Scotland Ireland Wales Canada Australia Science Sciences Arts Law Medicine Health "
    "Technology Education Commerce State States".split()
)


class SlipsDetector:
    name = "slips"

    def check(self, doc: Document) -> list[Finding]:
        text = doc.text
        return [*_articles(text), *_of_chains(text)]


def _free(text: str, start: int) -> bool:
    """Whether a match starting at ``start`` begins a word of its own."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_'’-")


def _articles(text: str) -> list[Finding]:
    found = []
    for m in A_VOWEL_RE.finditer(text):
        word = m.group(1)
        if word not in NOT_AFTER_A and _free(text, m.start()):
            message = f"Use 'an' before a vowel sound: 'an {word}'"
            found.append(_finding("GR009", "a-before-vowel", m.span(), message, (f"an {word}",), 0.8))
    for m in sorted((m for pattern in AN_CONSONANT_RES for m in pattern.finditer(text)), key=lambda m: m.start()):
        article, word = m.group(1), m.group(2)
        if not word.startswith(NOT_AFTER_AN) and _free(text, m.start()):
            fixed = ("A" if article == "An" else "a") + " " + word
            message = f"Use 'a' before a consonant sound: '{fixed}'"
            found.append(_finding("GR010", "an-before-consonant", m.span(), message, (fixed,), 0.8))
    return found


def _of_chains(text: str) -> list[Finding]:
    found = []
    for m in OF_CHAIN_RE.finditer(text):
        name = NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        if name is None or m.group(1) in OF_CHAIN_TAILS or not _free(text, name.start()):
            continue
        span = (name.start(), m.end())
        named = text[span[0] : span[1]]
        message = f"'{named}' stacks 'of' phrases like a word-for-word translated name; check its English name"
        found.append(_finding("MT015", "of-chain-name", span, message, (), 0.5))
    return found


def _finding(
    rule_id: str, name: str, span: tuple[int, int], message: str, suggestions: tuple[str, ...], confidence: float
) -> Finding:
    applicability = Applicability.DISPLAY_ONLY
    if suggestions:
        applicability = Applicability.UNSAFE
    return Finding(
        rule_id=rule_id,
        rule_name=name,
        category=Category.MISTRANSLATION if rule_id == "MT015" else Category.GRAMMAR,
        severity=Severity.WARNING,
        start=span[0],
        end=span[1],
        message=message,
        suggestions=suggestions,
        applicability=applicability,
        confidence=confidence,
        detector="slips",
    )
