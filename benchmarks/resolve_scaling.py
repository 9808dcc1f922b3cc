#!/usr/bin/env python3
"""Time ``engine.resolve`` on random overlapping findings, against the quadratic algorithm it replaced.

The reference algorithm lives in tests/test_properties.py (the property test
compares the two); it is timed only up to --reference-max findings.

usage: resolve_scaling.py [--sizes 2000 20000 100000] [--reference-max 20000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_properties import reference_resolve  # noqa: E402

from cleaner.engine import resolve  # noqa: E402
from cleaner.model import Applicability, Category, Finding, Severity  # noqa: E402


def random_findings(n: int, rng: random.Random) -> list[Finding]:
    categories = list(Category)[:3]
    out = []
    for _ in range(n):
        start = rng.randrange(n * 10)
        out.append(
            Finding(
                "R1",
                "r",
                rng.choice(categories),
                rng.choice(list(Severity)),
                start,
                start + rng.randrange(1, 30),
                "m",
                ("x",),
                Applicability.UNSAFE,
                rng.random(),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 100000])
    parser.add_argument("--reference-max", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(1)  # noqa: S311 - test data, not secrets
    for n in args.sizes:
        findings = random_findings(n, rng)
        began = time.perf_counter()
        kept = resolve(findings)
        line = f"{n} findings: resolve {time.perf_counter() - began:.2f} s"
        if n <= args.reference_max:
            began = time.perf_counter()
            same = reference_resolve(findings) == kept
            line += f"; quadratic reference {time.perf_counter() - began:.2f} s; same result: {same}"
        print(line)


if __name__ == "__main__":
    main()
