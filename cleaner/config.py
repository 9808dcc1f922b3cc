"""Run settings: what to check, how loud, what fails. Defaults suit a first run."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from cleaner.model import Finding, Severity


@dataclass(frozen=True, slots=True)
class Override:
    """Settings for files matching ``files`` (globs relative to ``root``, ``**`` for any depth)."""

    files: tuple[str, ...]
    root: str = "."
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()  # turned back on ("on" in the rules table)
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    min_severity: Severity | None = None
    readability: dict[str, float] = field(default_factory=dict)

    def matches(self, path: str) -> bool:
        try:
            relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        return any(glob_regex(glob).fullmatch(relative) for glob in self.files)


@lru_cache(maxsize=256)
def glob_regex(glob: str) -> re.Pattern[str]:
    """``docs/**/*.md`` as a regular expression over a '/'-separated relative path."""
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out))


@dataclass(slots=True)
class Settings:
    min_severity: Severity = Severity.WARNING
    fail_on: Severity = Severity.ERROR
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    rule_paths: tuple[str, ...] = ()
    builtin_rules: bool = True
    # The reconstruction detector (cleaner.spin, SP001), on by default: `--no-spin`, or `spin = false`
    # in the configuration, leaves it out (a check of a large file then takes about half the time).
    spin: bool = True
    phrase_tables: tuple[str, ...] = ()  # tables written by `cleaner learn`
    encoding: str | None = None
    # Shared by several parts of the tool; each part reads only its own keys.
    languagetool: str = "off"  # off | auto | URL of a LanguageTool server
    vocabulary_accept: tuple[str, ...] = ()  # word-list files: never flag these spellings
    vocabulary_reject: tuple[str, ...] = ()  # word-list files: always flag these words
    readability: dict[str, float] = field(default_factory=dict)  # metric -> threshold
    jobs: int | None = None  # None: files one at a time, a large file's chunks one process per CPU
    stdin_filename: str | None = None
    # From a configuration file (cleaner.configfile).
    disabled: tuple[str, ...] = ()  # rule ids, names or categories turned "off"
    overrides: tuple[Override, ...] = ()
    baseline: str | None = None
    scores: bool = False  # compute readability figures for every document (score and report commands)

    def for_path(self, path: str) -> Settings:
        """These settings with every override whose globs match ``path`` applied, in file order."""
        settings = self
        for override in self.overrides:
            if override.matches(path):
                settings = settings.with_override(override)
        return settings

    def with_override(self, override: Override) -> Settings:
        enabled = set(override.enable)
        return replace(
            self,
            select=override.select or self.select,
            ignore=tuple(k for k in self.ignore if k not in enabled) + override.ignore,
            disabled=tuple(k for k in self.disabled if k not in enabled),
            severity_overrides={**self.severity_overrides, **override.severity_overrides},
            min_severity=override.min_severity or self.min_severity,
            readability={**self.readability, **override.readability},
            overrides=(),
        )

    def wants(self, finding: Finding) -> bool:
        """Whether --select/--ignore keep a finding (ids, rule names or categories)."""
        keys = {finding.rule_id, finding.rule_name, finding.category.value, finding.detector}
        if self.select and not keys & set(self.select):
            return False
        return not keys & (set(self.ignore) | set(self.disabled))

    def severity_for(self, finding: Finding) -> Severity:
        for key in (finding.rule_id, finding.rule_name, finding.category.value):
            if key in self.severity_overrides:
                return self.severity_overrides[key]
        return finding.severity
