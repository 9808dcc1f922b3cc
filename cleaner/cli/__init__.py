"""Command-line interface: one module per command, all registered on ``app``."""

import gc

from cleaner import GC_THRESHOLD
from cleaner.cli import baseline, check, fix, learn, report, rules, scan, score
from cleaner.cli.app import app

__all__ = ["GC_THRESHOLD", "app", "baseline", "check", "fix", "learn", "main", "report", "rules", "scan", "score"]


def main() -> None:
    gc.set_threshold(GC_THRESHOLD)
    app()
