#!/usr/bin/env python3
"""Sanity figures for cleaner.pos: accuracy on hand-tagged sentences, model load time and tagging speed.

The sentences below were written and tagged by hand for this check (Universal Dependencies
parts of speech as UD English-EWT uses them: "our" is PRON, "many" and "several" ADJ, the "to"
of an infinitive PART). Only the part of speech is compared, not the verb form. Speed is
measured on the clean abstracts when ../shared is beside the checkout (or $CLEANER_SHARED),
else on these sentences repeated.

usage: pos_accuracy.py
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import pos  # noqa: E402
from cleaner.document import WORD_RE  # noqa: E402

GOLD = [
    (
        "We propose a simple method for finding errors in scientific papers",
        "PRON VERB DET ADJ NOUN ADP VERB NOUN ADP ADJ NOUN",
    ),
    (
        "The results show that the model performs well on three benchmarks",
        "DET NOUN VERB SCONJ DET NOUN VERB ADV ADP NUM NOUN",
    ),
    (
        "Patients who received the drug had fewer side effects than those in the control group",
        "NOUN PRON VERB DET NOUN VERB ADJ NOUN NOUN ADP PRON ADP DET NOUN NOUN",
    ),
    (
        "This study was designed to test whether exercise can reduce pain",
        "DET NOUN AUX VERB PART VERB SCONJ NOUN AUX VERB NOUN",
    ),
    (
        "Our findings suggest that the effect is small but significant",
        "PRON NOUN VERB SCONJ DET NOUN AUX ADJ CCONJ ADJ",
    ),
    (
        "The city was founded in 1820 and quickly became an important port",
        "DET NOUN AUX VERB ADP NUM CCONJ ADV VERB DET ADJ NOUN",
    ),
    ("It is not clear how these networks learn such representations", "PRON AUX PART ADJ ADV DET NOUN VERB ADJ NOUN"),
    (
        "Many users have reported that the new version runs much faster",
        "ADJ NOUN AUX VERB SCONJ DET ADJ NOUN VERB ADV ADV",
    ),
    (
        "The data were collected from 40 hospitals between 2015 and 2019",
        "DET NOUN AUX VERB ADP NUM NOUN ADP NUM CCONJ NUM",
    ),
    (
        "We also discuss several limitations of our approach and outline future work",
        "PRON ADV VERB ADJ NOUN ADP PRON NOUN CCONJ VERB ADJ NOUN",
    ),
    (
        "The river flows through a narrow valley before it reaches the sea",
        "DET NOUN VERB ADP DET ADJ NOUN SCONJ PRON VERB DET NOUN",
    ),
]


def main() -> None:
    if not pos.installed():
        print("skipped: denckring-en-pos (the pos extra) is not installed")
        return
    began = time.perf_counter()
    pos.tagger()
    print(f"model load: {time.perf_counter() - began:.3f} s (cache folder {pos.cache_dir()})")
    right = total = 0
    for sentence, gold in GOLD:
        words, expected = sentence.split(), gold.split()
        assert len(words) == len(expected), sentence
        got = [label.split("|")[0] for label in pos.tag(words) or []]
        misses = [f"{w}/{g}->{t}" for w, g, t in zip(words, expected, got, strict=True) if g != t]
        right += len(words) - len(misses)
        total += len(words)
        if misses:
            print("  " + ", ".join(misses))
    print(f"accuracy on {total} hand-tagged words: {right / total:.3f} ({right}/{total})")
    shared = Path(os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")
    corpus = shared / "data" / "clean-abstracts-dev.jsonl"
    if corpus.is_file():
        texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()[:300]]
    else:
        texts = [sentence for sentence, _ in GOLD] * 50
    sentences = [WORD_RE.findall(piece) for text in texts for piece in text.split(". ")]
    words = sum(len(s) for s in sentences)
    began = time.perf_counter()
    for sentence in sentences:
        pos.tag(sentence)
    seconds = time.perf_counter() - began
    print(f"tagging: {words} words in {seconds:.2f} s ({words / seconds:,.0f} words/s, whole sentences)")


if __name__ == "__main__":
    main()
