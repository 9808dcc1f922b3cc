"""Start-up stays fast: heavy libraries load only when a run needs them."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

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
