"""Text in, spun-wording hits out: the reconstruction detector's core."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cleaner.spin.candidates import MEMO_SIZE, Candidate, Generator
from cleaner.spin.features import features
from cleaner.spin.gate import Gate
from cleaner.spin.resources import DATA, Resources, default_resources
from cleaner.spin.text import Tokens


@dataclass(frozen=True, slots=True)
class Hit:
    """A stretch of text that reads as a spun version of ``original``."""

    start: int
    end: int
    written: str
    original: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    values: list[float]
    confidence: float


class SpinDetector:
    def __init__(self, res: Resources, gate: Gate) -> None:
        self.res = res
        self.gate = gate
        self.generator = Generator(res)
        self._memo: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]], tuple[list[float], float]] = {}

    def scored(self, tokens: Tokens, floor: float = 0.0) -> list[Scored]:
        """The candidates with their confidence, those from ``floor`` up (every one by default).

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
            if found[1] >= floor:
                out.append(Scored(Candidate(*fields), *found))
        return out

    def _score(self, c: Candidate) -> tuple[list[float], float]:
        values = features(c, self.res)
        found = (values, self.gate.confidence(values))
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[(c.tortured, c.original, c.changed)] = found
        return found

    def hits(self, text: str, min_confidence: float | None = None) -> list[Hit]:
        """Hits from the hint level up (or from ``min_confidence``)."""
        floor = self.gate.hint_at if min_confidence is None else min_confidence
        tokens = Tokens(text)
        return select(tokens, self.scored(tokens, floor), floor)


def select(tokens: Tokens, scored: list[Scored], floor: float) -> list[Hit]:
    """Best candidate first; drop any that overlaps one already taken."""
    taken: list[tuple[int, int]] = []
    hits = []
    for s in sorted(scored, key=lambda s: -s.confidence):
        if s.confidence < floor:
            break
        lo, hi = s.candidate.span
        if any(lo <= b and a <= hi for a, b in taken):
            continue
        taken.append((lo, hi))
        start, end = tokens.start(lo), tokens.end(hi)
        hits.append(Hit(start, end, tokens.text[start:end], s.candidate.replacement(), s.confidence))
    hits.sort(key=lambda h: h.start)
    return hits


@cache
def builtin_gate() -> Gate:
    return Gate.load(DATA / "gate.json").with_compiled()


@cache
def default_detector(phrase_tables: tuple[str, ...] = ()) -> SpinDetector:
    return SpinDetector(default_resources(phrase_tables=phrase_tables), builtin_gate())


def gate_path() -> Path:
    return DATA / "gate.json"
