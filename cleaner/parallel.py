"""Check many files in worker processes, each with its own Engine built once.

Results come back in input order, streamed as they finish in order, and are
the same as a serial run's: each file is checked by an Engine built from the
same settings, and paths are expanded in the parent exactly as the serial
path expands them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from cleaner import sources
from cleaner.config import Settings
from cleaner.engine import Engine, FileResult

# One Engine per worker process, built by the pool's initializer.
_worker_engine: Engine | None = None


def job_count(jobs: int) -> int:
    """``--jobs 0`` means one per CPU."""
    if jobs < 0:
        raise ValueError(f"--jobs must be 0 (one per CPU) or more, not {jobs}")
    return jobs or os.cpu_count() or 1


def _start_worker(settings: Settings) -> None:
    global _worker_engine  # noqa: PLW0603 - the per-process engine is the point
    _worker_engine = Engine(settings)


def _check_in_worker(item: str | sources.SourceFile) -> tuple[FileResult, list[str]]:
    engine = _worker_engine
    assert engine is not None, "the pool initializer builds the engine"
    result = engine.check_source(item) if isinstance(item, sources.SourceFile) else engine.check_path(item)
    notices, engine.notices = engine.notices, []
    return result, notices


def _work_items(paths: Iterable[str], settings: Settings) -> list[str | sources.SourceFile | FileResult]:
    """Files to send to workers; standard input is read here, unreadable paths become results."""
    items: list[str | sources.SourceFile | FileResult] = []
    for item in sources.expand(paths):
        if isinstance(item, sources.PathProblem):
            items.append(FileResult(item.path, error=item.reason))
        elif item == "-":
            try:
                items.append(sources.read_stdin(settings.stdin_filename, settings.encoding))
            except sources.UnreadableError as exc:
                items.append(FileResult("-", error=exc.reason))
        else:
            items.append(item)
    return items


def check_parallel(
    paths: Iterable[str], settings: Settings, jobs: int, notices: list[str] | None = None
) -> Iterator[FileResult]:
    """Check ``paths`` in ``jobs`` processes; yield results in input order.

    Worker notices (e.g. a rule's regex timing out) are appended to ``notices``.
    """
    items = _work_items(paths, settings)
    work = [item for item in items if not isinstance(item, FileResult)]
    workers = min(job_count(jobs), max(1, len(work)))
    chunk = max(1, min(16, len(work) // (workers * 4)))
    from concurrent.futures import ProcessPoolExecutor  # only when files go to worker processes

    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(settings,)) as pool:
        done = pool.map(_check_in_worker, work, chunksize=chunk)
        for item in items:
            if isinstance(item, FileResult):
                yield item
                continue
            result, found = next(done)
            if notices is not None:
                notices.extend(found)
            yield result


def check_many(engine: Engine, paths: list[str], jobs: int) -> Iterator[FileResult]:
    """Serial with one job (or one input), in worker processes otherwise; the same results either way."""
    if job_count(jobs) == 1 or (len(paths) == 1 and not os.path.isdir(paths[0])):
        yield from engine.check_paths(paths)
        return
    yield from check_parallel(paths, engine.settings, jobs, engine.notices)
