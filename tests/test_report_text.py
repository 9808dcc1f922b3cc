"""The text report: plain when it goes to a file or a pipe, colored through rich on a terminal, the same words."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

from cleaner.engine import Engine, FileResult
from cleaner.model import Category, Finding, Severity
from cleaner.reporters import text_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _results() -> list[FileResult]:
    engine = Engine()
    spun = "The board closed its eyes to the fraud :smile: [bold]x[/], a case of counterfeit consciousness."
    return [
        engine.check_text(spun, "notes[1].txt"),
        engine.check_text("The results were checked twice.", "clean.txt"),
        FileResult("missing [x].txt", error="cannot be read: [Errno 2]"),
        FileResult("quoted.txt", [_quoting(":smile: [bold]x[/]")]),
    ]


def _quoting(words: str) -> Finding:
    """A finding whose message quotes the text: rich would read its markup and emoji codes."""
    return Finding(
        rule_id="X001",
        rule_name="quote",
        category=Category.GRAMMAR,
        severity=Severity.SUGGESTION,
        start=0,
        end=len(words),
        message=f"'{words}' is quoted",
        suggestions=(words,),
        line=1,
        column=1,
    )


def _render(color: bool) -> str:
    out = io.StringIO()
    text_report.render(_results(), out, SimpleNamespace(color=color))
    return out.getvalue()


def test_plain_report_is_the_colored_one_without_its_colors() -> None:
    plain, colored = _render(False), _render(True)
    assert "\x1b[" not in plain and "\x1b[" in colored
    assert ANSI.sub("", colored) == plain


def test_plain_report_keeps_brackets_and_emoji_codes_as_written() -> None:
    plain = _render(False)
    assert "notes[1].txt:1:11  IC001  'closed its eyes to'" in plain
    assert "missing [x].txt: error: cannot be read: [Errno 2]" in plain
    assert "notes[1].txt: likely spun or machine-translated" in plain
    assert "quoted.txt:1:1  X001  ':smile: [bold]x[/]' is quoted  → :smile: [bold]x[/]\n" in plain
    assert plain.endswith("3 findings in 3 files (2 warnings, 1 suggestion); 1 skipped.\n")
