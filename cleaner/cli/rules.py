"""``cleaner rules``: list, show, test and import rule packs."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from cleaner.cli.app import EXIT_FINDINGS, app, fail_usage
from cleaner.rulepack import Rule, RuleError, builtin_pack_paths, load_packs
from cleaner.rulepack.importer import dump_pack, read_tsv, to_pack
from cleaner.rulepack.testing import run_all_examples

rules_app = typer.Typer(help="List, explain, test and import rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

PackOption = Annotated[
    list[str] | None, typer.Option("--rules", help="Rule pack file or directory (default: the built-in packs).")
]


def _load(paths: list[str] | None, with_builtin: bool = True) -> list[Rule]:
    chosen: list[str | Path] = [*(builtin_pack_paths() if with_builtin else []), *(paths or [])]
    try:
        return [rule for pack in load_packs(chosen) for rule in pack.rules]
    except RuleError as exc:
        fail_usage(str(exc))


@rules_app.command("list")
def list_rules(
    rules: PackOption = None,
    category: Annotated[str | None, typer.Option(help="Only rules of this category.")] = None,
) -> None:
    """List rules: id, name, kind, category, severity and fix safety."""
    from rich.console import Console  # rich only for the commands that draw with it
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("id", "name", "kind", "category", "severity", "fix"):
        table.add_column(column)
    for rule in _load(rules):
        if category and rule.category.value != category:
            continue
        table.add_row(rule.id, rule.name, rule.kind, rule.category.value, rule.severity.label, rule.applicability.value)
    Console(soft_wrap=True).print(table)


@rules_app.command("show")
def show_rule(
    rule_id: Annotated[str, typer.Argument(help="Rule id, alias or name.")], rules: PackOption = None
) -> None:
    """Print a rule's documentation: what it flags, why, what to use instead, fix safety, examples."""
    for rule in _load(rules):
        if rule_id in (rule.id, rule.name, *rule.aliases):
            typer.echo(rule.describe())
            return
    fail_usage(f"no rule {rule_id!r}; `cleaner rules list` shows them")


@rules_app.command("test")
def test_rules(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Rule pack files or directories (default: built-in).")
    ] = None,
) -> None:
    """Run every rule's examples: fail texts must be flagged, pass texts not, fix pairs must match."""
    rules = _load(paths, with_builtin=not paths)
    results = run_all_examples(rules)
    failed = [r for r in results if not r.ok]
    for result in failed:
        for failure in result.failures:
            typer.echo(f"{result.rule.source}:{result.rule.line}: {result.rule.id}: {failure}")
    typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


@rules_app.command("import")
def import_rules(
    tsv: Annotated[
        Path,
        typer.Argument(help="Tab-separated export: tortured, expected (alternatives split by /), optional conditions."),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the pack here (default: stdout).")
    ] = None,
    name: Annotated[str | None, typer.Option(help="Pack name (default: the file name).")] = None,
    prefix: Annotated[str, typer.Option(help="Rule id prefix.")] = "TPX",
) -> None:
    """Convert a Screener-style TSV list into a rule pack for --rules or the config."""
    try:
        pairs = read_tsv(tsv)
    except (OSError, UnicodeDecodeError) as exc:
        fail_usage(f"{tsv}: {exc}")
    if not pairs:
        fail_usage(f"{tsv}: no rows of the form 'tortured<TAB>expected'")
    text = dump_pack(to_pack(pairs, name or tsv.stem, prefix.upper()))
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)
    typer.echo(f"wrote {len(pairs)} rules to {output}", err=True)
