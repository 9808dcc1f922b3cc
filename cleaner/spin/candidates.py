"""Candidate reconstructions: windows of words where putting a likely original
word in place of one or two words turns an unattested phrase into an attested one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cleaner.spin import acronyms, morph
from cleaner.spin.resources import Resources
from cleaner.spin.stopwords import STOPWORDS
from cleaner.spin.swaps import SwapTable
from cleaner.spin.text import Tokens

LM_ATTESTED = 1.0  # PMI (nats) above which general English knows a bigram
MAX_OPTIONS = 6
# Unlearned WordNet synonyms as options too: a little recall for many more look-ups.
SYNONYM_OPTIONS = False
MIN_TRIGGER_SWAPS = 3  # a word is a trigger once spinners were seen to write it this often
PAIR_LIMIT = 6  # options tried for the second word when two words change


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
    # When the window's last word is a parenthesised acronym that the reconstruction spells
    # and the writing does not: 2, or 1 when the writing spells it loosely (cleaner.spin.acronyms).
    acronym: int = 0

    @property
    def phrase(self) -> int:
        """Words of the window that make the phrase (the acronym left out)."""
        return self.size - 1 if self.acronym else self.size

    @property
    def span(self) -> tuple[int, int]:
        """First and last (inclusive) word indices of the changed words."""
        return self.first + self.changed[0], self.first + self.changed[-1]

    def replacement(self) -> str:
        lo, hi = self.changed[0], self.changed[-1]
        return " ".join(self.original[lo : hi + 1])


# A window's reconstructions: changed positions, reconstructed words, options used.
Reconstructions = tuple[tuple[tuple[int, ...], tuple[str, ...], tuple[Option, ...]], ...]
WindowState = tuple[bool | None, Reconstructions]
MEMO_SIZE = 200_000


class Generator:
    def __init__(self, res: Resources) -> None:
        self.res = res
        self._options: dict[str, dict[str, Option]] = {}
        self.triggers = trigger_words(res.swaps)
        self.swappable = trigger_words(res.swaps, 1)  # every word with a learned original
        # The one look-up on the hot path: straight to the built-in store when no user table is loaded.
        self.known: Callable[[str], bool] = res.known if res.extra_phrases else res.store.known
        self._memo: dict[tuple[str, ...], WindowState] = {}

    def options(self, word: str) -> dict[str, Option]:
        cached = self._options.get(word)
        if cached is None:
            cached = self._options[word] = self._build_options(word)
        return cached

    def _build_options(self, word: str) -> dict[str, Option]:
        if word in STOPWORDS or len(word) < 3 or not word.isalpha():
            return {}
        if not SYNONYM_OPTIONS and word not in self.swappable:
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
        if SYNONYM_OPTIONS:
            out.extend(Option(w, 0, True) for w in sorted(synonyms) if w not in learned and not _same_stem(w, word))
        out.sort(key=lambda o: (-o.learned, o.word))
        return {o.word: o for o in out[:MAX_OPTIONS]}

    def attested(self, phrase: str) -> bool:
        res = self.res
        if self.known(phrase):
            return True
        parts = phrase.split(" ")
        if len(parts) == 2 and res.lm is not None:
            pmi = res.lm.pmi(parts[0], parts[1])
            return pmi is not None and pmi >= LM_ATTESTED
        return False

    def candidates(self, tokens: Tokens) -> Iterator[Candidate]:
        """Windows of two joined words around a trigger word (a word
        spinners are known to produce), whose wording is not a known phrase;
        and a trigger word alone when no phrase around it is known and no
        reconstruction is (its most learned original, as weaker evidence)."""
        norms = tokens.norms
        triggers = self.triggers
        seen: set[tuple[int, int]] = set()
        for i in [k for k, w in enumerate(norms) if w in triggers]:
            unknown = found_any = known_any = False
            for first, last in _windows(norms, i):
                if not all(tokens.joined(k) for k in range(first + 1, last)):
                    continue
                window = tuple(norms[first:last])
                state = self._memo.get(window)
                if state is None:
                    state = self._reconstruct(window)
                known, found = state
                unknown |= known is False
                known_any |= known is True
                found_any |= bool(found)
                if (first, last) not in seen:
                    seen.add((first, last))
                    for changed, original, picked in found:
                        yield Candidate(first, len(window), changed, window, original, picked)
            if unknown and not known_any and not found_any:
                yield from self._alone(i, norms[i])
        if "(" in tokens.text:
            yield from self._acronyms(tokens)

    def _acronyms(self, tokens: Tokens) -> Iterator[Candidate]:
        """Reconstructions that make the words in front of an acronym spell it."""
        for first, end, spelled, optional in acronyms.mismatches(tokens):
            words = tokens.norms[first:end]
            opts = [self.options(w) for w in words]
            found = acronyms.respellings(spelled, words, optional, opts) if any(opts) else []
            if not found:
                continue
            strength = acronyms.strength(spelled, words, optional)
            for start, changed, original in found:
                written = (*words[start:], tokens.norms[end])
                picked = tuple(opts[start + k][original[k]] for k in changed)
                yield Candidate(
                    first + start, len(written), changed, written, (*original, written[-1]), picked, strength
                )

    def _alone(self, i: int, word: str) -> Iterator[Candidate]:
        for option in list(self.options(word).values())[:1]:
            if option.learned:
                yield Candidate(i, 1, (0,), (word,), (option.word,), (option,))

    def _reconstruct(self, window: tuple[str, ...]) -> WindowState:
        """Whether the window is a known phrase (None: not worth asking) and
        its plausible originals, remembered: prose repeats its word pairs, so
        most windows were seen before."""
        state: WindowState = (None, ())
        if self._useful(window):
            known = self.attested(" ".join(window))
            state = (known, () if known else tuple(self._window(window)))
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[window] = state
        return state

    def _useful(self, window: tuple[str, ...]) -> bool:
        """Whether some reconstruction of the window could be tried at all
        (a three-word window changes its middle word, or the words around a
        function word in the middle)."""
        if len(window) == 2:  # a function word alone is no evidence for the word beside it
            a, b = window
            return a not in STOPWORDS and b not in STOPWORDS and bool(self.options(a) or self.options(b))
        if window[1] in STOPWORDS:
            return bool(self.options(window[0]) or self.options(window[2]))
        return bool(self.options(window[1]))

    def _window(self, window: tuple[str, ...]) -> Iterator[tuple[tuple[int, ...], tuple[str, ...], tuple[Option, ...]]]:
        opts = [self.options(w) for w in window]
        for changed, words in self._reconstructions(window, opts):
            if self.attested(" ".join(words)):
                yield changed, words, tuple(opts[k][words[k]] for k in changed)

    def _reconstructions(
        self, window: tuple[str, ...], opts: list[dict[str, Option]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        """Changed positions and reconstructed words whose two-word parts are
        known phrases."""
        if len(window) == 2:
            yield from self._pairs(window, opts)
        elif window[1] in STOPWORDS:
            yield from self._around_function_word(window, opts)
        else:
            yield from self._triples(window, opts)

    def _before(self, options: Iterable[str], word: str) -> list[str]:
        """The options that make a known phrase in front of ``word``."""
        known = self.known
        suffix = " " + word
        return [o for o in options if known(o + suffix)]

    def _after(self, word: str, options: Iterable[str]) -> list[str]:
        known = self.known
        prefix = word + " "
        return [o for o in options if known(prefix + o)]

    def _pairs(
        self, window: tuple[str, ...], opts: list[dict[str, Option]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        a, b = window
        # A function word alone ('on', 'the') is no evidence for the word beside it.
        if b not in STOPWORDS:
            for o in self._before(opts[0], b):
                yield (0,), (o, b)
        if a not in STOPWORDS:
            for o in self._after(a, opts[1]):
                yield (1,), (a, o)
        if opts[1]:
            for o in _strong(opts[0]):
                for p in self._after(o, _strong(opts[1], PAIR_LIMIT)):
                    yield (0, 1), (o, p)

    def _around_function_word(
        self, window: tuple[str, ...], opts: list[dict[str, Option]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        a, b, c = window
        lefts = self._before(opts[0], b)
        rights = self._after(b, opts[2])
        for o in lefts:
            yield (0,), (o, b, c)
        for o in rights:
            yield (2,), (a, b, o)
        for o in lefts:
            for p in rights:
                yield (0, 2), (o, b, p)

    def _triples(
        self, window: tuple[str, ...], opts: list[dict[str, Option]]
    ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
        a, _, c = window
        if not opts[1]:
            return
        for o in self._before(self._after(a, opts[1]), c):
            yield (1,), (a, o, c)
        middle = _strong(opts[1], PAIR_LIMIT)
        for o in _strong(opts[0]):
            for p in self._before(self._after(o, middle), c):
                yield (0, 1), (o, p, c)
        for o in _strong(opts[2]):
            for p in self._before(self._after(a, middle), o):
                yield (1, 2), (a, p, o)


def trigger_words(swaps: SwapTable, min_swaps: int = MIN_TRIGGER_SWAPS) -> frozenset[str]:
    """Words that spinners are known to write (the tortured side of learned
    swaps) and their regular inflections: one set lookup a word decides
    whether the detector looks any closer."""
    out: set[str] = set()
    for word, row in swaps.counts.items():
        if word in STOPWORDS or len(word) < 3 or not word.isalpha() or sum(row.values()) < min_swaps:
            continue
        out.add(word)
        for kind in morph.ENDINGS:
            out.add(morph.inflect(word, kind))
    return frozenset(out)


def _windows(norms: list[str], i: int) -> list[tuple[int, int]]:
    """(first, last exclusive) of the windows worth reading around trigger word
    ``i``: it and a content word beside it. (Three-word windows, across a
    function word or around the trigger, found little more at several times
    the cost: benchmarks/spin_kfold.py.)"""
    n = len(norms)
    out = []
    if i > 0 and norms[i - 1] not in STOPWORDS:
        out.append((i - 1, i + 1))
    if i + 1 < n and norms[i + 1] not in STOPWORDS:
        out.append((i, i + 2))
    return out


def _strong(options: Iterable[str], limit: int = 4) -> list[str]:
    """Options worth trying when two words change at once (most learned first)."""
    return list(options)[:limit]


def _same_stem(a: str, b: str) -> bool:
    """'system'/'systems', 'model'/'modelling': an inflection, not a swap."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short[: max(3, len(short) - 1)]) and len(long) - len(short) <= 4
