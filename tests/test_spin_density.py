"""The density boost: independent hits near one another raise each one's confidence
(cleaner.spin.gate.Boost, cleaner.spin.detect.neighbours), on phrases written for these tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.spin.detect import SpinDetector, boosted, builtin_gate, choose, default_detector, gate_path, neighbours
from cleaner.spin.gate import Boost, Gate

# One tree on the neighbour count: none -> margin -4, one -> +1, two or more -> +3.
STEPS = (((1, -1, 1, -1, -1), (0.5, 0.0, 1.5, 0.0, 0.0), (1, 0, 3, 0, 0), (2, 0, 4, 0, 0), (0.0, -4.0, 0.0, 1.0, 3.0)),)
BOOST = Boost(window=10, strong_at=0.9, cap=3, baseline=0.0, trees=STEPS)


def wording(words: list[str]) -> Callable[[int, int], str]:
    return lambda lo, hi: " ".join(words[lo : hi + 1])


def test_neighbours_are_other_wordings_within_the_window() -> None:
    words = "alpha beta gamma delta alpha beta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi".split()
    key = wording(words)
    strong = [(0, 0), (4, 4), (6, 6), (16, 16)]
    # Word 0 ('alpha'): word 4 is 'alpha' again (its own wording, not a neighbour); 'epsilon' at 6 is one;
    # 'pi' at 16 is 15 unchanged words away, beyond the window of 10.
    assert neighbours([(0, 0)], strong, 10, 3, key) == [1]
    # Word 10 ('iota'), not strong itself: 'alpha' at 0 and 4 count once, 'epsilon' and 'pi' once each.
    assert neighbours([(10, 10)], strong, 10, 5, key) == [3]
    # Word 2 ('gamma'): both 'alpha's are one word away (parts of its phrase); 'epsilon' counts.
    assert neighbours([(2, 2)], strong, 10, 5, key) == [1]


def test_a_strong_span_beside_a_candidate_is_part_of_its_phrase() -> None:
    words = "one two three four five six".split()
    key = wording(words)
    # One unchanged word between (GROW_GAP): it would grow into the finding, so it is no neighbour.
    assert neighbours([(0, 0)], [(2, 2)], 10, 3, key) == [0]
    assert neighbours([(0, 0)], [(1, 1)], 10, 3, key) == [0]
    assert neighbours([(0, 0)], [(0, 1)], 10, 3, key) == [0]  # overlapping
    assert neighbours([(0, 0)], [(3, 3)], 10, 3, key) == [1]  # two words between


def test_neighbours_are_counted_up_to_the_cap() -> None:
    words = [f"w{i}" for i in range(40)]
    strong = [(i, i) for i in range(3, 40, 3)]
    assert neighbours([(0, 0)], strong, 30, 2, wording(words)) == [2]


def test_the_boost_only_raises_and_leaves_a_lone_phrase_alone() -> None:
    assert BOOST.confidence(0.4, 0) == 0.4
    assert BOOST.confidence(0.4, 1) == pytest.approx(1 / (1 + 2.718281828**-1), rel=1e-6)
    assert BOOST.confidence(0.99, 1) == 0.99  # never lowered
    assert BOOST.confidence(0.4, 2) > BOOST.confidence(0.4, 1) > 0.4


def test_boosted_raises_only_candidates_near_a_strong_one() -> None:
    words = [f"w{i}" for i in range(60)]
    spans = [(0, 0), (5, 5), (50, 50)]
    confidences = [0.95, 0.4, 0.4]
    raised, counts = boosted(spans, confidences, BOOST, wording(words))
    assert counts == [0, 1, 0]
    assert raised[0] == 0.95  # its only strong neighbour is itself
    assert raised[1] > 0.4  # four words from a strong one
    assert raised[2] == 0.4  # far from every strong one
    assert boosted(spans, [0.5, 0.4, 0.4], BOOST, wording(words)) == ([0.5, 0.4, 0.4], [0, 0, 0])  # nothing strong


def test_gate_with_boost_round_trips_through_json(tmp_path: Path) -> None:
    gate = Gate(("a",), 0.0, (((-1,), (0.0,), (0,), (0,), (1.0,)),), boost=BOOST)
    path = tmp_path / "gate.json"
    gate.save(path)
    loaded = Gate.load(path)
    assert loaded.boost == BOOST
    assert loaded.boost is not None and loaded.boost.confidence(0.4, 2) == BOOST.confidence(0.4, 2)


def test_the_compiled_boost_scores_like_the_tree_walk() -> None:
    plain = Gate.load(gate_path()).boost
    compiled = builtin_gate().boost
    assert plain is not None and compiled is not None and compiled.compiled is not None
    for tenth in range(1, 100):
        for n in range(6):
            assert compiled.confidence(tenth / 100, n) == plain.confidence(tenth / 100, n)


def test_the_built_in_gate_has_a_boost() -> None:
    boost = builtin_gate().boost
    assert boost is not None
    assert boost.window > 10 and 0.5 < boost.strong_at < 1.0 and boost.cap >= 1


PHRASES = ["profound learning", "colossal information", "irregular woodland", "counterfeit consciousness"]


def lone_confidence(detector: SpinDetector, phrase: str) -> float:
    text = f"The report describes {phrase} in some detail."
    hits = [h for h in detector.hits(text, min_confidence=0.0) if h.written.lower() in phrase]
    return max(h.confidence for h in hits)


def test_spun_phrases_close_together_raise_one_another() -> None:
    detector = default_detector()
    alone = {p: lone_confidence(detector, p) for p in PHRASES}
    text = (
        "We trained a model by profound learning on colossal information. The model, an irregular woodland, "
        "is a kind of counterfeit consciousness."
    )
    together = {p: 0.0 for p in PHRASES}
    for hit in detector.hits(text, min_confidence=0.0):
        for p in PHRASES:
            if hit.written.lower() in p:
                together[p] = max(together[p], hit.confidence)
    assert all(together[p] >= alone[p] for p in PHRASES), (alone, together)
    assert any(together[p] > alone[p] for p in PHRASES), (alone, together)


def test_a_raised_finding_says_what_raised_it() -> None:
    from cleaner.detectors.reconstruct import ReconstructDetector
    from cleaner.document import Document

    text = (
        "We trained a model by profound learning on colossal information. The model, an irregular woodland, "
        "is a kind of counterfeit consciousness."
    )
    findings = ReconstructDetector().check(Document.plain(text))
    raised = [f for f in findings if "nearby raise" in f.message]
    assert raised, [f.message for f in findings]
    assert all(f.confidence > lone_confidence(default_detector(), text[f.start : f.end].lower()) for f in raised)
    alone = ReconstructDetector().check(Document.plain("The report describes profound learning in some detail."))
    assert alone and not any("nearby" in f.message for f in alone)


def brute_neighbours(
    spans: list[tuple[int, int]], strong: list[tuple[int, int]], window: int, cap: int, key: Callable[[int, int], str]
) -> list[int]:
    """The definition, span by span against every strong span."""
    counts = []
    for lo, hi in spans:
        found = set()
        for a, b in set(strong):
            gap = a - hi - 1 if a > hi else lo - b - 1
            if 1 < gap < window and key(a, b) != key(lo, hi):
                found.add(key(a, b))
        counts.append(min(cap, len(found)))
    return counts


@given(
    st.lists(st.sampled_from("abc"), min_size=30, max_size=30),
    st.lists(st.tuples(st.integers(0, 27), st.integers(0, 2)), max_size=25),
    st.lists(st.booleans(), min_size=25, max_size=25),
    st.integers(2, 15),
    st.integers(1, 4),
)
def test_neighbours_match_their_definition(
    words: list[str], starts: list[tuple[int, int]], is_strong: list[bool], window: int, cap: int
) -> None:
    spans = [(lo, lo + length) for lo, length in starts]
    strong = [span for span, flag in zip(spans, is_strong, strict=False) if flag]
    key = wording(words)
    assert neighbours(spans, strong, window, cap, key) == brute_neighbours(spans, strong, window, cap, key)


def test_a_text_dense_with_findings_is_not_quadratic() -> None:
    # 40,000 findings two words apart and the same wording over and over: picking them and counting
    # their neighbours once compared every pair (minutes); now each looks at its own few words.
    words = ["w"] * 120_000
    spans = [(i, i) for i in range(0, 120_000, 3)]
    started = time.process_time()
    assert len(choose([(0.95, lo, hi, "x") for lo, hi in spans], floor=0.9)) == len(spans)
    assert set(neighbours(spans, spans, 100, 3, wording(words))) == {0}
    assert time.process_time() - started < 10
