"""cleaner's cache folder, for faster copies of what it reads on every start.

Everything kept there can be made again from what cleaner ships: a cache that
is missing, stale, damaged or cannot be written is never an error.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """$CLEANER_CACHE_DIR, $XDG_CACHE_HOME/cleaner or ~/.cache/cleaner."""
    explicit = os.environ.get("CLEANER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


def read(path: Path) -> Any:
    """A value written by ``write``, or None when there is none to be had.

    Our own file in the user's cache, plain containers only (callers check the
    shape); marshal runs no code."""
    try:
        return marshal.loads(path.read_bytes())  # noqa: S302
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write(path: Path, value: Any) -> None:
    """Write atomically (a reader never sees half a file); failing to is no error."""
    try:
        data = marshal.dumps(value)  # first: a value marshal cannot keep leaves no temporary file behind
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".cache-", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except (OSError, ValueError):
        return
