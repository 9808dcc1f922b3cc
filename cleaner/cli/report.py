"""``cleaner report``: one self-contained HTML page for reviewing findings and fixes."""

from pathlib import Path
from typing import Annotated

import typer

from cleaner import writeback
from cleaner.cli.app import EXIT_FINDINGS, EXIT_OK, app, fail_usage
from cleaner.cli.options import ConfigOption, NoConfigOption, check_all, engine_from, listed, severity
from cleaner.model import Severity


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to check; '-' reads standard input.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Write the HTML report here.")] = Path(
        "cleaner-report.html"
    ),
    unsafe_fixes: Annotated[
        bool, typer.Option(help="Start with unsafe fixes accepted too (by default only safe ones are).")
    ] = False,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rule ids, rule names or categories (comma-separated).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids, rule names or categories.")] = None,
    min_severity: Annotated[
        str | None,
        typer.Option(help="Include findings at this level and above: suggestion (default), warning or error."),
    ] = None,
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rule pack file or directory.")] = None,
    no_builtin_rules: Annotated[bool, typer.Option(help="Do not load the built-in rule packs.")] = False,
    encoding: Annotated[str | None, typer.Option(help="Decode files with this encoding (default UTF-8).")] = None,
    title: Annotated[str, typer.Option(help="Title shown at the top of the report.")] = "cleaner report",
    spin: Annotated[
        bool | None,
        typer.Option(
            "--spin/--no-spin",
            help="Run the reconstruction detector (SP001) for spun wording no rule names (on by default here).",
        ),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Write an HTML report: original and corrected text side by side, each finding
    with accept/reject, filters, and a download of the corrected text.

    The page is one file with no network access (styles and script inline).
    Exit status: 0 when written, 1 when an input could not be read (it is
    listed in the report), 2 on a usage or configuration error.
    """
    engine = engine_from(
        config,
        no_config,
        {"spin": True},  # a reviewer's page shows SP001's findings and hints unless the config says no
        spin=spin,
        min_severity=severity(min_severity) or Severity.SUGGESTION,
        select=listed(select),
        ignore=listed(ignore),
        rule_paths=listed(rules),
        builtin_rules=False if no_builtin_rules else None,
        encoding=encoding,
        scores=True,
    )
    results = check_all(engine, paths)
    from cleaner.reporters.html_report import render_html  # jinja2 only when a report is written

    html = render_html(results, accept_unsafe=unsafe_fixes, title=title)
    try:
        writeback.write_atomic(str(output), html.encode("utf-8"))
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror or exc}")
    findings = sum(len(r.findings) for r in results)
    documents = f"{len(results)} document{'s' if len(results) != 1 else ''}"
    counted = f"{findings} finding{'s' if findings != 1 else ''}"
    typer.echo(f"wrote {output} ({documents}, {counted}); open it in a browser", err=True)
    raise typer.Exit(EXIT_FINDINGS if any(r.error is not None for r in results) else EXIT_OK)
