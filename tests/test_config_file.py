"""Configuration files: discovery, keys, precedence, overrides, and hostile files (exit 2, file named)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import configfile
from cleaner.cli import app
from cleaner.config import glob_regex
from cleaner.model import Severity

runner = CliRunner()
SPUN = "We trained a profound learning model on colossal information.\n"


def check(*args: str):
    return runner.invoke(app, ["check", "-f", "json", "--no-spin", *args])  # rule findings only


def rules_found(result) -> list[str]:
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    return [f["rule"] for entry in report["files"] for f in entry["findings"]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPUN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_found_by_walking_up_and_dotfile_wins(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert configfile.find(project / "docs") is None  # a pyproject.toml without [tool.cleaner] is passed over
    (project / "pyproject.toml").write_text('[tool.cleaner]\nignore = ["TP002"]\n', encoding="utf-8")
    assert configfile.find(project / "docs") == project / "pyproject.toml"
    (project / ".cleaner.toml").write_text('ignore = ["TP008"]\n', encoding="utf-8")
    assert configfile.find(project / "docs") == project / ".cleaner.toml"
    monkeypatch.chdir(project / "docs")
    assert rules_found(check("a.txt")) == ["TP002"]


def test_pyproject_rules_table_and_cli_beats_config(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.cleaner]\nfail-on = "warning"\n[tool.cleaner.rules]\nTP002 = "off"\ntortured-phrase = "error"\n',
        encoding="utf-8",
    )
    result = check("b.txt")
    assert rules_found(result) == ["TP008"]
    assert json.loads(result.stdout)["files"][0]["findings"][0]["severity"] == "error"
    assert result.exit_code == 1
    assert check("--fail-on", "error", "--select", "nothing", "b.txt").exit_code == 0
    assert sorted(rules_found(check("--no-config", "b.txt"))) == ["TP002", "TP008"]
    (project / "pyproject.toml").write_text("[tool.cleaner.rules]\nTP008 = false\n", encoding="utf-8")
    assert rules_found(check("b.txt")) == ["TP002"]


def test_config_option_and_relative_paths(project: Path, tmp_path: Path) -> None:
    conf = project / "conf"
    conf.mkdir()
    (conf / "extra.yaml").write_text(
        "pack: extra\ndefaults: {category: style, severity: error, fix: display-only}\nrules:\n"
        "- id: XX001\n  name: trained\n  kind: existence\n  phrases: [trained]\n  message: No training.\n"
        "  doc: {what: training, why: test, instead: teaching}\n"
        "  examples: {fail: [We trained it.], pass: [We taught it.]}\n",
        encoding="utf-8",
    )
    (conf / "my.toml").write_text('extra-rules = ["extra.yaml"]\nselect = ["XX001"]\n', encoding="utf-8")
    result = check("--config", str(conf / "my.toml"), "b.txt")
    assert rules_found(result) == ["XX001"]
    assert result.exit_code == 1


def test_overrides_apply_by_glob(project: Path) -> None:
    (project / ".cleaner.toml").write_text(
        '[[overrides]]\nfiles = ["docs/**/*.txt"]\nignore = ["TP002"]\n', encoding="utf-8"
    )
    report = json.loads(check("docs/a.txt", "b.txt").stdout)
    by_path = {Path(e["path"]).name: [f["rule"] for f in e["findings"]] for e in report["files"]}
    assert by_path == {"a.txt": ["TP008"], "b.txt": ["TP002", "TP008"]}


def test_values_reach_settings(tmp_path: Path) -> None:
    path = tmp_path / ".cleaner.toml"
    path.write_text(
        'min_severity = "suggestion"\nlanguagetool = "http://localhost:8081"\njobs = 2\nspin = true\n'
        'vocabulary-accept = ["words.txt"]\nphrase-tables = "t.tsv"\n[readability]\nflesch-kincaid-grade = 12\n',
        encoding="utf-8",
    )
    values, used = configfile.load(path)
    assert used == path
    assert values["min_severity"] is Severity.SUGGESTION
    assert values["languagetool"] == "http://localhost:8081"
    assert values["jobs"] == 2 and values["spin"] is True
    assert values["vocabulary_accept"] == (str(tmp_path / "words.txt"),)
    assert values["phrase_tables"] == (str(tmp_path / "t.tsv"),)
    assert values["readability"] == {"flesch_kincaid_grade": 12.0}


def test_glob_regex() -> None:
    assert glob_regex("docs/**/*.md").fullmatch("docs/a.md")
    assert glob_regex("docs/**/*.md").fullmatch("docs/x/y/a.md")
    assert not glob_regex("docs/*.md").fullmatch("docs/x/a.md")
    assert not glob_regex("*.md").fullmatch("a.mdx")


HOSTILE = {
    "unknown key": ("pyproject.toml", '[tool.cleaner]\ncolour = "red"\n', "unknown key `tool.cleaner.colour`"),
    "unknown dotfile key": (".cleaner.toml", "spinn = true\n", "unknown key `spinn`"),
    "tool table in dotfile": (".cleaner.toml", "[tool.cleaner]\nspin = true\n", "keys stand at top level"),
    "wrong type": (".cleaner.toml", 'spin = "yes"\n', "`spin` must be a boolean"),
    "wrong list type": (".cleaner.toml", "select = 5\n", "`select` must be an array of strings, not an integer"),
    "bad severity": (".cleaner.toml", 'fail-on = "loud"\n', "`fail-on` unknown severity 'loud'"),
    "bad rule level": (".cleaner.toml", '[rules]\nTP002 = "loud"\n', "`rules.TP002` unknown severity"),
    "bad metric": (".cleaner.toml", "[readability]\nfog = 3\n", "`readability.fog` is not a readability metric"),
    "bad threshold": (".cleaner.toml", '[readability]\nsmog = "x"\n', "`readability.smog` must be a number"),
    "override key": (".cleaner.toml", '[[overrides]]\nfiles = ["*"]\nspin = 1\n', "unknown key `overrides[0].spin`"),
    "override without files": (".cleaner.toml", '[[overrides]]\nignore = ["x"]\n', "needs `files`"),
    "languagetool": (".cleaner.toml", 'languagetool = "maybe"\n', "`languagetool` must be off, auto or the URL"),
    "jobs": (".cleaner.toml", "jobs = -1\n", "`jobs` must be a whole number"),
    "invalid toml": (".cleaner.toml", "spin = \n", "invalid TOML"),
    "tool is a string": ("pyproject.toml", 'tool = "cleaner"\n', "`tool` must be a table, not a string"),
    "tool is a number": ("pyproject.toml", "tool = 5\n", "`tool` must be a table, not an integer"),
    "tool.cleaner not a table": ("pyproject.toml", "[tool]\ncleaner = 5\n", "`tool.cleaner` must be a table"),
    "deep nesting": (".cleaner.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_config_is_a_clean_usage_error(project: Path, case: str) -> None:
    name, content, message = HOSTILE[case]
    (project / name).write_text(content, encoding="utf-8")
    result = check("b.txt")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"{project / name}" in result.stderr or name in result.stderr
    assert message in result.stderr


def test_non_utf8_config(project: Path) -> None:
    (project / ".cleaner.toml").write_bytes(b'select = ["caf\xe9"]\n')
    result = check("b.txt")
    assert result.exit_code == 2
    assert ".cleaner.toml: not valid UTF-8 (byte 0xe9 at offset 14)" in result.stderr


def test_missing_config_option(project: Path) -> None:
    result = check("--config", "nope.toml", "b.txt")
    assert result.exit_code == 2
    assert "nope.toml: cannot read configuration" in result.stderr


def test_readme_example_is_a_valid_configuration(tmp_path: Path) -> None:
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration") :]
    example = section[section.index("```toml\n") + len("```toml\n") : section.index("```\n", section.index("```toml"))]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    values, _ = configfile.load(tmp_path / "pyproject.toml")
    assert values["disabled"] == ("TP003",)
    assert values["severity_overrides"]["readability"] is Severity.ERROR
    assert values["readability"] == {"flesch_kincaid_grade": 12.0, "flesch_reading_ease": 30.0}
    (override,) = values["overrides"]
    assert override.matches(str(tmp_path / "docs" / "a" / "b.md")) and override.enable == ("TP003",)
