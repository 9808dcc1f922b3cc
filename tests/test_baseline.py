"""Baselines: recorded findings stop failing CI, new ones still fail, line shifts do not matter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import baseline
from cleaner.cli import app

runner = CliRunner()
OLD = "We used a profound learning model.\n\nIt ran on colossal information.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(OLD, encoding="utf-8")
    result = runner.invoke(app, ["baseline", "create", "--no-config", "docs", "-o", "ci/baseline.json"])
    assert result.exit_code == 0, result.output
    assert "wrote ci/baseline.json (2 findings)" in result.stderr
    return tmp_path


def check(*args: str):
    return runner.invoke(app, ["check", "--no-config", "--fail-on", "warning", "-f", "json", *args])


def rules(result) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for e in json.loads(result.stdout)["files"] for f in e["findings"]]


def test_recorded_findings_are_left_out(repo: Path) -> None:
    data = json.loads((repo / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["rule"], f["text"]) for f in data["findings"]] == [
        ("../docs/a.txt", "TP002", "profound learning"),
        ("../docs/a.txt", "TP008", "colossal information"),
    ]
    assert check("docs").exit_code == 1
    result = check("--baseline", "ci/baseline.json", "docs")
    assert result.exit_code == 0
    assert rules(result) == []
    assert "cleaner: 2 findings in the baseline left out" in result.stderr


def test_line_shifts_keep_matching_and_new_findings_fail(repo: Path) -> None:
    shifted = "A new first line.\n\nAnother.\n\n" + OLD + "\nA second profound learning model.\n"
    (repo / "docs" / "a.txt").write_text(shifted, encoding="utf-8")
    result = check("--baseline", "ci/baseline.json", "docs")
    assert result.exit_code == 1
    assert rules(result) == [("TP002", 9)]  # only the new one, though the old ones moved down four lines


def test_a_repeated_phrase_in_the_same_context_is_new(repo: Path) -> None:
    (repo / "docs" / "a.txt").write_text(OLD + "\n" + OLD, encoding="utf-8")
    assert rules(check("--baseline", "ci/baseline.json", "docs")) == [("TP002", 5), ("TP008", 7)]


def test_baseline_from_config_and_bad_files(repo: Path) -> None:
    (repo / ".cleaner.toml").write_text('baseline = "ci/baseline.json"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "--fail-on", "warning", "docs"])
    assert result.exit_code == 0, result.output
    (repo / "bad.json").write_text("{}", encoding="utf-8")
    for name, message in (("bad.json", "not a cleaner baseline"), ("none.json", "baseline file not found")):
        result = check("--baseline", name, "docs")
        assert result.exit_code == 2
        assert message in result.stderr


def test_fingerprint_ignores_spacing_and_case() -> None:
    from cleaner.model import Category, Finding, Severity

    def fp(text: str, start: int, end: int) -> str:
        finding = Finding("TP002", "x", Category.STYLE, Severity.WARNING, start, end, "m")
        return baseline.fingerprint("a.txt", finding, text)

    assert fp("We used Profound  learning here", 8, 26) == fp("we used profound learning here", 8, 25)
    assert fp("We used profound learning here", 8, 25) != fp("They used profound learning here", 10, 27)
