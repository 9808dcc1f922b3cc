"""Reading tortured/expected phrase pairs, and finding ../shared beside a checkout."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True, slots=True)
class Pair:
    tortured: str
    expected: list[str]


def read_pairs(path: Path) -> list[Pair]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out = []
    for row in rows:
        expected = [e.strip() for e in (row.get("expected") or "").split("/") if e.strip()]
        if row.get("tortured") and expected:
            out.append(Pair(row["tortured"].strip(), expected))
    return out


def find_shared() -> Path | None:
    """The shared evaluation folder: $CLEANER_SHARED, or ../shared beside the
    checkout (a git worktree under a folder counts its parent too)."""
    env = os.environ.get("CLEANER_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for path in candidates:
        if (path / "eval").is_dir():
            return path
    return None
