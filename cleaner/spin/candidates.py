"""Candidate reconstructions: windows of words where putting a likely original
word in place of one or two words turns an unattested phrase into an attested one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleaner.spin import morph
from cleaner.spin.resources import Resources
from cleaner.spin.stopwords import STOPWORDS
from cleaner.spin.text import Word

LM_ATTESTED = 1.0  # PMI (nats) above which general English knows a bigram
MAX_OPTIONS = 60


@dataclass(frozen=True, slots=True)
class Option:
    """One possible original for a word: learned swap count and WordNet link."""

    word: str
    learned: int
    synonym: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int  # index of the first word of the window
    size: int  # words in the window
    changed: tuple[int, ...]  # positions within the window that change
    tortured: tuple[str, ...]  # the window's words as written
    original: tuple[str, ...]  # the window's words reconstructed
    options: tuple[Option, ...]  # the option used at each changed position

    @property
    def span(self) -> tuple[int, int]:
        """First and last (inclusive) word indices of the changed words."""
        return self.first + self.changed[0], self.first + self.changed[-1]

    def replacement(self) -> str:
        lo, hi = self.changed[0], self.changed[-1]
        return " ".join(self.original[lo : hi + 1])


class Generator:
    def __init__(self, res: Resources) -> None:
        self.res = res
        self._options: dict[str, dict[str, Option]] = {}

    def options(self, word: str) -> dict[str, Option]:
        cached = self._options.get(word)
        if cached is None:
            cached = self._options[word] = self._build_options(word)
        return cached

    def _build_options(self, word: str) -> dict[str, Option]:
        if word in STOPWORDS or len(word) < 3 or not word.isalpha():
            return {}
        learned: dict[str, int] = dict(self.res.swaps.originals(word))
        synonyms: set[str] = set(self.res.synonyms.get(word, ()))
        for base, kind in morph.bases(word):
            for original, n in self.res.swaps.originals(base).items():
                form = morph.inflect(original, kind)
                learned[form] = max(learned.get(form, 0), n)
            for synonym in self.res.synonyms.get(base, ()):
                synonyms.add(morph.inflect(synonym, kind))
        out = [Option(w, n, w in synonyms) for w, n in learned.items() if not _same_stem(w, word)]
        out.extend(Option(w, 0, True) for w in synonyms if w not in learned and not _same_stem(w, word))
        out.sort(key=lambda o: (-o.learned, o.word))
        return {o.word: o for o in out[:MAX_OPTIONS]}

    def attested(self, phrase: str) -> bool:
        res = self.res
        if phrase in res.terms or res.phrase_count(phrase) > 0:
            return True
        parts = phrase.split(" ")
        if len(parts) == 2 and res.lm is not None:
            pmi = res.lm.pmi(parts[0], parts[1])
            return pmi is not None and pmi >= LM_ATTESTED
        return False

    def candidates(self, text_words: list[Word], max_size: int = 3) -> Iterator[Candidate]:
        norms = [w.norm for w in text_words]
        swappable = [bool(self.options(w)) for w in norms]
        for first in range(len(norms)):
            for size in range(2, max_size + 1):
                last = first + size
                if last > len(norms) or not text_words[last - 1].joined:
                    break
                if not any(swappable[first:last]):
                    continue  # cheap prefilter: no word here has a likely original
                window = tuple(norms[first:last])
                if all(w in STOPWORDS for w in window) or self.attested(" ".join(window)):
                    continue
                yield from self._window(first, window)

    def _window(self, first: int, window: tuple[str, ...]) -> Iterator[Candidate]:
        opts = [self.options(w) for w in window]
        for changed, words in self._reconstructions(window, opts):
            picked = tuple(opts[k][words[k]] for k in changed)
            if self.attested(" ".join(words)):
                yield Candidate(first, len(window), changed, window, words, picked)

    def _reconstructions(
        self, window: tuple[str, ...], opts: list[dict[str, Option]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        """Changed positions and reconstructed words whose two-word parts are
        known phrases (found by set intersection, not by trying every option)."""
        keys = [frozenset(o) for o in opts]
        if len(window) == 2:
            yield from self._pairs(window, opts, keys)
        elif window[1] in STOPWORDS:
            yield from self._around_function_word(window, keys)
        else:
            yield from self._triples(window, opts, keys)

    def _pairs(
        self, window: tuple[str, ...], opts: list[dict[str, Option]], keys: list[frozenset[str]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        near = self.res.neighbours
        a, b = window
        # A function word alone ('on', 'the') is no evidence for the word beside it.
        if b not in STOPWORDS:
            for o in sorted(keys[0] & near(b, 1)):
                yield (0,), (o, b)
        if a not in STOPWORDS:
            for o in sorted(keys[1] & near(a, 0)):
                yield (1,), (a, o)
        for o in _strong(opts[0]):
            for p in sorted(keys[1] & near(o, 0)):
                yield (0, 1), (o, p)

    def _around_function_word(
        self, window: tuple[str, ...], keys: list[frozenset[str]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        near = self.res.neighbours
        a, b, c = window
        lefts = sorted(keys[0] & near(b, 1))
        rights = sorted(keys[2] & near(b, 0))
        for o in lefts:
            yield (0,), (o, b, c)
        for o in rights:
            yield (2,), (a, b, o)
        for o in lefts:
            for p in rights:
                yield (0, 2), (o, b, p)

    def _triples(
        self, window: tuple[str, ...], opts: list[dict[str, Option]], keys: list[frozenset[str]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        near = self.res.neighbours
        a, _, c = window
        for o in sorted(keys[1] & near(a, 0) & near(c, 1)):
            yield (1,), (a, o, c)
        for o in _strong(opts[0]):
            for p in sorted(keys[1] & near(o, 0) & near(c, 1)):
                yield (0, 1), (o, p, c)
        for o in _strong(opts[2]):
            for p in sorted(keys[1] & near(a, 0) & near(o, 1)):
                yield (1, 2), (a, p, o)


def _strong(options: dict[str, Option], limit: int = 12) -> list[str]:
    """Options worth trying when two words change at once (most learned first)."""
    return list(options)[:limit]


def _same_stem(a: str, b: str) -> bool:
    """'system'/'systems', 'model'/'modelling': an inflection, not a swap."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short[: max(3, len(short) - 1)]) and len(long) - len(short) <= 4
