"""Candidate reconstructions: windows of words where putting a likely original
word in place of one or two words turns an unattested phrase into an attested one;
and where putting one original word in place of two words spinners were seen to
write for it ("the board" for 'management') turns the words and the one joined
to them into a known phrase ("supply chain the board": "chain management")."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cleaner.spin import acronyms, morph
from cleaner.spin.resources import Resources
from cleaner.spin.stopwords import STOPWORDS
from cleaner.spin.swaps import SwapTable
from cleaner.spin.text import JOINED_GAPS, Tokens

LM_ATTESTED = 1.0  # PMI (nats) above which general English knows a bigram
MAX_OPTIONS = 6
# Unlearned WordNet synonyms as options too: a little recall for many more look-ups.
SYNONYM_OPTIONS = False
MIN_TRIGGER_SWAPS = 2  # a word is a trigger once spinners were seen to write it this often
PAIR_LIMIT = 6  # options tried for the second word when two words change
FIRST_LIMIT = 4  # and for the first


@dataclass(frozen=True, slots=True)
class Option:
    """One possible original for a word, and how often spinners were seen to
    swap it (0: an unlearned WordNet synonym, offered only with SYNONYM_OPTIONS)."""

    word: str
    learned: int


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
    # 1 when a changed position holds two written words read as one ("the board" -> 'management'):
    # its ``tortured`` item is the two words joined by a space, and the words that follow it in
    # the text stand one further on than their position in the window.
    merged: int = 0

    @property
    def phrase(self) -> int:
        """Words of the window that make the phrase (the acronym left out)."""
        return self.size - 1 if self.acronym else self.size

    @property
    def span(self) -> tuple[int, int]:
        """First and last (inclusive) word indices of the changed words (as written)."""
        return _span(self.first, self.changed, self.merged)

    def replacement(self) -> str:
        lo, hi = self.changed[0], self.changed[-1]
        return " ".join(self.original[lo : hi + 1])


# A window's reconstructions: changed positions, reconstructed words, options used.
Reconstructions = tuple[tuple[tuple[int, ...], tuple[str, ...], tuple[Option, ...]], ...]
# What a window's words were (flags, or-ed together over the windows around a trigger), and its reconstructions.
NOT_READ, KNOWN, UNKNOWN, FOUND = 0, 1, 2, 4
WindowState = tuple[int, Reconstructions]
# A candidate's fields in order (first, size, changed, tortured, original, options, acronym, merged),
# before it is made one.
Fields = tuple[int, int, tuple[int, ...], tuple[str, ...], tuple[str, ...], tuple[Option, ...], int, int]
# A trigger word alone: (word,), (its original,), (the option,).
Lone = tuple[tuple[str], tuple[str], tuple[Option]]
MEMO_SIZE = 200_000


class Generator:
    def __init__(self, res: Resources) -> None:
        self.res = res
        self._options: dict[str, dict[str, Option]] = {}
        forms = _written_forms(res.swaps)
        self.triggers = _seen_at_least(forms, MIN_TRIGGER_SWAPS)
        self.swappable = _seen_at_least(forms, 1)  # every word with a learned original
        # Two words spinners were seen to write for one (and their inflections), each found by its
        # rarer word (``_phrase_anchors``): one set look-up a word, in C, and most texts have none.
        self.phrases = _written_phrases(res.swaps)
        self._followers, self._leaders = _phrase_anchors(self.phrases, res.unigram)
        self._anchors = frozenset(self._followers) | frozenset(self._leaders)
        # The one look-up on the hot path: straight to the built-in store when no user table is loaded.
        self.known: Callable[[str], bool] = res.known if res.extra_phrases else res.store.known
        # The batch look-ups: the built-in store's own when it alone decides (no call in between).
        self.known_before: Callable[[Iterable[str], str], list[str]] = (
            self._each_before if res.extra_phrases else res.store.known_before
        )
        self.known_after: Callable[[str, Iterable[str]], list[str]] = (
            self._each_after if res.extra_phrases else res.store.known_after
        )
        # Pairs the n-gram model may attest: a filter built for the threshold or a lower one.
        pairs = res.lm_pairs
        self.lm_pairs = pairs if pairs is not None and pairs.threshold <= LM_ATTESTED else None
        self._memo: dict[tuple[str, ...], WindowState] = {}
        self._lones: dict[str, Lone | None] = {}

    def options(self, word: str) -> dict[str, Option]:
        cached = self._options.get(word)
        if cached is None:
            cached = self._options[word] = self._build_options(word)
        return cached

    def _build_options(self, word: str) -> dict[str, Option]:
        if " " in word:  # two written words: their learned originals only
            return self._phrase_options(word) if word in self.phrases else {}
        if not swappable_word(word):
            return {}
        if not SYNONYM_OPTIONS and word not in self.swappable:
            return {}
        learned = self._learned(word)
        if SYNONYM_OPTIONS:  # the WordNet table loads on the first look-up
            for synonym in self.synonyms(word):
                learned.setdefault(synonym, 0)
        out = [Option(w, n) for w, n in learned.items() if not _same_stem(w, word)]
        out.sort(key=lambda o: (-o.learned, o.word))
        return {o.word: o for o in out[:MAX_OPTIONS]}

    def _learned(self, written: str) -> dict[str, int]:
        """The originals learned for a word (or two written words) and, inflected alike, for
        its base forms, each with the most times it was learned."""
        learned: dict[str, int] = dict(self.res.swaps.originals(written))
        for base, kind in morph.bases(written):
            for original, n in self.res.swaps.originals(base).items():
                form = morph.inflect_like(original, kind)
                learned[form] = max(learned.get(form, 0), n)
        return learned

    def _phrase_options(self, phrase: str) -> dict[str, Option]:
        """The one-word originals learned for two written words (and, inflected alike, for
        their base forms: "half breeds" reads as 'hybrids' when "half breed" -> 'hybrid' was
        learned), none that is one of the two words or a form of one."""
        learned = self._learned(phrase)
        words = phrase.split(" ")
        out = [
            Option(w, n)
            for w, n in learned.items()
            if " " not in w and not any(_same_stem(w, written) for written in words)
        ]
        out.sort(key=lambda o: (-o.learned, o.word))
        return {o.word: o for o in out[:MAX_OPTIONS]}

    def synonyms(self, word: str) -> list[str]:
        """WordNet synonyms of the word and, inflected alike, of its base forms (the table loads on first use)."""
        return sorted(morph.looked_up(self.res.synonyms, word))

    def attested(self, first: str, second: str) -> bool:
        """Whether the pair is a known phrase or general English knows it well (the n-gram
        model's PMI, asked only about the pairs the model's filter may attest)."""
        if self.known(first + " " + second):
            return True
        lm = self.res.lm
        if lm is None:
            return False
        pairs = self.lm_pairs
        if pairs is not None and not pairs.may_attest(first, second):
            return False
        pmi = lm.pmi(first, second)
        return pmi is not None and pmi >= LM_ATTESTED

    def candidates(self, tokens: Tokens) -> Iterator[Candidate]:
        """Windows of two joined words around a trigger word (a word
        spinners are known to produce), whose wording is not a known phrase;
        a trigger word alone when no phrase around it is known and no
        reconstruction is (its most learned original, as weaker evidence);
        and words in front of an acronym they cannot spell."""
        for fields in self.fields(tokens):
            yield Candidate(*fields)

    def fields(self, tokens: Tokens) -> list[Fields]:
        """The candidates as their fields, not yet made objects: most are seen
        before and fall under the hint level (``SpinDetector.scored``). A list, built
        in one pass: compiled, that is cheaper than yielding each (a text has thousands)."""
        found = self._around_triggers(tokens)
        if self.phrases:
            found.extend(self._two_for_one(tokens))
        if "(" in tokens.text:
            found.extend(self._acronyms(tokens))
        return found

    def _around_triggers(self, tokens: Tokens) -> list[Fields]:
        """The windows worth reading: a trigger and the content word joined to it on either
        side. (Three-word windows, across a function word or around the trigger, found
        little more at several times the cost: benchmarks/spin_kfold.py.)"""
        out: list[Fields] = []
        norms = tokens.norms
        parts = tokens.parts  # the gap in front of word j is parts[2 * j]
        memo = self._memo
        reconstruct = self._reconstruct
        alone = self._alone
        last = len(norms) - 1
        given = -1  # the window (its first word) given last: the one between two triggers is read twice
        triggers = self.triggers
        for i in range(last + 1):  # compiled, a loop of set look-ups: 2.5x faster than compress(map(...))
            word = norms[i]
            if word not in triggers:
                continue
            seen = NOT_READ  # what the windows either side were, or-ed together
            if i and parts[2 * i] in JOINED_GAPS and norms[i - 1] not in STOPWORDS:
                window = (norms[i - 1], word)
                seen, found = memo.get(window) or reconstruct(window)
                if found and given != i - 1:
                    for changed, original, picked in found:
                        out.append((i - 1, 2, changed, window, original, picked, 0, 0))
            if i < last and parts[2 * i + 2] in JOINED_GAPS and norms[i + 1] not in STOPWORDS:
                window = (word, norms[i + 1])
                kind, found = memo.get(window) or reconstruct(window)
                seen |= kind
                if found:
                    given = i
                    for changed, original, picked in found:
                        out.append((i, 2, changed, window, original, picked, 0, 0))
            if seen == UNKNOWN:  # no phrase around the trigger is known, and none reconstructed
                lone = alone(word)
                if lone is not None:
                    out.append((i, 1, (0,), lone[0], lone[1], lone[2], 0, 0))
        return out

    def _two_for_one(self, tokens: Tokens) -> list[Fields]:
        """Two joined words spinners were seen to write for one, read as that one word in a
        window with the content word joined to them on either side, where the reading is a
        known phrase and the writing is not ("chain the board": "chain management"); with
        no such reading and no known writing around them, the two words alone, read as their
        most learned original ("cross breed diode": 'hybrid'; held out, benchmarks/spin_kfold.py,
        recall 0.611 -> 0.616 and fix accuracy 0.243 -> 0.249 at the 1-false-flag point)."""
        out: list[Fields] = []
        norms = tokens.norms
        parts = tokens.parts
        last = len(norms) - 1
        for i in self._phrase_starts(norms):
            if parts[2 * i + 2] not in JOINED_GAPS:
                continue
            phrase = norms[i] + " " + norms[i + 1]
            options = self.options(phrase)
            if not options:
                continue
            given = len(out)
            known = False  # the two words and one beside them are a known phrase as written
            if i and parts[2 * i] in JOINED_GAPS and norms[i - 1] not in STOPWORDS:
                before = norms[i - 1]
                known = self.known(before + " " + phrase)
                if not known:
                    for o in self.known_after(before, options):
                        out.append((i - 1, 2, (1,), (before, phrase), (before, o), (options[o],), 0, 1))
            if i + 1 < last and parts[2 * i + 4] in JOINED_GAPS and norms[i + 2] not in STOPWORDS:
                after = norms[i + 2]
                if self.known(phrase + " " + after):
                    known = True
                else:
                    for o in self.known_before(options, after):
                        out.append((i, 2, (0,), (phrase, after), (o, after), (options[o],), 0, 1))
            if len(out) == given and not known:  # no reading around them: their most learned original alone
                o = next(iter(options))
                out.append((i, 1, (0,), (phrase,), (o,), (options[o],), 0, 1))
        return out

    def _phrase_starts(self, norms: list[str]) -> list[int]:
        """Where a learned two-word phrase starts in the words: its rarer word found by a set look-up,
        the other one beside it checked (a phrase is filed under one of its words only)."""
        followers, leaders = self._followers, self._leaders
        last = len(norms) - 1
        starts = []
        anchors = self._anchors
        for i in range(last + 1):
            word = norms[i]
            if word not in anchors:
                continue
            if i < last and norms[i + 1] in followers.get(word, ()):
                starts.append(i)
            if i and norms[i - 1] in leaders.get(word, ()):
                starts.append(i - 1)
        return sorted(starts)

    def _acronyms(self, tokens: Tokens) -> Iterator[Fields]:
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
                yield first + start, len(written), changed, written, (*original, written[-1]), picked, strength, 0

    def _alone(self, word: str) -> Lone | None:
        """The word, the original offered for it alone (its most learned one, if learned) and that option."""
        if word in self._lones:
            return self._lones[word]
        option = next(iter(self.options(word).values()), None)
        lone = None if option is None or not option.learned else ((word,), (option.word,), (option,))
        self._lones[word] = lone
        return lone

    def _reconstruct(self, window: tuple[str, str]) -> WindowState:
        """What the two words are (NOT_READ: not worth asking; KNOWN: a known phrase;
        UNKNOWN, or FOUND with them: not known, and plausible originals found),
        remembered: prose repeats its word pairs, so many windows were seen before."""
        a, b = window
        state: WindowState = (NOT_READ, ())
        # A function word alone is no evidence for the word beside it.
        if a not in STOPWORDS and b not in STOPWORDS:
            before, after = self.options(a), self.options(b)
            if before or after:
                if self.attested(a, b):
                    state = (KNOWN, ())
                else:
                    found = self._pairs(a, b, before, after)
                    state = (UNKNOWN | FOUND if found else UNKNOWN, found)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[window] = state
        return state

    def _pairs(self, a: str, b: str, before: dict[str, Option], after: dict[str, Option]) -> Reconstructions:
        """Reconstructions of ``a b`` that are known phrases: either word
        replaced, or both (the most learned options only)."""
        found: list[tuple[tuple[int, ...], tuple[str, ...], tuple[Option, ...]]] = [
            ((0,), (o, b), (before[o],)) for o in self.known_before(before, b)
        ]
        found += [((1,), (a, o), (after[o],)) for o in self.known_after(a, after)]
        if after and before:
            seconds = list(after)[:PAIR_LIMIT]
            for o in list(before)[:FIRST_LIMIT]:
                found += [((0, 1), (o, p), (before[o], after[p])) for p in self.known_after(o, seconds)]
        return tuple(found)

    def _each_before(self, options: Iterable[str], word: str) -> list[str]:
        """The options that make a known phrase in front of ``word``, asked one by one."""
        known = self.known
        return [o for o in options if known(o + " " + word)]

    def _each_after(self, word: str, options: Iterable[str]) -> list[str]:
        """The options that make a known phrase after ``word``, asked one by one."""
        known = self.known
        return [o for o in options if known(word + " " + o)]


def span_of(fields: Fields) -> tuple[int, int]:
    """``Candidate.span`` of a candidate not yet made one."""
    return _span(fields[0], fields[2], fields[7])


def _span(first: int, changed: tuple[int, ...], merged: int) -> tuple[int, int]:
    """The first and last changed word: a merged position holds two written words."""
    return first + changed[0], first + changed[-1] + merged


def swappable_word(word: str) -> bool:
    """Whether a word may stand for another: a word of letters, three or more, and no function word."""
    return len(word) >= 3 and word.isalpha() and word not in STOPWORDS


def trigger_words(swaps: SwapTable, min_swaps: int = MIN_TRIGGER_SWAPS) -> frozenset[str]:
    """Words that spinners are known to write (the tortured side of learned
    swaps) and their regular inflections: one set lookup a word decides
    whether the detector looks any closer."""
    return _seen_at_least(_written_forms(swaps), min_swaps)


def _seen_at_least(forms: list[tuple[int, tuple[str, ...]]], min_swaps: int) -> frozenset[str]:
    return frozenset(form for n, words in forms if n >= min_swaps for form in words)


def _written_forms(swaps: SwapTable) -> list[tuple[int, tuple[str, ...]]]:
    """Each word spinners were seen to write: how often, and its regular inflections."""
    return [  # one word each: no need for inflect()'s phrase handling
        (sum(row.values()), (word, *morph.inflections(word)))
        for word, row in swaps.counts.items()
        if word not in STOPWORDS and len(word) >= 3 and word.isalpha()
    ]


def _written_phrases(swaps: SwapTable) -> frozenset[str]:
    """The two-word keys of learned swaps ("the board") and their regular inflections ("the boards")."""
    out: set[str] = set()
    for key in swaps.counts:
        first, space, second = key.partition(" ")
        if space and first.isalpha() and second.isalpha():
            out.add(key)
            out.update(f"{first} {form}" for form in morph.inflections(second))
    return frozenset(out)


def _phrase_anchors(
    phrases: Iterable[str], unigram: Callable[[str], float | None]
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each two-word phrase filed under its rarer word (``_rarity``), so that a scan stops
    at few words ("the board" under 'board'): the first words filed with the second words
    that may follow them, and the second words with the first words that may lead them."""
    followers: dict[str, set[str]] = {}
    leaders: dict[str, set[str]] = {}
    for phrase in phrases:
        first, _, second = phrase.partition(" ")
        if _rarity(second, unigram) >= _rarity(first, unigram):
            leaders.setdefault(second, set()).add(first)
        else:
            followers.setdefault(first, set()).add(second)
    return (
        {w: frozenset(ws) for w, ws in followers.items()},
        {w: frozenset(ws) for w, ws in leaders.items()},
    )


def _rarity(word: str, unigram: Callable[[str], float | None]) -> float:
    """How rare a word is in general English: minus its ``unigram`` log-probability; a function
    word (the unigram table has none) is commonest, any other unknown word rarest."""
    if word in STOPWORDS:
        return -math.inf
    p = unigram(word)
    return math.inf if p is None else -p


def _same_stem(a: str, b: str) -> bool:
    """'system'/'systems', 'model'/'modelling': an inflection, not a swap."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long.startswith(short[: max(3, len(short) - 1)]) and len(long) - len(short) <= 4
