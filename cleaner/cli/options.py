"""Options that several commands share, and how they meet the configuration file.

A command builds its Settings with ``settings_from``: the configuration file
(found by walking up, or ``--config``; none with ``--no-config``) gives the
base, and every option given on the command line replaces its key.
"""

from pathlib import Path
from typing import Annotated, Any

import typer

from cleaner import configfile
from cleaner.cli.app import fail_usage, split_list, warn
from cleaner.config import Settings
from cleaner.engine import Engine, FileResult
from cleaner.model import Severity

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Configuration file (.cleaner.toml, or pyproject.toml with [tool.cleaner]); "
        "default: the nearest one at or above the working directory.",
    ),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]
StdinFilenameOption = Annotated[
    str | None,
    typer.Option("--stdin-filename", help="Name for standard input: picks its format (.md, .html) and overrides."),
]


def settings_from(
    config: Path | None, no_config: bool, defaults: dict[str, Any] | None = None, **given: Any
) -> Settings:
    """Settings from the configuration file, with the options given on the command line on top.

    ``defaults`` are this command's own defaults, under the file's values; ``given`` holds
    Settings fields; a value of None (an option not given) keeps the file's.
    Raises ValueError (ConfigError) with the file and key named.
    """
    values: dict[str, Any] = dict(defaults or {})
    if not no_config:
        found, _used = configfile.load(config)
        values.update(found)
    for key, value in given.items():
        if value is not None:
            values[key] = value
    return Settings(**values)


def engine_from(config: Path | None, no_config: bool, defaults: dict[str, Any] | None = None, **given: Any) -> Engine:
    """An Engine on ``settings_from``'s settings; an invalid setting or rule pack is a usage error (exit 2)."""
    from cleaner.rulepack import RuleError

    try:
        return Engine(settings_from(config, no_config, defaults, **given))
    except (ValueError, RuleError) as exc:
        fail_usage(str(exc))


def check_all(engine: Engine, paths: list[str]) -> list[FileResult]:
    """Check ``paths`` (a large file's chunks in worker processes, as ``cleaner check`` does); name
    each input that could not be read, and each engine notice, on stderr."""
    from cleaner.parallel import check_many

    results = list(check_many(engine, paths, engine.settings.jobs))
    for result in results:
        if result.error is not None:
            warn(f"{result.path}: {result.error}")
    for notice in dict.fromkeys(engine.notices):
        warn(notice)
    return results


def severity(value: str | None) -> Severity | None:
    """A severity option's value; an unknown level is a usage error (exit 2)."""
    try:
        return None if value is None else Severity.parse(value)
    except ValueError as exc:
        fail_usage(str(exc))


def listed(values: list[str] | None) -> tuple[str, ...] | None:
    """A repeatable comma-separated option; None when it was not given."""
    return None if not values else split_list(values)
