"""GR009-GR011 and MT015: slips around the commonest words."""

from __future__ import annotations

import pytest

from cleaner.detectors import SlipsDetector
from cleaner.document import Document
from cleaner.fix import apply_edits, edit_for


def flagged(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule_id, text[f.start : f.end], f.suggestions) for f in SlipsDetector().check(Document.plain(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is a important step.", [("GR009", "a important", ("an important",))]),
        ("We propose an new method.", [("GR010", "an new", ("a new",))]),
        ("An good idea.", [("GR010", "An good", ("A good",))]),
        ("an non-linear model", [("GR010", "an non", ("a non",))]),
        ("We went to the the market.", [("GR011", "the the", ("the",))]),
        ("The the results of of it", [("GR011", "The the", ("The",)), ("GR011", "of of", ("of",))]),
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
        "his colleague at AT&T; the band The The",
        "the Board of Review of Motion Pictures, the Bank of England",
        "He said that that is fine.",
    ],
)
def test_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_doubled_word_fix_is_safe_and_exact() -> None:
    text = "We went to to the park."
    (finding,) = SlipsDetector().check(Document.plain(text))
    assert finding.applicability.value == "safe"
    fixed, _ = apply_edits(text, [edit_for(text, finding, finding.suggestions[0])])
    assert fixed == "We went to the park."
