"""`cleaner check --jobs N`: the same report as one job, in input order; a progress bar only on a terminal."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SENTENCES

from cleaner import parallel
from cleaner.cli import progress
from cleaner.config import Settings
from cleaner.engine import Engine

PHRASES = SENTENCES


def _corpus(root: Path, count: int = 40) -> Path:
    rng = random.Random(40)
    for i in range(count):
        folder = root / f"part{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        text = "\n\n".join(" ".join(rng.choices(PHRASES, k=rng.randint(1, 6))) for _ in range(rng.randint(1, 4)))
        (folder / f"doc{i:02}.txt").write_text(text + "\n", encoding="utf-8")
    (root / "part0" / "binary.txt").write_bytes(b"\x00\x01 not text")
    return root


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cleaner", "check", "--format", "json", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_jobs_give_the_same_json_as_one_job(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    missing = str(tmp_path / "missing.txt")
    serial = _check("--jobs", "1", str(corpus), missing)
    report = json.loads(serial.stdout)
    assert len(report["files"]) == 42
    assert report["summary"]["findings"] > 40
    assert serial.returncode == 1  # the binary file and the missing path
    for jobs in ("2",):  # --jobs 0 is one per CPU: job_count below
        run = _check("--jobs", jobs, str(corpus), missing)
        assert run.stdout == serial.stdout, f"--jobs {jobs}"
        assert run.returncode == serial.returncode
        assert run.stderr == serial.stderr  # no progress bar on a pipe, the same warnings


def test_check_parallel_keeps_input_order_and_collects_worker_notices(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", count=12)
    engine = Engine(Settings())
    expected = [(r.path, r.findings, r.error) for r in engine.check_paths([str(corpus)])]
    notices: list[str] = []
    got = [(r.path, r.findings, r.error) for r in parallel.check_parallel([str(corpus)], Settings(), 3, notices)]
    assert got == expected
    assert notices == []


def test_job_count() -> None:
    assert parallel.job_count(3) == 3
    assert parallel.job_count(0) >= 1
    with pytest.raises(ValueError, match="--jobs"):
        parallel.job_count(-1)
    assert _check("--jobs", "-2", "x.txt").returncode == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_with_several_files(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", count=5)
    assert progress.wanted([str(corpus)], io.StringIO()) is None  # a pipe or file
    assert progress.wanted([str(corpus)], _Terminal(), enabled=False) is None  # --no-progress
    assert progress.wanted([str(corpus / "part0" / "doc00.txt")], _Terminal()) is None  # one file
    files = progress.wanted([str(corpus)], _Terminal())
    assert files is not None
    assert len(files) == 6


def test_progress_passes_results_through_unchanged(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", count=5)
    files = progress.wanted([str(corpus)], _Terminal())
    assert files is not None
    engine = Engine(Settings())
    plain = list(engine.check_paths([str(corpus)]))
    terminal = _Terminal()
    tracked = list(progress.track(engine.check_paths([str(corpus)]), files, terminal))
    assert [(r.path, r.findings) for r in tracked] == [(r.path, r.findings) for r in plain]
    assert "files" in terminal.getvalue()  # the bar was drawn


def test_a_worker_loads_its_tables_then_freezes_them() -> None:
    """Each --jobs worker warms its engine up and freezes what that loaded (gc.freeze), so full
    collections in the worker do not walk the tables again and again."""
    import gc

    saved = parallel._worker_engine
    try:
        parallel._start_worker(Settings())
        assert parallel._worker_engine is not None
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
        parallel._worker_engine = saved
