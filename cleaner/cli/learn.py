"""``cleaner learn``: build a phrase table from your own clean text."""

from pathlib import Path
from typing import Annotated

import typer

from cleaner.cli.app import app, fail_usage


@app.command()
def learn(
    paths: Annotated[
        list[str], typer.Argument(help="Clean text files or directories (.txt, .md, .jsonl with 'text').")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the table (.tsv.gz).")] = Path(
        "phrases.tsv.gz"
    ),
    min_count: Annotated[int, typer.Option(help="Keep phrases seen at least this often.")] = 2,
) -> None:
    """Count the phrases of clean text into a table `cleaner check --phrases` loads,
    so the spun-wording detector knows your field's terms and wording."""
    from cleaner.spin.learn import build_phrase_table

    files, kept = build_phrase_table(paths, output, min_count=min_count)
    if files == 0:
        fail_usage("no readable text files among the given paths")
    typer.echo(f"{kept} phrases from {files} files -> {output}")
