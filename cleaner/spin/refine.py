"""A finding's suggestion, refined: a known phrase its words and the word beside it can be read as.

A finding's suggestion is put together from the reconstructions it joins, each of
which changed one or two words of a two-word window (``cleaner.spin.candidates``).
That misses the original when the word beside the finding was spun too and its
window was not a candidate ("hotness misfortune": 'misfortune' -> 'loss' is found,
and "hotness loss" is no phrase; "heat loss" is), or when the finding's own reading
of a two-word window is no phrase. The refiner reads the finding again, alone and
with the content word joined to it on either side: where the finding's reading of
those words is not a known phrase, it changes one or two more of them (each to a
learned original, ``Generator.options``, or a WordNet synonym) and keeps the readings
that are known phrases. It runs on findings only, a handful a text, never on the
candidates, and changes no finding's confidence: only what it suggests, and the
finding's span when a word beside it changes.

Held out (benchmarks/spin_kfold.py, against --no-refine), top-1 fix accuracy rose from
0.210 to 0.220 at the 1-false-flag operating point (0.206 to 0.215 at the warning
level, 0.221 to 0.232 at the hint level); recall and false flags are the same at every
threshold. The word beside the finding is where all of it comes from (the finding's
words alone: 0.210), WordNet synonyms add 0.002 of it, the second guess (FALLBACK_LEARNED)
0.001. What did not help: changing the words the finding already changed whenever
something ranked higher (0.204), a window with both neighbours (three words are rarely
a known phrase, so nearly anything known looked better), offering a reading where the
finding's own one is known but rarer or no listed term, and the n-gram model's attested
bigrams as known phrases. A listed term ranks above a reading that uses more learned
originals (the other way round, as at first, fixed 3 spans fewer of 6,265 at the
1-false-flag point: benchmarks/spin_kfold.py).

A listed term read from the finding and two words on one side (WIDE) goes first:
0.230 to 0.231 at the 1-false-flag point (0.229 to 0.230 warning, 0.245 to 0.246 hint);
three words on a side, or a reading of a word on each side, gained nothing. A reading
there that is merely counted, not listed, counts when one of its changes (the finding's
own included) is a learned original (with listed terms ranked first: 3 more spans of
6,265 fixed at the 1-false-flag point). A reading must be known to the
store's bit array as well as to its hashed counts (``rank``): 2 more spans fixed, none lost.

Last of a word's choices come WordNet's words one step more or less general (hypernyms and
hyponyms, ``Resources.related``: "agreement" -> "contract"), the MAX_RELATED commonest, one
a reading, and only into a listed term: 0.231 to 0.234 at the 1-false-flag point (0.230 to
0.233 warning, 0.246 to 0.249 hint). Read like synonyms instead (any known phrase, two a
reading) they lost more spans than they fixed (0.229). Derivationally related forms and
pertainyms ("urban" -> "city") are related words too: 3 more spans fixed, 1 lost; similar-to
and also-see added nothing more and are not used; nor is taking
the next choice when the original stands within four words ("exactness, accuracy": 5 fewer).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations, product

from cleaner.spin import morph
from cleaner.spin.candidates import Generator, swappable_word
from cleaner.spin.stopwords import STOPWORDS

MAX_WORDS = 4  # longer findings keep their suggestion (the search grows with every word)
MAX_CHANGES = 2  # words a reading may change beyond the finding's own reading
# When no reading keeps the finding's changes: readings from the words as written, with
# originals learned at least this often (a second guess at a word needs firmer evidence).
FALLBACK_LEARNED = 2
# Words on one side of a finding read with it when the reading is a listed term ("persistent kidney sickness").
WIDE = 2

# A word's last choices: WordNet's more and less general words and derived forms (``Resources.related``). A reading
# that uses one must be a listed term, and ranks below one that uses fewer.
RELATED = -1
MAX_RELATED = 10  # a word's commonest related words read (each one a thousand readings or more)
UNKNOWN_LOG_P = -99.0
# A reading's rank, greater is better: (a listed term, learned originals used, minus the
# related words used, times counted).
Rank = tuple[bool, int, int, int]
# A pick's parts: (first changed word, last changed word, replacement), in text order (``cleaner.spin.detect.Pick``).
Parts = tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class Refined:
    """A better reading of words ``first`` to ``last``, relative to the finding's first
    word (-1: the word before it; ``last`` past the finding: the word after it)."""

    first: int
    last: int
    words: tuple[str, ...]  # one per word first..last: the word itself when unchanged
    rank: Rank


# One window of words to read: where the finding starts in it, the words as written, as the finding reads them.
Window = tuple[int, tuple[str, ...], tuple[str, ...]]


class Refiner:
    def __init__(self, generator: Generator) -> None:
        self.generator = generator
        self.res = generator.res
        self._choices: dict[str, dict[str, int]] = {}

    def choices(self, word: str) -> dict[str, int]:
        """What the word may be read as: its learned originals (how often each was
        learned), its one-word WordNet synonyms (0) and, last, its one-word WordNet
        hypernyms, hyponyms and derived forms (RELATED), each inflected alike."""
        found = self._choices.get(word)
        if found is None:
            found = self._choices[word] = self._build_choices(word)
        return found

    def _build_choices(self, word: str) -> dict[str, int]:
        if not swappable_word(word):
            return {}
        out = {o.word: o.learned for o in self.generator.options(word).values()}
        for synonym in self.generator.synonyms(word):
            if synonym != word and " " not in synonym:
                out.setdefault(synonym, 0)
        found = morph.looked_up(self.res.related, word)
        found.discard(word)
        # The commonest first (general-English unigram log-probability; unknown words last).
        common = sorted(found, key=lambda w: (-self._log_p(w), w))
        for general in common[:MAX_RELATED]:
            out.setdefault(general, RELATED)
        # WordNet lists British and American spellings as synonyms: a respelling is no reading
        # ("synthesized discourse" read "synthesised speech"); held out, one span more fixed.
        return {w: n for w, n in out.items() if not morph.respelled(w, word)}

    def _log_p(self, word: str) -> float:
        p = self.res.unigram(word)
        return UNKNOWN_LOG_P if p is None else p

    def rank(self, words: Sequence[str], reading: Sequence[str]) -> Rank | None:
        """How good a reading of ``words`` is (None: not a known phrase, or one that uses a
        related word and is no listed term). The store's counts are keyed by a 32-bit hash,
        and the refiner asks about thousands of readings a text: one in about a thousand
        unknown phrases matches some key, so a reading must be known to the store's bit
        array (other hashes) as well."""
        phrase = " ".join(reading)
        if not self.res.known(phrase):
            return None
        term, count = self.res.term_and_count(phrase)
        if not term and not count:
            return None
        learned = related = 0
        for w, r in zip(words, reading, strict=True):
            if r != w:
                n = self.choices(w).get(r, 0)
                learned += n > 0
                related += n == RELATED
        if related and not term:
            return None
        return term, learned, -related, count

    def refine(
        self, words: Sequence[str], current: Sequence[str], before: Sequence[str] = (), after: Sequence[str] = ()
    ) -> Refined | None:
        """A known reading of the finding's ``words`` (lower case), which it now reads as
        ``current`` (one per word), or of them with the content word joined to it before or
        after (the last of ``before``, the first of ``after``: the words joined to it on that
        side, in text order, up to WIDE), in words where the finding's own reading is not a
        known phrase. None when there is none. A listed term read from the finding with two
        to WIDE words on one side goes first: "persistent kidney sickness", 'sickness' ->
        'disease' found, "kidney disease" a known phrase, reads as the term "chronic kidney
        disease"."""
        if not 0 < len(words) <= MAX_WORDS or len(current) != len(words):
            return None
        windows = [(0, tuple(words), tuple(current))]
        if before:
            windows.append((1, (before[-1], *words), (before[-1], *current)))
        if after:
            windows.append((0, (*words, after[0]), (*current, after[0])))
        wide: list[Window] = []
        for n in range(2, WIDE + 1):
            if len(before) >= n:
                wide.append((n, (*before[-n:], *words), (*before[-n:], *current)))
            if len(after) >= n:
                wide.append((0, (*words, *after[:n]), (*current, *after[:n])))
        best = self._best(wide, True, wide=True) or self._best(windows, True) or self._best(windows, False)
        if best is None:
            return None
        rank, (k, window, _), reading = best
        # A word beside the finding was context: the finding grows only over the words that change.
        changed = [i for i, (w, r) in enumerate(zip(window, reading, strict=True)) if w != r]
        first, last = min(k, *changed), max(k + len(words) - 1, *changed)
        return Refined(first - k, last - k, reading[first : last + 1], rank)

    def _best(
        self, windows: list[Window], keep: bool, wide: bool = False
    ) -> tuple[Rank, Window, tuple[str, ...]] | None:
        """The best known reading in windows where the finding's reading is no known phrase:
        with ``keep``, the finding's changes and one to MAX_CHANGES more; else from the
        words as written, with originals learned FALLBACK_LEARNED times or more;
        ``wide`` (the wide windows): one word more changed, into a listed term or a reading
        with a learned original among its changes (two more changes there cost three
        readings in four and fixed one span more)."""
        best: tuple[Rank, Window, tuple[str, ...]] | None = None
        for window in windows:
            _, written, now = window
            if self.rank(written, now) is not None:
                continue
            least = RELATED if keep else FALLBACK_LEARNED
            for reading in self._readings(written, now if keep else written, least, 1 if wide else MAX_CHANGES):
                rank = self.rank(written, reading)
                if rank is None or reading == now or (wide and not (rank[0] or rank[1])):
                    continue
                if best is None or rank > best[0]:
                    best = (rank, window, reading)
        return best

    def _readings(
        self, written: Sequence[str], base: Sequence[str], least: int, most: int
    ) -> Iterator[tuple[str, ...]]:
        """``base`` with one to ``most`` of the words it has as written changed to one of
        their choices learned at least ``least`` times, at most one of them to a related word."""
        choices = [self.choices(w) for w in written]
        floor = max(least, 0)
        options = [[o for o, n in c.items() if n >= floor] for c in choices]
        related = [[o for o, n in c.items() if n == RELATED] if least <= RELATED else [] for c in choices]
        free = [p for p, (w, b) in enumerate(zip(written, base, strict=True)) if w == b and (options[p] or related[p])]
        for n in range(1, most + 1):
            for places in combinations(free, n):
                for one in (None, *places):  # the place read as a related word (None: none)
                    for picked in product(*(related[p] if p == one else options[p] for p in places)):
                        reading = list(base)
                        for p, word in zip(places, picked, strict=True):
                            reading[p] = word
                        yield tuple(reading)


