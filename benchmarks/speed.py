#!/usr/bin/env python3
"""Speed and memory of `cleaner check` beside proselint, growth with input size, and start-up time.

The corpus is the clean abstracts (data/clean-abstracts-dev.jsonl, 2,186
documents, 369k words) written as ONE text file, documents separated by a
blank line: both tools read the same file, and one file keeps the
measurement about checking rather than about opening thousands of files.
Each run is a fresh process, timed on the wall clock; peak memory is the
child's maximum resident set size (``os.wait4``). cleaner checks a file over a
megabyte in worker processes (one per CPU unless ``--jobs`` says otherwise):
their CPU time is in the CPU column (``os.wait4`` adds the children the child
waited for), and the peak is the largest single process's, not the sum of
them (the workers share the parent's tables copy-on-write). Both tools run as installed
copies do, from cached bytecode: one untimed warm-up run of each comes first,
and PYTHONDONTWRITEBYTECODE is cleared for the children. The children run in
the corpus's temporary folder, so ``python -m cleaner`` is the cleaner that this
Python has installed: a wheel's, with the spin detector compiled by mypyc
(hatch_build.py), or an editable install's source; the checkout's only when this
Python has none. The first line says which.

Rows: cleaner and proselint on the corpus (1×) with the words/s ratio;
cleaner on the corpus repeated 4× and 16× (time per word should stay flat);
start-up: the median wall time of `cleaner check` on a one-paragraph file.

``--quick`` uses the first 100 documents, 1×/2×/4× and 3 start-up runs: a
smoke test, not a measurement. ``--corpus FILE.jsonl`` reads another corpus.

``--rounds N`` measures instead N rounds of proselint, `cleaner check --no-spin`
and `cleaner check` (SP001 on, the default) on the 1× file, one after the
other, and prints each round's ratios and what SP001 adds: on a machine whose
speed drifts, only runs made side by side compare.

usage: speed.py [--shared DIR | --corpus FILE.jsonl] [--quick] [--runs N] [--rounds N] [--cleaner-args ARGS]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "The board closed its eyes to the fraud for years. Researchers trained a profound learning model on "
    "colossal information, and the results were summarised in a report that nobody read.\n"
)


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float  # user + system seconds of the child: steadier than wall time on a busy machine
    peak_mb: float
    status: int


def measure(command: list[str]) -> Run:
    """Wall time and peak RSS of one child process; its output is discarded."""
    env = child_env()
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=Path(command[-1]).parent
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # KiB on Linux
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak_mb, child.returncode)


def cleaner_command(path: Path, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "cleaner", "check", "--format", "json", *extra, str(path)]


def proselint_command(path: Path) -> list[str] | None:
    beside = Path(sys.executable).with_name("proselint")
    found = str(beside) if beside.exists() else shutil.which("proselint")
    return [found, "check", str(path)] if found else None


def read_texts(corpus: Path, limit: int) -> list[str]:
    texts = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def write_corpus(folder: Path, texts: list[str], times: int) -> tuple[Path, int]:
    body = "\n\n".join(texts) + "\n"
    path = folder / f"corpus-x{times}.txt"
    path.write_text(body * times, encoding="utf-8")
    return path, len(body.split()) * times


def row(name: str, words: int, run: Run, base: Run | None = None) -> str:
    rate = words / run.seconds
    ratio = f"{run.seconds / base.seconds:.1f}× slower (CPU {run.cpu / base.cpu:.1f}×)" if base else ""
    per_mword = run.seconds / words * 1e6
    return (
        f"| {name} | {words:,} | {run.seconds:.2f} | {run.cpu:.2f} | {rate:,.0f} | {per_mword:.2f} "
        f"| {run.peak_mb:.0f} | {ratio} |"
    )


def speed_rows(folder: Path, texts: list[str], factors: tuple[int, ...], extra: list[str]) -> list[str]:
    lines = [
        "| run | words | wall s | CPU s | words/s (wall) | wall s per million words | peak RSS MB | vs cleaner |",
        "|---|---|---|---|---|---|---|---|",
    ]
    path, words = write_corpus(folder, texts, 1)
    cleaner = measure(cleaner_command(path, extra))
    lines.append(row("cleaner check, 1×", words, cleaner))
    proselint = proselint_command(path)
    if proselint is None:
        lines.append("| proselint | not installed: pip install proselint | | | | | | |")
    else:
        lines.append(row("proselint check, 1×", words, measure(proselint), cleaner))
    for times in factors[1:]:
        bigger, count = write_corpus(folder, texts, times)
        lines.append(row(f"cleaner check, {times}×", count, measure(cleaner_command(bigger, extra))))
    return lines


def rounds(folder: Path, texts: list[str], count: int, extra: list[str]) -> list[str]:
    """``count`` rounds of proselint, cleaner without and with SP001 on the 1× file, side by side."""
    path, words = write_corpus(folder, texts, 1)
    proselint = proselint_command(path)
    if proselint is None:
        return ["proselint is not installed: pip install proselint"]
    default, spin = cleaner_command(path, [*extra, "--no-spin"]), cleaner_command(path, [*extra, "--spin"])
    lines = [
        f"{words:,} words; wall s (CPU s) per run",
        "| round | proselint | cleaner --no-spin | ratio | cleaner (SP001) | ratio "
        "| SP001 adds (wall) | SP001 adds (CPU) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n in range(1, count + 1):
        p, d, s = measure(proselint), measure(default), measure(spin)
        lines.append(
            f"| {n} | {p.seconds:.2f} | {d.seconds:.2f} ({d.cpu:.2f}) | {p.seconds / d.seconds:.1f}× "
            f"| {s.seconds:.2f} ({s.cpu:.2f}) | {p.seconds / s.seconds:.1f}× "
            f"| {(s.seconds - d.seconds) / d.seconds:.2f}× | {(s.cpu - d.cpu) / d.cpu:.2f}× |"
        )
    return lines


def warm_up(folder: Path, extra: list[str]) -> None:
    """One untimed run of each tool: bytecode is written and files are in the page cache."""
    path = folder / "warm-up.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    measure(cleaner_command(path, extra))
    proselint = proselint_command(path)
    if proselint is not None:
        measure(proselint)


def startup(folder: Path, runs: int, extra: list[str]) -> str:
    path = folder / "paragraph.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    runs_done = [measure(cleaner_command(path, extra)) for _ in range(runs)]
    wall = statistics.median(r.seconds for r in runs_done)
    cpu = statistics.median(r.cpu for r in runs_done)
    return f"start-up: `cleaner check` on one paragraph, median of {runs} runs: {wall:.3f} s wall, {cpu:.3f} s CPU"


PROBE = "import cleaner.spin.detect as m; print(m.__file__)"


@functools.cache
def child_env() -> dict[str, str]:
    """The children's environment: the installed cleaner when this Python has one, else the checkout's.
    Both tools run as installed ones do, from cached bytecode (pip compiles it at install time): with
    PYTHONDONTWRITEBYTECODE set, a checkout's modules would be compiled again on every run."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    with tempfile.TemporaryDirectory() as outside:
        command = [sys.executable, "-c", PROBE]
        installed = subprocess.run(command, cwd=outside, env=env, capture_output=True, check=False)
    if installed.returncode != 0:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return env


