"""Detectors, one file each. ``build`` assembles the ones a configuration asks for."""

from __future__ import annotations

from pathlib import Path

from cleaner.config import Settings
from cleaner.detectors.base import Detector
from cleaner.detectors.ngram import NgramDetector
from cleaner.detectors.reconstruct import ReconstructDetector
from cleaner.detectors.rules import RulesDetector
from cleaner.rulepack import Rule, builtin_pack_paths, load_packs


def load_rules(settings: Settings) -> list[Rule]:
    paths: list[str | Path] = [*(builtin_pack_paths() if settings.builtin_rules else []), *settings.rule_paths]
    return [rule for pack in load_packs(paths) for rule in pack.rules]


def build(settings: Settings) -> list[Detector]:
    """The detectors for a run, in a fixed order (results never depend on timing)."""
    detectors: list[Detector] = [RulesDetector(load_rules(settings)), NgramDetector()]
    if settings.spin:
        detectors.append(ReconstructDetector(settings.phrase_tables))
    return detectors


__all__ = ["Detector", "NgramDetector", "ReconstructDetector", "RulesDetector", "build", "load_rules"]