def refine_parts(
    refiner: Refiner, norms: Sequence[str], joined: Callable[[int], bool], taken: Container[int], parts: Parts
) -> Parts:
    """The parts of a pick over the words ``norms`` (lower case), or, when the refiner finds
    a better reading, one part for each word it changes. A word beside the pick is read
    when joined to it (``joined(i)``: word i follows word i - 1 with only a space or hyphen
    between), a content word, and no finding's (``taken``: the words the picks cover).
    Two written words a part reads as one ("far off" -> 'remote') are read as one word
    ("far off checking" -> "remote monitoring"); a part that reads one word as two keeps
    the pick as it is (no word-for-word reading to start from)."""
    lo, hi = parts[0][0], parts[-1][1]
    places = _places(norms, parts)
    if places is None:
        return parts

    before = _beside(norms, joined, taken, lo, -1)[::-1]
    after = _beside(norms, joined, taken, hi, 1)
    found = refiner.refine([p[2] for p in places], [p[3] for p in places], before, after)
    if found is None:
        return parts
    out = []
    for k, word in enumerate(found.words, start=found.first):
        if k < 0:  # a word before the pick
            first = last = lo + k
            written = norms[first]
        elif k >= len(places):  # a word after it
            first = last = hi + k - len(places) + 1
            written = norms[first]
        else:
            first, last, written, _ = places[k]
        if word != written:
            out.append((first, last, word))
    return tuple(out) or parts


