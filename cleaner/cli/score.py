"""``cleaner score``: readability figures per document (and per paragraph in JSON)."""

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cleaner.cli.app import EXIT_FINDINGS, EXIT_OK, app, fail_usage, warn
from cleaner.cli.options import ConfigOption, NoConfigOption, StdinFilenameOption, settings_from
from cleaner.engine import Engine, FileResult
from cleaner.reporters import OutputFormat

if TYPE_CHECKING:
    from rich.table import Table

COLUMNS = {
    "flesch_reading_ease": "Flesch",
    "flesch_kincaid_grade": "FK grade",
    "gunning_fog": "Fog",
    "smog": "SMOG",
    "coleman_liau": "CLI",
    "ari": "ARI",
    "dale_chall": "Dale-Chall",
}


@app.command()
def score(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to score; '-' reads standard input.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text (a table) or json.")
    ] = OutputFormat.TEXT,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Readability of each document: Flesch reading ease, Flesch-Kincaid grade, Gunning fog,
    SMOG, Coleman-Liau, ARI and Dale-Chall, with the counts behind them.

    A text under 30 words, or without sentence punctuation, gets no score (the
    reason is given). Exit status: 0, or 1 when an input could not be read.
    """
    if output_format not in (OutputFormat.TEXT, OutputFormat.JSON):
        fail_usage("cleaner score prints text or json")
    try:
        settings = settings_from(config, no_config, stdin_filename=stdin_filename)
    except ValueError as exc:
        fail_usage(str(exc))
    engine = Engine(settings, detectors=[])
    results = list(engine.check_paths(paths))
    for result in results:
        if result.error is not None:
            warn(f"{result.path}: {result.error}")
    if output_format is OutputFormat.JSON:
        json.dump({"version": "1.0", "files": [_file_dict(r) for r in results]}, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        width = None if sys.stdout.isatty() else 200  # a pipe or a CI log: do not squeeze the table to 80
        from rich.console import Console  # rich loads only when a table is printed

        Console(file=sys.stdout, highlight=False, width=width).print(_table(results))
    raise typer.Exit(EXIT_FINDINGS if any(r.error is not None for r in results) else EXIT_OK)


def _file_dict(result: FileResult) -> dict[str, Any]:
    if result.document is None:
        return {"path": result.path, "error": result.error}
    report = result.document.readability
    paragraphs = [
        {"start": p.start, "end": p.end, **p.scores.to_dict()}
        for p in report.paragraphs
    ]  # fmt: skip
    return {"path": result.path, **report.document.to_dict(), "paragraphs": paragraphs}


def _table(results: list[FileResult]) -> "Table":
    from rich.table import Table

    table = Table(title="Readability")
    table.add_column("file", no_wrap=True)
    table.add_column("words", justify="right")
    table.add_column("sentences", justify="right")
    for label in COLUMNS.values():
        table.add_column(label, justify="right")
    table.add_column("note")
    for result in results:
        if result.document is None:
            table.add_row(result.path, *[""] * (len(COLUMNS) + 2), f"error: {result.error}")
            continue
        scores = result.document.readability.document
        cells = [_cell(scores.metrics[name]) for name in COLUMNS]
        counts = scores.counts
        table.add_row(result.path, str(counts.words), str(counts.sentences), *cells, scores.reason or "")
    return table


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"
