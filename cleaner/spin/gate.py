"""The gate: candidate features -> confidence that the words were spun.

A small boosted-tree model, trained by ``benchmarks/spin_kfold.py --write-gate``
(scikit-learn, build time only) and shipped as JSON; scoring is plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# One tree: parallel lists feature, threshold, left, right, value (leaf when feature < 0).
Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


@dataclass(frozen=True, slots=True)
class Gate:
    names: tuple[str, ...]
    baseline: float
    trees: tuple[Tree, ...]
    warning_at: float = 0.5  # confidence from which a finding is a warning
    hint_at: float = 0.1  # confidence from which a finding is a hint (suggestion)

    def confidence(self, values: Sequence[float]) -> float:
        z = self.baseline
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while feature[node] >= 0:
                node = left[node] if values[feature[node]] <= threshold[node] else right[node]
            z += value[node]
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        data = {
            "names": self.names,
            "baseline": self.baseline,
            "warning_at": self.warning_at,
            "hint_at": self.hint_at,
            "trees": [[list(part) for part in tree] for tree in self.trees],
        }
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Gate:
        data = json.loads(path.read_text(encoding="utf-8"))
        trees = tuple(_tree(t) for t in data["trees"])
        return cls(
            tuple(data["names"]), float(data["baseline"]), trees, float(data["warning_at"]), float(data["hint_at"])
        )


def _tree(parts: list[list[Any]]) -> Tree:
    feature, threshold, left, right, value = parts
    return (
        tuple(int(v) for v in feature),
        tuple(float(v) for v in threshold),
        tuple(int(v) for v in left),
        tuple(int(v) for v in right),
        tuple(float(v) for v in value),
    )


def train_gate(rows: Sequence[Sequence[float]], labels: Sequence[int], names: Sequence[str]) -> Gate:
    """Fit boosted trees (scikit-learn, needed at build time only) and copy them out."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=160, learning_rate=0.1, max_leaf_nodes=16, class_weight="balanced", random_state=0
    )
    model.fit(np.asarray(rows, dtype=float), np.asarray(labels))
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        feature = [(-1 if n["is_leaf"] else int(n["feature_idx"])) for n in nodes]
        trees.append(
            (
                tuple(feature),
                tuple(float(n["num_threshold"]) for n in nodes),
                tuple(int(n["left"]) for n in nodes),
                tuple(int(n["right"]) for n in nodes),
                tuple(float(n["value"]) for n in nodes),
            )
        )
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return Gate(tuple(names), baseline, tuple(trees))
