"""Finding input files and decoding them without losing a byte."""

from __future__ import annotations

import codecs
import os
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
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise UnreadableError(path, "no such file") from None
    except IsADirectoryError:
        raise UnreadableError(path, "is a directory") from None
    except PermissionError:
        raise UnreadableError(path, "permission denied") from None
    except OSError as exc:
        raise UnreadableError(path, exc.strerror or str(exc)) from None
    return decode(data, path, encoding)


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
