"""SP002: unseen adjective + noun pairs, flagged only where other findings already mark a text as spun."""

from __future__ import annotations

import pytest

from cleaner.config import Settings
from cleaner.detectors import CollocationDetector, Evidence
from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.model import Category, Finding, Severity
from cleaner.spin.collocation import numbers
from cleaner.spin.lm import model

needs_lm = pytest.mark.skipif(model() is None, reason="pocketsphinx's English model is not installed")

# Four calques and a mistranslation (other rules find them), then an odd pair no rule names.
SPUN = (
    "The minister said the council may close its eyes to the problem, but it cannot close its ears "
    "to the protests. Some of they are really going to use terrible things, and the town faces a "
    "jealous kitchen because nobody listens. Critics said the plan puts the cart before the oxen."
)
CLEAN = (
    "The minister said the council had ignored the problem, and the protests went on. The town faces "
    "a jealous kitchen because nobody listens. Critics said the plan was badly ordered."
)


def sp002(text: str, **settings: object) -> list[tuple[str, Severity]]:
    result = Engine(Settings(**settings)).check_text(text)  # type: ignore[arg-type]
    return [(text[f.start : f.end], f.severity) for f in result.findings if f.rule_id == "SP002"]


def finding(rule_id: str, start: int, end: int, confidence: float = 0.85) -> Finding:
    category = Category.IDIOM_CALQUE
    return Finding(rule_id, rule_id.lower(), category, Severity.WARNING, start, end, "m", confidence=confidence)


def found(text: str) -> list[str]:
    finder = CollocationDetector().finder()
    assert finder is not None
    return [" ".join(c.words) for c in finder.find(text, Document.plain(text).tokens)]


@needs_lm
def test_odd_pair_in_a_spun_paragraph_is_flagged() -> None:
    assert sp002(SPUN) == [("jealous kitchen", Severity.WARNING)]
    result = Engine().check_text(SPUN)
    (hit,) = [f for f in result.findings if f.rule_id == "SP002"]
    assert hit.category is Category.TORTURED_PHRASE
    assert "'jealous kitchen' is not a phrase general English uses" in hit.message
    assert "4 other signs" in hit.message
    assert not hit.suggestions


@needs_lm
def test_the_same_pair_in_a_clean_paragraph_is_not_flagged() -> None:
    assert sp002(CLEAN, min_severity=Severity.SUGGESTION) == []


@needs_lm
def test_it_can_be_turned_off_like_any_rule() -> None:
    assert sp002(SPUN, ignore=("SP002",)) == []
    assert sp002(SPUN, ignore=("implausible-collocation",)) == []


@needs_lm
def test_its_findings_are_not_evidence_for_the_document_score() -> None:
    with_it = Engine().check_text(SPUN).document_score
    without = Engine(Settings(ignore=("SP002",))).check_text(SPUN).document_score
    assert with_it == without


@needs_lm
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a jealous kitchen", ["jealous kitchen"]),
        ("the loyal pavement stone", ["loyal pavement stone"]),  # a run of unseen pairs is one span
        ("a polite furniture store", []),  # the adjective qualifies a known compound
        ("a strong economy and deep learning", []),  # attested pairs
        ("an honest mistake", []),
        ("an inherent trade-off", []),  # part of a hyphenated compound
        ("the Jealous Kitchen opened", []),  # a name
        ("Loyal pavement stone. Jealous kitchen", ["loyal pavement stone", "jealous kitchen"]),  # sentence starts
        ("He said “Jealous kitchen”", []),  # capitalised inside a sentence
        ("JEALOUS KITCHEN", []),
        ("a jealous 42", []),  # a number
        ("jealous, kitchen", []),  # punctuation between
        ("sixteen kitchens and several kitchens", []),  # open modifiers combine with anything
    ],
)
def test_candidates(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_the_gate_needs_a_high_score_and_several_different_phrases_and_rules() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta"
    doc = Document.plain(text)
    detector = CollocationDetector()
    three = (finding("IC001", 0, 5), finding("IC002", 6, 10), finding("MT014", 11, 16))
    assert detector.gated(doc, Evidence(three, 0.95))
    assert not detector.gated(doc, Evidence(three, 0.5))  # a low document score
    assert not detector.gated(doc, Evidence(three[:2], 0.95))  # too few findings
    one_rule = (finding("SP001", 0, 5), finding("SP001", 6, 10), finding("SP001", 11, 16))
    assert not detector.gated(doc, Evidence(one_rule, 0.99))  # one rule's hits only
    repeated = Document.plain("alpha alpha alpha")
    same = (finding("IC001", 0, 5), finding("IC002", 6, 11), finding("MT014", 12, 17))
    assert not detector.gated(repeated, Evidence(same, 0.99))  # one phrase three times
    assert detector.check(doc) == []  # alone, with no evidence, nothing


def test_confidence_grows_with_the_evidence() -> None:
    from cleaner.spin.collocation import Collocation

    detector = CollocationDetector()
    pair = Collocation(0, 10, ("jealous", "kitchen"), -1.0)
    run = Collocation(0, 10, ("jealous", "kitchen", "budget"), -1.0)
    assert detector.confidence(pair, 0.95, 3) < detector.confidence(pair, 0.95, 5) < detector.confidence(run, 0.95, 5)
    assert detector.confidence(pair, 0.95, 3) < 0.6  # at the bare gate: a hint, not a warning


def test_noun_numbers() -> None:
    assert numbers("store") == ("store", "stores")
    assert numbers("stores") == ("stores", "store")
    assert numbers("policies") == ("policies", "policy")


class Weighing:
    """An evidence detector that records what it is given, then fails."""

    name = "weighing"

    def __init__(self) -> None:
        self.given: list[Evidence] = []

    def check(self, doc: Document) -> list[Finding]:
        return []

    def check_with(self, doc: Document, evidence: Evidence) -> list[Finding]:
        self.given.append(evidence)
        raise ZeroDivisionError("boom")


def test_evidence_detectors_run_last_with_the_others_evidence_and_may_fail() -> None:
    weighing = Weighing()
    engine = Engine(detectors=[weighing, *Engine().detectors])  # listed first, run after the others
    result = engine.check_text(SPUN, path="doc.txt")
    (evidence,) = weighing.given
    assert {"IC001", "IC002", "MT014", "IC003"} <= {f.rule_id for f in evidence.findings}
    assert "GR001" not in {f.rule_id for f in evidence.findings}  # grammar is not evidence of spinning
    assert evidence.score == result.document_score
    assert any(n.startswith("doc.txt: detector weighing failed (ZeroDivisionError: boom)") for n in engine.notices)
    assert "IC001" in {f.rule_id for f in result.findings}


def test_lazy_model_loads_on_the_first_question() -> None:
    from cleaner.spin.lm import LazyNGram, model_path

    if model_path() is None:
        pytest.skip("pocketsphinx's English model is not installed")
    lazy = LazyNGram()
    assert lazy._loaded is None
    assert lazy.unigram("the") is not None
    assert lazy._loaded is not None
    assert lazy.pmi("deep", "learning") == lazy._loaded.pmi("deep", "learning")
