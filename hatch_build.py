"""Wheel build hook: compile SP001's hot modules to C with mypyc, or build pure Python.

The spin detector (``cleaner.spin``) does most of a ``--spin`` check's work in
small Python functions; mypyc compiles their typed source to a C extension that
runs them in 20-30% less CPU time, with the same results (``tests/test_compiled.py``).
Compiling needs a C compiler and Python's headers. Where either is missing, or
``CLEANER_PURE_PYTHON=1`` is set, the wheel is pure Python, as an editable
install always is: slower, never different.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# The modules a --spin check spends its time in (and the modules they call on its hot path;
# cleaner/inflect.py's endings make the detector's trigger words and the rule packs' word forms).
COMPILED = [
    "cleaner/inflect.py",
    "cleaner/spin/acronyms.py",
    "cleaner/spin/candidates.py",
    "cleaner/spin/detect.py",
    "cleaner/spin/features.py",
    "cleaner/spin/gate.py",
    "cleaner/spin/gate_trees.py",
    "cleaner/spin/lm.py",
    "cleaner/spin/morph.py",
    "cleaner/spin/resources.py",
    "cleaner/spin/stopwords.py",
    "cleaner/spin/store.py",
    "cleaner/spin/swaps.py",
    "cleaner/spin/text.py",
]


class MypycHook(BuildHookInterface):  # type: ignore[misc]  # hatchling is there at build time only
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("CLEANER_PURE_PYTHON", "") not in ("", "0"):
            self.app.display_info("cleaner: CLEANER_PURE_PYTHON is set; building pure Python")
            return
        self._work = Path(tempfile.mkdtemp(prefix="cleaner-mypyc-"))
        try:
            built = _compile(Path(self.root), self._work)
        except (Exception, SystemExit) as exc:  # no compiler, no headers, code mypyc rejects (it exits): pure
            self.app.display_warning(
                f"cleaner: compiling the spin detector with mypyc failed ({type(exc).__name__}: {exc}); "
                "building pure Python (the same results, slower)"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path, target in built.items():
            build_data["force_include"][str(path)] = target
        self.app.display_info(f"cleaner: compiled {len(COMPILED)} spin-detector modules with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _compile(root: Path, work: Path) -> dict[Path, str]:
    """Build the extensions under ``work``; each built file and where it goes in the wheel."""
    from mypyc.build import mypycify
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    here = Path.cwd()
    os.chdir(root)  # mypycify takes paths relative to the project, and reads its [tool.mypy]
    try:
        extensions = mypycify(COMPILED, opt_level="3", target_dir=str(work / "c"), group_name="cleaner_spin")
        command = build_ext(Distribution({"ext_modules": extensions}))
        command.build_lib = str(work / "lib")
        command.build_temp = str(work / "temp")
        command.parallel = os.cpu_count() or 1
        command.ensure_finalized()
        command.run()
    finally:
        os.chdir(here)
    suffix = ".pyd" if sys.platform == "win32" else ".so"
    lib = work / "lib"
    built = {path: path.relative_to(lib).as_posix() for path in lib.rglob(f"*{suffix}")}
    if len(built) <= len(COMPILED):  # one per module and mypyc's shared runtime
        raise RuntimeError(f"expected {len(COMPILED) + 1} extension files, found {len(built)}")
    return built
