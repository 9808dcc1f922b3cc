"""Inline suppressions: off/on regions, ignore for the next block, the plain-text form, unused and malformed ones."""

from __future__ import annotations

import pytest

from cleaner.config import Settings
from cleaner.engine import Engine

SPUN = "We used a profound learning model on colossal information."


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(spin=False))  # these tests are about rule findings and their suppression


def rules(engine: Engine, text: str, path: str = "a.md") -> list[tuple[str, int]]:
    return [(f.rule_id, f.line) for f in engine.check_text(text, path).findings]


def test_off_and_on(engine: Engine) -> None:
    text = f"{SPUN}\n\n<!-- cleaner: off -->\n{SPUN}\n<!-- cleaner: on -->\n\n{SPUN}\n"
    assert rules(engine, text) == [("TP002", 1), ("TP008", 1), ("TP002", 7), ("TP008", 7)]


def test_off_for_some_rules_runs_to_the_end(engine: Engine) -> None:
    text = f"<!-- cleaner: off TP002, big-data -->\n{SPUN}\n\n{SPUN}\n"
    assert rules(engine, text) == []


def test_ignore_the_next_block_only(engine: Engine) -> None:
    text = f"<!-- cleaner: ignore TP002 -->\n{SPUN}\nstill {SPUN}\n\n{SPUN}\n"
    assert rules(engine, text) == [("TP008", 2), ("TP008", 3), ("TP002", 5), ("TP008", 5)]


def test_ignore_after_text_covers_its_line(engine: Engine) -> None:
    text = f"{SPUN} <!-- cleaner: ignore tortured-phrase -->\n{SPUN}\n"
    assert rules(engine, text) == [("TP002", 2), ("TP008", 2)]


def test_html_comment_form_in_html(engine: Engine) -> None:
    text = f"<!-- cleaner: ignore TP008 -->\n<p>{SPUN}</p>\n\n<p>{SPUN}</p>\n"
    assert rules(engine, text, "a.html") == [("TP002", 2), ("TP002", 4), ("TP008", 4)]


def test_plain_text_form(engine: Engine) -> None:
    text = f"# cleaner: ignore TP002,TP008\n{SPUN}\n\ncleaner: off\n{SPUN}\n"
    assert rules(engine, text, "a.txt") == []
    prose = f"The cleaner: a tool. {SPUN}\n"  # not a directive: prose that happens to say "cleaner:"
    assert rules(engine, prose, "a.txt") == [("TP002", 1), ("TP008", 1)]


def test_unused_suppressions_are_reported(engine: Engine) -> None:
    text = f"<!-- cleaner: ignore SP001 -->\n{SPUN}\n\nA clean line.\n<!-- cleaner: off -->\nClean.\n"
    result = engine.check_text(text, "a.md")
    unused = [f for f in result.findings if f.rule_id == "CL001"]
    assert [(f.line, f.column, text[f.start : f.end]) for f in unused] == [
        (1, 1, "<!-- cleaner: ignore SP001 -->"),
        (5, 1, "<!-- cleaner: off -->"),
    ]
    assert all(f.category.value == "suppression" for f in unused)
    assert "suppresses nothing" in unused[0].message


def test_malformed_suppressions_are_reported(engine: Engine) -> None:
    text = "<!-- cleaner: ignroe TP002 -->\n<!-- cleaner: on -->\n<!-- cleaner: ignore TP002; rm -->\nClean.\n"
    result = engine.check_text(text, "a.md")
    assert [(f.rule_id, f.line) for f in result.findings] == [("CL002", 1), ("CL002", 2), ("CL002", 3)]
    assert "has no `cleaner: off` before it" in result.findings[1].message


def test_suppression_findings_can_be_ignored() -> None:
    engine = Engine(Settings(ignore=("CL001",), spin=False))
    assert rules(engine, "<!-- cleaner: off -->\nClean.\n") == []
