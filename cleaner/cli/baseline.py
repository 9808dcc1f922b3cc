"""``cleaner baseline create``: record today's findings so that CI fails only on new ones."""

from typing import Annotated

import typer

from cleaner import baseline as baselines
from cleaner.cli.app import EXIT_FINDINGS, EXIT_OK, app, fail_usage
from cleaner.cli.options import ConfigOption, NoConfigOption, check_all, engine_from, listed, severity

baseline_app = typer.Typer(
    help="Record findings so that `check --baseline` reports only new ones.", no_args_is_help=True
)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def create(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to record.")],
    output: Annotated[str, typer.Option("--output", "-o", help="Baseline file to write.")] = ".cleaner-baseline.json",
    select: Annotated[list[str] | None, typer.Option(help="Only these rule ids, rule names or categories.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids, rule names or categories.")] = None,
    min_severity: Annotated[str | None, typer.Option(help="Record findings at this level and above.")] = None,
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rule pack file or directory.")] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Check PATH... and write every finding to the baseline file (paths relative to it).

    Exit status: 0 when written, 1 when an input could not be read, 2 on a usage error.
    """
    engine = engine_from(
        config,
        no_config,
        select=listed(select),
        ignore=listed(ignore),
        min_severity=severity(min_severity),
        rule_paths=listed(rules),
    )
    results = check_all(engine, paths)
    try:
        count = baselines.write(results, output)
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror or exc}")
    typer.echo(f"wrote {output} ({count} finding{'s' if count != 1 else ''})", err=True)
    raise typer.Exit(EXIT_FINDINGS if any(r.error is not None for r in results) else EXIT_OK)
