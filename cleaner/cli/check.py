"""``cleaner check``: report findings, exit non-zero when any reaches --fail-on."""

import io
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from cleaner import baseline as baselines
from cleaner import writeback
from cleaner.cli import progress
from cleaner.cli.app import EXIT_FINDINGS, EXIT_OK, app, fail_usage, warn
from cleaner.cli.options import ConfigOption, NoConfigOption, StdinFilenameOption, engine_from, listed, severity
from cleaner.engine import FileResult
from cleaner.parallel import check_many, job_count
from cleaner.reporters import OutputFormat, ReportOptions, reporter_for

SEVERITY_HELP = "suggestion, warning or error"


def languagetool_setting(value: str) -> str:
    """off, auto or an http(s) URL; anything else is a usage error (ValueError)."""
    value = value.strip()
    if value in {"off", "auto"} or value.startswith(("http://", "https://")):
        return value
    raise ValueError(f"--languagetool must be off, auto or a server URL, not {value!r}")


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or directories to check; '-' reads standard input.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TEXT,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rule ids, rule names or categories (comma-separated).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids, rule names or categories.")] = None,
    min_severity: Annotated[
        str | None, typer.Option(help=f"Report findings at this level and above: {SEVERITY_HELP} (default warning).")
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option(help=f"Exit 1 when a finding reaches this level: {SEVERITY_HELP} (default error).")
    ] = None,
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rule pack file or directory.")] = None,
    no_builtin_rules: Annotated[bool, typer.Option(help="Do not load the built-in rule packs.")] = False,
    encoding: Annotated[str | None, typer.Option(help="Decode files with this encoding (default UTF-8).")] = None,
    phrases: Annotated[
        list[str] | None, typer.Option("--phrases", help="Phrase table from `cleaner learn` (repeatable).")
    ] = None,
    languagetool: Annotated[
        str | None,
        typer.Option(
            "--languagetool",
            help="LanguageTool: 'off', 'auto' (a local server only if language-tool-python has one cached; "
            "never downloads) or a server URL. Default: off, or the configuration's value.",
        ),
    ] = None,
    accept: Annotated[
        list[str] | None, typer.Option("--accept", help="Word list the spelling check accepts (repeatable).")
    ] = None,
    reject: Annotated[
        list[str] | None, typer.Option("--reject", help="Word list the spelling check always flags (repeatable).")
    ] = None,
    spin: Annotated[
        bool | None,
        typer.Option(
            "--spin/--no-spin",
            help="Run the reconstruction detector (SP001) for spun wording no rule names "
            "(on unless the configuration says `spin = false`; --no-spin about halves a large check's time).",
        ),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    stdin_filename: StdinFilenameOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Leave out findings recorded in this baseline file.")
    ] = None,
    files_from: Annotated[
        str | None,
        typer.Option("--files-from", help="Read paths to check from this file, one a line ('-': standard input)."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Check in N processes (0: one per CPU): several files, or one large file's chunks; "
            "1: all in this process. Default: files one at a time, and the chunks of a file over "
            "1 MB in one process per CPU (the report is the same either way).",
        ),
    ] = None,
    no_progress: Annotated[bool, typer.Option(help="No progress bar (it is drawn only on a terminal).")] = False,
) -> None:
    """Check files for spun, tortured and machine-translated wording.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does or an
    input could not be read, 2 on a usage or configuration error.
    """
    try:
        languagetool = None if languagetool is None else languagetool_setting(languagetool)
        jobs = None if jobs is None else job_count(jobs)
    except ValueError as exc:
        fail_usage(str(exc))
    engine = engine_from(
        config,
        no_config,
        min_severity=severity(min_severity),
        fail_on=severity(fail_on),
        select=listed(select),
        ignore=listed(ignore),
        rule_paths=listed(rules),
        builtin_rules=False if no_builtin_rules else None,
        encoding=encoding,
        spin=spin,
        phrase_tables=listed(phrases),
        stdin_filename=stdin_filename,
        baseline=None if baseline is None else str(baseline),
        scores=True if output_format is OutputFormat.HTML else None,  # the page shows readability
        jobs=jobs,
        languagetool=languagetool,
        vocabulary_accept=listed(accept),
        vocabulary_reject=listed(reject),
    )
    settings = engine.settings
    try:
        known = baselines.load(settings.baseline) if settings.baseline else None
    except ValueError as exc:
        fail_usage(str(exc))
    targets = [*(paths or []), *_listed_files(files_from)]
    if not targets and files_from is None:
        fail_usage("no paths to check (give PATH... or --files-from FILE)")
    engine.progress = None if no_progress else progress.on_terminal()
    results: list[FileResult] = []
    checked = check_many(engine, targets, settings.jobs)
    files = progress.wanted(targets, enabled=not no_progress)
    for result in progress.track(checked, files) if files else checked:
        if result.error is not None:
            warn(f"{result.path}: {result.error}")
        results.append(result)
    for notice in dict.fromkeys(engine.notices):
        warn(notice)
    if known is not None:
        left_out = baselines.leave_out(results, known)
        print(f"cleaner: {left_out} finding{'s' if left_out != 1 else ''} in the baseline left out", file=sys.stderr)
    _render(results, output_format, output, ReportOptions(rules=tuple(engine.rules())))
    failed = any(f.severity >= settings.fail_on for r in results for f in r.findings)
    unreadable = any(r.error is not None for r in results)
    raise typer.Exit(EXIT_FINDINGS if failed or unreadable else EXIT_OK)


def _listed_files(files_from: str | None) -> list[str]:
    """Paths from --files-from; those that no longer exist (deleted in the change) are left out with a note."""
    if files_from is None:
        return []
    try:
        text = sys.stdin.read() if files_from == "-" else Path(files_from).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail_usage(f"cannot read --files-from {files_from}: {exc}")
    out = []
    for line in text.splitlines():
        path = line.strip()
        if not path:
            continue
        if os.path.lexists(path):
            out.append(path)
        else:
            warn(f"{path}: listed in --files-from but does not exist (deleted?); skipped")
    return out


def _render(
    results: list[FileResult], output_format: OutputFormat, output: Path | None, options: ReportOptions
) -> None:
    to_terminal = output is None and sys.stdout.isatty()
    color = output_format is OutputFormat.TEXT and to_terminal and "NO_COLOR" not in os.environ
    render = reporter_for(output_format)
    if output is None:
        render(results, sys.stdout, replace(options, color=color))
        return
    buffer = io.StringIO()
    render(results, buffer, options)
    try:
        writeback.write_atomic(str(output), buffer.getvalue().encode("utf-8"))
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror or exc}")
