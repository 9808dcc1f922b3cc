"""Text report: ``path:line:col  RULE  message  → suggestion``, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TextIO

from cleaner.engine import FileResult
from cleaner.model import Severity

LIKELY = 0.5  # document score from which the text report calls a file out

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}

# A line of the report: its pieces, each with the style it is shown in on a terminal (None: plain).
Line = list[tuple[str, str | None]]


def render(results: Sequence[FileResult], stream: TextIO, options: object) -> None:
    """Colored through rich on a terminal; written as it is otherwise (rich's import and its
    markup cost about 0.03 s of a run whose report goes to a file or a pipe)."""
    if bool(getattr(options, "color", False)):
        _render_colored(_lines(results), stream)
    else:
        stream.writelines("".join(text for text, _ in line) + "\n" for line in _lines(results))


def _render_colored(lines: Iterator[Line], stream: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True, emoji=False)
    for line in lines:
        console.print("".join(escape(text) if style is None else f"[{style}]{escape(text)}[/]" for text, style in line))


def _lines(results: Sequence[FileResult]) -> Iterator[Line]:
    counts: Counter[Severity] = Counter()
    for result in results:
        if result.error is not None:
            yield [(f"{result.path}: error: {result.error}", "bold red")]
            continue
        for f in result.findings:
            counts[f.severity] += 1
            line: Line = [(f"{result.path}:{f.line}:{f.column}  ", None), (f.rule_id, STYLES[f.severity])]
            line.append((f"  {f.message}", None))
            if f.suggestions:
                line.append((f"  → {f.suggestions[0]}", "green"))
            yield line
        if result.document_score is not None and result.document_score >= LIKELY:
            yield [
                (f"{result.path}: ", None),
                ("likely spun or machine-translated", "bold"),
                (f" (document score {result.document_score:.2f})", None),
            ]
    yield [(_summary(results, counts), None)]


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
