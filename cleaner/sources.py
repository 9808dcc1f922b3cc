"""Finding input files and decoding them without losing a byte."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CHECKED_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml", ".rst"})
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})
BINARY_SNIFF = 8192

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UnreadableError(Exception):
    """A file cleaner cannot check; the message names it and says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A decoded file and what is needed to write it back byte for byte."""

    path: str
    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, path: str, encoding: str | None = None) -> SourceFile:
    """Decode bytes: a BOM wins, then ``encoding``, then strict UTF-8."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], path, name, bom)
    if encoding is None and b"\x00" in data[:BINARY_SNIFF]:
        raise UnreadableError(path, "binary file (contains NUL bytes), skipped")
    return _decode_as(data, path, encoding or "utf-8", b"")


def _decode_as(data: bytes, path: str, encoding: str, bom: bytes) -> SourceFile:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        hint = "" if bom else "; pass --encoding to read it in another encoding"
        raise UnreadableError(
            path, f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start + len(bom)}{hint}"
        ) from None
    except LookupError:
        raise UnreadableError(path, f"unknown encoding {encoding!r}") from None
    return SourceFile(path=path, text=text, encoding=encoding, bom=bom)


def read(path: str, encoding: str | None = None) -> SourceFile:
    """Read and decode one file, or raise UnreadableError with the reason."""
    return decode(read_bytes(path), path, encoding)


def read_bytes(path: str) -> bytes:
    """A file's bytes, or UnreadableError with the reason."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UnreadableError(path, "no such file") from None
    except IsADirectoryError:
        raise UnreadableError(path, "is a directory") from None
    except PermissionError:
        raise UnreadableError(path, "permission denied") from None
    except OSError as exc:
        raise UnreadableError(path, exc.strerror or str(exc)) from None


@dataclass(frozen=True, slots=True)
class PathProblem:
    path: str
    reason: str


def expand(paths: Iterable[str]) -> Iterator[str | PathProblem]:
    """Yield files named directly and checkable files found under directories.

    Directories are walked in sorted order; symlinked directories are followed
    once (a loop is reported, not followed); hidden and tool directories are
    skipped. A path that does not exist is yielded as a PathProblem.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, set())
        elif path.exists() or path.is_symlink():
            yield raw
        else:
            yield PathProblem(raw, "no such file or directory")


def _walk(directory: Path, seen: set[tuple[int, int]]) -> Iterator[str | PathProblem]:
    try:
        stat = directory.stat()
    except OSError as exc:
        yield PathProblem(str(directory), exc.strerror or str(exc))
        return
    key = (stat.st_dev, stat.st_ino)
    if key in seen:
        yield PathProblem(str(directory), "symlink loop, not followed")
        return
    seen = seen | {key}
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield PathProblem(str(directory), exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIPPED_DIRS:
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(child, seen)
        elif Path(entry.name).suffix.lower() in CHECKED_SUFFIXES:
            yield str(child)


def write_atomic(path: str, data: bytes) -> None:
    """Replace a file's contents so that a reader (or a crash) sees the old file or the new, never half.

    The bytes go to a temporary file in the same directory, are flushed to
    disk, take the original's permission bits (and owner, where allowed), and
    the temporary file is renamed over the original (a new file gets the
    mode ``open`` would give it). A symlink is followed:
    the file it points to is replaced, the link stays.
    """
    target = os.path.realpath(path)
    try:
        before: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        before = None
    directory = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".cleaner-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(before.st_mode) if before else _new_file_mode())
        if before is not None:
            with contextlib.suppress(OSError):
                os.chown(tmp, before.st_uid, before.st_gid)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_directory(directory)


def _new_file_mode() -> int:
    """0666 less the umask, as ``open`` would give a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_directory(directory: str) -> None:
    """Make the rename itself durable (not possible on every platform)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
