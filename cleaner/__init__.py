"""cleaner: find spun, tortured and machine-translated prose, explain it and fix it."""

__version__ = "0.1.0"

# A check makes many short-lived objects and almost no reference cycles: the default
# (a collection every 700 new objects) spent ~5% of `cleaner check --spin` on the
# abstracts corpus tracing the same live objects again; every 50,000 spends ~1%.
# Cycles are still collected. Set for command-line runs only (cleaner.cli.main,
# python -m cleaner), not for importers.
GC_THRESHOLD = 50_000
