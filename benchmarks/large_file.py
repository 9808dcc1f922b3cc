#!/usr/bin/env python3
"""Check one large generated text file and print wall time and peak memory.

The file is prose paragraphs with one spun sentence every 41 paragraphs,
written to a temporary directory and removed afterwards. The check runs in
this process (``Engine().check_path``, chunked above 1,000,000 bytes); peak
RSS is ``ru_maxrss`` before and after it.

usage: large_file.py [--megabytes 100]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.engine import Engine  # noqa: E402

PARAGRAPH = (
    "The committee discussed the findings at length before it published the annual report on the "
    "regional economy, which covered employment, housing and transport in some detail.\n\n"
)
SPUN = "Then we trained a profound learning model on it.\n\n"


def write_file(path: Path, megabytes: int) -> int:
    block = (PARAGRAPH * 40 + SPUN).encode("utf-8")
    count = megabytes * 1024 * 1024 // len(block) + 1
    with path.open("wb") as handle:
        for _ in range(count):
            handle.write(block)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.txt"
        spun = write_file(path, args.megabytes)
        engine = Engine()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        began = time.perf_counter()
        result = engine.check_path(str(path))
        elapsed = time.perf_counter() - began
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{args.megabytes} MB: {len(result.findings)} findings ({spun} expected), error={result.error}")
    print(f"check: {elapsed:.1f} s wall; peak RSS {after} MB (before the check: {before} MB)")


if __name__ == "__main__":
    main()
