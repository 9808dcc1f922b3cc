"""JSON report: the versioned wire format (see README, "JSON report")."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from cleaner import __version__
from cleaner.engine import FileResult
from cleaner.model import Finding

SCHEMA_VERSION = "1.0"


def finding_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule_id,
        "name": finding.rule_name,
        "category": finding.category.value,
        "severity": finding.severity.label,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "fix": finding.applicability.value,
        "confidence": round(finding.confidence, 3),
        "detector": finding.detector,
    }
    data.update(finding.extra)
    return data


def file_dict(result: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {"path": result.path}
    if result.error is not None:
        data["error"] = result.error
    data["words"] = result.words
    if result.document_score is not None:
        data["document_score"] = round(result.document_score, 4)
    readability = getattr(result, "readability", None)
    if readability is not None:
        data["readability"] = readability
    data["findings"] = [finding_dict(f) for f in result.findings]
    return data


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for result in results:
        for finding in result.findings:
            counts[finding.severity.label] = counts.get(finding.severity.label, 0) + 1
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "cleaner", "version": __version__},
        "files": [file_dict(r) for r in results],
        "summary": {
            "files": len(results),
            "errors": sum(1 for r in results if r.error is not None),
            "findings": sum(len(r.findings) for r in results),
            "by_severity": counts,
        },
    }


def render(results: Sequence[FileResult], stream: TextIO, options: object) -> None:
    del options
    json.dump(report_dict(results), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
