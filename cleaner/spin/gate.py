"""The gate: candidate features -> confidence that the words were spun.

A small boosted-tree model, trained by ``benchmarks/spin_kfold.py --write-gate``
(scikit-learn, build time only) and shipped as JSON; scoring is plain Python.
The same command writes the trees out as Python (``gate_trees.py``, one
expression a tree): the built-in gate scores through that module, several
times faster than walking the JSON arrays, and falls back to walking them
when the module does not match the JSON (its digest differs).
"""

from __future__ import annotations

import array
import hashlib
import json
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cleaner import usercache

# One tree: parallel lists feature, threshold, left, right, value (leaf when feature < 0).
Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]
CACHE_FORMAT = 1  # how ``load_cached`` keeps a gate in the cache folder


@dataclass(frozen=True, slots=True)
class Boost:
    """Density: several independent hits near one another raise each one's confidence.

    A candidate's neighbours are the other candidates from ``strong_at`` up whose
    changed words lie within ``window`` words of its own, not beside them (a
    neighbour that close would be part of the same spun phrase), counted up to
    ``cap``. With neighbours, small boosted trees (monotone: more neighbours or a
    higher confidence never lower it) read the gate's margin and the count, and
    the confidence becomes the larger of the two; without, it stays as it was,
    so a phrase standing alone is judged exactly as before.
    """

    window: int
    strong_at: float
    cap: int
    baseline: float
    trees: tuple[Tree, ...]
    # The trees as compiled Python (``gate_trees.boost_margin``), when the module matches the gate.
    compiled: Callable[[float, float], float] | None = field(default=None, compare=False, repr=False)

    def confidence(self, confidence: float, neighbours: int) -> float:
        if neighbours <= 0:
            return confidence
        values = (_logit(confidence), float(min(neighbours, self.cap)))
        z = self.compiled(*values) if self.compiled is not None else _walk(self.baseline, self.trees, values)
        return max(confidence, _sigmoid(z))

    def numbers(self) -> list[float]:
        """Its settings and trees as numbers, each tree's size first (for ``Gate.digest``)."""
        return [float(self.window), self.strong_at, float(self.cap), *_numbers(self.baseline, self.trees)]

    def to_json(self) -> dict[str, Any]:
        return {
            "window": self.window,
            "strong_at": self.strong_at,
            "cap": self.cap,
            "baseline": self.baseline,
            "trees": _trees_to_json(self.trees),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Boost:
        return cls(
            int(data["window"]),
            float(data["strong_at"]),
            int(data["cap"]),
            float(data["baseline"]),
            _trees_from_json(data["trees"]),
        )


@dataclass(frozen=True, slots=True)
class Gate:
    names: tuple[str, ...]
    baseline: float
    trees: tuple[Tree, ...]
    warning_at: float = 0.5  # confidence from which a finding is a warning
    hint_at: float = 0.1  # confidence from which a finding is a hint (suggestion)
    # The trees as compiled Python (``gate_trees.margin``), when it matches them.
    compiled: Callable[[Sequence[float]], float] | None = field(default=None, compare=False, repr=False)
    boost: Boost | None = None  # raises the confidence of candidates with neighbours

    def confidence(self, values: Sequence[float]) -> float:
        if self.compiled is not None:
            return _sigmoid(self.compiled(values))
        return _sigmoid(_walk(self.baseline, self.trees, values))

    def digest(self) -> str:
        """What the compiled module must have been written from (checked at every start):
        the numbers' bytes, each tree's size first, little-endian (no text made of them)."""
        numbers = array.array("d", _numbers(self.baseline, self.trees))
        if self.boost is not None:
            numbers.extend(self.boost.numbers())
        if sys.byteorder == "big":
            numbers.byteswap()
        return hashlib.sha256(numbers.tobytes()).hexdigest()

    def python_source(self) -> str:
        """A module whose ``margin(v)`` sums the trees exactly as ``confidence`` walks them
        (``v`` holds one value a feature name). The values are unpacked into locals first:
        a local is read faster than an item, and the trees read about 700 a call."""
        unpacked = ", ".join(f"v{k}" for k in range(len(self.names)))
        lines = [
            '"""The SP001 gate\'s trees as Python: written by ``Gate.save`` (benchmarks/spin_kfold.py',
            '--write-gate) from gate.json. Do not edit: regenerate."""',
            "",
            "from collections.abc import Sequence",
            "",
            f'DIGEST = "{self.digest()}"',
            "",
            "",
            "def margin(v: Sequence[float]) -> float:",
            f"    {unpacked}, = v",
            *_sum_lines(self.baseline, self.trees),
        ]
        if self.boost is not None:
            lines += ["", "", "def boost_margin(v0: float, v1: float) -> float:"]
            lines += _sum_lines(self.boost.baseline, self.boost.trees)
        return "\n".join(lines) + "\n"

    def save(self, path: Path, module: Path | None = None) -> None:
        """Write the JSON, and the trees as Python to ``module`` when given."""
        if module is not None:
            module.write_text(self.python_source(), encoding="utf-8")
        data = {
            "names": self.names,
            "baseline": self.baseline,
            "warning_at": self.warning_at,
            "hint_at": self.hint_at,
            "trees": _trees_to_json(self.trees),
        }
        if self.boost is not None:
            data["boost"] = self.boost.to_json()
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Gate:
        data = json.loads(path.read_text(encoding="utf-8"))
        trees = _trees_from_json(data["trees"])
        boost = Boost.from_json(data["boost"]) if "boost" in data else None
        return cls(
            tuple(data["names"]),
            float(data["baseline"]),
            trees,
            float(data["warning_at"]),
            float(data["hint_at"]),
            boost=boost,
        )

    def with_compiled(self, digest: str | None = None) -> Gate:
        """This gate scoring through the shipped ``gate_trees`` module, if that was written from
        these trees (``digest``: this gate's, if it is known already)."""
        from cleaner.spin import gate_trees

        if (digest or self.digest()) != gate_trees.DIGEST:
            return self
        boost = self.boost
        if boost is not None:  # the module has boost_margin when the gate it was written from had a boost
            boost = replace(boost, compiled=getattr(gate_trees, "boost_margin", None))
        return Gate(self.names, self.baseline, self.trees, self.warning_at, self.hint_at, gate_trees.margin, boost)


def load_cached(path: Path) -> Gate:
    """``Gate.load(path).with_compiled()``, read after the first time from a marshal copy in the
    cache folder that holds the trees' digest too: parsing the JSON and hashing the trees
    took about 20 ms of every start."""
    kept = usercache.kept("gate", str(CACHE_FORMAT), path, lambda: _to_cache(Gate.load(path)), _is_cached_gate)
    names, baseline, trees, warning_at, hint_at, boost, digest = kept
    gate = Gate(names, baseline, trees, warning_at, hint_at, boost=None if boost is None else Boost(*boost))
    return gate.with_compiled(digest)


def _to_cache(gate: Gate) -> tuple[Any, ...]:
    """The gate as plain values marshal keeps, with its digest."""
    boost = gate.boost
    kept = None if boost is None else (boost.window, boost.strong_at, boost.cap, boost.baseline, boost.trees)
    return (gate.names, gate.baseline, gate.trees, gate.warning_at, gate.hint_at, kept, gate.digest())


def _is_cached_gate(value: Any) -> bool:
    """Whether ``value`` has the shape ``_to_cache`` gives (no copy, or another shape: no)."""
    if not (isinstance(value, tuple) and len(value) == 7):
        return False
    names, baseline, trees, warning_at, hint_at, kept, digest = value
    shapes = ((names, tuple), (baseline, float), (trees, tuple), (warning_at, float), (hint_at, float), (digest, str))
    return all(isinstance(v, kind) for v, kind in shapes) and (kept is None or _is_boost(kept))


def _is_boost(kept: Any) -> bool:
    kinds = (int, float, int, float, tuple)  # window, strong_at, cap, baseline, trees
    return isinstance(kept, tuple) and len(kept) == 5 and all(map(isinstance, kept, kinds))


def _numbers(baseline: float, trees: Sequence[Tree]) -> list[float]:
    """The baseline, then each tree's size and its parts, as one list of numbers (for digests)."""
    out = [baseline]
    for tree in trees:
        out.append(len(tree[0]))
        for part in tree:
            out.extend(part)
    return out


def _sum_lines(baseline: float, trees: Sequence[Tree]) -> list[str]:
    """A function body that sums the trees as Python expressions over locals v0, v1, ..."""
    return [f"    z = {baseline!r}", *(f"    z += {_expression(tree, 0)}" for tree in trees), "    return z"]


def _trees_to_json(trees: Sequence[Tree]) -> list[list[list[float]]]:
    return [[list(part) for part in tree] for tree in trees]


def _trees_from_json(data: list[list[list[Any]]]) -> tuple[Tree, ...]:
    return tuple(_tree(t) for t in data)


def _walk(baseline: float, trees: Sequence[Tree], values: Sequence[float]) -> float:
    """The margin: the baseline plus each tree's leaf for the values."""
    z = baseline
    for feature, threshold, left, right, value in trees:
        node = 0
        while feature[node] >= 0:
            node = left[node] if values[feature[node]] <= threshold[node] else right[node]
        z += value[node]
    return z


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1.0 - 1e-9)
    return math.log(p / (1.0 - p))


