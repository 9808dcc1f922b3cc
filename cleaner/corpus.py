"""Documents of a corpus: files and directories, or JSON Lines records with ``id`` and ``text``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cleaner import sources

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One document to check; ``error`` says why it has no text."""

    id: str
    text: str | None
    path: str | None = None
    error: str | None = None


def read_corpus(inputs: Iterable[str], encoding: str | None = None) -> Iterator[CorpusDocument]:
    """Documents in input order.

    A ``.jsonl`` file gives one document per line (``{"id": ..., "text": ...}``;
    a record without an id is named ``FILE:LINE``); ``-`` reads JSON Lines from
    standard input; other files, and the checkable files under directories,
    are one document each, named by their path.
    """
    for raw in inputs:
        if raw == "-":
            yield from read_records(sys.stdin, "-")
        elif Path(raw).suffix.lower() in JSONL_SUFFIXES and Path(raw).is_file():
            yield from _read_jsonl_file(raw)
        else:
            yield from _read_files(raw, encoding)


def _read_jsonl_file(path: str) -> Iterator[CorpusDocument]:
    try:
        with open(path, encoding="utf-8") as handle:
            yield from read_records(handle, path)
    except (OSError, UnicodeDecodeError) as exc:
        yield CorpusDocument(id=path, text=None, path=path, error=f"cannot read JSON Lines: {exc}")


def read_records(lines: IO[str] | Iterable[str], name: str) -> Iterator[CorpusDocument]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fallback = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield CorpusDocument(id=fallback, text=None, error=f"line {number}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield CorpusDocument(id=fallback, text=None, error=f"line {number}: not a JSON object")
            continue
        doc_id = str(record.get("id", fallback))
        text = record.get("text")
        if not isinstance(text, str):
            yield CorpusDocument(id=doc_id, text=None, error=f"line {number}: no 'text' string")
            continue
        yield CorpusDocument(id=doc_id, text=text)


def _read_files(raw: str, encoding: str | None) -> Iterator[CorpusDocument]:
    for item in sources.expand([raw]):
        if isinstance(item, sources.PathProblem):
            yield CorpusDocument(id=item.path, text=None, path=item.path, error=item.reason)
            continue
        try:
            source = sources.read(item, encoding)
        except sources.UnreadableError as exc:
            yield CorpusDocument(id=item, text=None, path=item, error=exc.reason)
            continue
        yield CorpusDocument(id=item, text=source.text, path=item)
