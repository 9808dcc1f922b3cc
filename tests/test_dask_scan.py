"""`cleaner scan` / cleaner.dask on a LocalCluster: the same records as a serial run, one Engine per worker."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import corpus
from cleaner import dask as cleaner_dask
from cleaner.cli import app
from cleaner.config import Settings
from cleaner.engine import Engine

distributed = pytest.importorskip("distributed")

SENTENCES = [
    "We trained a profound learning model on colossal information.",
    "The board closed its eyes to the fraud.",
    "Counterfeit consciousness is changing medicine.",
    "Patients were followed for twelve months after surgery.",
    "The method improves recall on three benchmarks.",
]


def _records(count: int) -> list[dict[str, str]]:
    rng = random.Random(300)
    return [{"id": f"doc-{i}", "text": " ".join(rng.choices(SENTENCES, k=rng.randint(1, 8)))} for i in range(count)]


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _serial(records: list[dict[str, str]]) -> list[dict[str, object]]:
    engine = Engine(Settings())
    return [cleaner_dask.check_document(engine, corpus.CorpusDocument(r["id"], r["text"])) for r in records]


def test_local_cluster_gives_the_serial_results_and_one_engine_per_worker(tmp_path: Path) -> None:
    records = _records(300)
    source = _write_jsonl(tmp_path / "corpus.jsonl", records)
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, distributed.Client(cluster) as client:
        out = tmp_path / "out.jsonl"
        summary = cleaner_dask.scan([str(source)], str(out), scheduler=cluster.scheduler_address, batch_size=20)
        built = client.run(lambda: cleaner_dask.engines_built)
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert got == _serial(records)
    assert summary.documents == 300
    assert summary.findings == sum(len(r["findings"]) for r in got) > 100
    # 15 batches over 2 workers: each worker built its Engine once, not once per batch or document.
    assert len(built) == 2
    assert all(count <= 1 for count in built.values())
    assert sum(built.values()) >= 1


def test_engine_cache_is_keyed_by_settings() -> None:
    before = cleaner_dask.engines_built
    first = cleaner_dask._engine_for(Settings(select=("TP001",)))
    assert cleaner_dask._engine_for(Settings(select=("TP001",))) is first
    assert cleaner_dask._engine_for(Settings(select=("IC001",))) is not first
    assert cleaner_dask.engines_built == before + 2


def test_corpus_reads_files_and_records_and_names_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Counterfeit consciousness.\n", encoding="utf-8")
    lines = '{"id": "x", "text": "fine"}\n\n{"text": "no id"}\nnot json\n{"id": 7}\n[1]\n'
    (tmp_path / "b.jsonl").write_text(lines, encoding="utf-8")
    docs = list(corpus.read_corpus([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl"), str(tmp_path / "gone")]))
    assert [(d.id, d.error is None) for d in docs] == [
        (str(tmp_path / "a.txt"), True),
        ("x", True),
        (f"{tmp_path / 'b.jsonl'}:3", True),
        (f"{tmp_path / 'b.jsonl'}:4", False),
        ("7", False),
        (f"{tmp_path / 'b.jsonl'}:6", False),
        (str(tmp_path / "gone"), False),
    ]


def test_scan_command_in_process(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "c.jsonl", _records(5))
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["scan", "--workers", "0", str(source), str(tmp_path / "bad.jsonl"), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"doc-{i}" for i in range(5)] + [f"{tmp_path / 'bad.jsonl'}:1"]
    assert rows[0]["findings"] == _serial(_records(5))[0]["findings"]
    assert "error" in rows[-1]
    assert "6 documents" in result.output
    assert CliRunner().invoke(app, ["scan", "--batch-size", "0", str(source)]).exit_code == 2
