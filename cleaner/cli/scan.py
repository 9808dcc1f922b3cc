"""``cleaner scan``: check a corpus on Dask, one JSON Lines result per document."""

import sys
from typing import Annotated

import typer

from cleaner.cli.app import EXIT_FINDINGS, EXIT_OK, app, fail_usage, split_list
from cleaner.config import Settings
from cleaner.engine import Engine
from cleaner.model import Severity
from cleaner.rulepack import RuleError


@app.command()
def scan(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, directories or .jsonl files of {id, text} records; '-': JSON Lines on stdin."),
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="JSON Lines file to write ('-': stdout).")] = "-",
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler, e.g. tcp://host:8786.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Local cluster size when no --scheduler (default: one per CPU; 0: no Dask).")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per task.")] = 50,
    select: Annotated[list[str] | None, typer.Option(help="Only these rule ids, names or categories.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids, names or categories.")] = None,
    min_severity: Annotated[str, typer.Option(help="Report findings at this level and above.")] = "warning",
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rule pack file or directory.")] = None,
    no_builtin_rules: Annotated[bool, typer.Option(help="Do not load the built-in rule packs.")] = False,
    spin: Annotated[
        bool, typer.Option("--spin/--no-spin", help="Run the reconstruction detector (SP001; on by default).")
    ] = True,
) -> None:
    """Check a corpus on a Dask cluster (local or remote); write one JSON line per document.

    Exit status: 0, or 1 when a document could not be read, 2 on a usage error.
    """
    try:
        settings = Settings(
            min_severity=Severity.parse(min_severity),
            select=split_list(select),
            ignore=split_list(ignore),
            rule_paths=tuple(rules or ()),
            builtin_rules=not no_builtin_rules,
            spin=spin,
        )
        Engine(settings)  # rule errors are usage errors here, not on every worker
    except (ValueError, RuleError) as exc:
        fail_usage(str(exc))
    if batch_size < 1 or (workers is not None and workers < 0):
        fail_usage("--batch-size must be at least 1 and --workers at least 0")
    try:
        from cleaner.dask import scan as run_scan

        summary = run_scan(
            inputs, output, scheduler=scheduler, workers=workers, settings=settings, batch_size=batch_size
        )
    except ModuleNotFoundError as exc:
        fail_usage(f"{exc.name} is not installed: pip install 'cleaner[dask]'")
    except OSError as exc:
        fail_usage(f"cannot scan: {exc}")
    print(
        f"cleaner: {summary.documents} documents, {summary.findings} findings, {summary.errors} unreadable",
        file=sys.stderr,
    )
    raise typer.Exit(EXIT_FINDINGS if summary.errors else EXIT_OK)
