"""Finding input files and decoding them without losing a byte."""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CHECKED_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml", ".rst"})
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})
BINARY_SNIFF = 8192
BLOCK_BYTES = 1 << 20  # what a streamed read takes at a time

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


def read_stdin(name: str | None = None, encoding: str | None = None) -> SourceFile:
    """Standard input, decoded as ``decode`` does; ``name`` (``--stdin-filename``) stands for "-"."""
    return decode(sys.stdin.buffer.read(), name or "-", encoding)


def decode(data: bytes, path: str, encoding: str | None = None) -> SourceFile:
    """Decode bytes: a BOM wins, then ``encoding``, then strict UTF-8."""
    bom, name = sniff(data, path, encoding)
    return _decode_as(data[len(bom) :], path, name, bom)


def sniff(head: bytes, path: str, encoding: str | None = None) -> tuple[bytes, str]:
    """The BOM and encoding a file's first bytes call for; a binary file raises UnreadableError."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return bom, name
    if encoding is None and b"\x00" in head[:BINARY_SNIFF]:
        raise UnreadableError(path, "binary file (contains NUL bytes), skipped")
    name = encoding or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        raise UnreadableError(path, f"unknown encoding {name!r}") from None
    return b"", name


def _decode_as(data: bytes, path: str, encoding: str, bom: bytes) -> SourceFile:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise decode_error(path, data[: exc.start + 1], exc.start, len(bom), encoding) from None
    return SourceFile(path=path, text=text, encoding=encoding, bom=bom)


def decode_error(path: str, data: bytes, start: int, shift: int, encoding: str) -> UnreadableError:
    """An error naming the bad byte, its offset in the file, and its line and column.

    ``data`` is the decoded part of the file from its start (after any BOM)
    up to and including the bad byte, whose index in it is ``start``;
    ``shift`` is the length of the BOM.
    """
    position = Position()
    position.feed(data[:start].decode(encoding, errors="replace"))
    return _bad_byte(path, data[start], start + shift, position, encoding)


def _bad_byte(path: str, byte: int, offset: int, position: Position, encoding: str) -> UnreadableError:
    hint = "" if encoding.startswith(("utf-16", "utf-32")) else "; pass --encoding to read it in another encoding"
    where = f"offset {offset} (line {position.line}, column {position.column})"
    return UnreadableError(path, f"not valid {encoding}: byte 0x{byte:02x} at {where}{hint}")


class Position:
    """Line and column (1-based, in code points) after the text fed so far; CRLF, CR and LF each end a line."""

    def __init__(self) -> None:
        self.line = 1
        self.column = 1
        self._after_cr = False

    def feed(self, text: str) -> None:
        if not text:
            return
        crlf = text.count("\r\n") + (1 if self._after_cr and text.startswith("\n") else 0)
        breaks = text.count("\n") + text.count("\r") - crlf
        self.line += breaks
        last = max(text.rfind("\n"), text.rfind("\r"))
        self.column = len(text) - last if last >= 0 else self.column + len(text)
        self._after_cr = text.endswith("\r")


def read(path: str, encoding: str | None = None) -> SourceFile:
    """Read and decode one file, or raise UnreadableError with the reason."""
    return decode(read_bytes(path), path, encoding)


def read_bytes(path: str) -> bytes:
    """A regular file's bytes, or UnreadableError with the reason.

    FIFOs, sockets and devices are refused without reading (opening is
    non-blocking, so a FIFO with no writer cannot hang the run).
    """
    with _open_regular(path) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise _unreadable(path, exc) from None


def file_size(path: str) -> int:
    """Size in bytes of a regular file (0 for anything else or on error)."""
    try:
        info = os.stat(path)
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def stream(path: str, encoding: str | None = None) -> Iterator[tuple[str, int]]:
    """Decode a file block by block: (text, bytes read so far), memory bounded by the block size.

    Errors are the ones ``read`` gives (an invalid byte is named with its
    offset, line and column).
    """
    with _open_regular(path) as handle:
        head = handle.read(BLOCK_BYTES)
        bom, name = sniff(head, path, encoding)
        decoder = codecs.getincrementaldecoder(name)(errors="strict")
        done = len(bom)
        block = head[len(bom) :]
        while True:
            final = len(block) == 0
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(block, final=final)
            except UnicodeDecodeError as exc:
                raise _stream_error(path, name, done - len(pending) + exc.start, len(bom)) from None
            done += len(block)
            if text:
                yield text, done
            if final:
                return
            block = handle.read(BLOCK_BYTES)


def _stream_error(path: str, encoding: str, offset: int, shift: int) -> UnreadableError:
    """Name the bad byte at ``offset`` of a streamed file, reading the file again up to it for its line."""
    position = Position()
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with _open_regular(path) as handle:
        handle.read(shift)
        left = offset - shift
        while left > 0:
            block = handle.read(min(BLOCK_BYTES, left))
            if not block:
                break
            left -= len(block)
            position.feed(decoder.decode(block))
        position.feed(decoder.decode(b"", final=True))
        byte = handle.read(1)
    return _bad_byte(path, byte[0] if byte else 0, offset, position, encoding)


class _Regular:
    """An open regular file; anything else was refused on opening."""

    def __init__(self, path: str) -> None:
        self.path = path
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            raise _unreadable(path, exc) from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            raise UnreadableError(path, _kind(info.st_mode))
        self.handle = os.fdopen(fd, "rb")

    def __enter__(self) -> _Regular:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def read(self, size: int = -1) -> bytes:
        try:
            return self.handle.read(size)
        except OSError as exc:
            raise _unreadable(self.path, exc) from None


def _open_regular(path: str) -> _Regular:
    return _Regular(path)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device")):
        if test(mode):
            return f"not a regular file ({name}), skipped"
    return "not a regular file (a block device or other special file), skipped"


def _unreadable(path: str, exc: OSError) -> UnreadableError:
    reasons = {
        errno.ENOENT: "no such file",
        errno.EISDIR: "is a directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symlink loop (too many levels of symbolic links)",
    }
    return UnreadableError(path, reasons.get(exc.errno or 0) or exc.strerror or str(exc))


@dataclass(frozen=True, slots=True)
class PathProblem:
    path: str
    reason: str


def expand(paths: Iterable[str]) -> Iterator[str | PathProblem]:
    """Yield files named directly and checkable files found under directories.

    Directories are walked in sorted order without recursion (any depth);
    symlinked directories are followed once (a loop back to a directory above
    is reported, not followed; a directory reached twice is walked once);
    hidden and tool directories are skipped. A path that does not exist is
    yielded as a PathProblem.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        try:
            kind = _kind_of(Path(raw))
        except (OSError, ValueError) as exc:
            yield PathProblem(raw, getattr(exc, "strerror", None) or str(exc))
            continue
        if kind == "dir":
            yield from walk(raw)
        elif kind == "file":
            yield raw
        else:
            yield PathProblem(raw, "no such file or directory")


