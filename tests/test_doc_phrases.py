"""The documentation phrase counter (scripts/build_doc_phrases.py) on wheels written here."""

from __future__ import annotations

import importlib.util
import zipfile
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from cleaner.spin.ngrams import count_ngrams

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_doc_phrases.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_doc_phrases", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MODULE = '''"""Fit a gradient boosting model.

>>> model.fit(features, labels)
"""


def fit(x):
    """Train the hidden layer with stochastic gradient descent."""
    # keep the learning rate small here
    y = x  # ok
    return y
'''


def make_wheel(tmp_path: Path, licence_lines: str) -> Path:
    wheel = tmp_path / "demo-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("demo/model.py", MODULE)
        archive.writestr("demo/guide.md", "Random forest models vote.\n\n>>> forest.fit(x)\n")
        archive.writestr("demo/LICENSE.md", "Permission is hereby granted, free of charge")
        archive.writestr("demo/data.csv", "random,forest\n")
        archive.writestr("demo-1.0.dist-info/METADATA", f"Metadata-Version: 2.1\nName: demo\n{licence_lines}\n")
    return wheel


def test_prose_keeps_docstrings_and_comments_and_drops_code(script: ModuleType, tmp_path: Path) -> None:
    text = "\n\n".join(script.wheel_prose(make_wheel(tmp_path, "License-Expression: MIT")))
    assert "gradient boosting model" in text
    assert "stochastic gradient descent" in text
    assert "keep the learning rate small here" in text
    assert "Random forest models vote" in text
    assert "model.fit" not in text and "forest.fit" not in text  # doctest lines
    assert "ok" not in text.split()  # a comment under three words
    assert "Permission" not in text  # licence files
    assert "random,forest" not in text  # data files
    counts = count_ngrams(script.wheel_prose(make_wheel(tmp_path, "License-Expression: MIT")), Counter())
    assert counts["hidden layer"] == 1 and counts["random forest"] == 1


@pytest.mark.parametrize(
    ("lines", "allowed"),
    [
        ("License-Expression: BSD-3-Clause", True),
        ("License: Apache License 2.0\nClassifier: License :: OSI Approved :: Apache Software License", True),
        ("Classifier: License :: OSI Approved :: MIT License", True),
        ("License-Expression: GPL-3.0-or-later", False),
        ("License: LGPLv3+", False),
        ("License: Business Source License 1.1", False),
        ("Summary: no licence declared", False),
    ],
)
def test_only_permissive_licences_are_counted(script: ModuleType, tmp_path: Path, lines: str, allowed: bool) -> None:
    assert script.permissive(script.licence(make_wheel(tmp_path, lines))) is allowed


def test_sources_file_pins_every_package(script: ModuleType) -> None:
    pins = script.read_sources(script.SOURCES)
    assert len(pins) > 50
    assert all(pin.count("==") == 1 and " " not in pin for pin in pins)
