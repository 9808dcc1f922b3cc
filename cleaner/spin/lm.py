"""General-English phrase statistics from pocketsphinx's n-gram model.

One adapter around the model: the rest of the package sees ``pmi``.
Log probabilities are natural logs; unknown words give ``None``.
"""

from __future__ import annotations

import math
import os
from functools import cache

LOG_BASE = math.log(1.0001)
UNKNOWN = -536870912


class NGram:
    def __init__(self, path: str) -> None:
        from pocketsphinx import Config, LogMath, NGramModel

        config = Config()
        config.set_string("-logfn", os.devnull)
        self._model = NGramModel(config, LogMath(), path)
        self._unigram: dict[str, float | None] = {}

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
        """log P(second | first) - log P(second): about 0 or below when unseen."""
        base = self.unigram(second)
        if base is None or self.unigram(first) is None:
            return None
        joint = self.logprob(second, first)
        return None if joint is None else joint - base


@cache
def model() -> NGram | None:
    try:
        import pocketsphinx
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(pocketsphinx.__file__), "model", "en-us", "en-us.lm.bin")
    if not os.path.exists(path):
        return None
    return NGram(path)
