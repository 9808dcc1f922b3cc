#!/usr/bin/env python3
"""Document scores of the spin detector: the seed article against the clean dev corpora.

Prints the seed article's findings (hints included) and its document score,
and the 50th/95th/99th percentiles of the score over each clean corpus.
Reads ../shared beside the checkout (or $CLEANER_SHARED); skips if absent.

usage: spin_docscore.py [--limit N] [--engine]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.config import Settings  # noqa: E402
from cleaner.document import Document  # noqa: E402
from cleaner.engine import Engine  # noqa: E402
from cleaner.spin.detect import default_detector  # noqa: E402
from cleaner.spin.docscore import document_score  # noqa: E402
from cleaner.spin.pairs import find_shared  # noqa: E402

CLEAN = ("clean-abstracts-dev.jsonl", "clean-encyclopedic-dev.jsonl")


def score_text(text: str, engine: Engine | None = None) -> tuple[float, list[tuple[str, str, float]]]:
    """The spin detector's findings alone; or, given an engine, the score the
    JSON report gives (every tortured-phrase, calque and mistranslation finding)."""
    if engine is not None:
        doc = Document.plain(text)
        return engine.analyse(doc)[1], []
    detector = default_detector()
    hits = detector.hits(text)
    found = [(h.written, h.original, h.confidence) for h in hits]
    return document_score([h.confidence for h in hits], len(text.split())), found


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--engine", action="store_true", help="score as `cleaner check` does (rules and SP001)")
    args = ap.parse_args()
    engine = Engine(Settings()) if args.engine else None
    shared = find_shared()
    if shared is None:
        print("SKIPPED: ../shared (evaluation data) not found beside the checkout; set CLEANER_SHARED")
        return
    seed = (shared / "data" / "seed-article.txt").read_text(encoding="utf-8")
    seed_score, found = score_text(seed, engine)
    for written, original, confidence in found:
        print(f"  seed: {written!r} -> {original!r} ({confidence:.3f})")
    print(f"seed article document_score = {seed_score:.3f}")
    for name in CLEAN:
        with open(shared / "data" / name, encoding="utf-8") as handle:
            docs = [json.loads(line) for line in handle if line.strip()]
        if args.limit:
            docs = docs[: args.limit]
        scores = [score_text(d["text"], engine)[0] for d in docs]
        p50, p95, p99 = (percentile(scores, q) for q in (0.5, 0.95, 0.99))
        above = sum(s >= seed_score for s in scores) / len(scores)
        print(f"{name}: p50={p50:.3f} p95={p95:.3f} p99={p99:.3f}; share scoring >= seed: {above:.3f}")


if __name__ == "__main__":
    main()