def _kind_of(path: Path) -> str:
    if path.is_dir():
        return "dir"
    return "file" if path.exists() or path.is_symlink() else "missing"


def walk(top: str) -> Iterator[str | PathProblem]:
    """Checkable files under ``top``, depth first in name order, with an explicit stack."""
    chain: list[tuple[int, int]] = []  # the directories above the one being listed
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, int, bool]] = [(top, 0, True)]  # path, depth, is a directory
    while stack:
        path, depth, is_dir = stack.pop()
        if not is_dir:
            yield path
            continue
        del chain[depth:]
        try:
            info = os.stat(path)
            key = (info.st_dev, info.st_ino)
            if key in chain:
                yield PathProblem(path, "symlink loop, not followed")
                continue
            if key in seen:
                continue
            seen.add(key)
            chain.append(key)
            children = _children(path)
        except OSError as exc:
            yield PathProblem(path, exc.strerror or str(exc))
            continue
        stack.extend((child, depth + 1, child_is_dir) for child, child_is_dir in reversed(children))


def _children(directory: str) -> list[tuple[str, bool]]:
    """A directory's checkable files and sub-directories, sorted by name."""
    with os.scandir(directory) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    out = []
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIPPED_DIRS:
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            out.append((entry.path, True))
        elif Path(entry.name).suffix.lower() in CHECKED_SUFFIXES:
            out.append((entry.path, False))
    return out
