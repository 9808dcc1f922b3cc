"""Document level: how likely a whole text was spun or machine-translated."""

from __future__ import annotations

import math
from collections.abc import Iterable

# Expected spun-wording hits per 1,000 words in clean prose and in spun prose,
# and how much one hit's confidence counts (set on the dev corpora).
CLEAN_RATE = 0.2
SPUN_RATE = 8.0
PRIOR = -2.0


def document_score(confidences: Iterable[float], n_words: int) -> float:
    """Probability that a document was spun, from its findings' confidences
    (every spin finding, hints included) and its length.

    Each finding adds evidence in proportion to its confidence; the total is
    weighed against how many such findings clean text of that length shows,
    so one weak hit in a long clean text barely moves the score while several
    independent hits in a short text do.
    """
    mass = sum(c * c for c in confidences)
    if n_words <= 0:
        return 0.0
    expected_clean = CLEAN_RATE * n_words / 1000.0
    expected_spun = SPUN_RATE * n_words / 1000.0
    # Poisson log-likelihood ratio of the observed mass under the two rates.
    llr = mass * math.log(expected_spun / expected_clean) - (expected_spun - expected_clean)
    z = PRIOR + llr
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
