"""Text in, spun-wording hits out: the reconstruction detector's core."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import pairwise
from pathlib import Path

from cleaner.spin.candidates import MEMO_SIZE, Candidate, Fields, Generator, span_of
from cleaner.spin.features import features
from cleaner.spin.gate import Boost, Gate, load_cached
from cleaner.spin.refine import Parts, Refiner, covered, refine_parts
from cleaner.spin.resources import DATA, Resources, default_resources
from cleaner.spin.text import Tokens

# A finding takes in the reconstructions beside it from this confidence up, across at most
# GROW_GAP unchanged words: held-out fix accuracy +0.006 at the warning level, no new findings
# (benchmarks/spin_kfold.py).
GROW_FLOOR = 0.3
GROW_GAP = 1
JOINED_WORDS = 6  # picks side by side are joined into one finding of at most this many words (``_joined``)


@dataclass(frozen=True, slots=True)
class Hit:
    """A stretch of text that reads as a spun version of ``original``."""

    start: int
    end: int
    written: str
    original: str
    confidence: float
    raised_by: int = 0  # other spun-looking phrases nearby that raised the confidence (``Boost``)


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    values: list[float]
    confidence: float
    alone: float  # the gate's confidence, before neighbours raised it (``boosted``)
    raised_by: int = 0  # the neighbours that raised it (0: not raised)


class SpinDetector:
    def __init__(self, res: Resources, gate: Gate) -> None:
        self.res = res
        self.gate = gate
        self.generator = Generator(res)
        self.refiner = Refiner(self.generator)
        self._memo: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]], tuple[list[float], float]] = {}

    def scored(self, tokens: Tokens, floor: float = 0.0) -> list[Scored]:
        """The candidates with the gate's confidence, those from ``floor`` up (every one by default)."""
        return [Scored(Candidate(*f), v, c, c) for f, (v, c) in self._rated(tokens) if c >= floor]

    def _rated(self, tokens: Tokens) -> list[tuple[Fields, tuple[list[float], float]]]:
        """Each candidate's fields with its features and the gate's confidence.

        Features and confidence depend on the words alone, not on where they
        stand: a reconstruction seen before is not scored again. Most are, and
        most fall under the hint level, so a candidate is made an object only
        to be scored or kept."""
        memo = self._memo
        out = []
        for fields in self.generator.fields(tokens):
            found = memo.get((fields[3], fields[4], fields[2]))  # tortured, original, changed
            if found is None:
                found = self._score(Candidate(*fields))
            out.append((fields, found))
        return out

    def _score(self, c: Candidate) -> tuple[list[float], float]:
        values = features(c, self.res)
        found = (values, self.gate.confidence(values))
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[(c.tortured, c.original, c.changed)] = found
        return found

    def hits(
        self,
        text: str,
        min_confidence: float | None = None,
        report_from: float | None = None,
        lowered: str | None = None,
    ) -> list[Hit]:
        """Hits from the hint level up (or from ``min_confidence``).

        ``report_from``: only the hits from this confidence up are wanted (a run that
        shows no hints). The picks are made from the floor as ever, so the hits kept are
        those a full run gives; the rest are not refined or built, and a text with no
        candidate that reaches it (most texts) is done once its candidates are rated.
        ``lowered``: ``text.lower()``, if it was made already."""
        floor = self.gate.hint_at if min_confidence is None else min_confidence
        keep = floor if report_from is None else max(floor, report_from)
        tokens = Tokens(text, lowered)
        least = min(floor, GROW_FLOOR)
        boost = self.gate.boost
        refine = partial(refine_parts, self.refiner, tokens.norms, tokens.joined)
        if boost is None:
            return select(tokens, self.scored(tokens, least), floor, refine, keep)
        # Neighbours may lift a candidate from under the floor: every one is rated first.
        rated = self._rated(tokens)
        alone = [found[1] for _, found in rated]
        spans = [span_of(f) for f, _ in rated]
        raised, counts = boosted(spans, alone, boost, partial(wording, tokens.norms))
        # A pick's confidence is a candidate's: with none from ``keep`` up, no hit is wanted.
        if not any(c >= keep for c in raised):
            return []
        scored = [
            Scored(Candidate(*f), found[0], c, found[1], n if c > found[1] else 0)
            for (f, found), c, n in zip(rated, raised, counts, strict=True)
            if c >= least
        ]
        return select(tokens, scored, floor, refine, keep)


def wording(norms: Sequence[str], lo: int, hi: int) -> str:
    """The words ``lo`` to ``hi`` as written (lower case): what makes two neighbours one."""
    return " ".join(norms[lo : hi + 1])


def boosted(
    spans: Sequence[tuple[int, int]], confidences: Sequence[float], boost: Boost, key: Callable[[int, int], str]
) -> tuple[list[float], list[int]]:
    """The confidences that neighbours give the candidates at ``spans`` (``Boost``), and
    how many neighbours each has; ``key(first, last)`` is the wording of a span's words,
    so that a phrase written again is one neighbour, and none of its own."""
    strong = [span for span, c in zip(spans, confidences, strict=True) if c >= boost.strong_at]
    if not strong:  # most texts: nothing to raise
        return list(confidences), [0] * len(spans)
    counts = neighbours(spans, strong, boost.window, boost.cap, key)
    return [boost.confidence(c, n) for c, n in zip(confidences, counts, strict=True)], counts


