"""Command-line interface: one module per command, all registered on ``app``."""

import gc

from cleaner.cli import baseline, check, fix, learn, report, rules, scan, score
from cleaner.cli.app import app

__all__ = ["GC_THRESHOLD", "app", "baseline", "check", "fix", "learn", "main", "report", "rules", "scan", "score"]

# A check makes many short-lived objects and almost no reference cycles: the default
# (a collection every 700 new objects) spent ~5% of `cleaner check --spin` on the
# abstracts corpus tracing the same live objects again; every 50,000 spends ~1%.
# Cycles are still collected. Set for command-line runs only, not for importers.
GC_THRESHOLD = 50_000


def main() -> None:
    gc.set_threshold(GC_THRESHOLD)
    app()
