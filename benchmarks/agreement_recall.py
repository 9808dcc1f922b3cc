#!/usr/bin/env python3
"""Recall of GR030/GR031 on slips planted in clean text.

Every sentence of the clean abstracts with a plural subject right before a plural verb
("the results show", "these methods are") gets one slip planted: the verb made singular
("the results shows", "these methods is", for GR030) or "these"/"those" made "this" ("this
methods are", for GR031). Recall is the share of planted slips flagged at the planted word;
false flags elsewhere in the same sentences are counted too. Reads ../shared beside the
checkout (or $CLEANER_SHARED); skips if absent or without the tagger.

usage: agreement_recall.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import pos  # noqa: E402
from cleaner.detectors.agreement import AgreementDetector  # noqa: E402
from cleaner.document import Document  # noqa: E402

SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}
SUBJECT_VERB_RE = re.compile(
    r"\b([Tt]he|[Tt]hese|[Tt]hose|[Oo]ur|[Tt]heir) ([a-z]+s) (are|were|have|show|suggest|indicate|provide|remain|"
    r"require|allow|improve|perform|outperform|achieve|contain|include|represent|become|enable|depend)\b"
)


def singular(verb: str) -> str:
    return SINGULAR.get(verb) or (verb + "es" if verb.endswith(("ch", "sh", "s", "x")) else verb + "s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N planted slips of each kind")
    args = parser.parse_args()
    shared = Path(os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")
    corpus = shared / "data" / "clean-abstracts-dev.jsonl"
    if not corpus.is_file() or not pos.installed():
        print("skipped: no clean abstracts or no tagger (the pos extra)")
        return
    sentences = [
        piece.strip() + "."
        for line in corpus.read_text(encoding="utf-8").splitlines()
        for piece in json.loads(line)["text"].split(". ")
    ]
    detector = AgreementDetector()
    for rule in ("GR030", "GR031"):
        planted = found = other = 0
        for sentence in sentences:
            m = SUBJECT_VERB_RE.search(sentence)
            if m is None or (rule == "GR031" and m.group(1).lower() not in ("these", "those")):
                continue
            if rule == "GR030":
                at = m.start(3)
                text = sentence[:at] + singular(m.group(3)) + sentence[m.end(3) :]
            else:
                at = m.start(1)
                this = "This" if m.group(1)[0] == "T" else "this"
                text = sentence[:at] + this + sentence[m.end(1) :]
            planted += 1
            hits = [f for f in detector.check(Document.plain(text)) if f.rule_id == rule]
            found += any(f.start <= at < f.end for f in hits)
            other += sum(not f.start <= at < f.end for f in hits)
            if args.limit and planted >= args.limit:
                break
        recall = found / max(planted, 1)
        print(f"{rule}: {found}/{planted} planted slips flagged (recall {recall:.2f}), {other} other flags")


if __name__ == "__main__":
    main()
