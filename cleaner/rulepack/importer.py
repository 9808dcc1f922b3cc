"""Turn a Problematic-Paper-Screener-style TSV export into a rule pack."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONDITION_RE = re.compile(r"\b(AND|NOT)\s+([^;|]+?)(?=\s*(?:[;|]|\bAND\b|\bNOT\b|$))")


@dataclass(frozen=True, slots=True)
class ImportedPair:
    tortured: str
    expected: tuple[str, ...]
    require: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    line: int = 0


def read_tsv(path: str | Path) -> list[ImportedPair]:
    """Rows of ``tortured <TAB> expected[/alternative...] [<TAB> conditions]``.

    A header row naming ``tortured`` is skipped. Conditions are written
    ``AND word; NOT other`` in any later column (or in columns headed ``and``
    and ``not``); extra columns such as ``source`` are ignored.
    """
    pairs: list[ImportedPair] = []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    header: list[str] = []
    if rows and rows[0] and rows[0][0].strip().lower() == "tortured":
        header = [h.strip().lower() for h in rows[0]]
        rows = rows[1:]
    for number, row in enumerate(rows, start=2 if header else 1):
        if len(row) < 2 or not row[0].strip() or row[0].startswith("#"):
            continue
        expected = tuple(e.strip() for e in row[1].split("/") if e.strip())
        if not expected:
            continue
        require, forbid = _conditions(row, header)
        pairs.append(ImportedPair(row[0].strip(), expected, require, forbid, number))
    return pairs


def _conditions(row: list[str], header: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    require: list[str] = []
    forbid: list[str] = []
    for index, cell in enumerate(row[2:], start=2):
        name = header[index] if index < len(header) else ""
        if name in ("and", "require"):
            require.extend(_items(cell))
        elif name in ("not", "forbid"):
            forbid.extend(_items(cell))
        elif name in ("", "conditions", "condition"):
            for op, word in CONDITION_RE.findall(cell):
                (require if op == "AND" else forbid).append(word.strip())
    return tuple(require), tuple(forbid)


def _items(cell: str) -> list[str]:
    return [w.strip() for w in re.split(r"[;|]", cell) if w.strip()]


def to_pack(pairs: Iterable[ImportedPair], name: str, prefix: str = "TPX") -> dict[str, Any]:
    """A rule pack (as data ready for YAML) with one substitution rule per pair."""
    rules: list[dict[str, Any]] = []
    for number, pair in enumerate(pairs, start=1):
        slug = re.sub(r"[^a-z0-9]+", "-", pair.tortured.lower()).strip("-")[:60] or "phrase"
        context = f"{' '.join(pair.require)} " if pair.require else ""
        rule: dict[str, Any] = {
            "id": f"{prefix}{number:05d}",
            "name": f"imported-{slug}",
            "kind": "substitution",
            "category": "tortured-phrase",
            "severity": "warning",
            "fix": "unsafe",
            "message": "'{match}' looks like a tortured form of '{suggestion}'",
            "swap": {pair.tortured: list(pair.expected)},
            "doc": {
                "what": f"The phrase '{pair.tortured}' (imported, line {pair.line}).",
                "why": "Paraphrasing tools swap words in established terms for synonyms.",
                "instead": " or ".join(pair.expected),
            },
            "examples": {
                "fail": [f"{context}We discuss {pair.tortured} here."],
                "pass": [f"{context}We discuss {pair.expected[0]} here."],
            },
        }
        if pair.require:
            rule["require"] = list(pair.require)
        if pair.forbid:
            rule["forbid"] = list(pair.forbid)
        rules.append(rule)
    return {
        "pack": name,
        "description": "Imported from a tortured-phrase list by `cleaner rules import`.",
        "rules": rules,
    }


def dump_pack(pack: dict[str, Any]) -> str:
    import yaml  # only when a pack is written: not at every start

    return str(yaml.safe_dump(pack, sort_keys=False, allow_unicode=True, width=120))
