"""Sentence splitting with nltk's Punkt and an abbreviation list we ship.

``nltk.sent_tokenize`` needs downloaded data; PunktSentenceTokenizer with
parameters we supply does not.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft vs etc al fig figs eq eqs ref refs vol no nos pp ed eds
    approx dept univ inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e cf viz ca resp gen col lt sgt capt cmdr gov sen rep rev hon est min max
    u.s u.k u.n e.u a.m p.m ph.d m.d b.a m.a b.sc m.sc
    """.split()
)


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    # nltk takes half a second to import: only pay for it when sentences are needed.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans, also broken at blank lines (headings, list items)."""
    spans: list[tuple[int, int]] = []
    tokenizer = _tokenizer()
    pos = 0
    for block in text.split("\n\n"):
        if block.strip():
            for start, end in tokenizer.span_tokenize(block):
                spans.append((pos + start, pos + end))
        pos += len(block) + 2
    return spans
