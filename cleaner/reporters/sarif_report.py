"""SARIF 2.1.0: for GitHub code scanning and other SARIF viewers.

Columns and character offsets count Unicode code points (``columnKind``).
Rules are described from their packs (what, why, use instead); findings of
detectors without a pack get a short description from the finding itself.
A fixable finding carries its first suggestion as a SARIF fix.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from cleaner import __version__
from cleaner.baseline import fingerprint
from cleaner.document import Document
from cleaner.engine import FileResult
from cleaner.model import Finding, Severity
from cleaner.reporters.suggested import edits
from cleaner.rulepack import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
INFORMATION_URI = "https://pypi.org/project/cleaner/"
FINGERPRINT = "cleanerContext/v1"  # the baseline's fingerprint: path, rule, text and words around it, not the line


def uri_for(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, '/'-separated and percent-encoded."""
    posix = Path(path).as_posix()
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(posix, safe="/")


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.doc.what}\n\nWhy it matters: {rule.doc.why}\n\nUse instead: {rule.doc.instead}"
    help_markdown = f"{rule.doc.what}\n\n**Why it matters:** {rule.doc.why}\n\n**Use instead:** {rule.doc.instead}"
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.doc.what},
        "fullDescription": {"text": rule.doc.why},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category.value, "tags": [rule.category.value], "fix": rule.applicability.value},
    }


def finding_descriptor(finding: Finding) -> dict[str, Any]:
    """For a rule that no pack describes (a model's or a gate's finding)."""
    return {
        "id": finding.rule_id,
        "name": finding.rule_name,
        "shortDescription": {"text": finding.rule_name.replace("-", " ")},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category.value, "tags": [finding.category.value]},
    }


def region(doc: Document, start: int, end: int, snippet: bool = True) -> dict[str, Any]:
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    out: dict[str, Any] = {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }
    if snippet:
        out["snippet"] = {"text": doc.source[start:end]}
    return out


def result_dict(result: FileResult, finding: Finding, rule_index: int) -> dict[str, Any]:
    assert result.document is not None
    location = {"artifactLocation": {"uri": uri_for(result.path)}}
    where = region(result.document, finding.start, finding.end)
    out: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message + (f" → {finding.suggestions[0]}" if finding.suggestions else "")},
        "locations": [{"physicalLocation": {**location, "region": where}}],
        "partialFingerprints": {FINGERPRINT: fingerprint(result.path, finding, result.document.source)},
        "properties": {"category": finding.category.value, "confidence": round(finding.confidence, 3)},
    }
    fixes = []
    for edit in edits(result, finding):
        replacement = {
            "deletedRegion": region(result.document, edit.start, edit.end, snippet=False),
            "insertedContent": {"text": edit.replacement},
        }
        fixes.append(
            {
                "description": {"text": f"Replace with '{edit.replacement}' ({finding.applicability.value} fix)"},
                "artifactChanges": [{**location, "replacements": [replacement]}],
            }
        )
    if fixes:
        out["fixes"] = fixes
    return out


def sarif_dict(results: Sequence[FileResult], rules: Sequence[Rule]) -> dict[str, Any]:
    known = {rule.id: rule for rule in rules}
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    sarif_results = []
    for result in results:
        for finding in result.findings:
            if finding.rule_id not in index:
                index[finding.rule_id] = len(descriptors)
                rule = known.get(finding.rule_id)
                descriptors.append(rule_descriptor(rule) if rule else finding_descriptor(finding))
            sarif_results.append(result_dict(result, finding, index[finding.rule_id]))
    notifications = [
        {"level": "error", "message": {"text": f"{r.path}: {r.error}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri_for(r.path)}}}]}
        for r in results if r.error is not None
    ]  # fmt: skip
    driver = {"name": "cleaner", "version": __version__, "informationUri": INFORMATION_URI, "rules": descriptors}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
                "results": sarif_results,
            }
        ],
    }


def render(results: Sequence[FileResult], stream: TextIO, options: object) -> None:
    rules: Sequence[Rule] = getattr(options, "rules", ())
    json.dump(sarif_dict(results, rules), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
