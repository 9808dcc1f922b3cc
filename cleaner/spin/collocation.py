"""Implausible collocations: adjective + noun pairs that general English does not use.

Round-trip translation replaces a phrase word by word ("inherent trade-off" ->
"inherent compensation"), so the words are common but the pair is not. This
module finds such pairs with no list of them: a pair is a candidate when the
first word is mostly an adjective and the second mostly a noun (WordNet
classes, ``data/spin/word-classes.tsv.gz``), both are common in general English
(pocketsphinx's n-gram model), and neither the model nor the phrase store
(terms, counted phrases, Google Books bigrams) has seen the pair, in either
number of the noun. A following noun joins the span when it too forms an
unseen pair ("a unique toilet store").

Rare pairs are everywhere in clean technical prose, so a caller only asks in a
text that other evidence already marks as spun (``cleaner.detectors.collocation``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from cleaner.spin import morph
from cleaner.spin.resources import read_table
from cleaner.spin.stopwords import STOPWORDS

WORD_CLASSES = Path(__file__).resolve().parent.parent / "data" / "spin" / "word-classes.tsv.gz"
COMMON = -13.0  # lowest general-English unigram log-probability of either word
SEEN_PMI = 0.0  # a model pair at or above this association counts as attested
MIN_LENGTH = 3
# Modifiers that combine with almost any noun: quantities, numbers, order, time, size, degree and
# reference ("additional", "latter", "sixteen", "recent", "large", "main"). An unseen pair with one
# of them says nothing about the phrase.
OPEN_MODIFIERS = frozenset(
    """additional various numerous several multiple similar different certain particular previous recent
    former latter main major minor total whole entire overall general specific respective existing following
    further next last early late current present possible potential single individual typical usual common
    standard primary secondary mean average high low large small great big little long short good better best
    poor old novel simple basic key important significant relevant corresponding initial final subsequent
    prior future past daily weekly monthly annual yearly full half double triple dozen hundred thousand million
    billion eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety extra more less least enough own other such""".split()
)


@dataclass(frozen=True, slots=True)
class Classes:
    """WordNet senses of a word form as a noun, an adjective, a verb and an adverb."""

    noun: int
    adj: int
    verb: int
    adv: int

    @property
    def adjective(self) -> bool:
        return self.adj > 0 and self.adj >= self.noun and self.adj > self.verb

    @property
    def noun_head(self) -> bool:
        return self.noun > 0 and self.noun >= self.verb and self.noun > self.adj


@dataclass(frozen=True, slots=True)
class Collocation:
    """An unseen pair (or a run of unseen pairs): offsets into the text and its words."""

    start: int
    end: int
    words: tuple[str, ...]
    pmi: float  # the weakest association of its pairs in the general-English model


class WordClasses:
    """word -> ``Classes``, kept as the table's raw line tails and read on lookup (a fast load)."""

    def __init__(self, raw: dict[str, str]) -> None:
        self.raw = raw

    def get(self, word: str) -> Classes | None:
        row = self.raw.get(word)
        if row is None:
            return None
        noun, adj, verb, adv = (int(n) for n in row.split())
        return Classes(noun, adj, verb, adv)


@cache
def builtin_classes(path: Path = WORD_CLASSES) -> WordClasses:
    return WordClasses(read_table(path))


class Model(Protocol):
    """What the finder asks of a language model (``cleaner.spin.lm.NGram``, ``LazyNGram``)."""

    def unigram(self, word: str) -> float | None: ...

    def pmi(self, first: str, second: str) -> float | None: ...


