#!/usr/bin/env python3
"""Speed of the spin detector (SP001) alone over a clean dev corpus.

Loads the built-in tables (timed separately), then runs the detector over every
document and prints words per second of CPU time (process time, so other work
on the machine does not count) and the warnings it raised.

usage: spin_speed.py [CORPUS.jsonl]   (default: clean-abstracts-dev.jsonl)
Reads ../shared beside the checkout (or $CLEANER_SHARED); skips if absent.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.spin.detect import default_detector  # noqa: E402
from cleaner.spin.pairs import find_shared  # noqa: E402


def main() -> None:
    shared = find_shared()
    if shared is None:
        print("SKIPPED: ../shared (evaluation data) not found beside the checkout; set CLEANER_SHARED")
        return
    name = sys.argv[1] if len(sys.argv) > 1 else "clean-abstracts-dev.jsonl"
    with open(shared / "data" / name, encoding="utf-8") as handle:
        docs = [json.loads(line)["text"] for line in handle if line.strip()]
    started = time.process_time()
    detector = default_detector()
    detector.hits("")
    loaded = time.process_time() - started
    n_words = sum(len(doc.split()) for doc in docs)
    started = time.process_time()
    warnings = 0
    for doc in docs:
        warnings += sum(h.confidence >= detector.gate.warning_at for h in detector.hits(doc))
    spent = time.process_time() - started
    rate = n_words / spent
    print(f"{name}: load {loaded:.2f} s; {n_words} words in {spent:.2f} s = {rate:,.0f} words/s; {warnings} warnings")


if __name__ == "__main__":
    main()
