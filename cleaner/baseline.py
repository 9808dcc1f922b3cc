"""Baselines: today's findings recorded so that only new ones are reported and fail CI.

A finding is known when the baseline holds one with the same path, rule,
flagged text and context (the few words either side on the same line,
spacing and case ignored). Line numbers are not part of the match, so findings survive lines
added or removed above them. Each recorded finding excuses one finding: a
phrase that appears once more than before is new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cleaner import writeback
from cleaner.engine import FileResult
from cleaner.model import Finding

VERSION = 1
CONTEXT_WORDS = 3
_WORD = re.compile(r"\w+")


class BaselineError(ValueError):
    """A baseline file cleaner cannot read; the message names it."""


def key_path(path: str, root: str) -> str:
    """A path as the baseline records it: relative to the baseline's folder, '/'-separated."""
    if path == "-":
        return path
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()


def context(source: str, finding: Finding) -> str:
    """Up to three words either side of the span, on its own lines (other lines may change freely)."""
    line_start = max(source.rfind("\n", 0, finding.start) + 1, finding.start - 80)
    line_end = source.find("\n", finding.end)
    line_end = min(len(source) if line_end < 0 else line_end, finding.end + 80)
    before = _WORD.findall(source[line_start : finding.start])[-CONTEXT_WORDS:]
    after = _WORD.findall(source[finding.end : line_end])[:CONTEXT_WORDS]
    return " ".join(before).lower() + " | " + " ".join(after).lower()


def fingerprint(path: str, finding: Finding, source: str) -> str:
    text = " ".join(source[finding.start : finding.end].split()).lower()
    parts = "\x1f".join((path, finding.rule_id, text, context(source, finding)))
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()[:24]


def entries(results: Iterable[FileResult], root: str) -> list[dict[str, Any]]:
    out = []
    for result in results:
        if result.document is None:
            continue
        path = key_path(result.path, root)
        source = result.document.source
        for finding in result.findings:
            out.append(
                {
                    "path": path,
                    "rule": finding.rule_id,
                    "line": finding.line,
                    "text": source[finding.start : finding.end],
                    "fingerprint": fingerprint(path, finding, source),
                }
            )
    return out


def write(results: Iterable[FileResult], output: str) -> int:
    """Record every finding in ``results``; returns how many."""
    root = os.path.dirname(os.path.abspath(output))
    os.makedirs(root, exist_ok=True)
    recorded = entries(results, root)
    data = {"version": VERSION, "tool": "cleaner", "findings": recorded}
    writeback.write_atomic(output, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return len(recorded)


class Baseline:
    def __init__(self, root: str, counts: Counter[str]) -> None:
        self.root = root
        self.counts = counts


def load(path: str) -> Baseline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with `cleaner baseline create`)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a cleaner baseline: {exc}") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or not all(isinstance(f, dict) and "fingerprint" in f for f in findings):
        raise BaselineError(f"{path}: not a cleaner baseline (no `findings` list with fingerprints)")
    counts = Counter(str(f["fingerprint"]) for f in findings)
    return Baseline(os.path.dirname(os.path.abspath(path)), counts)


def leave_out(results: Iterable[FileResult], baseline: Baseline) -> int:
    """Drop the findings the baseline knows, in place; returns how many were dropped."""
    remaining = Counter(baseline.counts)
    dropped = 0
    for result in results:
        if result.document is None:
            continue
        path = key_path(result.path, baseline.root)
        kept = []
        for finding in result.findings:
            key = fingerprint(path, finding, result.document.source)
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(finding)
        result.findings = kept
    return dropped
