"""Run detectors over documents, then merge, filter and place their findings."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from cleaner import markup, sources
from cleaner.config import Settings
from cleaner.detectors import Detector, LanguageToolDetector, RulesDetector, build
from cleaner.document import Document
from cleaner.model import Category, Finding
from cleaner.spin.docscore import document_score

# Findings that are evidence of spinning or machine translation (grammar and style slips are not).
SCORED_CATEGORIES = frozenset({Category.TORTURED_PHRASE, Category.IDIOM_CALQUE, Category.MISTRANSLATION})


@dataclass(slots=True)
class FileResult:
    """What checking one input produced; ``error`` is set when it could not be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = None
    error: str | None = None
    source_file: sources.SourceFile | None = None
    document_score: float | None = None  # probability the text was spun or machine-translated


    @property
    def words(self) -> int:
        return self.document.word_count if self.document else 0


class Engine:
    """Holds the detectors (built once) and checks inputs with them."""

    def __init__(self, settings: Settings | None = None, detectors: Sequence[Detector] | None = None) -> None:
        self.settings = settings or Settings()
        self.detectors = list(detectors) if detectors is not None else build(self.settings)
        self.notices: list[str] = []

    def check_document(self, doc: Document) -> list[Finding]:
        return self.analyse(doc)[0]

    def analyse(self, doc: Document) -> tuple[list[Finding], float]:
        """Findings to report, and the document score from every content finding (hints included)."""
        raw: list[Finding] = []
        for detector in self.detectors:
            raw.extend(detector.check(doc))
            if isinstance(detector, RulesDetector):
                self.notices.extend(str(t) for t in detector.take_timeouts())
            if isinstance(detector, LanguageToolDetector):
                self.notices.extend(detector.take_notices())
        evidence = [f.confidence for f in resolve([f for f in raw if f.category in SCORED_CATEGORIES])]
        score = document_score(evidence, doc.word_count)
        kept = []
        for finding in raw:
            if not self.settings.wants(finding):
                continue
            severity = self.settings.severity_for(finding)
            if severity < self.settings.min_severity:
                continue
            kept.append(replace(finding, severity=severity) if severity != finding.severity else finding)
        return [place(doc, f) for f in resolve(kept)], score

    def check_source(self, source: sources.SourceFile, fmt: str | None = None) -> FileResult:
        doc = markup.to_document(source.path, source.text, fmt)
        findings, score = self.analyse(doc)
        return FileResult(source.path, findings, doc, source_file=source, document_score=score)

    def check_text(self, text: str, path: str = "<text>", fmt: str | None = None) -> FileResult:
        return self.check_source(sources.SourceFile(path=path, text=text, encoding="utf-8"), fmt)

    def check_path(self, path: str, fmt: str | None = None) -> FileResult:
        try:
            if path == "-":
                source = sources.decode(sys.stdin.buffer.read(), "-", self.settings.encoding)
            else:
                source = sources.read(path, self.settings.encoding)
        except sources.UnreadableError as exc:
            return FileResult(path, error=exc.reason)
        return self.check_source(source, fmt)

    def check_paths(self, paths: Iterable[str], fmt: str | None = None) -> Iterator[FileResult]:
        for item in sources.expand(paths):
            if isinstance(item, sources.PathProblem):
                yield FileResult(item.path, error=item.reason)
            else:
                yield self.check_path(item, fmt)


def resolve(findings: list[Finding]) -> list[Finding]:
    """Merge duplicates and settle overlaps.

    Findings on the same span become one (the strongest, with the others'
    suggestions appended). Of overlapping findings in one category the
    strongest stays; findings of different categories may overlap.
    """
    ranked = sorted(findings, key=_strength, reverse=True)
    kept: list[Finding] = []
    for finding in ranked:
        clash = next((k for k in kept if _clashes(k, finding)), None)
        if clash is None:
            kept.append(finding)
        elif (clash.start, clash.end) == (finding.start, finding.end):
            extra = tuple(s for s in finding.suggestions if s not in clash.suggestions)
            if extra:
                kept[kept.index(clash)] = replace(clash, suggestions=clash.suggestions + extra)
    return sorted(kept, key=Finding.sort_key)


def _strength(f: Finding) -> tuple[int, bool, float, int, int]:
    """Louder first; at one level a named rule beats a model's reconstruction."""
    return (int(f.severity), f.detector == "rules", f.confidence, f.end - f.start, -f.start)


def _clashes(a: Finding, b: Finding) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    overlap = a.start < b.end and b.start < a.end
    return overlap and a.category == b.category


def place(doc: Document, finding: Finding) -> Finding:
    """Map a finding from ``doc.text`` to the source and give it line and column."""
    start, end = doc.to_source(finding.start, finding.end)
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    return replace(finding, start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column)
