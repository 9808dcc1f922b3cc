#!/usr/bin/env python3
"""K-fold evaluation of the spin (reconstruction) detector on the dev carriers.

Folds group the dev pairs by expected term (its normal form, hashed), so a
held-out phrase's original never taught a swap. For fold k: the swap table is
learned from the pairs of the other folds, candidates are generated over the
carrier sentences of fold k and over the clean documents of fold k (clean
documents are split by position), and the gate is trained on the other folds'
candidates. Every clean document and every gold span is scored exactly once,
held out. Then the density boost (``cleaner.spin.gate.Boost``): fold k's boost is
trained on the other folds' held-out gate confidences and neighbour counts. Prints
recall, top-1 fix accuracy and false flags per 10k words on both clean corpora,
for a range of confidence thresholds; then the best operating points and the
shipped levels, with the boost and for the gate alone (a phrase with no neighbours).

The built-in phrase lists (rules) are not involved: this runs the detector alone.

usage: spin_kfold.py [--folds 5] [--limit-clean N] [--write-gate [--warning-at X]] [--cache FILE] [--no-refine]
Reads ../shared beside the checkout (or $CLEANER_SHARED); skips if absent.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import cache, partial
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.spin.candidates import Generator  # noqa: E402
from cleaner.spin.detect import GROW_FLOOR, SpinDetector, choose, neighbours, suggestion, wording  # noqa: E402
from cleaner.spin.features import NAMES  # noqa: E402
from cleaner.spin.gate import BOOST_CAP, BOOST_STRONG_AT, BOOST_WINDOW, Boost, Gate, train_boost, train_gate  # noqa: E402
from cleaner.spin.pairs import find_shared, read_pairs  # noqa: E402
from cleaner.spin.refine import Parts, Refiner, covered, refine_parts  # noqa: E402
from cleaner.spin.resources import default_resources  # noqa: E402
from cleaner.spin.swaps import SwapTable, learn_swaps  # noqa: E402
from cleaner.spin.text import Tokens, normalize  # noqa: E402

CLEAN = ("clean-abstracts-dev.jsonl", "clean-encyclopedic-dev.jsonl")
# Coarse below 0.7; finer where the operating points lie (1 and 10 false flags per 10k words).
THRESHOLDS = (
    0.3,
    0.4,
    0.5,
    0.6,
    *(round(0.7 + 0.01 * i, 2) for i in range(23)),
    *(round(0.93 + 0.0025 * i, 4) for i in range(25)),
    0.995,
    0.998,
)


@dataclass(frozen=True, slots=True)
class Row:
    fold: int
    corpus: str
    doc: int
    start: int
    end: int
    first_word: int
    last_word: int
    replacement: str
    values: list[float]
    label: int


def fold_of(expected: list[str], folds: int) -> int:
    key = normalize(expected[0]) if expected else ""
    return int(hashlib.blake2b(key.encode(), digest_size=8).hexdigest(), 16) % folds


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


STATE: dict[str, Any] = {}


def run_fold(j: int) -> list[Row]:
    pairs, carriers, clean, folds = STATE["pairs"], STATE["carriers"], STATE["clean"], STATE["folds"]
    detector = SpinDetector(replace(default_resources(), swaps=fold_swaps(pairs, j, folds)), STATE["dummy_gate"])
    rows: list[Row] = []
    for d, doc in enumerate(carriers):
        spans = [s for s in doc["spans"] if fold_of(s["expected"], folds) == j]
        if not spans:
            continue
        tokens = Tokens(doc["text"])
        for s in detector.scored(tokens):
            lo, hi = s.candidate.span
            start, end = tokens.start(lo), tokens.end(hi)
            if any(start < g["end"] and g["start"] < end for g in spans):
                rows.append(Row(j, "carriers", d, start, end, lo, hi, s.candidate.replacement(), s.values, 1))
    for name, docs in clean.items():
        for d, doc in enumerate(docs):
            if d % folds != j:
                continue
            tokens = Tokens(doc["text"])
            for s in detector.scored(tokens):
                lo, hi = s.candidate.span
                start, end = tokens.start(lo), tokens.end(hi)
                rows.append(Row(j, name, d, start, end, lo, hi, s.candidate.replacement(), s.values, 0))
    print(f"fold {j}: {len(rows)} candidates", file=sys.stderr)
    return rows


def held_out_scores(rows: list[Row], folds: int) -> list[float]:
    scores = [0.0] * len(rows)
    for k in range(folds):
        train = [r for r in rows if r.fold != k]
        gate = train_gate([r.values for r in train], [r.label for r in train], NAMES)
        for i, r in enumerate(rows):
            if r.fold == k:
                scores[i] = gate.confidence(r.values)
    return scores


def neighbour_counts(rows: list[Row], scores: list[float]) -> list[int]:
    """Each row's neighbours (``cleaner.spin.detect.neighbours``) among its document's rows."""
    by_doc: dict[tuple[str, int], list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault((r.corpus, r.doc), []).append(i)
    counts = [0] * len(rows)
    for key, members in by_doc.items():
        spans = [(rows[i].first_word, rows[i].last_word) for i in members]
        strong = [span for span, i in zip(spans, members, strict=True) if scores[i] >= BOOST_STRONG_AT]
        norms = Tokens(STATE["texts"][key]).norms
        found = neighbours(spans, strong, BOOST_WINDOW, BOOST_CAP, partial(wording, norms))
        for i, n in zip(members, found, strict=True):
            counts[i] = n
    return counts


def fit_boost(rows: list[Row], scores: list[float], counts: list[int], keep: Callable[[Row], bool]) -> Boost:
    picked = [i for i, r in enumerate(rows) if keep(r)]
    return train_boost([scores[i] for i in picked], [counts[i] for i in picked], [rows[i].label for i in picked])


def boosted_scores(rows: list[Row], scores: list[float], folds: int) -> tuple[list[float], list[int]]:
    """Held-out confidences after the density boost: fold k's boost is trained on the
    other folds' held-out gate confidences. Also each row's neighbour count."""
    counts = neighbour_counts(rows, scores)
    out = list(scores)
    for k in range(folds):
        boost = fit_boost(rows, scores, counts, lambda r, k=k: r.fold != k)
        for i, r in enumerate(rows):
            if r.fold == k:
                out[i] = boost.confidence(scores[i], counts[i])
    return out, counts


def load_scorer(shared: Path) -> Callable[..., bool]:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fixes: Callable[..., bool] = module.fixes
    return fixes


def fold_swaps(pairs: list[Any], j: int, folds: int) -> SwapTable:
    """Fold ``j``'s swap table: learned from the other folds' pairs only."""
    return learn_swaps((p.tortured, p.expected) for p in pairs if fold_of(p.expected, folds) != j)


def fold_refiners(pairs: list[Any], folds: int) -> dict[int, Refiner]:
    """Each fold's refiner (``cleaner.spin.refine``), on its own swap table."""
    resources = default_resources()
    return {j: Refiner(Generator(replace(resources, swaps=fold_swaps(pairs, j, folds)))) for j in range(folds)}


