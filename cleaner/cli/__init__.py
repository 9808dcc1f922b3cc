"""Command-line interface: one module per command, all registered on ``app``."""

from cleaner.cli import check, fix, report, rules
from cleaner.cli.app import app

__all__ = ["app", "check", "fix", "main", "report", "rules"]


def main() -> None:
    app()
