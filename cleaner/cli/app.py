"""The typer application that every command module registers on."""

import sys
from typing import Annotated, NoReturn

import typer

from cleaner import __version__

app = typer.Typer(
    name="cleaner",
    help="Find spun, tortured and machine-translated prose, explain each span, and propose fixes.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_show_version, is_eager=True)
    ] = False,
) -> None:
    """Find spun, tortured and machine-translated prose, explain each span, and propose fixes."""


def fail_usage(message: str) -> NoReturn:
    """Print a usage or configuration error and exit with status 2."""
    print(f"cleaner: error: {message}", file=sys.stderr)
    raise typer.Exit(EXIT_USAGE)


def warn(message: str) -> None:
    print(f"cleaner: warning: {message}", file=sys.stderr)


def split_list(values: list[str] | None) -> tuple[str, ...]:
    """``--select a,b --select c`` -> ("a", "b", "c")."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)