def refined(key: tuple[str, int], taken: frozenset[int], parts: Parts, refiner: Refiner) -> Parts:
    """A pick's parts after the refiner (as the detector refines them; ``taken``: the words
    of every pick in the text), remembered across thresholds."""
    memo: dict[tuple[tuple[str, int], Parts, int, bool, bool], Parts] = STATE.setdefault("refined", {})
    lo, hi = parts[0][0], parts[-1][1]
    at = (key, parts, id(refiner), lo - 1 in taken, hi + 1 in taken)  # all that the refiner reads of ``taken``
    found = memo.get(at)
    if found is None:
        tokens = STATE["tokens"](key)
        found = memo[at] = refine_parts(refiner, tokens.norms, tokens.joined, taken, parts)
    return found


def curve(
    rows: list[Row],
    scores: list[float],
    threshold: float,
    fixes: Callable[..., bool],
    alone: list[float] | None = None,
    refiners: dict[int, Refiner] | None = None,
) -> dict[str, float]:
    """Recall, fix accuracy and false flags at one threshold; ``alone`` (the gate's own
    confidences, when ``scores`` were raised by neighbours) breaks ties as the detector does;
    ``refiners`` (by fold) refine each finding's suggestion as the detector does."""
    by_doc: dict[tuple[str, int], list[tuple[Row, float]]] = {}
    order = sorted(range(len(rows)), key=lambda i: -(alone or scores)[i])
    for i in order:
        r, s = rows[i], scores[i]
        if s >= min(threshold, GROW_FLOOR):
            by_doc.setdefault((r.corpus, r.doc), []).append((r, s))
    findings: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for key, items in by_doc.items():
        # As the detector picks (cleaner.spin.detect.choose and select).
        folds = {(r.first_word, r.last_word, r.replacement): r.fold for r, _ in items}
        text, tokens = STATE["texts"][key], STATE["tokens"](key)
        out = []
        picks = choose(
            ((s, r.first_word, r.last_word, r.replacement) for r, s in items), threshold, parted=tokens.parted
        )
        taken = frozenset(covered([pick.parts for pick in picks]))
        for pick in picks:
            refiner = None if refiners is None else refiners[folds[pick.parts[0]]]
            parts = pick.parts if refiner is None else refined(key, taken, pick.parts, refiner)
            first, last = min(pick.parts[0][0], parts[0][0]), max(pick.parts[-1][1], parts[-1][1])
            start, end, suggested = suggestion(text, parts, first, last, tokens.start, tokens.end)
            out.append({"start": start, "end": end, "suggestions": [suggested], "confidence": pick.confidence})
        findings[key] = out
    result: dict[str, float] = {"threshold": threshold}
    gold = hit = fixed = 0
    folds = STATE["folds"]
    for d, doc in enumerate(STATE["carriers"]):
        fs = findings.get(("carriers", d), [])
        for g in doc["spans"]:
            gold += 1
            over = [f for f in fs if f["start"] < g["end"] and g["start"] < f["end"]]
            over = [f for f in over if fold_of(g["expected"], folds) is not None]
            if over:
                hit += 1
                fixed += any(fixes(doc["text"], g, f) for f in over)
    result["recall"] = hit / gold
    result["fix_accuracy"] = fixed / gold
    for name, docs in STATE["clean"].items():
        n_words = sum(len(doc["text"].split()) for doc in docs)
        flags = sum(len(findings.get((name, d), [])) for d in range(len(docs)))
        result[name] = 1e4 * flags / n_words
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit-clean", type=int, default=0)
    ap.add_argument("--no-refine", action="store_true", help="suggestions as the picks make them, not refined")
    ap.add_argument("--cache", type=Path, default=None, help="reuse candidates saved here (JSON)")
    ap.add_argument(
        "--write-gate",
        action="store_true",
        help="train on all folds; write cleaner/data/spin/gate.json and cleaner/spin/gate_trees.py",
    )
    ap.add_argument(
        "--warning-at",
        type=float,
        default=None,
        help="with --write-gate: warnings from this confidence instead of the operating point "
        "(leaves room for the false flags of the rest of the pipeline)",
    )
    args = ap.parse_args()
    shared = find_shared()
    if shared is None:
        print("SKIPPED: ../shared (evaluation data) not found beside the checkout; set CLEANER_SHARED")
        return
    STATE["folds"] = args.folds
    STATE["pairs"] = read_pairs(shared / "data" / "tortured-dev.tsv")
    STATE["carriers"] = load_jsonl(shared / "eval" / "tortured-dev-carriers.jsonl")
    STATE["clean"] = {}
    for name in CLEAN:
        docs = load_jsonl(shared / "data" / name)
        STATE["clean"][name] = docs[: args.limit_clean] if args.limit_clean else docs
    STATE["texts"] = {("carriers", d): doc["text"] for d, doc in enumerate(STATE["carriers"])}
    STATE["texts"].update(
        {(name, d): doc["text"] for name, docs in STATE["clean"].items() for d, doc in enumerate(docs)}
    )
    STATE["dummy_gate"] = Gate(NAMES, 0.0, ())
    STATE["tokens"] = cache(lambda key: Tokens(STATE["texts"][key]))
    if args.cache and args.cache.exists():
        rows = [Row(**r) for r in json.loads(args.cache.read_text(encoding="utf-8"))]
    else:
        default_resources()  # load once before forking
        with Pool(2) as pool:
            rows = [r for part in pool.map(run_fold, range(args.folds)) for r in part]
        if args.cache:
            args.cache.write_text(json.dumps([asdict(r) for r in rows]), encoding="utf-8")
    alone = held_out_scores(rows, args.folds)
    scores, counts = boosted_scores(rows, alone, args.folds)
    fixes = load_scorer(shared)
    refiners = None if args.no_refine else fold_refiners(STATE["pairs"], args.folds)
    print(f"{'threshold':>9} {'recall':>7} {'fix_acc':>7} {'ff/10k abstracts':>16} {'ff/10k encyclopedic':>19}")
    results = []
    for t in THRESHOLDS:
        r = curve(rows, scores, t, fixes, alone, refiners)
        results.append(r)
        print(f"{t:9.4f} {r['recall']:7.3f} {r['fix_accuracy']:7.3f} {r[CLEAN[0]]:16.2f} {r[CLEAN[1]]:19.2f}")
    # The same without the density boost: what a phrase standing alone gets.
    plain = [curve(rows, alone, t, fixes, refiners=refiners) for t in THRESHOLDS]
    shipped = Gate.load(ROOT / "cleaner" / "data" / "spin" / "gate.json")
    for label, table, values in (
        ("with the density boost", results, scores),
        ("gate alone (no neighbours)", plain, alone),
    ):
        points = [(f"best at <= {limit:g} false flags", operating_point(table, limit)) for limit in (1.0, 10.0)]
        points += [("shipped warning level", shipped.warning_at), ("shipped hint level", shipped.hint_at)]
        for name, t in points:
            r = next((r for r in table if r["threshold"] == t), None) or curve(rows, values, t, fixes, alone, refiners)
            print(
                f"{label}, {name}: threshold {t:.4f} recall {r['recall']:.3f} "
                f"fix accuracy {r['fix_accuracy']:.3f} ({r[CLEAN[0]]:.2f} / {r[CLEAN[1]]:.2f})"
            )
    if args.write_gate:
        write_gate(rows, results, alone, counts, args.warning_at)


