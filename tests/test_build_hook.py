"""hatch_build.py: the wheel's spin detector is compiled by mypyc where it can be, else the wheel is pure Python."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

pytest.importorskip("hatchling", reason="hatchling (the build backend) is not installed")
sys.path.insert(0, str(REPO))
import hatch_build


class Recorder:
    def __init__(self) -> None:
        self.said: list[str] = []

    def display_info(self, message: str) -> None:
        self.said.append(message)

    def display_warning(self, message: str) -> None:
        self.said.append(message)


def _run(version: str = "standard", target: str = "wheel") -> tuple[dict[str, Any], list[str]]:
    app = Recorder()
    hook = hatch_build.MypycHook(str(REPO), {}, None, None, str(REPO / "dist"), target, app)
    build_data: dict[str, Any] = {"pure_python": True, "infer_tag": False, "force_include": {}}
    hook.initialize(version, build_data)
    hook.finalize(version, build_data, "")
    return build_data, app.said


@pytest.mark.parametrize("failure", [OSError("no C compiler"), SystemExit(1)])  # mypyc exits on code it rejects
def test_a_failed_compile_leaves_a_pure_python_wheel(monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    monkeypatch.delenv("CLEANER_PURE_PYTHON", raising=False)

    def no_compiler(root: Path, work: Path) -> dict[Path, str]:
        raise failure

    monkeypatch.setattr(hatch_build, "_compile", no_compiler)
    build_data, said = _run()
    assert build_data == {"pure_python": True, "infer_tag": False, "force_include": {}}
    assert type(failure).__name__ in said[0] and "pure Python" in said[0]


def test_compiled_extensions_go_into_a_platform_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLEANER_PURE_PYTHON", raising=False)
    made = {Path("/w/lib/cleaner/spin/text.so"): "cleaner/spin/text.so"}
    monkeypatch.setattr(hatch_build, "_compile", lambda root, work: made)
    build_data, _ = _run()
    assert build_data["pure_python"] is False and build_data["infer_tag"] is True
    assert build_data["force_include"] == {"/w/lib/cleaner/spin/text.so": "cleaner/spin/text.so"}


@pytest.mark.parametrize(
    ("version", "target", "pure"), [("editable", "wheel", ""), ("standard", "sdist", ""), ("standard", "wheel", "1")]
)
def test_no_compile_for_editable_installs_sdists_or_when_asked(
    monkeypatch: pytest.MonkeyPatch, version: str, target: str, pure: str
) -> None:
    monkeypatch.setenv("CLEANER_PURE_PYTHON", pure)

    def must_not_run(root: Path, work: Path) -> dict[Path, str]:
        raise AssertionError("compiled")

    monkeypatch.setattr(hatch_build, "_compile", must_not_run)
    build_data, _ = _run(version, target)
    assert build_data["pure_python"] is True and build_data["force_include"] == {}


def test_every_compiled_module_exists() -> None:
    assert all((REPO / module).is_file() for module in hatch_build.COMPILED)