def _beside(
    norms: Sequence[str], joined: Callable[[int], bool], taken: Container[int], edge: int, step: int
) -> list[str]:
    """Up to WIDE words on one side of word ``edge`` (``step`` -1: before it, 1: after it),
    nearest first, each joined to the one before it: content words, and no finding's."""
    out: list[str] = []
    i = edge + step
    while len(out) < WIDE and 0 <= i < len(norms) and joined(max(i, i - step)):
        if norms[i] in STOPWORDS or i in taken:
            break
        out.append(norms[i])
        i += step
    return out


def _places(norms: Sequence[str], parts: Parts) -> list[tuple[int, int, str, str]] | None:
    """The pick's words as the refiner reads them: (first, last word, as written, as the pick
    reads it), two words a part reads as one made one; None when a part reads one word as two."""
    places: list[tuple[int, int, str, str]] = []
    at = parts[0][0]
    for first, last, replacement in parts:
        places += [(i, i, norms[i], norms[i]) for i in range(at, first)]
        new = replacement.split(" ")
        if len(new) == last - first + 1:
            places += [(first + k, first + k, norms[first + k], w) for k, w in enumerate(new)]
        elif len(new) == 1 and last - first == 1:
            places.append((first, last, f"{norms[first]} {norms[last]}", new[0]))
        else:
            return None
        at = last + 1
    return places


def covered(picks: Sequence[Parts]) -> set[int]:
    """The words the picks cover (each from its first changed word to its last)."""
    return {i for parts in picks for i in range(parts[0][0], parts[-1][1] + 1)}
