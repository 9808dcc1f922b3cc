"""Progress for files checked in chunks, shown only on a terminal."""

from __future__ import annotations

import sys
from typing import TextIO

MB = 1024 * 1024


class Progress:
    """``engine.progress``: one self-overwriting line per large file on standard error."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.path = ""

    def __call__(self, path: str, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        self.stream.write(f"\rcleaner: {path}: {percent}% ({done / MB:.0f} of {total / MB:.0f} MB){end}")
        self.stream.flush()


def on_terminal(stream: TextIO | None = None) -> Progress | None:
    """A Progress when standard error is a terminal, else None (no progress in logs and pipes)."""
    stream = stream or sys.stderr
    return Progress(stream) if stream.isatty() else None
