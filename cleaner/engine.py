"""Run detectors over documents, then merge, filter and place their findings."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from cleaner import chunks, markup, sources, spans, suppressions
from cleaner.config import Settings
from cleaner.detectors import Detector, LanguageToolDetector, RulesDetector, build
from cleaner.detectors.base import Evidence, weighs_evidence
from cleaner.document import Document
from cleaner.model import Category, Finding, Severity
from cleaner.rulepack import Rule
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
    readability: dict[str, float] | None = None  # document readability figures, when they were asked for
    counted_words: int = 0  # words of a file checked in chunks (it has no document)

    @property
    def words(self) -> int:
        return self.document.word_count if self.document else self.counted_words


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """What checking one chunk of a large file gave: findings in whole-file coordinates,
    the confidences of its evidence of spinning, its word count, and the engine's notices."""

    findings: list[Finding]
    evidence: list[float]
    words: int
    notices: list[str] = field(default_factory=list)


# How the chunks of one large file are checked: (path, chunks, format) -> one result a chunk, in order.
ChunkMap = Callable[[str, Iterable[chunks.Chunk], str | None], Iterator[ChunkResult]]


class Engine:
    """Holds the detectors (built once) and checks inputs with them."""

    def __init__(self, settings: Settings | None = None, detectors: Sequence[Detector] | None = None) -> None:
        self.settings = settings or Settings()
        self.detectors = list(detectors) if detectors is not None else build(self.settings)
        self.notices: list[str] = []
        self.large_bytes = chunks.LARGE_BYTES  # files larger than this (in bytes) are checked in chunks
        self.chunk_chars = chunks.CHUNK_CHARS  # of at most this many characters
        # Serial here; ``cleaner.parallel`` sends the chunks to worker processes. Either way the same results.
        self.chunk_map: ChunkMap = self.check_chunks
        self.progress: Callable[[str, int, int], None] | None = None  # (path, bytes done, bytes in all)

    def rules(self) -> list[Rule]:
        """The rule-pack rules this engine runs (for reporters that describe them)."""
        return [rule for d in self.detectors if isinstance(d, RulesDetector) for rule in d.matcher.rules]

    def analyse(self, doc: Document) -> tuple[list[Finding], float]:
        """Findings to report, and the document score from every content finding (hints included)."""
        findings, evidence = self._findings(doc)
        return findings, evidence.score

    def examine(self, doc: Document) -> tuple[list[Finding], Evidence]:
        """Every detector's findings, and the evidence of spinning among them.

        Detectors that weigh evidence (``EvidenceDetector``) run after the others and
        are given it; their findings are not part of it. A detector that raises, or
        gives offsets outside the text, is named in a notice and the others' findings stand.
        """
        raw: list[Finding] = []
        for detector in self.detectors:
            if not weighs_evidence(detector):
                raw.extend(self._run(detector, doc, detector.check))
        evidence = gather(raw, doc.word_count)
        for detector in self.detectors:
            if weighs_evidence(detector):
                raw.extend(self._run(detector, doc, partial(detector.check_with, evidence=evidence)))
        return raw, evidence

    def _run(self, detector: Detector, doc: Document, check: Callable[[Document], list[Finding]]) -> list[Finding]:
        try:
            found = check(doc)
        except Exception as exc:  # one detector's bug must not end the run
            self.notices.append(
                f"{doc.path}: detector {detector.name} failed ({type(exc).__name__}: {exc}); its findings are left out"
            )
            found = []
        valid = [f for f in found if 0 <= f.start <= f.end <= len(doc.text)]
        if len(valid) < len(found):
            self.notices.append(f"{doc.path}: detector {detector.name} gave spans outside the text; dropped")
        if isinstance(detector, RulesDetector):
            self.notices.extend(f"{doc.path}: {t}" for t in detector.take_timeouts())
        if isinstance(detector, LanguageToolDetector):
            self.notices.extend(detector.take_notices())
        return valid

    def _findings(self, doc: Document) -> tuple[list[Finding], Evidence]:
        """Findings placed on the source, filtered and settled; and the evidence of spinning."""
        raw, evidence = self.examine(doc)
        settings = self.settings.for_path(doc.path)
        placed = [place(doc, f) for f in raw if settings.wants(f)]
        placed, about_suppressions = suppressions.apply(doc, placed)
        kept = []
        for finding in placed + [f for f in about_suppressions if settings.wants(f)]:
            severity = settings.severity_for(finding)
            if severity < settings.min_severity:
                continue
            kept.append(replace(finding, severity=severity) if severity != finding.severity else finding)
        return resolve(kept), evidence

    def check_source(self, source: sources.SourceFile, fmt: str | None = None) -> FileResult:
        doc = self.document(source.path, source.text, fmt)
        findings, score = self.analyse(doc)
        result = FileResult(source.path, findings, doc, source_file=source, document_score=score)
        if self.settings.scores or self.settings.for_path(doc.path).readability:
            result.readability = doc.readability.figures()
        return result

    def document(self, path: str, text: str, fmt: str | None = None) -> Document:
        """The prose view of a text; markup that cannot be parsed is checked as plain text, with a notice."""
        try:
            return markup.to_document(path, text, fmt)
        except Exception as exc:  # a parser's bug must not end the run
            self.notices.append(f"{path}: markup not parsed ({type(exc).__name__}: {exc}); checked as plain text")
            return Document.plain(text, path)

    def check_text(self, text: str, path: str = "<text>", fmt: str | None = None) -> FileResult:
        return self.check_source(sources.SourceFile(path=path, text=text, encoding="utf-8"), fmt)

    def check_path(self, path: str, fmt: str | None = None) -> FileResult:
        if path != "-" and sources.file_size(path) > self.large_bytes:
            return self.check_large(path, fmt)
        try:
            if path == "-":
                source = sources.read_stdin(self.settings.stdin_filename, self.settings.encoding)
            else:
                source = sources.read(path, self.settings.encoding)
        except sources.UnreadableError as exc:
            return FileResult(path, error=exc.reason)
        return self.check_source(source, fmt)

    def check_large(self, path: str, fmt: str | None = None) -> FileResult:
        """Check a file chunk by chunk (``cleaner.chunks``): memory stays bounded whatever its size.

        The result has no document (the text is never held whole); its
        findings carry offsets, lines and columns in the whole file. The
        chunks go through ``chunk_map``; findings, evidence and words are
        gathered in chunk order, so the result is the same wherever they were checked.
        """
        total = sources.file_size(path)
        done = [0]
        read_at: deque[int] = deque()  # bytes read when each chunk still to come back was cut

        def pieces() -> Iterator[str]:
            for text, read in sources.stream(path, self.settings.encoding):
                done[0] = read
                yield text

        def cut() -> Iterator[chunks.Chunk]:
            for chunk in chunks.split(pieces(), self.chunk_chars):
                read_at.append(done[0])
                yield chunk

        findings: list[Finding] = []
        evidence: list[float] = []
        words = 0
        try:
            for result in self.chunk_map(path, cut(), fmt):
                findings.extend(result.findings)
                evidence.extend(result.evidence)
                words += result.words
                self.notices.extend(result.notices)
                read = read_at.popleft()
                if self.progress is not None:
                    self.progress(path, read, total)
        except sources.UnreadableError as exc:
            return FileResult(path, error=exc.reason)
        score = document_score(evidence, words)
        return FileResult(path, findings, document_score=score, counted_words=words)

    def check_chunks(self, path: str, pieces: Iterable[chunks.Chunk], fmt: str | None = None) -> Iterator[ChunkResult]:
        """The serial ``chunk_map``: each chunk checked here, in turn."""
        for chunk in pieces:
            yield self.check_chunk(path, chunk, fmt)

    def check_chunk(self, path: str, chunk: chunks.Chunk, fmt: str | None = None) -> ChunkResult:
        """One chunk checked as its own document; its findings shifted into the whole file.

        Notices go to ``self.notices`` as for any check (a worker hands them back in the result).
        """
        doc = self.document(path, chunk.text, fmt)
        found, seen = self._findings(doc)
        shifted = [chunks.shift(f, chunk) for f in found]
        return ChunkResult(shifted, [f.confidence for f in seen.findings], doc.word_count)

    def check_paths(self, paths: Iterable[str], fmt: str | None = None) -> Iterator[FileResult]:
        yield from self.check_found(sources.expand(paths), fmt)

    def check_found(self, found: Iterable[str | sources.PathProblem], fmt: str | None = None) -> Iterator[FileResult]:
        """Check what ``sources.expand`` found: files are checked, problems become results."""
        for item in found:
            if isinstance(item, sources.PathProblem):
                yield FileResult(item.path, error=item.reason)
            else:
                yield self.check_path(item, fmt)


