"""An installed cleaner whose spin detector mypyc compiled (hatch_build.py) finds exactly what the source finds.

The tests run the source (this checkout); these compare it with the installed copy, run from a
folder where the checkout is not on the path. They skip, saying why, where the installed copy is
not compiled (an editable install, or a wheel built without a C compiler).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SENTENCES

from cleaner.spin.detect import default_detector

# Phrases written for this test: spun wording, an acronym its words do not spell, clean prose.
TEXTS = [
    *SENTENCES,
    "A profound neural organization (DNN) was prepared on colossal information and irregular woodland models.",
    "Our bosom malignant growth classifier uses a help vector machine with a piece trick.",
    "The committee met on Tuesday and approved the budget for the next fiscal year.",
    "Haphazard woodland and choice tree models beat the straight relapse standard on each dataset.",
    # Hostile text: the compiled code checks its types at run time, where the source never does.
    "",
    "((((",
    "A profound (PL) İstanbul ﬁnance\u200b colossal—information 😀 (AB) (CD) ΣΑΣ ǅ " + "x" * 300,
    "irregular woodland (RF)\t\n\nprofound learning's 123 e.g. Dr. counterfeit consciousness (CC) - -- ’s",
]

HITS = """
import json, sys
from cleaner.spin.detect import default_detector
detector = default_detector()
print(json.dumps([[repr(h) for h in detector.hits(t, min_confidence=0.0)] for t in json.load(sys.stdin)]))
"""


def _installed(args: list[str], folder: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run this Python from ``folder``, outside the checkout, so that ``cleaner`` is the installed copy."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=folder,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    probe = _installed(["-c", "import cleaner.spin.candidates as m; print(m.__file__)"], folder)
    where = probe.stdout.strip()
    if probe.returncode != 0 or Path(where).suffix not in (".so", ".pyd"):
        pytest.skip(f"the installed cleaner's spin detector is not compiled ({where or probe.stderr.strip()[-200:]})")
    return folder


def test_compiled_detector_hits_as_the_source(outside: Path) -> None:
    detector = default_detector()
    expected = [[repr(h) for h in detector.hits(text, min_confidence=0.0)] for text in TEXTS]
    assert any(expected), "the texts give the detector something to find"
    run = _installed(["-c", HITS], outside, json.dumps(TEXTS))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == expected


def test_compiled_check_reports_as_the_source(outside: Path) -> None:
    command = ["-m", "cleaner", "check", "--spin", "--format", "json", str(REPO / "samples")]
    source = subprocess.run(
        [sys.executable, *command], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    compiled = _installed(command, outside)
    assert compiled.returncode == source.returncode, compiled.stderr
    assert json.loads(compiled.stdout) == json.loads(source.stdout)
