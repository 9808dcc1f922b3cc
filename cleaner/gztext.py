"""Writing the gzipped text tables cleaner ships and learns (phrase counts, word tables)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path


def open_for_writing(path: Path) -> io.TextIOWrapper:
    """A gzipped UTF-8 text file to write, stamped with time 0: the same rows give the same bytes,
    so a rebuilt table changes in git only when its content does."""
    raw = gzip.GzipFile(path, "wb", compresslevel=9, mtime=0)
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
