"""Start-up stays fast: heavy libraries load only when a run needs them."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import cli

LAZY = (
    "jinja2",
    "nltk",
    "dask",
    "distributed",
    "cleaner.spin.detect",
    "cleaner.reporters.html_report",
    "denckring",
    "denckring_en_pos",
    "cleaner._pos_perceptron",
)


def test_check_on_a_paragraph_starts_fast(tmp_path: Path) -> None:
    path = tmp_path / "paragraph.txt"
    path.write_text("The board closed its eyes to the fraud, a case of counterfeit consciousness.\n", encoding="utf-8")
    command = [sys.executable, "-m", "cleaner", "check", "--format", "json", str(path)]
    seconds = []
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        seconds.append(time.perf_counter() - start)
        assert '"IC001"' in done.stdout
    assert statistics.median(seconds) < 1.5  # about 0.35 s on an idle machine; generous so a busy CI does not flake


def test_importing_the_cli_leaves_heavy_libraries_unloaded() -> None:
    probe = f"import sys, cleaner.cli; print(' '.join(m for m in {LAZY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == []


def test_a_run_that_exits_at_once_keeps_its_status_and_whole_output(tmp_path: Path) -> None:
    """``cleaner.cli.exit_now`` skips the interpreter's teardown: the report still arrives whole
    (over a pipe, larger than its buffer) and the status is the command's."""
    spun = tmp_path / "spun.txt"
    spun.write_text(
        "The board closed its eyes to the fraud, a case of counterfeit consciousness.\n" * 400, encoding="utf-8"
    )
    clean = tmp_path / "clean.txt"
    clean.write_text("The results were checked twice.\n", encoding="utf-8")
    command = [sys.executable, "-m", "cleaner", "check", "--no-config", "--format", "json", "--fail-on", "warning"]
    done = subprocess.run([*command, str(spun)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert len(report["files"][0]["findings"]) >= 400
    done = subprocess.run([*command, str(clean)], capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, json.loads(done.stdout)["files"][0]["findings"]) == (0, [])
    done = subprocess.run(
        [*command, "--min-severity", "nonsense", str(clean)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2 and done.stderr


def test_exit_now_leaves_the_exit_to_python_unless_it_runs_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    exits: list[int] = []
    monkeypatch.setattr(cli.os, "_exit", exits.append)
    threads = [1]
    monkeypatch.setattr(cli.threading, "active_count", lambda: threads[0])
    children = [False]
    monkeypatch.setattr(cli, "_has_children", lambda: children[0])
    cli.exit_now("a message, not a number")
    threads[0] = 2
    cli.exit_now(0)
    threads[0], children[0] = 1, True
    cli.exit_now(0)
    assert exits == []
    children[0] = False
    cli.exit_now(None)
    cli.exit_now(3)
    assert exits == [0, 3]


def test_checking_plain_text_leaves_the_regex_module_unloaded() -> None:
    """The built-in packs' slot regexes are compiled when a text needs one (tests/test_rule_loading.py
    checks that they compile): a plain-text check that needs none never imports ``regex``."""
    probe = (
        "import sys; from cleaner.engine import Engine; "
        "Engine().check_text('The board closed its eyes to the fraud.', 'x.txt'); print('regex' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["False"]
