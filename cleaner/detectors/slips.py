"""GR009-GR011, MT015: slips around the commonest words, found by one regular expression each.

A token pattern anchored on "a", "an", "the" or "of" would be tried at every
other word; these checks scan the text in C instead and look closer only at
their few candidates.

- GR009: "a" before a lower-case word with a vowel sound ("a important step").
- GR010: "an" before a lower-case word with a consonant sound ("an new method").
- GR011: a short function word written twice ("the the"); fix safe.
- MT015: a capitalised name stacked with two "of" phrases ("Coalition of Children
  of Charities"), as machine translation renders possessive names; shown only.
"""

from __future__ import annotations

import re

from cleaner.document import Document
from cleaner.model import Applicability, Category, Finding, Severity

# Not after a hyphen or an apostrophe: "an-notation" is a broken word, "sequential-and and" a compound.
A_VOWEL_RE = re.compile(r"(?<![\w'’-])a[ \t]+((?:[aio][a-z]+|e(?!u|we)[a-z]+))\b(?![-'’])")
AN_CONSONANT_RE = re.compile(r"(?<![\w'’-])(an|An)[ \t]+([bcdfgjklmnpqrstvwz][aeiouy][a-z]+)\b(?!['’])")
# Words after "a" that start with a vowel letter but are no nouns or adjectives, or sound like "y"/"w".
NOT_AFTER_A = frozenset(
    "is in and or of as at if it its on an am are into onto also each either et eg ie al one ones once oneself only "
    "about above across after again against along among around always almost already although other others otherwise "
    "every ever even especially instead unless until upon over out off often".split()
)
NOT_AFTER_AN = ("hour", "honest", "honor", "honour", "heir", "herb", "der", "den", "dem", "des", "die", "das")
DOUBLED_RE = re.compile(
    r"(?<![\w'’-])(the|a|an|of|to|in|on|for|and|with|at|by|from|are|were|this|we|it|as)[ \t]+(\1)\b(?![-'’])",
    re.IGNORECASE,
)
OF_CHAIN_RE = re.compile(r"\b[A-Z][a-z]+ of [A-Z][a-z]+ of ([A-Z][a-z]+)\b")
# Names that do stack "of" phrases in English: the Board of Review of Motion Pictures, the Bank of England.
OF_CHAIN_TAILS = frozenset(
    "Motion America England Scotland Ireland Wales Canada Australia Science Sciences Arts Law Medicine Health "
    "Technology Education Commerce State States".split()
)


class SlipsDetector:
    name = "slips"

    def check(self, doc: Document) -> list[Finding]:
        text = doc.text
        return [*_articles(text), *_doubled(text), *_of_chains(text)]


def _articles(text: str) -> list[Finding]:
    found = []
    for m in A_VOWEL_RE.finditer(text):
        word = m.group(1)
        if word not in NOT_AFTER_A:
            message = f"Use 'an' before a vowel sound: 'an {word}'"
            found.append(_finding("GR009", "a-before-vowel", m.span(), message, (f"an {word}",), 0.8))
    for m in AN_CONSONANT_RE.finditer(text):
        article, word = m.group(1), m.group(2)
        if not word.startswith(NOT_AFTER_AN):
            fixed = ("A" if article == "An" else "a") + " " + word
            message = f"Use 'a' before a consonant sound: '{fixed}'"
            found.append(_finding("GR010", "an-before-consonant", m.span(), message, (fixed,), 0.8))
    return found


def _doubled(text: str) -> list[Finding]:
    found = []
    for m in DOUBLED_RE.finditer(text):
        if m.group(2)[0].isupper():  # "The The" (a band), "at AT&T": a name, not a slip
            continue
        message = f"'{m.group()}': the word is doubled"
        found.append(_finding("GR011", "doubled-word", m.span(), message, (m.group(1),), 0.95))
    return found


def _of_chains(text: str) -> list[Finding]:
    found = []
    for m in OF_CHAIN_RE.finditer(text):
        if m.group(1) in OF_CHAIN_TAILS:
            continue
        message = f"'{m.group()}' stacks 'of' phrases like a word-for-word translated name; check its English name"
        found.append(_finding("MT015", "of-chain-name", m.span(), message, (), 0.5))
    return found


def _finding(
    rule_id: str, name: str, span: tuple[int, int], message: str, suggestions: tuple[str, ...], confidence: float
) -> Finding:
    applicability = Applicability.DISPLAY_ONLY
    if suggestions:
        applicability = Applicability.SAFE if rule_id == "GR011" else Applicability.UNSAFE
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
