"""``cleaner check``: report findings, exit non-zero when any reaches --fail-on."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from cleaner.cli import progress
from cleaner.cli.app import EXIT_FINDINGS, EXIT_OK, app, fail_usage, split_list, warn
from cleaner.config import Settings
from cleaner.engine import Engine, FileResult
from cleaner.model import Severity
from cleaner.reporters import OutputFormat, ReportOptions, reporter_for
from cleaner.rulepack import RuleError

SEVERITY_HELP = "suggestion, warning or error"


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to check; '-' reads standard input.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TEXT,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rule ids, rule names or categories (comma-separated).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids, rule names or categories.")] = None,
    min_severity: Annotated[str, typer.Option(help=f"Report findings at this level and above: {SEVERITY_HELP}.")] = (
        "warning"
    ),
    fail_on: Annotated[str, typer.Option(help=f"Exit 1 when a finding reaches this level: {SEVERITY_HELP}.")] = (
        "error"
    ),
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rule pack file or directory.")] = None,
    no_builtin_rules: Annotated[bool, typer.Option(help="Do not load the built-in rule packs.")] = False,
    encoding: Annotated[str | None, typer.Option(help="Decode files with this encoding (default UTF-8).")] = None,
    phrases: Annotated[
        list[str] | None, typer.Option("--phrases", help="Phrase table from `cleaner learn` (repeatable).")
    ] = None,
    spin: Annotated[
        bool,
        typer.Option(
            "--spin/--no-spin",
            help="Run the reconstruction detector for spun wording no rule names (slower: about 15k words/s).",
        ),
    ] = False,
) -> None:
    """Check files for spun, tortured and machine-translated wording.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does or an
    input could not be read, 2 on a usage or configuration error.
    """
    try:
        settings = Settings(
            min_severity=Severity.parse(min_severity),
            fail_on=Severity.parse(fail_on),
            select=split_list(select),
            ignore=split_list(ignore),
            rule_paths=tuple(rules or ()),
            builtin_rules=not no_builtin_rules,
            encoding=encoding,
            spin=spin,
            phrase_tables=tuple(phrases or ()),
        )
        engine = Engine(settings)
    except (ValueError, RuleError) as exc:
        fail_usage(str(exc))
    engine.progress = progress.on_terminal()
    results: list[FileResult] = []
    for result in engine.check_paths(paths):
        if result.error is not None:
            warn(f"{result.path}: {result.error}")
        results.append(result)
    for notice in dict.fromkeys(engine.notices):
        warn(notice)
    color = output_format is OutputFormat.TEXT and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    reporter_for(output_format)(results, sys.stdout, ReportOptions(color=color))
    failed = any(f.severity >= settings.fail_on for r in results for f in r.findings)
    unreadable = any(r.error is not None for r in results)
    raise typer.Exit(EXIT_FINDINGS if failed or unreadable else EXIT_OK)
