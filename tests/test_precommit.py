"""The pre-commit hooks, run by pre-commit itself on a temporary git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

BAD = "We trained a profound learning model.\n"
GOOD = "We trained a deep learning model.\n"


def test_hook_definitions() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["cleaner"]["entry"] == "cleaner check"
    assert hooks["cleaner"]["language"] == "python"
    assert hooks["cleaner-system"]["language"] == "system"
    for hook in hooks.values():
        assert "markdown" in hook["types_or"] and "plain-text" in hook["types_or"]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = tmp_path / "project"
    project.mkdir()
    (project / "bad.md").write_text(BAD, encoding="utf-8")
    (project / "good.md").write_text(GOOD, encoding="utf-8")
    (project / "code.py").write_text("# profound learning in a comment is not prose\n", encoding="utf-8")
    (project / ".cleaner.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", ".")
    return project


@pytest.fixture
def hook_repo(tmp_path: Path) -> Path:
    """A git repository holding this checkout's hook definitions (committed, as pre-commit wants them)."""
    repo = tmp_path / "hooks"
    repo.mkdir()
    shutil.copy(REPO / ".pre-commit-hooks.yaml", repo / ".pre-commit-hooks.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "hooks")
    return repo


def try_repo(project: Path, repo: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(project.parent / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }  # fmt: skip
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(repo), hook, "--files", *files]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)


def test_system_hook_fails_on_the_bad_file_only(project: Path, hook_repo: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit (test extra) runs the hook")
    failed = try_repo(project, hook_repo, "cleaner-system", "bad.md", "good.md", "code.py")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bad.md:1:14  TP002" in failed.stdout
    assert "good.md:" not in failed.stdout
    assert "code.py" not in failed.stdout  # not a prose file type: not passed to cleaner
    passed = try_repo(project, hook_repo, "cleaner-system", "good.md", "code.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


@pytest.mark.skipif(
    os.environ.get("CLEANER_SLOW_TESTS") != "1",
    reason="slow: builds the hook's own environment from the package index (set CLEANER_SLOW_TESTS=1)",
)
def test_python_hook_installs_cleaner_and_fails_on_the_bad_file(project: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit (test extra) runs the hook")
    failed = try_repo(project, REPO, "cleaner", "bad.md", "good.md")  # the checkout as committed
    if "Could not find a version" in failed.stdout + failed.stderr or "network" in failed.stderr.lower():
        pytest.skip("no package index reachable to build the hook environment")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bad.md:1:14  TP002" in failed.stdout


def test_example_workflow_runs_cleaner_as_documented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example GitHub Actions workflow: its cleaner commands work, SARIF is uploaded, errors fail the job."""
    import shlex

    from typer.testing import CliRunner

    from cleaner.cli import app

    workflow = yaml.safe_load((REPO / "examples" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["prose"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    commands = [s["run"].split(" || ")[0] for s in steps if s.get("run", "").startswith("cleaner ")]
    assert len(commands) == 2
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / ".cleaner.toml").write_text('[rules]\ntortured-phrase = "error"\n', encoding="utf-8")
    (tmp_path / "changed.txt").write_text("bad.md\ndeleted.md\n", encoding="utf-8")
    runner = CliRunner()
    sarif_step, annotate_step = (shlex.split(c)[1:] for c in commands)
    assert runner.invoke(app, sarif_step).exit_code == 1
    assert json.loads((tmp_path / "cleaner.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    annotated = runner.invoke(app, annotate_step)
    assert annotated.exit_code == 1  # an error fails the job
    assert annotated.stdout.startswith("::error file=bad.md,line=1,col=14,")
