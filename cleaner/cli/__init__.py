"""Command-line interface: one module per command, all registered on ``app``."""

from cleaner.cli import check, rules
from cleaner.cli.app import app

__all__ = ["app", "check", "main", "rules"]


def main() -> None:
    app()
