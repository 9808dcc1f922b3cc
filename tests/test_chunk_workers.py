"""A large file's chunks checked in worker processes: the same report as one process, bounded, in order."""

from __future__ import annotations

import gc
import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SENTENCES

from cleaner import parallel
from cleaner.config import Settings
from cleaner.detectors.base import Detector
from cleaner.document import Document
from cleaner.engine import Engine, FileResult
from cleaner.model import Finding
from cleaner.reporters import OutputFormat, ReportOptions, reporter_for

PHRASES = [*SENTENCES, "Ce modèle est utilisé — naïvely — in 😀 emoji-laden prose."]
LARGE = 6_000  # bytes: a file over this is checked in chunks of at most CHUNK characters
CHUNK = 2_000


def _write(path: Path, paragraphs: int, seed: int = 6, newline: str = "\n") -> Path:
    rng = random.Random(seed)
    text = (newline * 2).join(" ".join(rng.choices(PHRASES, k=rng.randint(1, 5))) for _ in range(paragraphs))
    path.write_bytes((text + newline).encode("utf-8"))
    return path


def _engine(spin: bool = False, detectors: list[Detector] | None = None) -> Engine:
    engine = Engine(Settings(spin=spin), detectors)
    engine.large_bytes = LARGE
    engine.chunk_chars = CHUNK
    return engine


def _json(results: list[FileResult]) -> str:
    out = io.StringIO()
    reporter_for(OutputFormat.JSON)(results, out, ReportOptions())
    return out.getvalue()


def _count_pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two CPUs, and the workers of each chunk pool started, listed."""
    pools: list[int] = []

    class Counted(parallel.ChunkPool):
        def __init__(self, engine: Engine, workers: int, start_method: str | None = None) -> None:
            pools.append(workers)
            super().__init__(engine, workers, start_method)

    monkeypatch.setattr(parallel, "ChunkPool", Counted)
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    return pools


def _in_pool(engine: Engine, paths: list[str], start_method: str, workers: int = 2) -> list[FileResult]:
    with parallel.ChunkPool(engine, workers, start_method):
        return list(engine.check_paths(paths))


@pytest.mark.parametrize(("start_method", "spin"), [("fork", False), ("fork", True), ("spawn", False)])
def test_chunks_in_workers_give_the_serial_report(tmp_path: Path, start_method: str, spin: bool) -> None:
    big = _write(tmp_path / "big.txt", 400)
    crlf = _write(tmp_path / "crlf.txt", 300, seed=7, newline="\r\n")
    small = _write(tmp_path / "small.txt", 3)
    paths = [str(big), str(small), str(crlf)]
    serial = list(_engine(spin).check_paths(paths))
    assert serial[0].document is None and serial[1].document is not None  # chunked / whole
    assert len(serial[0].findings) > 100 and serial[0].findings[-1].line > 700
    parallel_run = _in_pool(_engine(spin), paths, start_method)
    assert _json(parallel_run) == _json(serial)  # findings, offsets, lines, columns, words, document score
    for mine, theirs in zip(parallel_run, serial, strict=True):
        assert (mine.findings, mine.document_score, mine.words) == (
            theirs.findings,
            theirs.document_score,
            theirs.words,
        )


def test_a_bad_byte_midway_is_reported_and_the_next_file_is_checked(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.txt", 400)
    data = bad.read_bytes()
    bad.write_bytes(data[: len(data) // 2] + b"\xff" + data[len(data) // 2 :])
    good = _write(tmp_path / "good.txt", 400, seed=8)
    paths = [str(bad), str(good)]
    serial = list(_engine().check_paths(paths))
    assert serial[0].error is not None and "0xff" in serial[0].error
    got = _in_pool(_engine(), paths, "fork")
    assert [(r.path, r.error, r.findings, r.words) for r in got] == [
        (r.path, r.error, r.findings, r.words) for r in serial
    ]
    assert got[1].words > 0 and got[1].findings


def test_progress_counts_bytes_in_the_parent_in_chunk_order(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", 2_000)
    size = big.stat().st_size
    calls: dict[str, list[tuple[str, int, int]]] = {"serial": [], "workers": []}
    serial = _engine()
    serial.progress = lambda *call: calls["serial"].append(call)
    serial.check_path(str(big))
    engine = _engine()
    engine.progress = lambda *call: calls["workers"].append(call)
    _in_pool(engine, [str(big)], "fork")
    assert calls["workers"] == calls["serial"]
    done = [call[1] for call in calls["serial"]]
    assert len(done) > 10 and done == sorted(done) and done[-1] == size


class _Stumbles:
    """A detector that fails on every chunk that names Table 2: its notices come back from the workers."""

    name = "stumbles"

    def check(self, doc: Document) -> list[Finding]:
        if "Table 2" in doc.text:
            raise RuntimeError(f"stumbled at {doc.text.index('Table 2')}")
        return []


def test_worker_notices_come_back_in_chunk_order(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", 400)
    serial = _engine(detectors=[_Stumbles()])
    serial.check_path(str(big))
    assert len(serial.notices) > 3
    engine = _engine(detectors=[_Stumbles()])
    _in_pool(engine, [str(big)], "fork")
    assert engine.notices == serial.notices


def test_check_many_shares_a_large_files_chunks_unless_one_job(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = str(_write(tmp_path / "big.txt", 400))
    small = str(_write(tmp_path / "small.txt", 3))
    pools = _count_pools(monkeypatch)
    expected = _json(list(_engine().check_paths([big, small])))
    assert _json(list(parallel.check_many(_engine(), [big, small], 1))) == expected
    assert _json(list(parallel.check_many(_engine(), [small], None))) == _json(list(_engine().check_paths([small])))
    assert pools == []  # one job, or no large file: no worker processes
    assert _json(list(parallel.check_many(_engine(), [big, small], None))) == expected
    assert _json(list(parallel.check_many(_engine(), [big], 3))) == _json(list(_engine().check_paths([big])))
    assert pools == [2, 3]  # the default: one per CPU; --jobs 3 with one file: three


def test_fork_only_while_no_other_thread_runs() -> None:
    import threading

    if not sys.platform.startswith("linux"):
        assert not parallel.fork_is_safe()
        return
    assert parallel.fork_is_safe() == (threading.active_count() == 1)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel.fork_is_safe()
    finally:
        stop.set()
        thread.join()


def test_cli_default_and_one_job_agree_on_a_file_over_a_megabyte(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    clean = " ".join(PHRASES[3:5] * 2) + "\n\n"
    big.write_text((clean * 50 + PHRASES[0] + "\n\n") * 110, encoding="utf-8")
    assert big.stat().st_size > 1_000_000
    reports = []
    for jobs in ([], ["--jobs", "1"], ["--jobs", "2"]):
        command = [sys.executable, "-m", "cleaner", "check", "--format", "json", *jobs, str(big)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        assert run.returncode in (0, 1), run.stderr
        reports.append(run.stdout)
    assert reports[0] == reports[1] == reports[2]
    assert json.loads(reports[0])["summary"]["findings"] >= 110


def test_workers_start_before_the_results_are_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """So that they are forked before the progress bar starts its drawing thread."""
    import multiprocessing

    big = str(_write(tmp_path / "big.txt", 400))
    small = [str(_write(tmp_path / f"small{i}.txt", 3, seed=i)) for i in range(3)]
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    starts = (
        lambda: parallel.check_many(_engine(), [big], None),
        lambda: parallel.check_parallel(small, Settings(), 2),
    )
    for start in starts:
        results = start()
        assert len(multiprocessing.active_children()) == 2
        assert all(r.error is None for r in results)
        assert multiprocessing.active_children() == []


def test_report_and_baseline_share_a_large_files_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``cleaner report`` and ``cleaner baseline`` check as ``cleaner check`` does (``check_all``)."""
    from cleaner.cli.options import check_all

    big = str(_write(tmp_path / "big.txt", 400))
    pools = _count_pools(monkeypatch)
    assert _json(check_all(_engine(spin=True), [big])) == _json(list(_engine(spin=True).check_paths([big])))
    assert pools == [2]