class Finder:
    """Finds unseen adjective + noun pairs with the given model, phrase test and word classes.

    ``known`` says whether the phrase store has a phrase; it is asked only about pairs
    the model has not seen, so a caller may load the store on the first question.
    """

    def __init__(self, lm: Model, known: Callable[[str], bool], classes: WordClasses) -> None:
        self.lm = lm
        self.known = known
        self.classes = classes

    def find(
        self, text: str, spans: Sequence[tuple[int, int]], skip: Sequence[tuple[int, int]] = ()
    ) -> list[Collocation]:
        """The unseen pairs of the text (``spans``: its words), none overlapping a ``skip`` span."""
        out: list[Collocation] = []
        i = 0
        while i < len(spans) - 1:
            found = self._at(text, spans, i, skip)
            if found is None:
                i += 1
                continue
            out.append(found)
            i += len(found.words)
        return out

    def _at(
        self, text: str, spans: Sequence[tuple[int, int]], i: int, skip: Sequence[tuple[int, int]]
    ) -> Collocation | None:
        pair = self._pair(text, spans, i)
        if pair is None or covered(spans, i, i + 1, skip):
            return None
        first, second = pair
        pmi = self.unseen(first, second)
        if pmi is None:
            return None
        words = [first, second]
        third = self._next_noun(text, spans, i + 2)
        if third is not None and not covered(spans, i + 2, i + 2, skip):
            tail = self.unseen(second, third)
            if tail is None:
                return None  # the adjective qualifies a known compound ("inherent risk factors")
            words.append(third)
            pmi = min(pmi, tail)
        return Collocation(spans[i][0], spans[i + len(words) - 1][1], tuple(words), pmi)

    def _next_noun(self, text: str, spans: Sequence[tuple[int, int]], i: int) -> str | None:
        """Word ``i`` when it is a noun that follows word ``i - 1`` after one space."""
        if i >= len(spans) or not self._linked(text, spans, i - 1):
            return None
        word = self._word(text, spans, i)
        c = self.classes.get(word) if word is not None else None
        return word if c is not None and c.noun_head else None

    def _pair(self, text: str, spans: Sequence[tuple[int, int]], i: int) -> tuple[str, str] | None:
        """Words ``i`` and ``i + 1`` when they are an adjective and a noun, plain and side by side."""
        first, second = self._word(text, spans, i, initial=True), self._word(text, spans, i + 1)
        if first is None or second is None or first in OPEN_MODIFIERS or not self._linked(text, spans, i):
            return None
        if text[spans[i][0] - 1 : spans[i][0]] == "-" or text[spans[i + 1][1] : spans[i + 1][1] + 1] == "-":
            return None  # part of a hyphenated compound ("end-to-end encryption", "inherent trade-off")
        a, b = self.classes.get(first), self.classes.get(second)
        if a is None or b is None or not a.adjective or not b.noun_head:
            return None
        return first, second

    def unseen(self, first: str, second: str) -> float | None:
        """The model's association of an unseen pair of common words; None when the pair is
        attested (model, phrase store, either number of the noun) or a word is rare or unknown."""
        u1, u2 = self.lm.unigram(first), self.lm.unigram(second)
        if u1 is None or u2 is None or u1 < COMMON or u2 < COMMON:
            return None
        weakest = 0.0
        for noun in numbers(second):
            pmi = self.lm.pmi(first, noun)
            if pmi is not None:
                if pmi >= SEEN_PMI:
                    return None
                weakest = min(weakest, pmi)
        for noun in numbers(second):
            if self.known(f"{first} {noun}"):
                return None
        return weakest

    @staticmethod
    def _word(text: str, spans: Sequence[tuple[int, int]], i: int, initial: bool = False) -> str | None:
        """The word at ``i``, lower-cased, when it is a plain lower-case content word (no names,
        numbers, acronyms); with ``initial``, also a capitalised word that opens a sentence."""
        start, end = spans[i]
        word = text[start:end]
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        if not word.islower():
            if not (initial and word[0].isupper() and word[1:].islower() and opens_sentence(text, start)):
                return None
            word = word.lower()
        return None if word in STOPWORDS else word

    @staticmethod
    def _linked(text: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
        """Words ``i`` and ``i + 1`` are parted by one space and nothing else."""
        return text[spans[i][1] : spans[i + 1][0]] == " "


def opens_sentence(text: str, start: int) -> bool:
    """Whether the text before ``start`` ends a sentence (or a line, or is empty), quotes aside."""
    before = text[max(0, start - 20) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n"


def covered(spans: Sequence[tuple[int, int]], first: int, last: int, skip: Sequence[tuple[int, int]]) -> bool:
    """Whether words ``first``..``last`` overlap a span of ``skip``."""
    start, end = spans[first][0], spans[last][1]
    return any(a < end and start < b for a, b in skip)


def numbers(noun: str) -> tuple[str, ...]:
    """The noun and its other number: 'store' -> ('store', 'stores'), 'stores' -> ('stores', 'store')."""
    forms = [noun]
    for base, kind in morph.bases(noun):
        if kind == "s":
            forms.append(base)
            break
    else:
        forms.append(morph.inflect(noun, "s"))
    return tuple(forms)
