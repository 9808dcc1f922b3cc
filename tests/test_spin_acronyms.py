"""Acronyms that do not fit the words in front of them (cleaner.spin.acronyms),
on phrases written for these tests."""

from __future__ import annotations

import pytest

from cleaner.spin import acronyms
from cleaner.spin.candidates import Generator
from cleaner.spin.features import NAMES, features
from cleaner.spin.resources import Resources
from cleaner.spin.store import PhraseStore
from cleaner.spin.swaps import learn_swaps
from cleaner.spin.text import Tokens


def resources() -> Resources:
    swaps = learn_swaps(
        3
        * [
            ("speedy locomotive", ["fast train"]),
            ("crimson wagon", ["red car"]),
            ("crimson locomotive", ["red train"]),
            ("speedy wagon", ["fast car"]),
        ]
    )
    return Resources(
        synonyms={}, store=PhraseStore.build([("fast train", 3)], ["fast train"], bits=1 << 12), swaps=swaps
    )


@pytest.mark.parametrize(
    ("written", "spelled"),
    [("DNN", "DNN"), ("CNNs", "CNN"), ("QoS", "QoS"), ("IoT", "IoT"), ("II", None), ("XIV", None), ("Ab", None)],
)
def test_letters_read_acronyms_and_skip_numerals(written: str, spelled: str | None) -> None:
    assert acronyms.letters(written) == spelled


def test_acronyms_in_text() -> None:
    text = "A fast train (FT) and part (II) and (CNNs) and (note)."
    assert [(text[at], spelled) for at, spelled in acronyms.acronyms(text)] == [("(", "FT"), ("(", "CNN")]


@pytest.mark.parametrize(
    ("spelled", "words", "optional", "loose", "expected"),
    [
        ("FT", ["fast", "train"], [False, False], False, True),
        ("FT", ["speedy", "train"], [False, False], False, False),
        ("CT", ["cup", "of", "tea"], [False, True, False], False, True),
        ("CoT", ["cup", "of", "tea"], [False, True, False], False, True),
        ("QoS", ["quality", "service"], [False, False], False, True),  # a small letter may come from nowhere
        ("DNA", ["deoxyribonucleic", "acid"], [False, False], False, False),
        ("DNA", ["deoxyribonucleic", "acid"], [False, False], True, True),  # loosely: letters inside a word
        ("CC", ["cross", "co", "operation"], [False, False, True], False, True),  # "cross co-operation"
        ("FT", ["fast", "red", "train"], [False, False, False], False, False),  # every content word gives a letter
    ],
)
def test_fits(spelled: str, words: list[str], optional: list[bool], loose: bool, expected: bool) -> None:
    assert acronyms.fits(spelled, words, optional, loose) is expected


def test_respellings_change_the_fewest_words() -> None:
    found = acronyms.respellings("FT", ["speedy", "locomotive"], [False, False], [["fast"], ["train"]])
    assert found == [(0, (0, 1), ("fast", "train"))]
    found = acronyms.respellings("FT", ["speedy", "train"], [False, False], [["fast"], []])
    assert found == [(0, (0,), ("fast", "train"))]
    assert acronyms.respellings("FT", ["speedy", "train"], [False, False], [["slow"], []]) == []


def test_three_words_change_only_for_long_acronyms() -> None:
    words, optional = ["ab", "cd", "ef", "gh"], [False] * 4
    opts = [["apple"], ["bear"], ["cow"], ["dog"]]
    assert acronyms.respellings("ABCG", words, optional, opts) == [(0, (1, 2), ("ab", "bear", "cow", "gh"))]
    assert acronyms.respellings("ABCD", words, optional, opts) == [(0, (1, 2, 3), ("ab", "bear", "cow", "dog"))]
    assert acronyms.respellings("BCD", words[1:], optional[1:], opts[1:]) == []  # three changes, three capitals


def test_strength_is_weak_when_the_writing_spells_it_loosely() -> None:
    assert acronyms.strength("FT", ["speedy", "locomotive"], [False, False]) == 2
    # "art" spells A and T loosely (its own letters), the words do not strictly.
    assert acronyms.strength("AT", ["art", "locomotive"], [False, False]) == 1


def test_a_trailing_word_may_follow_the_spelled_words() -> None:
    assert acronyms.spells("FT", ["fast", "train", "model"], [False] * 3)
    assert not acronyms.spells("FT", ["fast", "train", "big", "model"], [False] * 4)


def test_definitions_read_joined_words_before_the_parenthesis() -> None:
    tokens = Tokens("Then 3 speedy-locomotive rides of (SLR) and text, red (RC) here; x (AB)")
    found = [(tokens.norms[a:b], spelled, flags) for a, b, spelled, flags in acronyms.definitions(tokens)]
    assert found[0] == (["speedy", "locomotive", "rides", "of"], "SLR", [False, True, False, True])
    assert found[1] == (["red"], "RC", [False])
    assert found[2] == (["x"], "AB", [False])
    assert [tokens.norms[a:b] for a, b, _, _ in acronyms.mismatches(tokens)] == [["red"], ["x"]]


def test_generator_reconstructs_words_an_acronym_contradicts() -> None:
    gen = Generator(resources())
    tokens = Tokens("They rode a speedy locomotive (FT) home.")
    found = [c for c in gen.candidates(tokens) if c.acronym]
    assert [(c.replacement(), c.span, c.acronym) for c in found] == [("fast train", (3, 4), 2)]
    values = features(found[0], gen.res)
    assert values[NAMES.index("acronym")] == 2.0
    assert values[NAMES.index("window_words")] == 2.0  # the acronym is not part of the phrase
    assert values[NAMES.index("original_is_term")] == 1.0


def test_generator_keeps_unchanged_words_out_of_an_acronym_span() -> None:
    gen = Generator(resources())
    found = [c for c in gen.candidates(Tokens("A speedy train (FT) left.")) if c.acronym]
    assert [(c.replacement(), c.span) for c in found] == [("fast", (1, 1))]


def test_generator_quiet_when_the_words_spell_the_acronym() -> None:
    gen = Generator(resources())
    for text in ("A fast train (FT) left.", "A speedy locomotive (SL) left.", "A speedy locomotive. (FT) left."):
        assert [c for c in gen.candidates(Tokens(text)) if c.acronym] == []
