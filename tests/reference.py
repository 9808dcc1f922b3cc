"""Plain reference implementations that tests compare the fast code with."""

from __future__ import annotations

from dataclasses import replace

from cleaner.model import Finding


def reference_resolve(findings: list[Finding]) -> list[Finding]:
    """The quadratic algorithm resolve replaced: every kept finding compared with every candidate."""

    def strength(f: Finding) -> tuple[int, bool, float, int, int]:
        return (int(f.severity), f.detector == "rules", f.confidence, f.end - f.start, -f.start)

    def clashes(a: Finding, b: Finding) -> bool:
        if (a.start, a.end) == (b.start, b.end):
            return True
        return a.start < b.end and b.start < a.end and a.category == b.category

    kept: list[Finding] = []
    for finding in sorted(findings, key=strength, reverse=True):
        clash = next((k for k in kept if clashes(k, finding)), None)
        if clash is None:
            kept.append(finding)
        elif (clash.start, clash.end) == (finding.start, finding.end):
            extra = tuple(s for s in finding.suggestions if s not in clash.suggestions)
            if extra:
                kept[kept.index(clash)] = replace(clash, suggestions=clash.suggestions + extra)
    return sorted(kept, key=Finding.sort_key)
