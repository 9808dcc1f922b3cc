"""reviewdog's rdjsonl: one JSON diagnostic per line, with suggestions reviewdog can offer as changes.

reviewdog counts columns in UTF-8 bytes, 1-based; the positions here are converted to that.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from cleaner.document import Document
from cleaner.engine import FileResult
from cleaner.model import Severity
from cleaner.reporters.suggested import edits

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.SUGGESTION: "INFO"}


def position(doc: Document, offset: int) -> dict[str, int]:
    line, column = doc.line_col(offset)
    before = doc.line_text(line)[: column - 1]
    return {"line": line, "column": len(before.encode("utf-8")) + 1}


def span(doc: Document, start: int, end: int) -> dict[str, Any]:
    return {"start": position(doc, start), "end": position(doc, end)}


def diagnostics(result: FileResult) -> list[dict[str, Any]]:
    doc = result.document
    if doc is None:
        return []
    out = []
    for f in result.findings:
        item: dict[str, Any] = {
            "message": f.message,
            "location": {"path": result.path, "range": span(doc, f.start, f.end)},
            "severity": SEVERITIES[f.severity],
            "source": {"name": "cleaner"},
            "code": {"value": f.rule_id},
        }
        changes = edits(result, f, every=True)
        suggestions = [{"range": span(doc, e.start, e.end), "text": e.replacement} for e in changes]
        if suggestions:
            item["suggestions"] = suggestions
        out.append(item)
    return out


def render(results: Sequence[FileResult], stream: TextIO, options: object) -> None:
    del options
    for result in results:
        for item in diagnostics(result):
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
