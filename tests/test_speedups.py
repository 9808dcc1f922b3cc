"""The fast paths give exactly what the plain algorithms give: matcher anchoring, folding, resolve."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import reference_resolve

from cleaner.config import Settings
from cleaner.detectors import load_rules
from cleaner.document import Document
from cleaner.engine import resolve
from cleaner.model import Category, Finding, Severity
from cleaner.rulepack import Rule
from cleaner.rulepack import matcher as matcher_module
from cleaner.rulepack.matcher import Hit, RuleMatcher
from cleaner.rulepack.schema import Slot
from cleaner.textnorm import FoldedText, fold_chars

WORDS = ["close", "closed", "shut", "its", "their", "one's", "eyes", "ears", "to", "the", "a", "board", "x", "Eyes"]
GAPS = [" ", " ", " ", "-", "\n", "  ", " \n ", "\n\n", ", ", "'", "’", "\r\n", "_"]


def _pattern_rules() -> list[Rule]:
    base = next(r for r in load_rules(Settings()) if r.kind == "pattern")
    words = Slot(words=frozenset({"the", "a"}))
    anything = Slot()
    upper = Slot(regex=r"[A-Z]\w*")
    not_to = Slot(words=frozenset({"to"}), negate=True)
    return [
        base,
        replace(base, id="T1", pattern=(words, anything, Slot(words=frozenset({"eyes"})))),
        replace(base, id="T2", pattern=(anything, Slot(words=frozenset({"board"})), not_to)),
        replace(base, id="T3", pattern=(upper, anything)),  # no literal slot: tried at every token
        replace(base, id="T4", pattern=(Slot(words=frozenset({"its", "their"})), Slot(words=frozenset({"eyes"})))),
    ]


def _reference_hits(matcher: RuleMatcher, doc: Document) -> list[Hit]:
    """Every pattern rule tried at every token, in (start, end, rule order) order: what anchoring must equal."""
    found: list[tuple[int, int, int, Hit]] = []
    for order, rule in enumerate(matcher.rules):
        if rule.kind != "pattern":
            continue
        for i in range(len(doc.tokens)):
            hit = matcher._try_pattern(rule, i, doc.tokens, doc.text)
            if hit is not None:
                found.append((hit.start, hit.end, order, hit))
    return [h for *_, h in sorted(found, key=lambda item: item[:3])]


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(n))


@pytest.mark.parametrize("whole", [False, True], ids=["local-tokens", "whole-document-tokens"])
def test_anchored_patterns_match_trying_every_token(monkeypatch: pytest.MonkeyPatch, whole: bool) -> None:
    if whole:
        monkeypatch.setattr(matcher_module, "LOCAL_TOKENS_SHARE", 0.0)
    matcher = RuleMatcher(_pattern_rules())
    rng = random.Random(6)
    total = 0
    for _ in range(300):
        doc = Document.plain(_random_text(rng, rng.randint(1, 40)))
        expected = _reference_hits(matcher, Document.plain(doc.text))
        got = [h for h in matcher.hits(doc) if h.rule.kind == "pattern"]
        assert got == expected, doc.text
        total += len(got)
    assert total > 100  # the random texts do exercise the rules


def test_lines_too_long_for_local_tokens_fall_back_to_the_whole_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "LOCAL_TOKENS_SPAN", 10)
    matcher = RuleMatcher(_pattern_rules())
    doc = Document.plain("We saw the board shut their eyes to it, and the board closed its\neyes to that.")
    assert [h for h in matcher.hits(doc) if h.rule.kind == "pattern"] == _reference_hits(matcher, doc)


def test_a_document_without_anchor_words_is_never_tokenized() -> None:
    matcher = RuleMatcher(load_rules(Settings()))
    doc = Document.plain("Plain prose about proteins and cells. " * 50)
    matcher.hits(doc)
    assert "tokens" not in doc.__dict__


def test_many_anchor_words_on_short_lines_stay_local() -> None:
    matcher = RuleMatcher(load_rules(Settings()))
    lines = ["Her eyes were tired after a long shift on the ward."] + ["Nothing to see in this line."] * 9
    doc = Document.plain("\n".join(lines * 300))
    assert matcher.hits(doc) == []
    assert "tokens" not in doc.__dict__


@given(st.text(alphabet="aB -\u2010\u2014\t\n\r\u00a0\u2009\u2019'x.", max_size=60))
def test_fold_chars_equals_a_translate_table(text: str) -> None:
    spaced = "-\u2010\u2011\u2012\u2013\u2014\t\n\r\f\v\u00a0\u2009\u202f"
    table = str.maketrans({c: " " for c in spaced} | {"\u2019": "'"})
    assert fold_chars(text) == text.translate(table)
    folded = FoldedText.of(text)
    assert "  " not in folded.folded


@given(st.text(alphabet="ab \n\t\u00a0\u2028.", max_size=80), st.integers(1, 7))
def test_count_words_in_chunks_equals_split(text: str, chunk: int) -> None:
    from cleaner import document

    saved = document.WORD_COUNT_CHUNK
    document.WORD_COUNT_CHUNK = chunk
    try:
        assert document.count_words(text) == len(text.split())
    finally:
        document.WORD_COUNT_CHUNK = saved


finding_strategy = st.builds(
    lambda start, length, category, severity, confidence, detector, suggestion: Finding(
        rule_id="R1",
        rule_name="r",
        category=category,
        severity=severity,
        start=start,
        end=start + length,
        message="m",
        suggestions=(suggestion,),
        confidence=confidence,
        detector=detector,
    ),
    st.integers(0, 30),
    st.integers(0, 6),
    st.sampled_from([Category.TORTURED_PHRASE, Category.GRAMMAR, Category.STYLE]),
    st.sampled_from([Severity.SUGGESTION, Severity.WARNING, Severity.ERROR]),
    st.sampled_from([0.5, 0.9]),
    st.sampled_from(["rules", "spin"]),
    st.sampled_from(["a", "b", "c"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(finding_strategy, max_size=25))
def test_resolve_equals_the_quadratic_reference(findings: list[Finding]) -> None:
    assert resolve(findings) == reference_resolve(findings)


def test_resolve_is_not_quadratic() -> None:
    many = [
        Finding("R1", "r", Category.GRAMMAR, Severity.WARNING, i * 3, i * 3 + 2, "m", ("x",)) for i in range(20_000)
    ]
    many += [replace(f, category=Category.STYLE, suggestions=("y",)) for f in many[:10_000]]
    result = resolve(many)
    assert len(result) == 20_000
    assert result[0].suggestions == ("x", "y")


FOLD_PIECES = [
    "ΑΣ",
    "Σ",
    "σ",
    "ς",
    "-",
    "\u2014",
    "\u2019",
    "'",
    "\u00a0",
    " ",
    "  ",
    "\t",
    "\n",
    "Ab",
    "İ",
    "ß",
    "É",
    ".",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FOLD_PIECES), max_size=20))
def test_folding_the_lowered_text_is_lowering_the_folded_text(pieces: list[str]) -> None:
    """FoldedText.of given the document's lowered text builds the view it builds alone
    (final sigma before a folded hyphen or apostrophe included)."""
    text = "".join(pieces)
    alone = FoldedText.of(text)
    given_lowered = FoldedText.of(text, text.lower())
    assert (given_lowered.folded, given_lowered.cased) == (alone.folded, alone.cased)
    assert [given_lowered.to_text(k) for k in range(len(alone.folded) + 1)] == [
        alone.to_text(k) for k in range(len(alone.folded) + 1)
    ]
