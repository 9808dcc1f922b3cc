"""GR030-GR033: agreement and article slips confirmed by part-of-speech tags."""

from __future__ import annotations

import pytest

from cleaner import pos
from cleaner.detectors.agreement import AgreementDetector
from cleaner.document import Document

pytestmark = pytest.mark.skipif(not pos.installed(), reason="denckring-en-pos (the pos extra) is not installed")


def flagged(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule_id, text[f.start : f.end], f.suggestions) for f in AgreementDetector().check(Document.plain(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The results of the study shows that it works.", [("GR030", "shows", ("show",))]),
        ("These methods is widely used.", [("GR030", "is", ("are",))]),
        ("We believe these results provides a basis.", [("GR030", "provides", ("provide",))]),
        ("The effects of the drug was clear.", [("GR030", "was", ("were",))]),
        ("In this long and detailed paper we show that the methods is wrong.", [("GR030", "is", ("are",))]),
        ("After surgery, the patients was followed up.", [("GR030", "was", ("were",))]),
        ("It was lower when the patients was treated.", [("GR030", "was", ("were",))]),
        ("Both models has limits.", [("GR030", "has", ("have",))]),
        ("The proposed methods outperforms the baselines.", [("GR030", "outperforms", ("outperform",))]),
        ("This methods are widely used.", [("GR031", "This methods", ("These methods",))]),
        ("These method are new.", [("GR031", "These method", ("These methods",))]),
        ("He have a lot of data.", [("GR032", "have", ("has",))]),
        ("She are here.", [("GR032", "are", ("is",))]),
        ("We provide an information about the tool.", [("GR033", "an information", ("information",))]),
        ("We conducted a research on mice.", [("GR033", "a research", ("research",))]),
        ("An evidence for this is lacking.", [("GR033", "An evidence", ("Evidence",))]),
    ],
)
def test_flagged(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The results of the study show that it works.",
        "One of the methods is new, and each of the samples has a label.",  # the subject is "one", "each"
        "Among the reasons is cost.",  # inverted: the subject follows
        "Removing these steps is useful; solving such problems has been hard.",  # a gerund is the subject
        "The normal and the anophthalmic orbits was not what we compared.",  # the second of a pair: left alone
        "The data was collected, and the news is good; the series is long and the means is low.",
        "The past two years has seen growth, and the physics is simple.",
        "The students needs assessment was done.",  # "needs" is a noun here
        "These data are new; these people were kind; these staff have left.",
        "Could he have known? Why does he have it? Let it do the work. If it have any.",
        "The mechanisms leading to it have not been found.",
        "An information retrieval system; a research group; a research and education plan; a software-based tool.",
        "A research-intensive university.",
        "Finally, range the board capacities remains open.",  # a verb with no subject of its own before "the"
        "Adding modules which encapsulate such things is better.",  # the object of a verb, not a clause
        "Below it are the properties of the object.",  # inverted: the subject follows
        "We compared speed, cost, and the results is a table.",  # a list after a comma, not an opening phrase
    ],
)
def test_passes(text: str) -> None:
    assert flagged(text) == []


def test_findings_are_warnings_with_unsafe_fixes() -> None:
    (finding,) = AgreementDetector().check(Document.plain("The methods is new."))
    assert finding.category == "grammar"
    assert finding.detector == "agreement"
    assert finding.fixable
    assert "'The methods' is plural" in finding.message


def test_tagging_is_bounded_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hostile input full of candidates tags at most MAX_WINDOWS stretches, then the checks stop looking."""
    from cleaner.detectors import agreement

    monkeypatch.setattr(agreement, "MAX_WINDOWS", 20)
    findings = AgreementDetector().check(Document.plain("The methods is new. He have data. " * 500))
    assert len(findings) == 20