def gather(findings: list[Finding], n_words: int) -> Evidence:
    """The content findings that tell whether a text was spun, settled, with their document score.
    Hints (below the warning level) are no evidence: with SP001's, 4.1% of the clean dev
    abstracts scored 0.5 or more, without them 0.5% (benchmarks/spin_docscore.py --engine)."""
    scored = resolve([f for f in findings if f.category in SCORED_CATEGORIES and f.severity >= Severity.WARNING])
    return Evidence(tuple(scored), document_score([f.confidence for f in scored], n_words))


def resolve(findings: list[Finding]) -> list[Finding]:
    """Merge duplicates and settle overlaps, in text order.

    Findings on the same span become one (the strongest, with the others'
    suggestions appended). Of overlapping findings in one category the
    strongest stays; findings of different categories may overlap.
    ``cleaner.spans.settle`` does it in O(n log n).
    """
    return sorted(spans.settle(findings, _strength), key=Finding.sort_key)


def _strength(f: Finding) -> tuple[int, bool, float, int, int]:
    """Louder first; at one level a named rule beats a model's reconstruction."""
    return (int(f.severity), f.detector == "rules", f.confidence, f.end - f.start, -f.start)


def place(doc: Document, finding: Finding) -> Finding:
    """Map a finding from ``doc.text`` to the source and give it line and column."""
    start, end = doc.to_source(finding.start, finding.end)
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    return replace(finding, start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column)
