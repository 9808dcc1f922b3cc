from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Spun and plain sentences that the many-file and large-file tests build their inputs from.
SENTENCES = [
    "We trained a profound learning model on colossal information.",
    "The board closed its eyes to the fraud.",
    "Counterfeit consciousness is changing medicine.",
    "The results are summarised in Table 2.",
    "Patients were followed for twelve months after surgery.",
]
# CLEANER_SHARED points elsewhere, e.g. from a git worktree that is not beside ../shared.
SHARED = Path(os.environ.get("CLEANER_SHARED") or REPO.parent / "shared")


@pytest.fixture
def shared() -> Path:
    """The evaluation data beside the checkout; tests that need it skip visibly without it."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is not beside the checkout ({SHARED} missing)")
    return SHARED


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tagger's model cache (cleaner.pos) goes to a temporary folder, for this process and the CLIs it runs."""
    os.environ.setdefault("CLEANER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
