"""Command-line interface: one module per command, all registered on ``app``.

The command modules keep their annotations as objects (no ``from __future__ import
annotations``): typer reads every command's parameters on each start, and evaluating
them from strings cost about 0.02 s of CPU a run."""

import gc

from cleaner import GC_THRESHOLD
from cleaner.cli import baseline, check, fix, learn, report, rules, scan, score
from cleaner.cli.app import app

__all__ = ["GC_THRESHOLD", "app", "baseline", "check", "fix", "learn", "main", "report", "rules", "scan", "score"]


def main() -> None:
    gc.set_threshold(GC_THRESHOLD)
    app()