def test_tables_loaded_before_the_fork_are_out_of_the_collectors_sight(tmp_path: Path) -> None:
    """The warm-up's objects are frozen (gc.freeze) while forked workers run, so a full collection
    in a worker does not walk (and copy) them all; the parent's collector gets them back after."""
    big = _write(tmp_path / "big.txt", 60)
    engine = _engine()
    assert gc.get_freeze_count() == 0
    with parallel.ChunkPool(engine, 2, "fork") as pool:
        assert gc.get_freeze_count() > 10_000  # the engine's tables, rules and the like
        assert pool.executor.submit(gc.get_freeze_count).result() > 10_000  # the workers inherit them
        (result,) = engine.check_paths([str(big)])
        assert result.findings
    assert gc.get_freeze_count() == 0


# Calques and a mistranslation (other rules find them), then an odd pair no rule names: SP002's evidence.
SPUN = (
    "The minister said the council may close its eyes to the problem, but it cannot close its ears "
    "to the protests. Some of they are really going to use terrible things, and the town faces a "
    "jealous kitchen because nobody listens. Critics said the plan puts the cart before the oxen."
)


def test_detectors_that_weigh_evidence_load_in_the_workers_that_need_them(tmp_path: Path) -> None:
    from cleaner.detectors import CollocationDetector

    engine = _engine()
    (collocation,) = [d for d in engine.detectors if isinstance(d, CollocationDetector)]
    parallel._warm_up(engine)
    assert not collocation._loaded  # SP002 runs on strong evidence only: most texts never need its tables
    big = tmp_path / "spun.txt"
    big.write_text("\n\n".join([SPUN] * 30) + "\n", encoding="utf-8")
    serial = list(_engine().check_paths([str(big)]))
    assert sum(f.rule_id == "SP002" for f in serial[0].findings) >= 30
    assert _json(_in_pool(_engine(), [str(big)], "fork")) == _json(serial)
