"""TY001/TY002: thousands separators and spaced hyphens in compounds."""

from __future__ import annotations

import random

import pytest

from cleaner.detectors import TypographyDetector
from cleaner.detectors.typography import ROUND_NUMBER_RE, _round_numbers
from cleaner.document import Document


def flagged(text: str) -> list[tuple[str, str, str]]:
    found = TypographyDetector().check(Document.plain(text))
    return [(f.rule_id, text[f.start : f.end], f.suggestions[0]) for f in found]


def test_round_numbers_without_separator() -> None:
    assert flagged("40000 years ago there were 250000 species.") == [
        ("TY001", "40000", "40,000"),
        ("TY001", "250000", "250,000"),
    ]


@pytest.mark.parametrize(
    "text",
    ["In 2019 we saw 40,000 people.", "the 29000 processor", "p = 0.10000", "code 12345", "ID#40000", "1000000 rows"],
)
def test_numbers_left_alone(text: str) -> None:
    assert flagged(text) == []


def test_spaced_hyphen_in_compound() -> None:
    assert flagged("Flowers have co - evolved with long - term partners.") == [
        ("TY002", "co - evolved", "co-evolved"),
        ("TY002", "long - term", "long-term"),
    ]


def test_dash_between_clauses_is_left_alone() -> None:
    assert flagged("It was big - really big - and so far - fine.") == []


def test_number_style_is_a_hint_and_spaced_hyphen_a_warning() -> None:
    found = TypographyDetector().check(Document.plain("In 40000 years we co - evolved."))
    assert [(f.rule_id, f.severity.label) for f in found] == [("TY001", "suggestion"), ("TY002", "warning")]


def test_round_numbers_are_the_expressions_matches() -> None:
    """TY001 tries its expression only near each "000": the matches are those of a scan of every position."""
    rng = random.Random(4)
    pieces = ["000", "0", "1", "9", "٣", " ", "the ", ".", ",", "x", "-", "%", "€", "10000", "250000", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        expected = [(m.span(), m.groups()) for m in ROUND_NUMBER_RE.finditer(text)]
        assert [(m.span(), m.groups()) for m in _round_numbers(text)] == expected
