"""Check a corpus on a Dask cluster: one JSON Lines result per document.

``scan(inputs, output)`` starts a local cluster (``workers`` processes) or
connects to ``scheduler`` (``tcp://host:8786``), sends the documents in
batches, and writes the results in input order. Each worker process builds
its Engine once per settings and keeps it (``_engine_for``), so rule packs
and models load once per worker, not once per document or batch.

Needs the ``dask`` extra: ``pip install 'cleaner[dask]'``.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import IO, Any

from cleaner.config import Settings
from cleaner.corpus import CorpusDocument, read_corpus
from cleaner.engine import Engine

BATCH_SIZE = 50
IN_FLIGHT_PER_WORKER = 4  # batches queued per worker: enough to keep it busy, few enough to bound memory

# Per process: settings (as repr) -> Engine. A worker process keeps its engines between tasks.
_engines: dict[str, Engine] = {}
engines_built = 0  # how many Engines this process has built (tests read it on each worker)


@dataclass(slots=True)
class ScanSummary:
    documents: int = 0
    findings: int = 0
    errors: int = 0


def _engine_for(settings: Settings) -> Engine:
    global engines_built  # noqa: PLW0603 - a per-process cache is the point
    key = repr(settings)
    engine = _engines.get(key)
    if engine is None:
        engine = _engines[key] = Engine(settings)
        engines_built += 1
    return engine


def check_document(engine: Engine, doc: CorpusDocument) -> dict[str, Any]:
    """The JSON Lines record of one document: id, path, words, document score, findings (or error)."""
    from cleaner.reporters.json_report import finding_dict

    record: dict[str, Any] = {"id": doc.id}
    if doc.path is not None:
        record["path"] = doc.path
    if doc.text is None:
        record.update(words=0, findings=[], error=doc.error or "no text")
        return record
    result = engine.check_text(doc.text, doc.path or doc.id)
    record["words"] = result.words
    if result.document_score is not None:
        record["document_score"] = round(result.document_score, 4)
    record["findings"] = [finding_dict(f) for f in result.findings]
    return record


def check_batch(docs: list[CorpusDocument], settings: Settings) -> list[dict[str, Any]]:
    """A task: check a batch with this process's cached Engine."""
    engine = _engine_for(settings)
    return [check_document(engine, doc) for doc in docs]


def batches(docs: Iterable[CorpusDocument], size: int) -> Iterator[list[CorpusDocument]]:
    batch: list[CorpusDocument] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def scan(
    inputs: Iterable[str],
    output: str = "-",
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
    batch_size: int = BATCH_SIZE,
) -> ScanSummary:
    """Check every document of ``inputs`` and write one JSON line each to ``output`` ('-': stdout).

    ``scheduler``: address of a running Dask scheduler; otherwise a local
    cluster of ``workers`` processes (default: one per CPU) is started and
    stopped. ``workers=0`` checks in this process without Dask.
    """
    settings = settings or Settings()
    docs = read_corpus(inputs, settings.encoding)
    with ExitStack() as stack:
        stream: IO[str] = sys.stdout if output == "-" else stack.enter_context(open(output, "w", encoding="utf-8"))
        records: Iterator[list[dict[str, Any]]]
        if scheduler is None and workers == 0:
            records = (check_batch(batch, settings) for batch in batches(docs, batch_size))
        else:
            client = _client(stack, scheduler, workers)
            records = _distributed(client, batches(docs, batch_size), settings)
        return _write(records, stream)


def _client(stack: ExitStack, scheduler: str | None, workers: int | None) -> Any:
    """A ``distributed.Client`` of ``scheduler``, or of a local cluster that closes with ``stack``."""
    distributed = importlib.import_module("distributed")  # untyped: the client is handled as Any
    if scheduler is not None:
        return stack.enter_context(distributed.Client(scheduler))
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    stack.enter_context(cluster)
    return stack.enter_context(distributed.Client(cluster))


def _distributed(
    client: Any, work: Iterator[list[CorpusDocument]], settings: Settings
) -> Iterator[list[dict[str, Any]]]:
    """Submit batches with a bounded queue; yield their results in submission order."""
    limit = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER
    [settings_future] = client.scatter([settings], broadcast=True)
    pending: deque[Any] = deque()
    for batch in work:
        pending.append(client.submit(check_batch, batch, settings_future, pure=False))
        if len(pending) >= limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _write(records: Iterable[list[dict[str, Any]]], stream: IO[str]) -> ScanSummary:
    summary = ScanSummary()
    for batch in records:
        for record in batch:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            summary.documents += 1
            summary.findings += len(record["findings"])
            summary.errors += "error" in record
    stream.flush()
    return summary
