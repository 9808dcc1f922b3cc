"""Text report: ``path:line:col  RULE  message  → suggestion``, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from cleaner.engine import FileResult
from cleaner.model import Severity

LIKELY = 0.5  # document score from which the text report calls a file out

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def render(results: Sequence[FileResult], stream: TextIO, options: object) -> None:
    color = bool(getattr(options, "color", False))
    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True)
    counts: Counter[Severity] = Counter()
    for result in results:
        if result.error is not None:
            console.print(f"[bold red]{escape(result.path)}: error: {escape(result.error)}[/]")
            continue
        for f in result.findings:
            counts[f.severity] += 1
            where = escape(f"{result.path}:{f.line}:{f.column}")
            arrow = f"  → {escape(f.suggestions[0])}" if f.suggestions else ""
            style = STYLES[f.severity]
            console.print(f"{where}  [{style}]{f.rule_id}[/]  {escape(f.message)}[green]{arrow}[/]")
        if result.document_score is not None and result.document_score >= LIKELY:
            console.print(
                f"{escape(result.path)}: [bold]likely spun or machine-translated[/] "
                f"(document score {result.document_score:.2f})"
            )
    console.print(_summary(results, counts))


def _summary(results: Sequence[FileResult], counts: Counter[Severity]) -> str:
    checked = sum(1 for r in results if r.error is None)
    skipped = len(results) - checked
    total = sum(counts.values())
    parts = [f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in sorted(counts, reverse=True)]
    line = f"{total} finding{'s' if total != 1 else ''} in {checked} file{'s' if checked != 1 else ''}"
    if parts:
        line += f" ({', '.join(parts)})"
    if skipped:
        line += f"; {skipped} skipped"
    return line + "."