def which_cleaner(folder: Path) -> str:
    """The cleaner the children run (from ``folder``, outside the checkout): compiled or source."""
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=folder, env=child_env(), capture_output=True, text=True, check=False
    )
    where = probe.stdout.strip()
    kind = "spin detector compiled by mypyc" if where.endswith((".so", ".pyd")) else "pure Python"
    return f"cleaner measured: {kind} ({where or probe.stderr.strip()})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", help="the evaluation folder (default $CLEANER_SHARED or ../shared)")
    parser.add_argument("--corpus", help="a JSON Lines file of {text} records instead of the clean abstracts")
    parser.add_argument("--quick", action="store_true", help="100 documents, 1×/2×/4×, 3 start-up runs")
    parser.add_argument("--runs", type=int, default=0, help="start-up runs (default 11, quick 3)")
    parser.add_argument("--cleaner-args", default="", help="more `cleaner check` options, e.g. '--no-spin'")
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="N rounds of proselint, cleaner --no-spin and cleaner side by side instead",
    )
    args = parser.parse_args(argv)
    shared = Path(args.shared or os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")
    corpus = Path(args.corpus) if args.corpus else shared / "data" / "clean-abstracts-dev.jsonl"
    if not corpus.is_file():
        raise SystemExit(f"no corpus at {corpus} (give --corpus, --shared or set CLEANER_SHARED)")
    texts = read_texts(corpus, 100 if args.quick else 0)
    factors = (1, 2, 4) if args.quick else (1, 4, 16)
    extra = shlex.split(args.cleaner_args)
    with tempfile.TemporaryDirectory() as tmp:
        print(which_cleaner(Path(tmp)))
        warm_up(Path(tmp), extra)
        if args.rounds:
            warm_up(Path(tmp), [*extra, "--no-spin"])
            print("\n".join(rounds(Path(tmp), texts, args.rounds, extra)))
            return
        print("\n".join(speed_rows(Path(tmp), texts, factors, extra)))
        print()
        print(startup(Path(tmp), args.runs or (3 if args.quick else 11), extra))


if __name__ == "__main__":
    main()
