"""Command-line interface: one module per command, all registered on ``app``."""

from cleaner.cli import check, learn, rules
from cleaner.cli.app import app

__all__ = ["app", "check", "learn", "main", "rules"]


def main() -> None:
    app()
