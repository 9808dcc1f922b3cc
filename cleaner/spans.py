"""Settle overlapping findings in O(n log n).

Findings are taken strongest first. One is kept unless it clashes with one
already kept: the same span (any category), or an overlapping span of the same
category. A finding on exactly the span of the first kept finding it clashes
with is merged into it (its new suggestions appended); any other clash drops it.

The kept findings of one category never overlap one another, so kept per
category in (start, end) order their ends also rise: the ones a new span
overlaps sit just before the first kept finding that starts at or after its
end, and a walk back from there stops at the first that ends before it starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from sortedcontainers import SortedList

from cleaner.model import Category, Finding

Strength = Callable[[Finding], Any]


class _Kept:
    """The findings kept so far, looked up by exact span and, per category, by position."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.by_span: dict[tuple[int, int], int] = {}
        self.by_category: dict[Category, SortedList] = {}

    def add(self, finding: Finding) -> None:
        index = len(self.findings)
        self.findings.append(finding)
        self.by_span[(finding.start, finding.end)] = index
        self.by_category.setdefault(finding.category, SortedList()).add((finding.start, finding.end, index))

    def first_clash(self, finding: Finding) -> int | None:
        """The index of the earliest kept finding that clashes with ``finding``, if any."""
        same_span = self.by_span.get((finding.start, finding.end))
        best = same_span
        for index in self._overlapping(finding):
            if best is None or index < best:
                best = index
            if same_span is None:
                break  # any clash will do: the finding is dropped
        return best

    def _overlapping(self, finding: Finding) -> Iterable[int]:
        kept = self.by_category.get(finding.category)
        if not kept:
            return
        start = finding.start
        position = kept.bisect_left((finding.end, -1, -1))
        while position > 0:  # every kept span before ``position`` starts before ``end``
            position -= 1
            _, other_end, index = kept[position]
            if other_end <= start:
                return  # and so do all before it
            yield index


def settle(findings: Iterable[Finding], strength: Strength) -> list[Finding]:
    """The findings that stay, in the order they were kept (strongest first)."""
    kept = _Kept()
    for finding in sorted(findings, key=strength, reverse=True):
        clash = kept.first_clash(finding)
        if clash is None:
            kept.add(finding)
            continue
        other = kept.findings[clash]
        if (other.start, other.end) == (finding.start, finding.end):
            extra = tuple(s for s in finding.suggestions if s not in other.suggestions)
            if extra:
                kept.findings[clash] = replace(other, suggestions=other.suggestions + extra)
    return kept.findings


class Disjoint:
    """Non-overlapping non-empty spans: ask whether a span overlaps one of them in O(log n)."""

    def __init__(self) -> None:
        self._spans = SortedList()

    def overlaps(self, start: int, end: int) -> bool:
        position: int = self._spans.bisect_left((end, end))  # spans before it start before ``end``
        if position == 0:
            return False
        previous_end: int = self._spans[position - 1][1]
        return previous_end > start

    def add(self, start: int, end: int) -> None:
        self._spans.add((start, end))
