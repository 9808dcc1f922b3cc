"""SP001 on two written words that stand for one original word ("the board" for
'management'), on phrases written for these tests."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from cleaner.spin.candidates import Generator, trigger_words
from cleaner.spin.detect import SpinDetector
from cleaner.spin.features import NAMES, features
from cleaner.spin.gate import Gate
from cleaner.spin.resources import Resources
from cleaner.spin.store import PhraseStore
from cleaner.spin.swaps import SwapTable, aligned_swaps, learn_swaps
from cleaner.spin.text import Tokens

# Every candidate gets the same confidence (one leaf), well above the hint level.
CONSTANT = Gate(names=(), baseline=0.0, trees=(((-1,), (0.0,), (0,), (0,), (3.0,)),), warning_at=0.9, hint_at=0.5)


def resources() -> Resources:
    phrases = {"kettle maker": 4, "lunar panel": 3, "tea kettle": 5, "harbour crane": 2}
    swaps = learn_swaps(
        2
        * [
            ("copper pot maker", ["copper kettle maker"]),  # 'pot' -> 'kettle'
            ("moon lit panel", ["lunar panel"]),  # "moon lit" -> 'lunar'
            ("brew boiling pots", ["brew kettles"]),  # "boiling pots" -> 'kettles', "boiling pot" -> 'kettle'
        ]
    )
    return Resources(synonyms={}, store=PhraseStore.build(phrases.items(), ["tea kettle"], bits=1 << 12), swaps=swaps)


def found(text: str) -> list[tuple[str, tuple[int, int], str, int]]:
    """The two-for-one candidates: the words they read as one, their span, the reading, and
    the words of the window (1: the two words alone)."""
    tokens = Tokens(text)
    out = []
    for c in Generator(resources()).candidates(tokens):
        if c.merged:
            lo, hi = c.span
            out.append((text[tokens.start(lo) : tokens.end(hi)], c.span, c.replacement(), c.size))
    return out


def test_aligned_swaps_learns_two_words_written_for_one() -> None:
    assert aligned_swaps("supply chain the board", "supply chain management") == [("the board", "management")]
    assert aligned_swaps("moon lit panel", "lunar panel") == [("moon lit", "lunar")]


def test_aligned_swaps_skips_a_split_word_a_form_of_the_original_and_numbers() -> None:
    assert aligned_swaps("tea pot maker", "teapot maker") == []  # the original split, no swap
    assert aligned_swaps("the kettles boil", "kettle boil") == []  # a form of the original
    assert aligned_swaps("covid 19 cases", "pandemic cases") == []  # not words of letters


def test_learn_swaps_keeps_two_word_keys_with_their_base_forms(tmp_path: Path) -> None:
    table = learn_swaps(2 * [("brew boiling pots", ["brew kettles"])] + [("moon lit panel", ["lunar panel"])])
    assert table.originals("boiling pots") == {"kettles": 2}
    assert table.originals("boiling pot") == {"kettle": 2}
    assert table.originals("moon lit") == {"lunar": 1}
    path = tmp_path / "swaps.tsv.gz"
    table.save(path)
    assert SwapTable.load(path).counts == table.counts
    # Neither the two words nor either one alone becomes a trigger word.
    assert not {"boiling pots", "boiling", "pots", "moon", "lit", "moon lit"} & trigger_words(table, 1)


def test_generator_reads_two_words_as_one_with_the_word_before_or_after() -> None:
    # "moon lit" -> 'lunar': "lunar panel" is known; a hyphen joins as a space does.
    assert found("A moon-lit panel shone.") == [("moon-lit", (1, 2), "lunar", 2)]
    # "boiling pot" -> 'kettle' (learned from the plural): "tea kettle" is known.
    assert found("Pour the tea boiling pot out.") == [("boiling pot", (3, 4), "kettle", 2)]
    # Nothing joined that makes a known phrase: the two words alone (see below).
    assert found("A moon lit sky.") == [("moon lit", (1, 2), "lunar", 1)]


def test_generator_reads_no_two_words_across_a_sentence_break() -> None:
    assert found("It was moon. Lit panel shone.") == []
    # The two words are read, but alone: the known reading would reach across the break.
    assert found("A moon lit. Panel shone.") == [("moon lit", (1, 2), "lunar", 1)]
    assert found("Pour the tea; boiling pot out.") == [("boiling pot", (3, 4), "kettle", 1)]
    assert found("The tea, boiling pot.") == [("boiling pot", (2, 3), "kettle", 1)]


def test_detector_flags_the_two_words_with_the_one_word_original() -> None:
    text = "Each moon lit panel was cleaned."
    hits = SpinDetector(resources(), CONSTANT).hits(text)
    assert [(h.written, h.original) for h in hits] == [("moon lit", "lunar")]
    assert text[hits[0].start : hits[0].end] == "moon lit"


def test_features_read_the_two_written_words_one_by_one() -> None:
    res = resources()
    (candidate,) = [c for c in Generator(res).candidates(Tokens("A moon lit panel.")) if c.merged]
    values = dict(zip(NAMES, features(candidate, res), strict=True))
    assert values["changed_words"] == 1.0
    assert values["learned_count"] > 0
    assert values["original_known_phrase"] == 1.0


def test_two_words_with_no_reading_around_them_are_read_alone() -> None:
    # "moon lit" with nothing known around it: the two words alone, as their most learned original.
    tokens = Tokens("A moon lit sky.")
    alone = [c for c in Generator(resources()).candidates(tokens) if c.merged]
    assert [(c.span, c.size, c.tortured, c.replacement()) for c in alone] == [((1, 2), 1, ("moon lit",), "lunar")]
    # A reading around them is found: no lone reading besides it.
    assert [c.size for c in Generator(resources()).candidates(Tokens("A moon lit panel.")) if c.merged] == [2]


def test_the_scan_finds_every_learned_phrase_and_no_other() -> None:
    """Each phrase is filed under its rarer word (here "moon lit" under 'lit', "boiling pot"
    and "boiling pots" under 'boiling'), and found wherever it stands, as a look at every pair finds it."""
    common, rare = ("-5",), ("-9",)
    res = replace(resources(), unigrams={"moon": common, "lit": rare, "boiling": rare, "pot": common, "pots": common})
    generator = Generator(res)
    assert generator._leaders["lit"] == {"moon"} and {"pot", "pots"} <= generator._followers["boiling"]
    rng = random.Random(7)
    vocabulary = ["moon", "lit", "boiling", "pot", "pots", "panel", "the"]
    for _ in range(300):
        norms = [rng.choice(vocabulary) for _ in range(rng.randint(0, 12))]
        every = [i for i in range(len(norms) - 1) if f"{norms[i]} {norms[i + 1]}" in generator.phrases]
        assert generator._phrase_starts(norms) == every
