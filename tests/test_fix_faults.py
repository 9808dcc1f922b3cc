"""`cleaner fix` under faults: killed at random points, every file is old or new, never torn (issue 7)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import fix, writeback
from cleaner.engine import Engine

SLOW = os.environ.get("CLEANER_SLOW_TESTS") == "1"
KILLS = 25 if SLOW else 6
SPUN = (
    "We trained a profound learning model on colossal information.\r\n"
    "An irregular woodland beat the counterfeit consciousness baseline.\n"
)
FIX = [sys.executable, "-m", "cleaner", "fix", "--unsafe-fixes"]


def make_files(folder: Path, count: int) -> dict[Path, bytes]:
    folder.mkdir()
    old = {}
    for n in range(count):
        path = folder / f"doc{n:03d}.txt"
        data = (f"Document {n}.\n" + SPUN * (1 + n % 5) + "The end.\n" * (n % 50)).encode("utf-8")
        path.write_bytes(data)
        old[path] = data
    return old


def fixed_bytes(old: dict[Path, bytes]) -> dict[Path, bytes]:
    engine = Engine()
    return {path: fix.fix_path(engine, str(path), unsafe=True).encoded() for path in old}


def temp_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(writeback.TEMP_SUFFIX))


def test_killed_fix_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    old = make_files(folder, 120)
    new = fixed_bytes(old)
    assert all(new[p] != old[p] for p in old)
    idle = tmp_path / "idle"  # one clean file: how long start-up takes before any file is written
    idle.mkdir()
    (idle / "clean.txt").write_text("Nothing to fix here.\n", encoding="utf-8")
    began = time.perf_counter()
    subprocess.run([*FIX, str(idle)], capture_output=True, timeout=120, check=False)
    startup = time.perf_counter() - began
    began = time.perf_counter()
    subprocess.run([*FIX, str(folder)], capture_output=True, timeout=120, check=False)
    full_run = time.perf_counter() - began
    for path, data in old.items():
        path.write_bytes(data)
    rng = random.Random(7)
    mixed = 0  # kills that landed mid-run: some files written, some not yet
    for _ in range(KILLS):
        child = subprocess.Popen([*FIX, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(min(startup, full_run) * 0.9, full_run))  # mostly after start-up
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        states = {path: path.read_bytes() for path in old}
        torn = [p.name for p, data in states.items() if data not in (old[p], new[p])]
        assert not torn, f"files neither old nor new after a kill: {torn}"
        mixed += len({states[p] == new[p] for p in old}) == 2
        if all(states[p] == new[p] for p in old):
            for path, data in old.items():  # start over so later kills land mid-run too
                path.write_bytes(data)
    assert mixed >= 1, f"only {mixed} of {KILLS} kills landed while files were being written"
    done = subprocess.run([*FIX, str(folder)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert temp_files(folder) == [], "the run after the kills sweeps what they left"
    assert all(path.read_bytes() == new[path] for path in old)
    again = subprocess.run([*FIX, str(folder)], capture_output=True, text=True, timeout=120, check=False)
    assert "Applied 0 fixes in 0 files" in again.stdout
    assert all(path.read_bytes() == new[path] for path in old)


def test_sweep_removes_only_dead_writers_files(tmp_path: Path) -> None:
    dead = tmp_path / f".a.txt.{2**31 - 2}.k3j_x{writeback.TEMP_SUFFIX}"
    live = tmp_path / f".a.txt.{os.getpid()}.q9z{writeback.TEMP_SUFFIX}"
    other = tmp_path / f".notes{writeback.TEMP_SUFFIX}"
    for path in (dead, live, other):
        path.write_bytes(b"partial")
    assert writeback.sweep_stale(str(tmp_path)) == [str(dead)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


def test_fix_run_sweeps_and_names_what_it_removed(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cleaner.cli import app

    doc = tmp_path / "a.txt"
    doc.write_text(SPUN, encoding="utf-8")
    stale = tmp_path / f".a.txt.{2**31 - 2}.abc{writeback.TEMP_SUFFIX}"
    stale.write_bytes(b"half a fi")
    result = CliRunner().invoke(app, ["fix", "--unsafe-fixes", str(tmp_path)])
    assert not stale.exists()
    assert f"removed {stale}, left by an interrupted run" in result.stderr
    assert "deep learning" in doc.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [SPUN, SPUN.replace("\r\n", "\r"), "\ufeff" + SPUN, "nothing to fix here\n"])
def test_fixing_twice_equals_fixing_once(text: str) -> None:
    from cleaner import sources

    engine = Engine()
    source = sources.decode(text.encode("utf-8"), "t.txt")
    once = fix.fix_source(engine, source, unsafe=True)
    twice = fix.fix_source(engine, sources.decode(once.encoded(), "t.txt"), unsafe=True)
    assert twice.encoded() == once.encoded()
    assert twice.applied == []
