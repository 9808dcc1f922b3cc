"""NG001: words the n-gram model finds implausible where a usual alternative fits."""

from __future__ import annotations

import pytest

from cleaner.detectors import ngram
from cleaner.detectors.ngram import NgramDetector, trigger_starts
from cleaner.document import Document
from cleaner.spin.lm import model

needs_lm = pytest.mark.skipif(model() is None, reason="pocketsphinx's English model is not installed")


def flagged(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[f.start : f.end], f.suggestions) for f in NgramDetector().check(Document.plain(text))]


@needs_lm
def test_implausible_verb_gets_a_plausible_one() -> None:
    found = flagged("He has the option of allowing sexual abuse to fire on their sites.")
    assert found and found[0][0] == "fire"
    assert found[0][1][0] in {"thrive", "flourish"}


@needs_lm
def test_compound_for_plain_noun() -> None:
    assert flagged("Encryption would violate the duty of childcare on Facebook.") == [("childcare", ("care",))]


@needs_lm
@pytest.mark.parametrize(
    "text",
    [
        "The fire spread to the roof.",
        "Troops opened fire on the crowd.",
        "They had to fire the manager.",
        "Access to affordable childcare is limited.",
        "The actual cost was higher than planned.",
        "She will attend the meeting on Monday.",
    ],
)
def test_ordinary_uses_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_without_a_model_nothing_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ngram, "model", lambda: None)
    assert NgramDetector().check(Document.plain("allowing abuse to fire on their sites")) == []


def test_triggers_are_whole_words_and_case_blind() -> None:
    text = "Fire! The firefly, a bonfire and FIRE."
    assert sorted(trigger_starts(text, {"fire": ("x",)})) == [0, text.index("FIRE")]


def test_triggers_found_in_the_lowered_text_given() -> None:
    text = "Fire! The firefly, a bonfire and FIRE."
    assert trigger_starts(text, {"fire": ("x",)}, text.lower()) == trigger_starts(text, {"fire": ("x",)})
