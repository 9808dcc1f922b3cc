#!/usr/bin/env python3
"""SP002 (implausible collocations) with its gate, and with the gate lowered.

For each data file, every document goes through the default engine's first
pass (``Engine.examine``); the table shows how many documents pass SP002's gate
and how many SP002 findings there are per 10k words: as shipped, with weaker
gates, and with no gate at all (every unseen adjective + noun pair). Clean
corpora should show none as shipped; the ungated rate shows why the gate is
needed. Reads ../shared beside the checkout (or $CLEANER_SHARED, or --shared).

``--spin`` adds SP001 (and its hints) to the first pass: more evidence, in
clean texts too.

usage: collocation_gate.py [--shared DIR] [--limit N] [--spin]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.config import Settings  # noqa: E402
from cleaner.detectors.collocation import CollocationDetector  # noqa: E402
from cleaner.document import count_words  # noqa: E402
from cleaner.engine import Engine  # noqa: E402

FILES = (
    "eval/seed-gold.jsonl",
    "data/clean-abstracts-dev.jsonl",
    "data/clean-encyclopedic-dev.jsonl",
    "data/spun-examples.jsonl",
    "data/mqm-zhen-dev.jsonl",
)
GATES = (
    ("shipped (0.9, 3 phrases, 2 rules)", 0.9, 3, 2),
    ("0.9, 3 phrases, 1 rule", 0.9, 3, 1),
    ("0.5, 2, 1", 0.5, 2, 1),
    ("0.0, 1, 1", 0.0, 1, 1),
    ("no gate", 0.0, 0, 0),
)


def measure(path: Path, limit: int, spin: bool) -> list[str]:
    engine = Engine(Settings(spin=spin))
    detectors = [CollocationDetector(score, n, rules) for _, score, n, rules in GATES]
    passed = [0] * len(GATES)
    flags = [0] * len(GATES)
    words = 0
    with open(path, encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if limit and k >= limit:
                break
            text = json.loads(line)["text"]
            doc = engine.document("doc.txt", text)
            words += count_words(text)
            _, evidence = engine.examine(doc)
            for i, detector in enumerate(detectors):
                if detector.gated(doc, evidence):
                    passed[i] += 1
                    flags[i] += len(detector.check_with(doc, evidence))
    per_10k = [1e4 * n / max(1, words) for n in flags]
    cells = [f"{passed[i]} docs, {flags[i]} flags ({per_10k[i]:.2f}/10k)" for i in range(len(GATES))]
    return [path.name, str(words), *cells]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", help="the evaluation folder (default $CLEANER_SHARED or ../shared)")
    parser.add_argument("--limit", type=int, default=0, help="first N documents of each file")
    parser.add_argument("--spin", action="store_true", help="SP001 in the first pass too")
    args = parser.parse_args()
    shared = Path(args.shared or os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")
    if not (shared / "eval").is_dir():
        raise SystemExit(f"no evaluation data at {shared} (give --shared or set CLEANER_SHARED)")
    print("| data | words | " + " | ".join(gate[0] for gate in GATES) + " |")
    print("|---" * (len(GATES) + 2) + "|")
    for name in FILES:
        if (shared / name).is_file():
            print("| " + " | ".join(measure(shared / name, args.limit, args.spin)) + " |", flush=True)


if __name__ == "__main__":
    main()
