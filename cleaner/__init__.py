"""cleaner: find spun, tortured and machine-translated prose, explain it and fix it."""

__version__ = "0.1.0"

# A check makes many short-lived objects and almost no reference cycles: the default
# (a collection every 700 new objects) spent ~5% of `cleaner check --spin` on the
# abstracts corpus tracing the same live objects again. Every 50,000 still meant one
# collection in the parent (10-20 ms, tracing the tables it had just loaded) and one or
# two in each chunk worker (11-17 ms); every 200,000, none on that file (gc.callbacks).
# Cycles are still collected. Set for command-line runs only (cleaner.cli.main,
# python -m cleaner), not for importers.
GC_THRESHOLD = 200_000
