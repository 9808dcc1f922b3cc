"""``cleaner fix``: apply suggested rewrites in place, or show them as a diff."""

import os
import sys
from typing import Annotated

import typer

from cleaner import fix, sources, writeback
from cleaner.cli.app import EXIT_FINDINGS, EXIT_OK, app, warn
from cleaner.cli.options import ConfigOption, NoConfigOption, StdinFilenameOption, engine_from, listed, severity
from cleaner.engine import Engine
from cleaner.model import Applicability, Finding

SEVERITY_HELP = "suggestion, warning or error"


@app.command("fix")
def fix_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or directories to fix; '-' reads standard input and writes standard output."),
    ],
    unsafe_fixes: Annotated[
        bool, typer.Option(help="Also apply fixes marked unsafe (they may change meaning).")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the fixes; write nothing.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would be fixed; write nothing.")] = False,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rule ids, rule names or categories (comma-separated).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids, rule names or categories.")] = None,
    min_severity: Annotated[
        str | None, typer.Option(help=f"Fix and report findings at this level and above: {SEVERITY_HELP}.")
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option(help=f"Exit 1 when a remaining finding reaches this level: {SEVERITY_HELP}.")
    ] = None,
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rule pack file or directory.")] = None,
    no_builtin_rules: Annotated[bool, typer.Option(help="Do not load the built-in rule packs.")] = False,
    encoding: Annotated[str | None, typer.Option(help="Decode files with this encoding (default UTF-8).")] = None,
    spin: Annotated[
        bool | None,
        typer.Option(
            "--spin/--no-spin",
            help="Run the reconstruction detector (SP001); its suggestions are unsafe fixes "
            "(on unless the configuration says `spin = false`).",
        ),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Apply safe fixes in place (with --unsafe-fixes, the others too), then list what remains.

    Each file is re-checked after its fixes until nothing more applies; bytes
    outside fixed spans, the encoding, BOM, line endings and permissions are
    kept, and each file is replaced atomically.

    Exit status: 0 when no remaining finding reaches --fail-on (with --diff or
    --dry-run: when nothing would change), 1 otherwise or when an input could
    not be read, 2 on a usage or configuration error.
    """
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
        stdin_filename=stdin_filename,
    )
    write = not (diff or dry_run)
    items = list(sources.expand(paths))
    if write:
        _sweep(items)
    outcomes = [_fix_one(engine, item, unsafe_fixes, diff, write) for item in items]
    for notice in dict.fromkeys(engine.notices):
        warn(notice)
    _summarize(outcomes, unsafe_fixes, write, to_stderr=diff or "-" in paths)
    failed = any(o.error is not None for o in outcomes)
    if write:
        failed = failed or any(f.severity >= engine.settings.fail_on for o in outcomes for f in o.remaining)
    else:
        failed = failed or any(o.changed for o in outcomes)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _fix_one(engine: Engine, item: str | sources.PathProblem, unsafe: bool, diff: bool, write: bool) -> fix.FixOutcome:
    if isinstance(item, sources.PathProblem):
        outcome = fix.FixOutcome(item.path, error=item.reason)
    elif item == "-":
        outcome = _fix_stdin(engine, unsafe, diff)
    else:
        outcome = fix.fix_path(engine, item, unsafe)
        if diff and outcome.changed:
            sys.stdout.write(fix.unified_diff(outcome))
        if write and outcome.changed:
            try:
                fix.write(outcome)
            except (OSError, sources.UnreadableError, fix.ChangedOnDiskError) as exc:
                outcome.error = f"not written: {exc}"
    for note in outcome.notes:
        warn(f"{outcome.path}: {note}")
    if outcome.error is not None:
        warn(f"{outcome.path}: {outcome.error}")
    return outcome


def _sweep(items: list[str | sources.PathProblem]) -> None:
    """Remove temporary files an interrupted earlier run left beside the files to fix."""
    directories = {os.path.dirname(os.path.realpath(i)) for i in items if isinstance(i, str) and i != "-"}
    for directory in sorted(directories):
        for path in writeback.sweep_stale(directory):
            warn(f"removed {path}, left by an interrupted run")


def _fix_stdin(engine: Engine, unsafe: bool, diff: bool) -> fix.FixOutcome:
    try:
        source = sources.read_stdin(engine.settings.stdin_filename, engine.settings.encoding)
    except sources.UnreadableError as exc:
        return fix.FixOutcome("-", error=exc.reason)
    outcome = fix.fix_source(engine, source, unsafe)
    if diff:
        sys.stdout.write(fix.unified_diff(outcome))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(outcome.encoded())
        sys.stdout.flush()
    return outcome


def _summarize(outcomes: list[fix.FixOutcome], unsafe: bool, write: bool, to_stderr: bool) -> None:
    stream = sys.stderr if to_stderr else sys.stdout
    verb = "fixed" if write else "would fix"
    for outcome in outcomes:
        if outcome.applied and outcome.error is None:
            rules = ", ".join(f"{rule} ×{n}" for rule, n in sorted(fix.count_by_rule(outcome.applied).items()))
            print(f"{outcome.path}: {verb} {len(outcome.applied)} ({rules})", file=stream)
        for f in outcome.remaining:
            hint = " [fixable with --unsafe-fixes]" if not unsafe and _unsafe_fixable(f) else ""
            print(f"{outcome.path}:{f.line}:{f.column}  {f.rule_id}  {f.message}{hint}", file=stream)
    applied = sum(len(o.applied) for o in outcomes if o.error is None)
    remaining = sum(len(o.remaining) for o in outcomes)
    files = sum(1 for o in outcomes if o.changed and o.error is None)
    unsafe_left = 0 if unsafe else sum(1 for o in outcomes for f in o.remaining if _unsafe_fixable(f))
    skipped = sum(1 for o in outcomes if o.error is not None)
    line = f"{'Applied' if write else 'Would apply'} {_count(applied, 'fix', 'fixes')} in {_count(files, 'file')}; "
    line += f"{_count(remaining, 'finding')} {'remains' if remaining == 1 else 'remain'}"
    if unsafe_left:
        line += f" ({unsafe_left} fixable with --unsafe-fixes)"
    if skipped:
        line += f"; {_count(skipped, 'file')} skipped"
    print(line + ".", file=stream)


def _unsafe_fixable(finding: Finding) -> bool:
    return bool(finding.suggestions) and finding.applicability is Applicability.UNSAFE


def _count(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"
