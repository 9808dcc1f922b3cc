"""The benchmarks run end to end in quick mode on tiny inputs and print their tables."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(REPO / "benchmarks" / script), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _tiny_corpus(tmp_path: Path) -> Path:
    """30 documents of 9 words (270 words)."""
    corpus = tmp_path / "tiny.jsonl"
    text = "Patients were followed for twelve months. Counterfeit consciousness helped."
    corpus.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(30)), encoding="utf-8")
    return corpus


def test_speed_benchmark_quick(tmp_path: Path) -> None:
    done = _run("speed.py", "--quick", "--corpus", str(_tiny_corpus(tmp_path)), "--runs", "1")
    assert done.returncode == 0, done.stderr
    assert "| cleaner check, 1× | 270 |" in done.stdout
    assert "| proselint check, 1× | 270 |" in done.stdout
    assert "| cleaner check, 4× | 1,080 |" in done.stdout
    assert "start-up: `cleaner check` on one paragraph, median of 1 runs: " in done.stdout


def test_speed_benchmark_rounds(tmp_path: Path) -> None:
    done = _run("speed.py", "--quick", "--corpus", str(_tiny_corpus(tmp_path)), "--rounds", "2")
    assert done.returncode == 0, done.stderr
    assert "270 words; wall s (CPU s) per run" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith(("| 1 |", "| 2 |"))]
    assert len(rows) == 2 and all(row.count("×") == 4 for row in rows)
    assert "| cleaner check, 1×" not in done.stdout


def test_quality_benchmark_quick(shared: Path) -> None:
    done = _run("quality.py", "--shared", str(shared), "--limit", "3", "--json")
    assert done.returncode == 0, done.stderr
    table, _, raw = done.stdout.partition("\n{")
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| data")]
    assert [r.split(" | ")[0] for r in rows] == [
        "| seed article",
        "| tortured-dev carriers, built-in packs on",
        "| tortured-dev carriers, built-in packs off",
        "| clean abstracts",
        "| clean encyclopedic",
        "| MQM zh-en",
    ]
    results = json.loads("{" + raw)
    assert results["clean abstracts"]["words"] > 0
    assert "major_span_recall" in results["MQM zh-en"]


def test_quality_benchmark_names_missing_data(tmp_path: Path) -> None:
    done = _run("quality.py", "--shared", str(tmp_path))
    assert done.returncode != 0
    assert "no evaluation data" in done.stderr


def test_collocation_gate_benchmark_quick(shared: Path) -> None:
    done = _run("collocation_gate.py", "--shared", str(shared), "--limit", "3")
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and not line.startswith("| data")]
    assert rows[0].startswith("| seed-gold.jsonl | 630 | 1 docs, 2 flags")
    assert any(r.startswith("| clean-abstracts-dev.jsonl") for r in rows)