def operating_point(results: list[dict[str, float]], limit: float) -> float:
    for r in results:
        if r[CLEAN[0]] <= limit and r[CLEAN[1]] <= limit:
            return r["threshold"]
    return results[-1]["threshold"]


def shipped_false_flags(gate: Gate) -> list[dict[str, float]]:
    """False flags per 10k clean words of the detector as shipped (the swap table
    learned from every pair has more trigger words than a training fold's), by threshold."""
    detector = SpinDetector(default_resources(), gate)
    out = []
    confidences: dict[str, list[float]] = {}
    for name, docs in STATE["clean"].items():
        confidences[name] = [h.confidence for doc in docs for h in detector.hits(doc["text"], min_confidence=0.0)]
    for t in THRESHOLDS:
        row: dict[str, float] = {"threshold": t}
        for name, docs in STATE["clean"].items():
            n_words = sum(len(doc["text"].split()) for doc in docs)
            row[name] = 1e4 * sum(c >= t for c in confidences[name]) / n_words
        out.append(row)
        print(f"shipped {t:6.4f}: " + " ".join(f"{row[n]:.2f}" for n in STATE["clean"]), file=sys.stderr)
    return out


def write_gate(
    rows: list[Row],
    results: list[dict[str, float]],
    alone: list[float],
    counts: list[int],
    warning_at: float | None = None,
) -> None:
    """Train on every fold (the density boost on every row's held-out gate confidence);
    each level's threshold is the stricter of the held-out operating point and the
    shipped detector's own on the clean corpora (or, for warnings, ``warning_at`` when given)."""
    gate = train_gate([r.values for r in rows], [r.label for r in rows], NAMES)
    gate = replace(gate, boost=fit_boost(rows, alone, counts, lambda r: True))
    shipped = shipped_false_flags(gate)
    if warning_at is None:
        warning_at = max(operating_point(results, 1.0), operating_point(shipped, 1.0))
    hint_at = max(operating_point(results, 10.0), operating_point(shipped, 10.0))
    gate = replace(gate, warning_at=warning_at, hint_at=hint_at)
    path = ROOT / "cleaner" / "data" / "spin" / "gate.json"
    gate.save(path, ROOT / "cleaner" / "spin" / "gate_trees.py")
    print(f"gate written to {path} and gate_trees.py: warning_at={gate.warning_at} hint_at={gate.hint_at}")


if __name__ == "__main__":
    main()
