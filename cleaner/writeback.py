"""Writing a file back: all or nothing, with the original's permissions."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

TEMP_SUFFIX = ".cleaner-tmp"


def write_atomic(path: str, data: bytes) -> None:
    """Replace a file's contents so that a reader (or a crash) sees the old file or the new, never half.

    The bytes go to a temporary file in the same directory, are flushed to
    disk, take the original's permission bits (and owner, where allowed), and
    the temporary file is renamed over the original (a new file gets the
    mode ``open`` would give it). A symlink is followed:
    the file it points to is replaced, the link stays. The temporary file's
    name holds this process's id, so one left by a killed run can be told
    from one in use and swept (``sweep_stale``).
    """
    target = os.path.realpath(path)
    try:
        before: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        before = None
    directory = os.path.dirname(target)
    prefix = f".{os.path.basename(target)}.{os.getpid()}."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=directory)
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


def sweep_stale(directory: str) -> list[str]:
    """Remove the temporary files that killed cleaner runs left in ``directory``; return their paths.

    A file is removed only when its name is one ``write_atomic`` makes and the
    process named in it is gone, so a run in progress elsewhere keeps its own.
    """
    removed: list[str] = []
    try:
        names = [n for n in os.listdir(directory) if n.startswith(".") and n.endswith(TEMP_SUFFIX)]
    except OSError:
        return removed
    for name in names:
        parts = name[: -len(TEMP_SUFFIX)].split(".")
        if len(parts) < 4 or not parts[-2].isdigit() or _alive(int(parts[-2])):
            continue
        path = os.path.join(directory, name)
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process, or not ours to signal: leave its file
    return True
