"""GR009, GR010 and MT015: slips around the commonest words."""

from __future__ import annotations

import pytest

from cleaner.detectors import SlipsDetector
from cleaner.document import Document


def flagged(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule_id, text[f.start : f.end], f.suggestions) for f in SlipsDetector().check(Document.plain(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is a important step.", [("GR009", "a important", ("an important",))]),
        ("We propose an new method.", [("GR010", "an new", ("a new",))]),
        ("An good idea.", [("GR010", "An good", ("A good",))]),
        ("an non-linear model", [("GR010", "an non", ("a non",))]),
        # "an" and "An" are found by two expressions: in text order, and never inside a word already matched.
        (
            "An tan new idea, an\tbig one. An good",
            [("GR010", "An tan", ("A tan",)), ("GR010", "an\tbig", ("a big",)), ("GR010", "An good", ("A good",))],
        ),
        (
            "John Carr (Coalition of Children of Charities on Internet Security)",
            [("MT015", "Coalition of Children of Charities", ())],
        ),
    ],
)
def test_flagged(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is a one-off, a European study and a USB stick.",
        "where a is a constant and a about-face",
        "It took an hour; an mRNA vaccine; an MRI scan; Krems an der Donau.",
        "crowdsourcing an-notation tasks and sequential-and and sequential-or",
        "the Board of Review of Motion Pictures, the Bank of England",
    ],
)
def test_not_flagged(text: str) -> None:
    assert flagged(text) == []
