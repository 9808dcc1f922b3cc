#!/usr/bin/env python3
"""What readability costs on the clean abstracts: checking without thresholds, with them, and scoring alone.

Checks every text of clean-abstracts-dev.jsonl three ways and prints words and
seconds for each: the default pipeline (no thresholds: no score is computed),
the pipeline with a Flesch-Kincaid threshold (every document and paragraph
scored), and readability.report alone.
Reads ../shared beside the checkout (or $CLEANER_SHARED); skips if absent.

usage: readability_cost.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import readability  # noqa: E402
from cleaner.config import Settings  # noqa: E402
from cleaner.engine import Engine  # noqa: E402


def timed(label: str, texts: list[str], run: object) -> None:
    assert callable(run)
    start = time.perf_counter()
    for text in texts:
        run(text)
    words = sum(len(t.split()) for t in texts)
    print(f"{label:<40} {words:>8} words  {time.perf_counter() - start:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    shared = Path(os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")
    path = shared / "data" / "clean-abstracts-dev.jsonl"
    if not path.is_file():
        print(f"skipped: {path} not found")
        return
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    texts = texts[: args.limit] if args.limit else texts
    plain, gated = Engine(), Engine(Settings(readability={"flesch_kincaid_grade": 12.0}))
    plain.check_text(texts[0])  # load the rules once
    gated.check_text(texts[0])
    timed("check, no readability thresholds", texts, plain.check_text)
    timed("check, flesch_kincaid_grade = 12", texts, gated.check_text)
    timed("readability.report alone", texts, readability.report)


if __name__ == "__main__":
    main()