def neighbours(
    spans: Sequence[tuple[int, int]],
    strong: Iterable[tuple[int, int]],
    window: int,
    cap: int,
    key: Callable[[int, int], str],
) -> list[int]:
    """For each span (first, last word): how many different wordings (``key``) other than
    its own the ``strong`` spans within ``window`` words of it have, up to ``cap``. A
    strong span within reach of growing into it (GROW_GAP unchanged words or fewer
    between them) is part of the same phrase, not a neighbour.

    Linear in the spans, however often one wording repeats: the strong spans are
    sorted by first word (those after a span) and by last word (those before it), and
    for each place in either order the first ``cap + 1`` different wordings from
    there on are listed once; a span reads them off the two stretches in reach."""
    others = sorted(set(strong))
    after = _firsts([(a, key(a, b)) for a, b in others], cap + 1)
    before = _firsts(sorted((b, key(a, b)) for a, b in others), cap + 1)
    counts = []
    for lo, hi in spans:
        found: set[str] = set()
        # After it: first word from hi + GROW_GAP + 2 to hi + window; before it: last word from lo - window.
        for side, first, last in ((after, hi + GROW_GAP + 2, hi + window), (before, lo - window, lo - GROW_GAP - 2)):
            at = bisect_left(side.positions, first)
            if at < len(side.positions):
                found.update(word for word, where in side.wordings[at] if side.positions[where] <= last)
        if found:
            found.discard(key(lo, hi))
        counts.append(min(cap, len(found)))
    return counts


@dataclass(frozen=True, slots=True)
class _Firsts:
    positions: list[int]  # sorted
    wordings: list[list[tuple[str, int]]]  # from each index on: the first different wordings and where they are


def _firsts(items: list[tuple[int, str]], n: int) -> _Firsts:
    """``items`` (position, wording) sorted; for each index, the first ``n`` different
    wordings from it on with their indices (built from the end, ``n`` steps an item)."""
    wordings: list[list[tuple[str, int]]] = [[] for _ in items]
    later: list[tuple[str, int]] = []
    for i in range(len(items) - 1, -1, -1):
        word = items[i][1]
        later = [(word, i), *[(w, j) for w, j in later if w != word]][:n]
        wordings[i] = later
    return _Firsts([p for p, _ in items], wordings)


@dataclass(frozen=True, slots=True)
class Pick:
    """A finding in the making: its confidence, and the reconstructions it joins
    as (first changed word, last changed word, replacement), in text order."""

    confidence: float
    parts: tuple[tuple[int, int, str], ...]


def choose(
    candidates: Iterable[tuple[float, int, int, str]],
    floor: float,
    grow_floor: float = GROW_FLOOR,
    parted: Callable[[int], bool] | None = None,
) -> list[Pick]:
    """Pick (confidence, first, last changed word, replacement) candidates: the best
    first, dropping any that overlaps one taken; then each pick takes in the
    reconstructions beside it (from ``grow_floor`` up) whose changed words lie next
    to its own or one word away, so that a finding covers the whole spun phrase
    ("profound neural organization": 'deep' and 'network' are two reconstructions)
    and its suggestion rewrites all of it. ``parted(i)``: a sentence or line ends
    between words i - 1 and i (``Tokens.parted``); no pick grows or is joined across one."""
    apart = _apart(parted)
    ranked = sorted(candidates, key=lambda c: -c[0])  # stable: equal confidences keep the order given
    spans: list[list[int]] = []
    picks: list[tuple[float, list[tuple[int, int, str]]]] = []
    # Every word a pick covers: an overlap is found by looking up a candidate's own few words, not by
    # comparing it with every pick (that was quadratic in a text dense with findings).
    covered: set[int] = set()
    for confidence, lo, hi, replacement in ranked:
        if confidence < floor:
            break
        if not covered.isdisjoint(range(lo, hi + 1)):
            continue
        spans.append([lo, hi])
        covered.update(range(lo, hi + 1))
        picks.append((confidence, [(lo, hi, replacement)]))
    # Reconstructions a pick may take in, by where their changed words start and end, each list best first.
    growing = [c for c in ranked if c[0] >= grow_floor]
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for rank, (_, lo, hi, _) in enumerate(growing):
        starting.setdefault(lo, []).append(rank)
        ending.setdefault(hi, []).append(rank)
    for (_, parts), span in zip(picks, spans, strict=True):
        while True:
            beside = [r for at in range(span[1] + 1, span[1] + 2 + GROW_GAP) for r in starting.get(at, ())]
            beside += [r for at in range(span[0] - 1 - GROW_GAP, span[0]) for r in ending.get(at, ())]
            free = (growing[r] for r in sorted(beside))  # the best first
            taken = next(
                (c for c in free if covered.isdisjoint(range(c[1], c[2] + 1)) and not apart(span, c[1], c[2])), None
            )
            if taken is None:
                break
            _, lo, hi, replacement = taken
            parts.append((lo, hi, replacement))
            span[0], span[1] = min(span[0], lo), max(span[1], hi)
            covered.update(range(span[0], span[1] + 1))
    return _joined([Pick(confidence, tuple(sorted(parts))) for confidence, parts in picks], apart)


