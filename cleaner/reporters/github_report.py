"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

Escaping follows GitHub's toolkit: in the message ``%``, CR and LF are
percent-encoded; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from cleaner.engine import FileResult
from cleaner.model import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def render(results: Sequence[FileResult], stream: TextIO, options: object) -> None:
    del options
    for result in results:
        if result.error is not None:
            stream.write(command("error", {"file": result.path, "title": "cleaner: unreadable"}, result.error) + "\n")
            continue
        for f in result.findings:
            properties: dict[str, object] = {
                "file": result.path,
                "line": f.line,
                "col": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
                "title": f"{f.rule_id} {f.rule_name}",
            }
            suggestion = f" → {f.suggestions[0]}" if f.suggestions else ""
            stream.write(command(COMMANDS[f.severity], properties, f.message + suggestion) + "\n")
