#!/usr/bin/env python3
"""Quality on every dev gold and data file, in one markdown table.

Runs ``shared/eval/score.py`` (the evaluation's own scorer) once per row:

- seed: ``spans`` on seed-gold.jsonl (the seed article, 10 required artifacts)
- carriers: ``spans`` on tortured-dev-carriers.jsonl, with the built-in rule
  packs on, and off (``--no-builtin-rules``: what is found without the lists
  built from these very pairs)
- clean abstracts / clean encyclopedic: ``clean`` (every finding is a false flag)
- MQM: ``mqm`` on mqm-zhen-dev.jsonl (span precision, Major recall, char F1)

The evaluation data is read from --shared, else $CLEANER_SHARED, else
../shared beside the checkout. ``--quick`` scores the first 20 documents of
each file (a smoke test, not a measurement).

usage: quality.py [--shared DIR] [--quick | --limit N] [--extra ARGS] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    name: str
    mode: str
    gold: str  # relative to the shared folder
    options: str = ""  # extra `cleaner check` options for this row


ROWS = (
    Row("seed article", "spans", "eval/seed-gold.jsonl"),
    Row("tortured-dev carriers, built-in packs on", "spans", "eval/tortured-dev-carriers.jsonl"),
    Row("tortured-dev carriers, built-in packs off", "spans", "eval/tortured-dev-carriers.jsonl", "--no-builtin-rules"),
    Row("clean abstracts", "clean", "data/clean-abstracts-dev.jsonl"),
    Row("clean encyclopedic", "clean", "data/clean-encyclopedic-dev.jsonl"),
    Row("MQM zh-en", "mqm", "data/mqm-zhen-dev.jsonl"),
)

COLUMNS = (
    ("recall", "recall"),
    ("fix acc.", "fix_accuracy"),
    ("false flags /10k words", "false_flags_per_10k_words"),
    ("span precision", "span_precision"),
    ("Major recall", "major_span_recall"),
    ("char F1", "char_f1"),
    ("words/s", "words_per_second"),
)


def shared_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")


def checker_command(options: str, extra: str) -> str:
    """The command score.py runs; ``{files}`` is where it puts the document paths."""
    python = shlex.quote(sys.executable)
    return f"{python} -m cleaner check --format json {options} {extra} {{files}}".replace("  ", " ")


def score(shared: Path, row: Row, limit: int, extra: str) -> dict[str, object]:
    command = [sys.executable, str(shared / "eval" / "score.py"), row.mode, str(shared / row.gold)]
    command += ["--cmd", checker_command(row.options, extra)]
    if limit:
        command += ["--limit", str(limit)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"score.py failed on {row.name}: {done.stderr[-2000:]}")
    report_text = done.stdout.rsplit("\n", 2)[0]  # the last line is score.py's one-line summary
    result: dict[str, object] = json.loads(report_text)
    return result


def cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def table(results: list[tuple[Row, dict[str, object]]]) -> str:
    lines = ["| data | " + " | ".join(title for title, _ in COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for row, result in results:
        cells = [cell(result.get(key)) if key in result else "–" for _, key in COLUMNS]
        lines.append(f"| {row.name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", help="the evaluation folder (default $CLEANER_SHARED or ../shared)")
    parser.add_argument("--quick", action="store_true", help="first 20 documents of each file: a smoke test")
    parser.add_argument("--limit", type=int, default=0, help="first N documents of each file")
    parser.add_argument("--extra", default="", help="more `cleaner check` options for every row, e.g. --no-spin")
    parser.add_argument("--json", action="store_true", help="also print the raw score.py results as JSON")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if not (shared / "eval" / "score.py").is_file():
        raise SystemExit(f"no evaluation data at {shared} (give --shared or set CLEANER_SHARED)")
    limit = args.limit or (20 if args.quick else 0)
    results = []
    for row in ROWS:
        print(f"scoring {row.name} ...", file=sys.stderr, flush=True)
        results.append((row, score(shared, row, limit, args.extra)))
    print(table(results))
    if args.json:
        print(json.dumps({row.name: result for row, result in results}, indent=1))


if __name__ == "__main__":
    main()
