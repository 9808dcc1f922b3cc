#!/usr/bin/env python3
"""Speed and false flags of the default pipeline on the clean dev corpora.

For each clean corpus: words, seconds per detector, words per second of the
whole default pipeline, and how many findings the grammar, calque, n-gram and
spelling checks raise per 10k words (every finding on clean text is a false
flag). ``--show`` prints each such finding with its context. Seconds are CPU
seconds of this process (the first detector to need a document's tokens pays for them).
Reads ../shared beside the checkout (or $CLEANER_SHARED); skips if absent.

usage: grammar_check.py [--show] [--limit N] [--min-severity LEVEL]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.config import Settings  # noqa: E402
from cleaner.detectors import build  # noqa: E402
from cleaner.document import Document  # noqa: E402
from cleaner.model import Finding, Severity  # noqa: E402

CLEAN = ("clean-abstracts-dev.jsonl", "clean-encyclopedic-dev.jsonl")
OURS = ("GR", "MT", "NG", "SC", "LT", "TY")
OLDER_CALQUES = ("IC001", "IC002")


def is_ours(finding: Finding) -> bool:
    if finding.rule_id in OLDER_CALQUES:
        return False
    return finding.rule_id.startswith(OURS) or finding.rule_id.startswith("IC")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every false flag with its context")
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts of each corpus")
    parser.add_argument("--min-severity", default="suggestion")
    args = parser.parse_args()
    shared = Path(os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")
    if not (shared / "data").is_dir():
        print(f"skipped: {shared}/data not found")
        return
    detectors = build(Settings(min_severity=Severity.parse(args.min_severity)))
    minimum = Severity.parse(args.min_severity)
    for name in CLEAN:
        lines = (shared / "data" / name).read_text(encoding="utf-8").splitlines()
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
        if args.limit:
            texts = texts[: args.limit]
        seconds: Counter[str] = Counter()
        flags: Counter[str] = Counter()
        words = 0
        for text in texts:
            doc = Document.plain(text)
            words += doc.word_count
            for detector in detectors:
                began = time.process_time()  # CPU seconds: steadier than wall time on a busy machine
                found = detector.check(doc)
                seconds[detector.name] += time.process_time() - began
                for f in found:
                    if is_ours(f) and f.severity >= minimum:
                        flags[f.rule_id] += 1
                        if args.show:
                            context = text[max(0, f.start - 40) : f.end + 40].replace("\n", " ")
                            print(f"  {f.rule_id} {text[f.start : f.end]!r} -> {f.suggestions[:1]}  …{context}…")
        total = sum(seconds.values())
        per_10k = sum(flags.values()) * 10000 / max(words, 1)
        print(f"{name}: {len(texts)} texts, {words} words, {total:.2f}s ({words / max(total, 1e-9):,.0f} words/s)")
        print("  seconds by detector: " + ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()))
        print(f"  our findings: {sum(flags.values())} ({per_10k:.2f} per 10k words) {dict(flags.most_common())}")


if __name__ == "__main__":
    main()
