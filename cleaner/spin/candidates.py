"""Candidate reconstructions: windows of words where putting a likely original
word in place of one or two words turns an unattested phrase into an attested one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

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
        self._options: dict[str, tuple[Option, ...]] = {}

    def options(self, word: str) -> tuple[Option, ...]:
        cached = self._options.get(word)
        if cached is None:
            cached = self._options[word] = self._build_options(word)
        return cached

    def _build_options(self, word: str) -> tuple[Option, ...]:
        if word in STOPWORDS or len(word) < 3 or not word.isalpha():
            return ()
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
        return tuple(out[:MAX_OPTIONS])

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
        for first in range(len(norms)):
            for size in range(2, max_size + 1):
                last = first + size
                if last > len(norms) or not text_words[last - 1].joined:
                    break
                window = tuple(norms[first:last])
                if all(w in STOPWORDS for w in window) or self.attested(" ".join(window)):
                    continue
                yield from self._window(first, window)

    def _window(self, first: int, window: tuple[str, ...]) -> Iterator[Candidate]:
        size = len(window)
        opts = [self.options(w) for w in window]
        for changed in _patterns(size):
            if any(not opts[k] for k in changed):
                continue
            if size == 3 and changed in ((0,), (2,)) and window[1] not in STOPWORDS:
                continue  # a single change in a 3-word window is a 2-word window's job
            choices = [opts[k] for k in changed]
            if len(changed) == 2:
                choices = [_strong(opts[changed[0]]), _strong(opts[changed[1]])]
            for picked in product(*choices):
                words = list(window)
                for k, option in zip(changed, picked, strict=True):
                    words[k] = option.word
                if self.attested(" ".join(words)):
                    yield Candidate(first, size, changed, window, tuple(words), tuple(picked))


def _patterns(size: int) -> tuple[tuple[int, ...], ...]:
    if size == 2:
        return ((0,), (1,), (0, 1))
    return ((0,), (2,), (1,), (0, 1), (1, 2), (0, 2))


def _strong(options: tuple[Option, ...], limit: int = 12) -> tuple[Option, ...]:
    """Options worth trying when two words change at once."""
    return options[:limit]


def _same_stem(a: str, b: str) -> bool:
    """'system'/'systems', 'model'/'modelling': an inflection, not a swap."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short[: max(3, len(short) - 1)]) and len(long) - len(short) <= 4
