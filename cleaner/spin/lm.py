"""General-English phrase statistics from pocketsphinx's n-gram model.

One adapter around the model: the rest of the package sees ``pmi``.
Log probabilities are natural logs; unknown words give ``None``.
"""

from __future__ import annotations

import math
import os
from functools import cache

from cleaner.installed import package_dir

LOG_BASE = math.log(1.0001)
UNKNOWN = -536870912
PMI_MEMO = 200_000


class NGram:
    def __init__(self, path: str) -> None:
        from pocketsphinx import Config, LogMath, NGramModel

        config = Config()
        config.set_string("-logfn", os.devnull)
        self._model = NGramModel(config, LogMath(), path)
        self._unigram: dict[str, float | None] = {}
        self._pmi: dict[tuple[str, str], float | None] = {}

    def logprob(self, word: str, *history: str) -> float | None:
        """log P(word | history), history nearest word first."""
        value = self._model.prob([word, *history])
        if value <= UNKNOWN:
            return None
        return float(value) * LOG_BASE

    def unigram(self, word: str) -> float | None:
        if word not in self._unigram:
            self._unigram[word] = self.logprob(word)
        return self._unigram[word]

    def pmi(self, first: str, second: str) -> float | None:
        """log P(second | first) - log P(second): about 0 or below when unseen. Remembered
        (up to PMI_MEMO pairs): the gate asks about the written pair of every reconstruction."""
        pair = (first, second)
        if pair in self._pmi:
            return self._pmi[pair]
        base = self.unigram(second)
        if base is None or self.unigram(first) is None:
            value = None
        else:
            joint = self.logprob(second, first)
            value = None if joint is None else joint - base
        if len(self._pmi) >= PMI_MEMO:
            self._pmi.clear()
        self._pmi[pair] = value
        return value


@cache
def model_path() -> str | None:
    """Where pocketsphinx's English model is, found without importing pocketsphinx (None: not installed)."""
    folder = package_dir("pocketsphinx")
    path = None if folder is None else folder / "model" / "en-us" / "en-us.lm.bin"
    return str(path) if path is not None and path.exists() else None


@cache
def model() -> NGram | None:
    path = model_path()
    if path is None:
        return None
    try:
        return NGram(path)
    except ImportError:
        return None


class LazyNGram:
    """The built-in model, loaded on the first question (callers that may never ask pay nothing).
    Only make one where ``model_path()`` found the model."""

    def __init__(self) -> None:
        self._loaded: NGram | None = None

    def _get(self) -> NGram:
        if self._loaded is None:
            loaded = model()
            if loaded is None:
                raise RuntimeError("pocketsphinx's English model cannot be loaded")
            self._loaded = loaded
        return self._loaded

    def logprob(self, word: str, *history: str) -> float | None:
        return self._get().logprob(word, *history)

    def unigram(self, word: str) -> float | None:
        return self._get().unigram(word)

    def pmi(self, first: str, second: str) -> float | None:
        return self._get().pmi(first, second)
