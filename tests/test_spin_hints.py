"""A run that can show no hint does not build SP001's hints, and reports what a full run does."""

from __future__ import annotations

from dataclasses import replace

from cleaner.config import Override, Settings
from cleaner.detectors import ReconstructDetector, SpellingDetector, build, reportable
from cleaner.engine import Engine
from cleaner.model import Severity
from cleaner.spin.detect import default_detector

# One confident reconstruction ('profound' -> 'deep') and one below the warning level.
TEXT = (
    "Researchers trained a profound learning model on colossal information. "
    "The panel used the model on every application they got.\n"
)


def test_hits_from_a_confidence_up_are_those_of_a_full_run() -> None:
    detector = default_detector()
    warning = detector.gate.warning_at
    full = detector.hits(TEXT)
    assert any(h.confidence < warning for h in full), "the text needs a hint for this test"
    wanted = detector.hits(TEXT, report_from=warning)
    assert wanted, "the text needs a warning for this test"
    assert wanted == [h for h in full if h.confidence >= warning]
    assert detector.hits("Nothing here reads as spun.", report_from=warning) == []


def test_hints_are_looked_for_only_when_some_file_can_show_them() -> None:
    def hints(settings: Settings) -> bool:
        (detector,) = [d for d in build(settings) if isinstance(d, ReconstructDetector)]
        return detector.hints

    assert not hints(Settings())
    assert hints(Settings(min_severity=Severity.SUGGESTION))
    # One file's override is enough, whatever the others show.
    assert hints(Settings(overrides=(Override(files=("drafts/**",), min_severity=Severity.SUGGESTION),)))
    # A severity override that makes them loud enough, by rule id, name or category.
    for key in ("SP001", "reconstructed-tortured-phrase", "tortured-phrase"):
        assert hints(Settings(severity_overrides={key: Severity.WARNING}))
    assert not hints(Settings(severity_overrides={"SP001": Severity.SUGGESTION}))
    assert hints(Settings(min_severity=Severity.ERROR, severity_overrides={"SP001": Severity.ERROR}))


def test_spelling_runs_for_a_file_whose_override_shows_hints() -> None:
    override = Override(files=("drafts/**",), min_severity=Severity.SUGGESTION)
    assert any(isinstance(d, SpellingDetector) for d in build(Settings(overrides=(override,))))
    assert not reportable(Settings(), ("SC001",), Severity.SUGGESTION)


def test_the_default_check_reports_the_warnings_a_check_with_hints_does() -> None:
    # The rule packs name these phrases: left out, the findings are all SP001's.
    def sp001(settings: Settings) -> list[tuple[int, int, tuple[str, ...], Severity]]:
        result = Engine(replace(settings, builtin_rules=False)).check_text(TEXT, "article.txt")
        return [(f.start, f.end, f.suggestions, f.severity) for f in result.findings if f.rule_id == "SP001"]

    default = sp001(Settings())
    everything = sp001(Settings(min_severity=Severity.SUGGESTION))
    assert default
    assert len(everything) > len(default)
    assert default == [f for f in everything if f[3] >= Severity.WARNING]
