"""cleaner's cache folder, for faster copies of what it reads on every start.

Everything kept there can be made again from what cleaner ships: a cache that
is missing, stale, damaged or cannot be written is never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
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


def write(path: Path, value: Any, supersedes: str | None = None) -> None:
    """Write atomically (a reader never sees half a file); failing to is no error.

    ``supersedes``: a glob, in the same folder, of the copies this one replaces (the same
    table read from an older file, say); they are removed, so the folder does not grow
    with every edit or upgrade."""
    try:
        data = marshal.dumps(value)  # first: a value marshal cannot keep leaves no temporary file behind
    except ValueError:
        return
    write_bytes(path, data, supersedes)


def write_bytes(path: Path, data: bytes, supersedes: str | None = None) -> None:
    """``write`` for bytes kept as they are (``mapped`` reads them). A write that fails
    halfway (a full disk, say) leaves no temporary file behind."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".cache-", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return
    if supersedes:
        for old in path.parent.glob(supersedes):
            if old.name != path.name:
                with contextlib.suppress(OSError):  # another process may have removed it first
                    old.unlink()


def mapped(path: Path) -> mmap.mmap | bytes | None:
    """A file written by ``write_bytes``, mapped read-only (nothing is read until a page is
    touched, and processes forked later share the pages), or None when there is none."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size == 0:  # an empty file cannot be mapped
                return b""
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None


def source_key(path: Path | str) -> str:
    """A short name for where a file is (a cached copy of it names this, so that a newer
    copy of the same file can replace the older)."""
    where = os.path.abspath(path)
    return hashlib.blake2b(where.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()


def file_stamp(path: Path) -> str:
    """The file's size and modification time: what changes when the file does."""
    stat = path.stat()
    return f"{stat.st_size}-{stat.st_mtime_ns}"


@dataclass(frozen=True, slots=True)
class Copy:
    """The cached copy of one file as one version of it was: ``name`` says what it is (and
    ``version`` how it is kept), ``source`` where the file is, ``stamp`` which version of it
    (its size and time, or a digest of its text). A new copy replaces the older copies of the
    same file, of any version, so the folder holds one a file."""

    name: str
    version: str
    source: Path | str
    stamp: str
    suffix: str = "marshal"  # "marshal": ``read`` and ``write``; any other: ``mapped`` and ``write_bytes``

    @property
    def path(self) -> Path:
        return cache_dir() / f"{self.name}-{self.version}-{source_key(self.source)}-{self.stamp}.{self.suffix}"

    @property
    def _older(self) -> str:
        return f"{self.name}-*-{source_key(self.source)}-*.{self.suffix}"

    def read(self) -> Any:
        return read(self.path)

    def write(self, value: Any) -> None:
        write(self.path, value, supersedes=self._older)

    def mapped(self) -> mmap.mmap | bytes | None:
        return mapped(self.path)

    def write_bytes(self, data: bytes) -> None:
        write_bytes(self.path, data, supersedes=self._older)


def kept(name: str, version: str, source: Path, make: Callable[[], Any], usable: Callable[[Any], bool]) -> Any:
    """What ``make`` builds from the file at ``source``, read after the first time from a marshal
    copy in the cache folder (``Copy``, keyed by the file's size and time) when ``usable``
    accepts what the copy holds; otherwise made and written there for the next run."""
    copy = Copy(name, version, source, file_stamp(source))
    found = copy.read()
    if usable(found):
        return found
    value = make()
    copy.write(value)
    return value
