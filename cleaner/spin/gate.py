"""A logistic gate: candidate features -> probability the words were spun."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Gate:
    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    warning_at: float = 0.5  # confidence from which a finding is a warning
    hint_at: float = 0.1  # confidence from which a finding is a hint

    def confidence(self, values: Sequence[float]) -> float:
        z = self.bias
        for w, x, m, s in zip(self.weights, values, self.mean, self.scale, strict=True):
            z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        data = {
            "names": self.names,
            "weights": self.weights,
            "bias": self.bias,
            "mean": self.mean,
            "scale": self.scale,
            "warning_at": self.warning_at,
            "hint_at": self.hint_at,
        }
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Gate:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            tuple(data["names"]),
            tuple(data["weights"]),
            float(data["bias"]),
            tuple(data["mean"]),
            tuple(data["scale"]),
            float(data["warning_at"]),
            float(data["hint_at"]),
        )


def train_gate(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    names: Sequence[str],
    l2: float = 1e-3,
    steps: int = 400,
) -> Gate:
    """Fit by gradient descent with class-balanced weights (numpy, build time only)."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    pos = max(1.0, y.sum())
    neg = max(1.0, len(y) - y.sum())
    sample = np.where(y == 1, 0.5 / pos, 0.5 / neg)
    w = np.zeros(x.shape[1])
    b = 0.0
    lr = 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        g = (p - y) * sample
        w -= lr * (z.T @ g + l2 * w)
        b -= lr * g.sum()
    return Gate(tuple(names), tuple(float(v) for v in w), float(b), tuple(float(v) for v in mean), tuple(float(v) for v in scale))