def _expression(tree: Tree, node: int) -> str:
    feature, threshold, left, right, value = tree
    if feature[node] < 0:
        return repr(value[node])
    return (
        f"({_expression(tree, left[node])} if v{feature[node]} <= {threshold[node]!r} "
        f"else {_expression(tree, right[node])})"
    )


def _tree(parts: list[list[Any]]) -> Tree:
    feature, threshold, left, right, value = parts
    return (
        tuple(map(int, feature)),
        tuple(map(float, threshold)),
        tuple(map(int, left)),
        tuple(map(int, right)),
        tuple(map(float, value)),
    )


def train_gate(rows: Sequence[Sequence[float]], labels: Sequence[int], names: Sequence[str]) -> Gate:
    """Fit boosted trees (scikit-learn, needed at build time only) and copy them out."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=160, learning_rate=0.1, max_leaf_nodes=16, class_weight="balanced", random_state=0
    )
    baseline, trees = _fit(model, rows, labels)
    return Gate(tuple(names), baseline, trees)


# The density boost's settings: neighbours within BOOST_WINDOW words (about a paragraph) that
# reach BOOST_STRONG_AT, counted up to BOOST_CAP.
BOOST_WINDOW = 100
BOOST_STRONG_AT = 0.9
BOOST_CAP = 3


def train_boost(
    confidences: Sequence[float],
    neighbours: Sequence[int],
    labels: Sequence[int],
    window: int = BOOST_WINDOW,
    strong_at: float = BOOST_STRONG_AT,
    cap: int = BOOST_CAP,
) -> Boost:
    """Fit the density boost on candidates that have neighbours: their (held-out)
    gate confidence and neighbour count against whether they were spun."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    rows = [(_logit(c), float(min(n, cap))) for c, n in zip(confidences, neighbours, strict=True)]
    keep = [i for i, n in enumerate(neighbours) if n > 0]
    model = HistGradientBoostingClassifier(
        max_iter=40, learning_rate=0.1, max_leaf_nodes=8, monotonic_cst=[1, 1], random_state=0
    )
    baseline, trees = _fit(model, [rows[i] for i in keep], [labels[i] for i in keep])
    return Boost(window, strong_at, cap, baseline, trees)


def _fit(model: Any, rows: Sequence[Sequence[float]], labels: Sequence[int]) -> tuple[float, tuple[Tree, ...]]:
    """Fit a scikit-learn HistGradientBoostingClassifier and copy its trees out."""
    import numpy as np

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
    return float(np.ravel(model._baseline_prediction)[0]), tuple(trees)
