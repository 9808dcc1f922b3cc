"""Progress on standard error, never on a pipe: a bar while many files are checked, a line per large file."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TextIO

from cleaner import sources
from cleaner.engine import FileResult

MIN_FILES = 2


def wanted(paths: list[str], stream: TextIO | None = None, enabled: bool = True) -> list[str] | None:
    """The files a bar would count, or None when no bar should be drawn.

    A bar needs a terminal on ``stream`` (standard error by default), several
    files, and not ``--no-progress``.
    """
    stream = stream or sys.stderr
    if not enabled or not stream.isatty():
        return None
    files = [item for item in sources.expand(paths) if isinstance(item, str) and item != "-"]
    return files if len(files) >= MIN_FILES else None


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def track(results: Iterator[FileResult], files: list[str], stream: TextIO | None = None) -> Iterator[FileResult]:
    """Yield ``results`` unchanged while a bar counts files and bytes done on ``stream``."""
    from rich.console import Console  # rich loads only when a bar is drawn
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    sizes = {path: _size(path) for path in files}
    console = Console(file=stream or sys.stderr)
    columns = (BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress("{task.description}", *columns, console=console, transient=True) as progress:
        task = progress.add_task(f"0/{len(files)} files", total=sum(sizes.values()) or None)
        for done, result in enumerate(results, 1):
            progress.update(task, advance=sizes.get(result.path, 0), description=f"{done}/{len(files)} files")
            yield result


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
