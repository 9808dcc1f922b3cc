"""What the gate sees about a candidate reconstruction, as numbers."""

from __future__ import annotations

import math

from cleaner.spin.candidates import Candidate
from cleaner.spin.resources import Resources
from cleaner.spin.stopwords import STOPWORDS

NAMES: tuple[str, ...] = (
    "original_is_term",
    "original_count",
    "original_pmi",
    "written_pmi",
    "written_unknown",
    "changed_words",
    "window_words",
    "learned_count",
    "learned_share",
    "synonym_only",
    "written_frequency",
    "original_frequency",
    "spinner_source",
    "context_is_function_word",
    "original_known_phrase",
    "written_term_role",
    "original_term_role",
    "role_gain",
    "acronym",
)
FLOOR = -4.0
UNKNOWN_UNIGRAM = -16.0


def _pmi(res: Resources, words: tuple[str, ...], changed: tuple[int, ...]) -> tuple[float, bool]:
    """Lowest PMI over the adjacent pairs touching a changed word; and
    whether some word is unknown to the model."""
    if res.lm is None:
        return 0.0, False
    lowest = 10.0
    unknown = False
    for k in range(len(words) - 1):
        if k not in changed and k + 1 not in changed:
            continue
        value = res.lm.pmi(words[k], words[k + 1])
        if value is None:
            unknown = True
            value = FLOOR
        lowest = min(lowest, value)
    return max(FLOOR, lowest), unknown


def _unigram(res: Resources, word: str) -> float:
    """The word's general-English log-probability; two written words read as one: the rarer one's."""
    if " " in word:
        return min(_unigram(res, w) for w in word.split(" "))
    value = res.unigram(word)
    return UNKNOWN_UNIGRAM if value is None else max(UNKNOWN_UNIGRAM, value)


def _as_written(words: tuple[str, ...], changed: tuple[int, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A window whose changed position holds two written words ("the board"), word by
    word, and the changed positions among those words."""
    out: list[str] = []
    at: list[int] = []
    for k, word in enumerate(words):
        for w in word.split(" "):
            if k in changed:
                at.append(len(out))
            out.append(w)
    return tuple(out), tuple(at)


def features(c: Candidate, res: Resources) -> list[float]:
    size = c.phrase
    written, reconstructed = c.tortured, c.original
    original = " ".join(reconstructed[:size])
    orig_pmi, _ = _pmi(res, reconstructed[:size], c.changed)
    written_words, written_changed = _as_written(written[:size], c.changed) if c.merged else (written[:size], c.changed)
    written_pmi, written_unknown = _pmi(res, written_words, written_changed)
    # One pass over the changed words; the figures are summed after, by sum() as ever.
    learned, shares, sources = [], [], []
    written_unigrams, original_unigrams, written_roles, original_roles = [], [], [], []
    for k, option in zip(c.changed, c.options, strict=True):
        total = res.swaps.total(written[k])
        learned.append(math.log1p(option.learned))
        shares.append(option.learned / total if total else 0.0)
        sources.append(math.log1p(total))
        written_unigrams.append(_unigram(res, written[k]))
        original_unigrams.append(_unigram(res, reconstructed[k]))
        head = k == size - 1
        written_roles.append(math.log1p(res.role(written[k], head)))
        original_roles.append(math.log1p(res.role(reconstructed[k], head)))
    n = len(c.changed)
    written_role, original_role = min(written_roles), min(original_roles)
    context = [written[k] for k in range(size) if k not in c.changed]
    is_term, count = res.term_and_count(original)
    return [
        1.0 if is_term else 0.0,
        math.log1p(count),
        orig_pmi,
        written_pmi,
        1.0 if written_unknown else 0.0,
        float(n),
        float(size),
        sum(learned) / n,
        min(shares),
        sum(1.0 for o in c.options if o.learned == 0) / n,
        sum(written_unigrams) / n,
        sum(original_unigrams) / n,
        sum(sources) / n,
        1.0 if context and all(w in STOPWORDS for w in context) else 0.0,
        1.0 if res.known(original) else 0.0,
        written_role,
        original_role,
        original_role - written_role,
        float(c.acronym),
    ]
