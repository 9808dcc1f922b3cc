"""Detectors, one file each. ``build`` assembles the ones a configuration asks for."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cleaner.config import Settings
from cleaner.detectors.agreement import AgreementDetector
from cleaner.detectors.base import Detector, Evidence, EvidenceDetector
from cleaner.detectors.collocation import CollocationDetector
from cleaner.detectors.languagetool import LanguageToolDetector
from cleaner.detectors.ngram import NgramDetector
from cleaner.detectors.readability import ReadabilityDetector
from cleaner.detectors.reconstruct import RULE_ID as RECONSTRUCT_ID
from cleaner.detectors.reconstruct import RULE_NAME as RECONSTRUCT_NAME
from cleaner.detectors.reconstruct import ReconstructDetector
from cleaner.detectors.rules import RulesDetector
from cleaner.detectors.slips import SlipsDetector
from cleaner.detectors.spelling import SpellingDetector, read_word_lists
from cleaner.detectors.typography import TypographyDetector
from cleaner.model import Category, Severity
from cleaner.rulepack import Rule, builtin_pack_paths, load_packs


def load_rules(settings: Settings) -> list[Rule]:
    paths: list[str | Path] = [*(builtin_pack_paths() if settings.builtin_rules else []), *settings.rule_paths]
    return [rule for pack in load_packs(paths) for rule in pack.rules]


def reportable(settings: Settings, keys: Iterable[str], severity: Severity) -> bool:
    """Whether a finding known by ``keys`` (its rule id, rule name or category) at ``severity``
    could be reported for some file: at or above the lowest --min-severity of any file
    (the configuration's per-file overrides included), or made loud enough by a severity
    override. A detector whose findings no file can show need not look for them."""
    least = min([settings.min_severity, *(o.min_severity for o in settings.overrides if o.min_severity)])
    named = set(keys)
    overrides = [settings.severity_overrides, *(o.severity_overrides for o in settings.overrides)]
    louder = [level for table in overrides for key, level in table.items() if key in named]
    return any(level >= least for level in (severity, *louder))


def spelling_reportable(settings: Settings) -> bool:
    """Whether a spelling finding could be reported: misspellings are hints (suggestion level),
    so a run at the default --min-severity warning skips the check unless a reject list or a
    severity override makes its findings louder."""
    keys = ("SC001", "misspelling", Category.SPELLING.value)
    return bool(settings.vocabulary_reject) or reportable(settings, keys, Severity.SUGGESTION)


def spelling_detector(settings: Settings) -> SpellingDetector:
    """The spelling check with the user's vocabulary files; an unreadable file is a ValueError."""
    try:
        accept = read_word_lists(settings.vocabulary_accept)
        reject = read_word_lists(settings.vocabulary_reject)
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read vocabulary file: {exc}") from None
    return SpellingDetector(accept, reject)


def build(settings: Settings) -> list[Detector]:
    """The detectors for a run, in a fixed order (results never depend on timing)."""
    detectors: list[Detector] = [
        RulesDetector(load_rules(settings)),
        SlipsDetector(),
        AgreementDetector(),
        NgramDetector(),
        TypographyDetector(),
        CollocationDetector(),  # runs after the others, on their evidence (see Engine.examine)
    ]
    if spelling_reportable(settings):
        detectors.append(spelling_detector(settings))
    if settings.languagetool != "off":
        detectors.append(LanguageToolDetector(settings.languagetool))
    if settings.spin:
        keys = (RECONSTRUCT_ID, RECONSTRUCT_NAME, Category.TORTURED_PHRASE.value)
        hints = reportable(settings, keys, Severity.SUGGESTION)
        detectors.append(ReconstructDetector(settings.phrase_tables, hints=hints))
    if settings.readability or any(o.readability for o in settings.overrides):
        detectors.append(ReadabilityDetector(settings))
    return detectors


__all__ = [
    "AgreementDetector",
    "CollocationDetector",
    "Detector",
    "Evidence",
    "EvidenceDetector",
    "LanguageToolDetector",
    "NgramDetector",
    "ReadabilityDetector",
    "ReconstructDetector",
    "RulesDetector",
    "SlipsDetector",
    "SpellingDetector",
    "TypographyDetector",
    "build",
    "load_rules",
]
