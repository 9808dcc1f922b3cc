"""cleaner: find spun, tortured and machine-translated prose, explain it and fix it."""

__version__ = "0.1.0"
