#!/usr/bin/env python3
"""Learn the spin detector's word-swap table from tortured/expected phrase pairs.

Source: ../shared/data/tortured-dev.tsv (Problematic Paper Screener exports,
CC BY 4.0, and pages that state a pair). The output, cleaner/data/spin/swaps.tsv.gz,
holds only word-swap counts ("profound" -> "deep": 31), a derived table.

usage: build_spin_swaps.py [PAIRS.tsv]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.spin.pairs import find_shared, read_pairs  # noqa: E402
from cleaner.spin.swaps import learn_swaps  # noqa: E402


def main() -> None:
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        shared = find_shared()
        if shared is None:
            sys.exit("../shared not found; pass the pairs file")
        path = shared / "data" / "tortured-dev.tsv"
    table = learn_swaps((p.tortured, p.expected) for p in read_pairs(path))
    out = ROOT / "cleaner" / "data" / "spin" / "swaps.tsv.gz"
    table.save(out)
    print(f"{len(table.counts)} swapped words -> {out}")


if __name__ == "__main__":
    main()
