"""Command-line interface: one module per command, all registered on ``app``."""

from cleaner.cli import check, fix, learn, report, rules, scan
from cleaner.cli.app import app

__all__ = ["app", "check", "fix", "learn", "main", "report", "rules", "scan"]


def main() -> None:
    app()