def _apart(parted: Callable[[int], bool] | None) -> Callable[[Sequence[int], int, int], bool]:
    """Whether a break (``parted``) lies between a span (first, last word) and words lo to hi beside it."""

    def apart(span: Sequence[int], lo: int, hi: int) -> bool:
        if parted is None:
            return False
        between = range(span[1] + 1, lo + 1) if lo > span[1] else range(hi + 1, span[0] + 1)
        return any(parted(i) for i in between)

    return apart


def _joined(picks: list[Pick], apart: Callable[[Sequence[int], int, int], bool]) -> list[Pick]:
    """Picks with GROW_GAP unchanged words or fewer between them made one, at the higher
    confidence, up to JOINED_WORDS words, unless a sentence or line ends between them
    (``apart``): two spun words side by side ("warmth trade", each word its own pick) are
    one spun phrase, with one suggestion that rewrites all of it. Held out
    (benchmarks/spin_kfold.py) fix accuracy rose by 0.012 at the warning level; no span
    stopped being flagged."""
    out: list[Pick] = []
    for pick in sorted(picks, key=lambda p: p.parts[0][0]):
        first, last = pick.parts[0][0], pick.parts[-1][1]
        prev = out[-1].parts if out else ()
        if (
            prev
            and first - prev[-1][1] <= GROW_GAP + 1
            and last - prev[0][0] < JOINED_WORDS
            and not apart((prev[0][0], prev[-1][1]), first, last)
        ):
            before = out[-1]
            out[-1] = Pick(max(before.confidence, pick.confidence), before.parts + pick.parts)
        else:
            out.append(pick)
    return out


def rewrite(
    text: str, parts: tuple[tuple[int, int, str], ...], start: Callable[[int], int], end: Callable[[int], int]
) -> str:
    """The replacements of a pick's parts with the text between them as written."""
    out = [parts[0][2]]
    for (_, before, _), (lo, _, replacement) in pairwise(parts):
        out += [text[end(before) : start(lo)], replacement]
    return "".join(out)


def suggestion(
    text: str,
    parts: Parts,
    first: int,
    last: int,
    start: Callable[[int], int],
    end: Callable[[int], int],
) -> tuple[int, int, str]:
    """Where a finding over words ``first`` to ``last`` starts and ends, and what it suggests:
    the replacements of ``parts`` (which lie within the finding) with the text around and
    between them as written."""
    lo, hi = start(first), end(last)
    return lo, hi, text[lo : start(parts[0][0])] + rewrite(text, parts, start, end) + text[end(parts[-1][1]) : hi]


def select(
    tokens: Tokens,
    scored: list[Scored],
    floor: float,
    refine: Callable[[Container[int], Parts], Parts] | None = None,
    keep: float = 0.0,
) -> list[Hit]:
    """The hits among the scored candidates (``choose``), in text order; ``refine`` may
    give a pick's parts a better reading (``cleaner.spin.refine``): its suggestion, and
    the words it covers when the new parts reach beyond them, follow the new parts.
    Only the picks from ``keep`` up become hits; the others still hold their words."""
    text = tokens.text
    # Ties in confidence (neighbours may raise two readings of one span alike) go to the gate's favourite.
    ranked = sorted(scored, key=lambda s: -s.alone)
    found = [(s.confidence, *s.candidate.span, s.candidate.replacement()) for s in ranked]
    # Which readings neighbours raised, and by how many: a hit says so when its confidence came from one.
    raised = {c: s.raised_by for c, s in zip(found, ranked, strict=True) if s.raised_by}
    hits = []
    picks = choose(found, floor, parted=tokens.parted)
    # The words the picks cover: a refined suggestion does not reach into another finding.
    taken = covered([pick.parts for pick in picks]) if refine else set()
    for pick in picks:
        if pick.confidence < keep:
            continue
        parts = pick.parts if refine is None else refine(taken, pick.parts)
        first, last = min(pick.parts[0][0], parts[0][0]), max(pick.parts[-1][1], parts[-1][1])
        start, end, original = suggestion(text, parts, first, last, tokens.start, tokens.end)
        by = max((raised.get((pick.confidence, *part), 0) for part in pick.parts), default=0)
        hits.append(Hit(start, end, text[start:end], original, pick.confidence, by))
    hits.sort(key=lambda h: h.start)
    return hits


@cache
def builtin_gate() -> Gate:
    return load_cached(DATA / "gate.json")


@cache
def default_detector(phrase_tables: tuple[str, ...] = ()) -> SpinDetector:
    return SpinDetector(default_resources(phrase_tables=phrase_tables), builtin_gate())


def gate_path() -> Path:
    return DATA / "gate.json"
