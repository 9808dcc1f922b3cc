"""Part-of-speech tags from an offline tagger, for checks that must tell a noun from a verb.

The tagger is ``denckring-en-pos`` (PyPI; code Apache-2.0, model CC-BY-SA-4.0, an
averaged perceptron trained on UD English-EWT, 93.4% UPOS accuracy on its test
set), installed with the ``pos`` extra. It is optional: without it ``tag``
returns None and the checks that need tags stay silent.

Cheap by construction: nothing is read at import time; the model (1 MB gzipped
JSON) is read on the first ``tag`` call, once per process, and callers tag only
the sentence around a candidate their own regular expression found. The
package's ``perceptron.py`` (standard library only) is loaded straight from its
file, so the first call pays for the model and not for importing denckring's
core; ``CLEANER_POS=off`` turns the tagger off.

Tags are the model's labels: a Universal Dependencies part of speech, with the
verb form for verbs and auxiliaries: ``NOUN``, ``ADJ``, ``VERB|Fin``,
``VERB|Part``, ``AUX|Inf``. The model was trained without punctuation, so only
words are tagged.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol, cast

from cleaner import usercache
from cleaner.installed import package_dir

DISTRIBUTION = "denckring_en_pos"
MODEL_FILE = ("data", "tagger.json.gz")
OFF_VALUES = frozenset({"0", "off", "no", "false"})
CACHE_FORMAT = 1


class _Tagger(Protocol):
    def tag(self, words: Sequence[str]) -> list[str]: ...


def _load_perceptron(path: Path) -> Callable[..., _Tagger]:
    spec = importlib.util.spec_from_file_location("cleaner._pos_perceptron", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast("Callable[..., _Tagger]", module.Tagger)


def _switched_off() -> bool:
    return os.environ.get("CLEANER_POS", "").strip().lower() in OFF_VALUES


@cache
def _installed_dir() -> Path | None:
    return package_dir(DISTRIBUTION)


def installed() -> bool:
    """Whether the tagger is installed and not switched off (cheap: reads no model)."""
    return not _switched_off() and _installed_dir() is not None


@cache
def tagger() -> _Tagger | None:
    """The model, read once per process; None when the tagger is off, absent or unreadable."""
    if _switched_off():
        return None
    root = _installed_dir()
    if root is None:
        return None
    try:
        make = _load_perceptron(root / "perceptron.py")
        model = _read_model(root.joinpath(*MODEL_FILE))
        # The vocabulary only answers denckring's "was this word seen in training"; tagging never reads it.
        return make(weights=_Rows(model.rows), tagdict=model.tagdict, classes=model.classes, vocabulary=frozenset())
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ImportError, SyntaxError):
        return None


class _Rows:
    """The model's weights, one feature's row decoded when the tagger first asks for it.

    A run looks up a few thousand of the 66k features; decoding all of them up front
    (nested dicts of floats) took longer than the rest of the check of a long file.
    """

    def __init__(self, rows: dict[str, str]) -> None:
        self.rows = rows
        self.decoded: dict[str, dict[str, float]] = {}

    def get(self, feature: str, default: dict[str, float] | None = None) -> dict[str, float] | None:
        row = self.decoded.get(feature)
        if row is None:
            raw = self.rows.get(feature)
            if raw is None:
                return default
            parts = raw.split("\t")
            row = {parts[k]: float(parts[k + 1]) for k in range(0, len(parts), 2)}
            self.decoded[feature] = row
        return row


@dataclass(frozen=True, slots=True)
class _Model:
    rows: dict[str, str]  # feature -> "label<TAB>weight<TAB>label<TAB>weight..."
    tagdict: dict[str, str]
    classes: list[str]


def _read_model(path: Path) -> _Model:
    """The model's tables. The shipped JSON takes 0.2 s to parse; a ``marshal`` copy with each weight row as
    one string (keyed by the file's size and time, in the cache folder) takes 0.03 s, so later runs read that."""
    # Named by where the model is: two environments with their own model keep a copy each.
    rows, tagdict, classes = usercache.kept("pos-model", str(CACHE_FORMAT), path, lambda: _parsed(path), _is_model)
    return _Model(rows, tagdict, classes)


def _parsed(path: Path) -> tuple[dict[str, str], dict[str, str], list[str]]:
    raw = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    weights: dict[str, dict[str, float]] = raw["weights"]
    rows = {
        feature: "\t".join(f"{label}\t{weight!r}" for label, weight in row.items()) for feature, row in weights.items()
    }
    return rows, dict(raw["tagdict"]), list(raw["classes"])


def _is_model(value: object) -> bool:
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    rows, tagdict, classes = value
    return isinstance(rows, dict) and isinstance(tagdict, dict) and isinstance(classes, list)


def available() -> bool:
    """Whether tags can be had (reads the model on first use)."""
    return tagger() is not None


def tag(words: Sequence[str]) -> list[str] | None:
    """One label per word ("NOUN", "VERB|Fin", ...), or None without a tagger."""
    model = tagger()
    if model is None:
        return None
    if not words:
        return []
    return [label.removesuffix("|-") for label in model.tag(words)]
