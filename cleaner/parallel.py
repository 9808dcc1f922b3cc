"""Check in worker processes: many files, each in one worker; or a large file's chunks, shared out.

Results come back in input order, streamed as they finish in order, and are
the same as a serial run's. Many files (``check_parallel``): each file is
checked by an Engine built from the same settings, and paths are expanded in
the parent exactly as the serial path expands them. A large file
(``ChunkPool``): the parent reads and cuts it at the serial run's cut points,
workers check the chunks, and the parent gathers their findings, evidence and
words in chunk order (``Engine.check_large``).

Chunk workers are forked on Linux once the parent's engine has checked a
sentence (every lazily loaded table, SP001's included, is then shared with
them copy-on-write), and only while no other thread runs; elsewhere they are
spawned and build their own engine, as file workers do.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from cleaner import chunks, sources
from cleaner.config import Settings
from cleaner.detectors.base import weighs_evidence
from cleaner.detectors.languagetool import LanguageToolDetector
from cleaner.engine import ChunkResult, Engine, FileResult

if TYPE_CHECKING:  # multiprocessing loads only when work goes to worker processes: start-up stays fast
    from concurrent.futures import Executor, Future

# Checked once before chunk workers are forked, so that they inherit every table already loaded:
# rule packs, the tagger (agreement), the n-gram model ("actual") and, with --spin, SP001's tables.
WARM_UP = (
    "The board closed its eyes to the fraud for years. The actual results of the trials was summarised "
    "in a report that nobody read. Researchers trained a profound learning model on colossal information.\n"
)

# One Engine per worker process, built by the pool's initializer.
_worker_engine: Engine | None = None


def job_count(jobs: int) -> int:
    """``--jobs 0`` means one per CPU."""
    if jobs < 0:
        raise ValueError(f"--jobs must be 0 (one per CPU) or more, not {jobs}")
    return jobs or cpu_count()


def cpu_count() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _start_worker(settings: Settings) -> None:
    """A worker's initializer: its own engine, tables loaded (``_warm_up``) and then frozen out
    of the collector's sight for the worker's life (``ChunkPool`` says why)."""
    global _worker_engine  # noqa: PLW0603 - the per-process engine is the point
    _worker_engine = Engine(settings)
    _warm_up(_worker_engine)
    gc.freeze()


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
    The workers are started before this returns (forked only while no other thread runs).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only when files go to worker processes

    items = _work_items(paths, settings)
    work = [item for item in items if not isinstance(item, FileResult)]
    workers = min(job_count(jobs), max(1, len(work)))
    chunk = max(1, min(16, len(work) // (workers * 4)))
    context = multiprocessing.get_context("fork" if fork_is_safe() else "spawn")
    pool = ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(settings,))
    done = pool.map(_check_in_worker, work, chunksize=chunk)  # submits every file: the workers start now
    return _in_input_order(pool, items, done, notices)


def _in_input_order(
    pool: Executor,
    items: list[str | sources.SourceFile | FileResult],
    done: Iterator[tuple[FileResult, list[str]]],
    notices: list[str] | None,
) -> Iterator[FileResult]:
    with pool:
        for item in items:
            if isinstance(item, FileResult):
                yield item
                continue
            result, found = next(done)
            if notices is not None:
                notices.extend(found)
            yield result


def check_many(engine: Engine, paths: list[str], jobs: int | None) -> Iterator[FileResult]:
    """Check ``paths``; the same results however the work is shared out.

    ``jobs`` None (not given): files one at a time here, the chunks of a file
    over ``engine.large_bytes`` in one worker process per CPU. ``jobs`` 1:
    everything here. More: several inputs in that many worker processes
    (``check_parallel``); a single file's chunks in that many.

    Chunk workers are started before this returns, so that they are forked
    before a caller starts a thread (the progress bar's).
    """
    allowed = cpu_count() if jobs is None else job_count(jobs)
    if allowed == 1:  # one process whatever the sizes: checked as found, nothing listed or measured first
        return engine.check_paths(paths)
    if jobs is not None and not _one_file(paths):
        return check_parallel(paths, engine.settings, jobs, engine.notices)
    found = list(sources.expand(paths))
    sizes = [sources.file_size(item) for item in found if isinstance(item, str) and item != "-"]
    largest = max((size for size in sizes if size > engine.large_bytes), default=0)
    workers = min(allowed, -(-largest // engine.chunk_chars))
    if workers < 2:
        return engine.check_found(found)
    return _with_pool(engine, ChunkPool(engine, workers), found)


def _one_file(paths: list[str]) -> bool:
    return len(paths) == 1 and not os.path.isdir(paths[0])


def _with_pool(engine: Engine, pool: ChunkPool, found: list[str | sources.PathProblem]) -> Iterator[FileResult]:
    with pool:
        yield from engine.check_found(found)


class ChunkPool:
    """Worker processes that check the chunks of ``engine``'s large files.

    Within ``with pool:`` the engine's ``chunk_map`` is the pool's; after it the
    engine checks chunks itself again and the workers are gone. At most
    ``2 * workers`` chunks are in flight: memory stays bounded whatever the file's size.
    """

    def __init__(self, engine: Engine, workers: int, start_method: str | None = None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.engine = engine
        self.workers = workers
        method = start_method or ("fork" if fork_is_safe() else "spawn")
        context = multiprocessing.get_context(method)
        self.frozen = False
        if method == "fork":
            _warm_up(engine)
            # The tables the warm-up loaded live as long as the workers: out of the collector's sight, a
            # full collection in a worker no longer walks them all (and, walking them, copies every page
            # of the parent's memory the fork shares): 0.2-0.3 s of CPU a worker on the clean abstracts with SP001.
            gc.freeze()
            self.frozen = True
            self.executor = ProcessPoolExecutor(workers, context, initializer=_adopt_engine, initargs=(engine,))
        else:  # each worker builds its own engine from the settings
            self.executor = ProcessPoolExecutor(
                workers, context, initializer=_start_worker, initargs=(engine.settings,)
            )
        self.executor.submit(os.getpid)  # starts (forks) every worker now, while no thread runs

    def __enter__(self) -> ChunkPool:
        self.engine.chunk_map = self.map
        return self

    def __exit__(self, *_: object) -> None:
        self.engine.chunk_map = self.engine.check_chunks
        self.executor.shutdown(cancel_futures=True)
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def map(self, path: str, pieces: Iterable[chunks.Chunk], fmt: str | None = None) -> Iterator[ChunkResult]:
        """``Engine.chunk_map``: each chunk's result, in chunk order."""
        window: deque[Future[ChunkResult]] = deque()
        try:
            for chunk in pieces:
                window.append(self.executor.submit(_check_chunk_in_worker, path, chunk, fmt))
                if len(window) >= 2 * self.workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for future in window:  # the file could not be read to its end, or the caller stopped early
                future.cancel()


def fork_is_safe() -> bool:
    """Fork on Linux only (macOS frameworks are not fork-safe), and only while this is the one thread."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _warm_up(engine: Engine) -> None:
    """Check a sentence so that the detectors load their tables before workers are forked; no
    notice kept. LanguageTool only connects: a server has nothing to load here, and is not
    sent a sentence nobody wrote; that it cannot be reached is told once, from here.
    Detectors that run only on the others' strong evidence (SP002) are left to load in the
    workers that need them: most texts never do (0.015 s less before the fork)."""
    detectors = engine.detectors
    remote = [d for d in detectors if isinstance(d, LanguageToolDetector)]
    for detector in remote:
        detector.prepare()
        engine.notices.extend(detector.take_notices())
    kept = len(engine.notices)
    engine.detectors = [d for d in detectors if d not in remote and not weighs_evidence(d)]
    try:
        engine.check_text(WARM_UP, "<warm-up>.txt")
    finally:
        engine.detectors = detectors
    del engine.notices[kept:]


def _adopt_engine(engine: Engine) -> None:
    """A forked worker's initializer: the parent's engine, tables loaded, is this worker's."""
    global _worker_engine  # noqa: PLW0603 - the per-process engine is the point
    engine.notices = []
    engine.progress = None
    engine.chunk_map = engine.check_chunks
    _worker_engine = engine


def _check_chunk_in_worker(path: str, chunk: chunks.Chunk, fmt: str | None) -> ChunkResult:
    engine = _worker_engine
    assert engine is not None, "the pool initializer sets the engine"
    result = engine.check_chunk(path, chunk, fmt)
    notices, engine.notices = engine.notices, []
    return replace(result, notices=notices)
