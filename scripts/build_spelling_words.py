#!/usr/bin/env python3
"""Write cleaner/data/spelling/words.txt.gz: pyspellchecker's English word list, commonest first.

Source: pyspellchecker (MIT licence), its resources/en.json.gz word frequencies.
Shipping the list as plain sorted words lets the spelling check load it in a few
milliseconds instead of parsing the JSON on every run.

usage: build_spelling_words.py  (needs pyspellchecker installed: pip install pyspellchecker)
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.gztext import open_for_writing  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "spelling" / "words.txt.gz"


def main() -> None:
    source = resources.files("spellchecker") / "resources" / "en.json.gz"
    with gzip.open(str(source), "rt", encoding="utf-8") as handle:
        counts: dict[str, int] = json.load(handle)
    words = sorted(counts, key=lambda w: (-counts[w], w))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open_for_writing(OUT) as handle:
        handle.write("\n".join(words) + "\n")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
