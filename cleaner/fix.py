"""Apply suggestions: back to front, overlapping edits skipped, re-checked until stable.

Bytes outside an edit never change: the text is edited as decoded and written
back with the file's own encoding and BOM, and a file that would not
round-trip byte for byte is left alone.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from cleaner import articles, sources, writeback
from cleaner.casing import match_case
from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.model import Applicability, Finding

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (source offsets, code points) with ``replacement``."""

    start: int
    end: int
    replacement: str
    rule_id: str = ""


def allowed(unsafe: bool) -> frozenset[Applicability]:
    if unsafe:
        return frozenset({Applicability.SAFE, Applicability.UNSAFE})
    return frozenset({Applicability.SAFE})


def edit_for(text: str, finding: Finding, suggestion: str) -> Edit:
    """The edit that puts ``suggestion`` in place of the finding's span.

    The replacement takes the case of the words it replaces, and an "a"/"an"
    right before the span is changed to suit it (the edit then starts at the
    article): "an irregular woodland" -> "a random forest".
    """
    original = text[finding.start : finding.end]
    replacement = suggestion if original == "I" else match_case(original, suggestion)  # "I" is capital anywhere
    return fit_article(text, Edit(finding.start, finding.end, replacement, finding.rule_id))


def fit_article(text: str, edit: Edit) -> Edit:
    span = articles.article_before(text, edit.start)
    if span is None:
        return edit
    old = text[span[0] : span[1]]
    new = articles.article_for(edit.replacement)
    if not new or old.lower() == new:
        return edit
    between = text[span[1] : edit.start]
    return Edit(span[0], edit.end, match_case(old, new) + between + edit.replacement, edit.rule_id)


def edits_for(text: str, findings: Iterable[Finding], unsafe: bool = False) -> list[Edit]:
    """One edit per fixable finding: its first suggestion."""
    kinds = allowed(unsafe)
    return [edit_for(text, f, f.suggestions[0]) for f in findings if f.suggestions and f.applicability in kinds]


def crosses_markup(doc: Document, finding: Finding) -> bool:
    """Whether a finding's source span takes in markup (a tag, an emphasis
    mark, an entity): rewriting it would rewrite the markup too, so it is
    offered but never applied."""
    offsets = doc.offsets
    if offsets is None:
        return False
    k = bisect.bisect_right(offsets.source_starts, finding.start) - 1
    if k < 0:
        return True
    return finding.end > offsets.source_starts[k] + offsets.lengths[k]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """Apply edits back to front; an edit overlapping one already applied is skipped.

    Returns the new text and the edits applied, in text order.
    """
    applied: list[Edit] = []
    boundary = len(text) + 1
    out = text
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > boundary or (edit.end == boundary and edit.start == edit.end):
            continue
        out = out[: edit.start] + edit.replacement + out[edit.end :]
        applied.append(edit)
        boundary = edit.start
    applied.reverse()
    return out, applied


@dataclass(slots=True)
class FixOutcome:
    """What fixing one input did. ``fixed`` equals ``original`` when nothing applied."""

    path: str
    original: str = ""
    fixed: str = ""
    applied: list[Edit] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    converged: bool = True
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    source: sources.SourceFile | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def encoded(self) -> bytes:
        assert self.source is not None
        return self.source.encode(self.fixed)


def fix_source(engine: Engine, source: sources.SourceFile, unsafe: bool = False) -> FixOutcome:
    """Check, apply, re-check until no edit applies or MAX_PASSES is reached."""
    outcome = FixOutcome(source.path, source.text, source.text, source=source)
    text = source.text
    for _ in range(MAX_PASSES):
        findings, edits = _plan(engine, replace(source, text=text), unsafe, outcome.notes)
        text, done = apply_edits(text, edits)
        if not done:
            outcome.fixed, outcome.remaining = text, findings
            return outcome
        outcome.applied.extend(done)
    findings, edits = _plan(engine, replace(source, text=text), unsafe, [])
    outcome.fixed, outcome.remaining = text, findings
    if edits:
        outcome.converged = False
        firing = ", ".join(sorted({e.rule_id for e in edits}))
        outcome.notes.append(
            f"fixes did not settle after {MAX_PASSES} passes (still firing: {firing}); "
            "the text after the last pass was kept"
        )
    return outcome


def _plan(
    engine: Engine, source: sources.SourceFile, unsafe: bool, notes: list[str]
) -> tuple[list[Finding], list[Edit]]:
    """Check the text; the edits that may be made to it (in prose, encodable)."""
    result = engine.check_source(source)
    fixable = []
    for finding in result.findings:
        if result.document is not None and crosses_markup(result.document, finding):
            _note(notes, f"{finding.rule_id} at {finding.line}:{finding.column} spans markup; not fixed")
        else:
            fixable.append(finding)
    edits = []
    for edit in edits_for(source.text, fixable, unsafe):
        try:
            edit.replacement.encode(source.encoding)
        except UnicodeEncodeError:
            _note(notes, f"{edit.rule_id}: {edit.replacement!r} cannot be written in {source.encoding}; not applied")
            continue
        edits.append(edit)
    return result.findings, edits


def _note(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def fix_path(engine: Engine, path: str, unsafe: bool = False) -> FixOutcome:
    """Read one file and fix it in memory; nothing is written here."""
    try:
        data = sources.read_bytes(path)
        source = sources.decode(data, path, engine.settings.encoding)
    except sources.UnreadableError as exc:
        return FixOutcome(path, error=exc.reason)
    if source.encode(source.text) != data:
        return FixOutcome(path, error=f"does not re-encode byte for byte as {source.encoding}; left unchanged")
    return fix_source(engine, source, unsafe)


def unified_diff(outcome: FixOutcome) -> str:
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.fixed.splitlines(keepends=True),
        fromfile=outcome.path,
        tofile=outcome.path,
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def count_by_rule(edits: Sequence[Edit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for edit in edits:
        counts[edit.rule_id] = counts.get(edit.rule_id, 0) + 1
    return counts


class ChangedOnDiskError(Exception):
    """The file changed between reading and writing; it is left as the other writer left it."""


def write(outcome: FixOutcome) -> None:
    """Write a fixed file atomically, unless it changed on disk since it was read."""
    assert outcome.source is not None
    if sources.read_bytes(outcome.path) != outcome.source.encode(outcome.original):
        raise ChangedOnDiskError(f"{outcome.path}: changed on disk while it was being fixed; left as it is")
    writeback.write_atomic(outcome.path, outcome.encoded())
