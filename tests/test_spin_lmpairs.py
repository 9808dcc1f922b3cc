"""The n-gram model's filter of attested pairs (cleaner.spin.lmpairs): never a wrong answer."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from cleaner.spin import lmpairs
from cleaner.spin.candidates import LM_ATTESTED, Generator
from cleaner.spin.lm import model_path
from cleaner.spin.resources import Rows, default_resources
from cleaner.spin.store import PhraseStore
from cleaner.spin.text import Tokens

# Prose written for this test: common pairs ("climate change"), rare ones, and words the model lacks.
TEXT = (
    "Climate change affects coastal cities, and the interest rate of central banks rose again. "
    "A profound learning organization used counterfeit consciousness for picture handling; "
    "the zorblax quantifier frobnicated warm coffee near the old wooden bridge at sunset."
)


def test_a_pair_the_filter_lacks_is_not_attested() -> None:
    pairs = lmpairs.AttestedPairs(PhraseStore.known_only(["climate change"], 1 << 12), frozenset({"of"}), 1.0)
    assert pairs.may_attest("climate", "change")
    assert not pairs.may_attest("climate", "banana")
    assert pairs.may_attest("of", "anything")  # a first word whose back-off attests every pair


def test_filter_is_used_only_with_the_model_it_was_built_from(tmp_path: Path) -> None:
    model = tmp_path / "model.bin"
    model.write_bytes(b"an n-gram model" * 100)
    table = tmp_path / "lm-pairs.bin"
    PhraseStore.known_only(["climate change"], 1 << 12).save(table)
    about = {"model": lmpairs.model_stamp(model), "threshold": 1.0, "after_any": []}
    table.with_suffix(".json").write_text(json.dumps(about), encoding="utf-8")
    loaded = lmpairs.load(table, model)
    assert loaded is not None and loaded.may_attest("climate", "change")
    model.write_bytes(b"another model!!" * 100)  # same size, other bytes
    assert lmpairs.load(table, model) is None
    assert lmpairs.load(tmp_path / "missing.bin", model) is None


@pytest.mark.skipif(model_path() is None, reason="pocketsphinx's English model is not installed")
def test_shipped_filter_fits_the_installed_model_and_changes_no_answer() -> None:
    res = default_resources()
    if res.lm_pairs is None:
        pytest.skip(
            "cleaner/data/spin/lm-pairs.bin was built for another pocketsphinx model: rebuild it with "
            "scripts/build_lm_pairs.py (SP001 asks the model about every pair until then)"
        )
    assert res.lm_pairs.threshold <= LM_ATTESTED
    norms = Tokens(TEXT).norms
    pairs = list(pairwise(norms))
    with_filter, without = Generator(res), Generator(replace(res, lm_pairs=None))
    answers = [with_filter.attested(a, b) for a, b in pairs]
    assert answers == [without.attested(a, b) for a, b in pairs]
    assert any(answers) and not all(answers)  # the text has both kinds
    # The filter leaves out most pairs, so most never reach the model.
    assert sum(res.lm_pairs.may_attest(a, b) for a, b in pairs) < len(pairs) / 2


@pytest.mark.skipif(model_path() is None, reason="pocketsphinx's English model is not installed")
def test_remembered_pmi_is_the_model_s() -> None:
    lm = default_resources().lm
    assert lm is not None
    first = lm.pmi("climate", "change")
    assert first is not None and first > LM_ATTESTED
    assert lm.pmi("climate", "change") == first
    assert lm.pmi("zorblax", "quantifier") is None


def test_rows_get_reads_present_and_missing_words_alike() -> None:
    rows = Rows({"deep": "1.5 2", "wide": "3"})
    assert rows.get("deep") == ("1.5", "2")
    assert rows.get("narrow") is None
    assert rows.get("narrow", ("0",)) == ("0",)
    assert rows["wide"] == ("3",)
