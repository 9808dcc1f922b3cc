#!/usr/bin/env python3
"""Count the phrases of scientific software documentation, for the spin detector's phrase store.

Tortured phrases hide technical terms ("random forest", "feature map",
"particle swarm optimization") that general-English statistics have never
seen. The docstrings and comments of permissively licensed scientific Python
packages (machine learning, statistics, signal processing, astronomy, power
systems, chemistry, neuroscience, ...) are about 18M words of running
technical English that name those terms in context. This script fetches the
pinned wheels named in ``doc-phrase-sources.txt`` from PyPI, checks each
wheel's declared licence, takes the prose out of its Python files (docstrings,
comments of three words or more; doctest and code lines dropped) and its
``.rst``/``.md`` files, and counts 2- and 3-word phrases that do not cross
punctuation. Only the counts ship (inside ``known.bin``, via
``build_spin_tables.py --doc-phrases``); no text of any package does.

usage: build_doc_phrases.py [--sources FILE] [--wheels DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import ast
import email
import io
import re
import subprocess
import sys
import tokenize
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.spin.ngrams import count_ngrams, save_counts  # noqa: E402

SOURCES = Path(__file__).resolve().parent / "doc-phrase-sources.txt"
PLATFORMS = ("manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64", "any")
PERMISSIVE = re.compile(r"\b(MIT|BSD|Apache|ISC|NCSA|Biopython)\b", re.IGNORECASE)
COPYLEFT = re.compile(r"GPL|Business Source|Commons Clause", re.IGNORECASE)
CODE_LINE = re.compile(r"^\s*(>>>|\.\.\.|\$ |In \[|Out\[|[-=~^*]{3,}\s*$)")
MAX_FILE = 3_000_000
MIN_COMMENT_WORDS = 3


def read_sources(path: Path) -> list[str]:
    """The ``name==version`` pins, one a line; ``#`` starts a comment."""
    pins = []
    for line in path.read_text(encoding="utf-8").splitlines():
        pin = line.partition("#")[0].strip()
        if pin:
            pins.append(pin)
    return pins


def fetch(pin: str, wheels: Path) -> Path:
    """The pinned wheel (any platform's: only its Python and text files are read), downloaded once."""
    found = cached_wheel(pin, wheels)
    if found is None:
        platforms = [arg for p in PLATFORMS for arg in ("--platform", p)]
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:"]
        subprocess.run([*pip, "--python-version", "3.11", *platforms, "--dest", str(wheels), pin], check=True)
        found = cached_wheel(pin, wheels)
    if found is None:
        raise SystemExit(f"{pin}: pip downloaded no wheel named like {pin.replace('==', '-')}-*.whl into {wheels}")
    return found


def cached_wheel(pin: str, wheels: Path) -> Path | None:
    name, _, version = pin.partition("==")
    stem = re.sub(r"[-_.]+", "_", name).lower()
    return next((w for w in sorted(wheels.glob("*.whl")) if w.name.lower().startswith(f"{stem}-{version}-")), None)


def licence(wheel: Path) -> str:
    """The licence a wheel declares: its expression, its licence line, or its classifiers."""
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = email.message_from_bytes(archive.read(meta))
    declared = message.get("License-Expression") or (message.get("License") or "").split("\n")[0]
    classifiers = [c.split("::")[-1].strip() for c in message.get_all("Classifier") or [] if c.startswith("License")]
    return " ".join([declared.strip(), *classifiers]).strip()


def permissive(declared: str) -> bool:
    return bool(PERMISSIVE.search(declared)) and not COPYLEFT.search(declared)


def prose(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not CODE_LINE.match(line))


def python_prose(source: str) -> Iterator[str]:
    """Docstrings, and comments of a few words, of one Python file."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            doc = ast.get_docstring(node)
            if doc:
                yield prose(doc)
    comments = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comment = token.string.lstrip("#").strip()
                if len(comment.split()) >= MIN_COMMENT_WORDS:
                    comments.append(comment)
    except (tokenize.TokenError, SyntaxError):
        pass
    yield "\n".join(comments)


def wheel_prose(wheel: Path) -> Iterator[str]:
    """Paragraphs of prose from a wheel's Python, reStructuredText and Markdown files."""
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            name = info.filename
            if info.file_size > MAX_FILE or "LICENSE" in name.upper():
                continue
            if name.endswith(".py"):
                texts = list(python_prose(archive.read(info).decode("utf-8", "replace")))
            elif name.endswith((".rst", ".md")):
                texts = [prose(archive.read(info).decode("utf-8", "replace"))]
            else:
                continue
            for text in texts:
                yield from (part for part in text.split("\n\n") if part.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=SOURCES)
    ap.add_argument("--wheels", type=Path, default=ROOT / "build" / "doc-wheels", help="download cache")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "doc-phrases.tsv.gz")
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    args.wheels.mkdir(parents=True, exist_ok=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    total_words = 0
    for pin in read_sources(args.sources):
        wheel = fetch(pin, args.wheels)
        declared = licence(wheel)
        if not permissive(declared):
            print(f"{pin}: licence {declared!r} is not on the permissive list; skipped", file=sys.stderr)
            continue
        paragraphs = list(wheel_prose(wheel))
        words = sum(len(p.split()) for p in paragraphs)
        total_words += words
        count_ngrams(paragraphs, counts)
        print(f"{pin}: {words:,} words ({declared})", file=sys.stderr)
    kept = save_counts(counts, args.out, min_count=args.min_count)
    print(f"{total_words:,} words; {len(counts):,} phrases, {kept:,} seen {args.min_count}+ times -> {args.out}")


if __name__ == "__main__":
    main()
