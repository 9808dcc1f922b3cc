"""The word pairs pocketsphinx's n-gram model may attest, as a Bloom filter.

Asking the model whether it knows a pair well (``NGram.pmi``) is the dearest
look-up SP001 makes for a word pair, and most pairs a text has are not attested.
The filter (``cleaner/data/spin/lm-pairs.bin``, built from the model by
``scripts/build_lm_pairs.py``) holds every pair whose PMI is at least the
threshold it was built for: a pair it does not hold is not attested, and the model
is not asked; a pair it holds is checked with the model (a Bloom filter's few
false positives cost a look-up, never a wrong answer). It is used only with the
model file it was built from (same size and same first mebibyte), so another
pocketsphinx model simply means asking the model every time.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cleaner.spin.store import PhraseStore

HEAD_BYTES = 1 << 20  # the part of the model file whose CRC-32 names it, with its size


@dataclass(frozen=True, slots=True)
class AttestedPairs:
    pairs: PhraseStore  # the pairs, as "first second" (a bit array only)
    after_any: frozenset[str]  # first words whose back-off alone attests every pair they start
    threshold: float  # the PMI from which the pairs were taken

    def may_attest(self, first: str, second: str) -> bool:
        """False: the model does not attest the pair (PMI under ``threshold``); True: it may."""
        return first in self.after_any or self.pairs.known(first + " " + second)


def model_stamp(model: Path) -> dict[str, int]:
    """What names a model file: its size and the CRC-32 of its first mebibyte."""
    with open(model, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    return {"size": model.stat().st_size, "head_crc32": zlib.crc32(head)}


def load(table: Path, model: Path) -> AttestedPairs | None:
    """The filter at ``table`` (``.bin``, with its ``.json`` description), or None when it
    is missing, unreadable, or was built from a model other than ``model``."""
    try:
        about = json.loads(table.with_suffix(".json").read_text(encoding="utf-8"))
        if about.get("model") != model_stamp(model):
            return None
        return AttestedPairs(PhraseStore.load(table), frozenset(about["after_any"]), float(about["threshold"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@cache
def builtin(model: str) -> AttestedPairs | None:
    """The shipped filter, for the model at ``model`` (None: not for this model)."""
    return load(Path(__file__).resolve().parent.parent / "data" / "spin" / "lm-pairs.bin", Path(model))
