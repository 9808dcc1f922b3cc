"""Readability scores: one adapter over textstat, offline and without global state.

textstat 0.7 looks words up in NLTK's CMU dictionary and calls
``nltk.download('cmudict')`` when it is missing. Here the lookup is replaced,
once, by one that returns no dictionary, so syllables always come from
textstat's pyphen fallback: nothing is downloaded and the figures do not
depend on what NLTK data a machine happens to have.

A text too short or without sentence punctuation gets ``None`` for a metric,
with the reason, instead of an absurd figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

LANG = "en_US"
MIN_WORDS = 30  # fewer words: no score
MIN_SMOG_SENTENCES = 3  # SMOG is defined over sentences; fewer: no SMOG
MAX_WORDS_PER_SENTENCE = 80  # more: the punctuation is missing, not the prose hard

# Metric name -> whether a higher figure means harder text.
METRICS: dict[str, bool] = {
    "flesch_reading_ease": False,
    "flesch_kincaid_grade": True,
    "gunning_fog": True,
    "smog": True,
    "coleman_liau": True,
    "ari": True,
    "dale_chall": True,
}

_SENTENCE_END = re.compile(r"[.!?…]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Counts:
    words: int
    sentences: int
    syllables: int
    complex_words: int  # three syllables or more (Gunning fog, SMOG)
    letters: int
    difficult_words: int  # not on the Dale-Chall easy list


@dataclass(frozen=True, slots=True)
class Scores:
    """Figures for one stretch of text. A metric is None when it cannot be given; ``reason`` says why."""

    counts: Counts
    metrics: dict[str, float | None]
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"counts": vars_of(self.counts), "metrics": dict(self.metrics), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    scores: Scores


@dataclass(frozen=True, slots=True)
class Report:
    document: Scores
    paragraphs: list[Paragraph] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The document's metrics that could be given (what the HTML report shows)."""
        return {name: value for name, value in self.document.metrics.items() if value is not None}


def vars_of(counts: Counts) -> dict[str, int]:
    return {name: getattr(counts, name) for name in Counts.__slots__}


def harder(metric: str, value: float, threshold: float) -> bool:
    """Whether ``value`` is past ``threshold`` on the hard side of ``metric``."""
    return value > threshold if METRICS[metric] else value < threshold


@cache
def _backend() -> Any:
    """textstat's backend, with the CMU-dictionary download turned off (once per process).

    Its syllable counter also gets a hyphenation dictionary that remembers
    each word (textstat's own cache holds 128 entries; scoring spent half its
    time re-hyphenating common words).
    """
    from textstat.backend import counts as textstat_counts
    from textstat.backend import metrics
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _no_cmudict
    _count_syllables.get_pyphen = _cached_pyphen
    textstat_counts.count_syllables.cache_clear()
    return metrics


def _no_cmudict(lang: str) -> None:
    del lang


class _CachedHyphenator:
    def __init__(self, lang: str) -> None:
        from pyphen import Pyphen

        self.positions = lru_cache(maxsize=1 << 16)(Pyphen(lang=lang).positions)


@cache
def _cached_pyphen(lang: str) -> _CachedHyphenator:
    return _CachedHyphenator(lang)


def score(text: str) -> Scores:
    """Every metric for ``text``, with the counts behind them."""
    metrics = _backend()
    from textstat.backend import counts as tc

    counts = Counts(
        words=tc.count_words(text),
        sentences=tc.count_sentences(text),
        syllables=tc.count_syllables(text, LANG),
        complex_words=tc.count_polysyllable_words(text, LANG),
        letters=tc.count_letters(text),
        difficult_words=tc.count_difficult_words(text, LANG, 0),
    )
    reason = _unscorable(text, counts)
    if reason is not None:
        return Scores(counts, dict.fromkeys(METRICS), reason)
    values: dict[str, float | None] = {
        "flesch_reading_ease": metrics.flesch_reading_ease(text, LANG),
        "flesch_kincaid_grade": metrics.flesch_kincaid_grade(text, LANG),
        "gunning_fog": metrics.gunning_fog(text, LANG),
        "smog": metrics.smog_index(text, LANG) if counts.sentences >= MIN_SMOG_SENTENCES else None,
        "coleman_liau": metrics.coleman_liau_index(text),
        "ari": metrics.automated_readability_index(text),
        "dale_chall": metrics.dale_chall_readability_score(text, LANG),
    }
    rounded = {name: None if v is None else round(float(v), 2) for name, v in values.items()}
    smog_reason = None if counts.sentences >= MIN_SMOG_SENTENCES else "SMOG needs 3 sentences or more"
    return Scores(counts, rounded, smog_reason)


def _unscorable(text: str, counts: Counts) -> str | None:
    if counts.words < MIN_WORDS:
        return f"too short to score ({counts.words} words; {MIN_WORDS} needed)"
    if not _SENTENCE_END.search(text):
        return "no sentence punctuation: cannot tell where sentences end"
    if counts.words / max(counts.sentences, 1) > MAX_WORDS_PER_SENTENCE:
        return f"sentences average over {MAX_WORDS_PER_SENTENCE} words: punctuation is probably missing"
    return None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs of ``text`` (leading and trailing space left out)."""
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        stripped = text[begin:end]
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            out.append((begin + lead, begin + len(stripped.rstrip())))
    return out


def report(text: str) -> Report:
    """Scores for the whole text and for each paragraph."""
    parts = [Paragraph(s, e, score(text[s:e])) for s, e in paragraphs(text)]
    if len(parts) == 1 and text.strip() == text[parts[0].start : parts[0].end]:
        return Report(parts[0].scores, parts)  # one paragraph: the same figures (surrounding space counts for none)
    return Report(score(text), parts)
