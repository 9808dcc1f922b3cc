"""Command-line interface: one module per command, all registered on ``app``."""

from cleaner.cli import baseline, check, fix, learn, report, rules, score
from cleaner.cli.app import app

__all__ = ["app", "baseline", "check", "fix", "learn", "main", "report", "rules", "score"]


def main() -> None:
    app()
