"""Command-line interface: one module per command, all registered on ``app``."""

from cleaner.cli import baseline, check, fix, learn, report, rules, scan, score
from cleaner.cli.app import app

__all__ = ["app", "baseline", "check", "fix", "learn", "main", "report", "rules", "scan", "score"]


def main() -> None:
    app()
