"""`cleaner check` end to end through the typer app."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

runner = CliRunner()
SPUN = "We trained a profound learning model on colossal information.\n"


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_version_and_help() -> None:
    assert run("--version").output.startswith("cleaner ")
    for command in (["check"], ["rules"], ["rules", "list"], ["rules", "show"], ["rules", "test"], ["rules", "import"]):
        result = run(*command, "--help")
        assert result.exit_code == 0, command
        assert "Usage" in result.output


def test_text_output_and_exit_codes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0
    assert f"{path}:1:14  TP002  " in result.output
    assert "→ deep learning" in result.output
    assert "2 findings in 1 file (2 warnings)." in result.output
    assert run("check", "--fail-on", "warning", str(path)).exit_code == 1
    assert run("check", "--fail-on", "loudest", str(path)).exit_code == 2


def test_json_contract(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    report = json.loads(run("check", "--format", "json", str(path)).output)
    assert report["version"] == "1.0"
    (entry,) = report["files"]
    assert entry["path"] == str(path)
    first = entry["findings"][0]
    assert SPUN[first["start"] : first["end"]] == "profound learning"
    assert first["suggestions"] == ["deep learning"]
    assert {"category", "severity", "rule", "message", "line", "column", "confidence", "fix"} <= set(first)


def test_select_ignore_min_severity(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")

    def rules(*extra: str) -> list[str]:
        report = json.loads(run("check", "-f", "json", *extra, str(path)).output)
        return [f["rule"] for f in report["files"][0]["findings"]]

    assert rules() == ["TP002", "TP008"]
    assert rules("--select", "TP002") == ["TP002"]
    assert rules("--ignore", "tortured-phrase") == []
    assert rules("--select", "deep-learning,big-data", "--ignore", "TP008") == ["TP002"]
    assert rules("--min-severity", "error") == []


def test_stdin_and_directories(tmp_path: Path) -> None:
    result = run("check", "-f", "json", "-", stdin=SPUN)
    assert json.loads(result.output)["files"][0]["path"] == "-"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(SPUN, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Fine prose.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    report = json.loads(run("check", "-f", "json", str(tmp_path)).output)
    assert [Path(f["path"]).name for f in report["files"]] == ["c.txt", "b.md"]


def test_unreadable_files_are_reported_and_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SPUN, encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"abc\x00def")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 profound learning".encode("latin-1"))
    result = run("check", "-f", "json", str(tmp_path / "missing.txt"), str(binary), str(latin), str(good))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    errors = {Path(f["path"]).name: f.get("error") for f in report["files"]}
    assert errors["missing.txt"] == "no such file or directory"
    assert "binary" in errors["bin.txt"]
    assert "byte 0xe9 at offset 3" in errors["latin.txt"]
    assert errors["good.txt"] is None
    assert len(report["files"][-1]["findings"]) == 2
    decoded = json.loads(run("check", "-f", "json", "--encoding", "latin-1", str(latin)).output)
    assert decoded["files"][0]["findings"][0]["start"] == 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(SPUN, encoding="utf-8")
    path.chmod(0)
    report = json.loads(run("check", "-f", "json", str(path)).output)
    assert report["files"][0]["error"] == "permission denied"


def test_bad_rule_pack_is_a_usage_error(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("rules:\n- id: X1\n  kind: nope\n", encoding="utf-8")
    result = run("check", "--rules", str(pack), "-")
    assert result.exit_code == 2
    assert f"{pack}:2:" in result.output


def test_rules_list_show_test_import(tmp_path: Path) -> None:
    assert "TP001" in run("rules", "list").output
    shown = run("rules", "show", "TP002").output
    assert "Use instead: deep learning" in shown and "Fix safety: unsafe" in shown
    assert run("rules", "show", "NOPE1").exit_code == 2
    tested = run("rules", "test")
    assert tested.exit_code == 0 and " 0 failed" in tested.output
    tsv = tmp_path / "list.tsv"
    tsv.write_text(
        "tortured\texpected\tconditions\n"
        "bosom\tbreast\tAND breast cancer; NOT poetry\n"
        "lush gadget\tgreen device/green machine\tx\n",
        encoding="utf-8",
    )
    out = tmp_path / "imported.yaml"
    assert run("rules", "import", str(tsv), "-o", str(out)).exit_code == 0
    assert run("rules", "test", str(out)).exit_code == 0
    doc = tmp_path / "doc.txt"
    doc.write_text("The bosom was examined for breast cancer. A lush gadget.", encoding="utf-8")
    report = json.loads(run("check", "-f", "json", "--no-builtin-rules", "--rules", str(out), str(doc)).output)
    found = [(f["rule"], f["suggestions"]) for f in report["files"][0]["findings"]]
    assert found == [("TPX00001", ["breast"]), ("TPX00002", ["green device", "green machine"])]
    doc.write_text("The bosom of poetry, and breast cancer.", encoding="utf-8")
    report = json.loads(run("check", "-f", "json", "--no-builtin-rules", "--rules", str(out), str(doc)).output)
    assert report["files"][0]["findings"] == []


def test_a_match_across_a_line_break_reads_on_one_line_in_the_message() -> None:
    from cleaner.engine import Engine

    result = Engine().check_text("The board chose to close its\neyes to the problem.\n")
    idioms = [f for f in result.findings if f.rule_id == "IC001"]
    assert idioms and "\n" not in idioms[0].message and "close its eyes to" in idioms[0].message
