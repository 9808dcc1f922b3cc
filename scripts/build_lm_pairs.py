#!/usr/bin/env python3
"""Build cleaner/data/spin/lm-pairs.bin: the word pairs pocketsphinx's English n-gram
model attests (``cleaner.spin.lmpairs``), so that SP001 asks the model only about them.

A pair is attested when its PMI (``NGram.pmi``: log P(second | first) - log P(second))
is at least ``candidates.LM_ATTESTED``. A pair the model lists as a bigram has its own
PMI; any other pair of known words has the back-off weight of its first word as PMI, so
the first words whose back-off alone reaches the threshold are listed apart
(``after_any``). pocketsphinx's Python binding cannot list the bigrams, but it writes
the model as ARPA text; the writer crashes after the bigrams, losing what it had not
flushed, so the bigrams of the words after the last one written in full (the listing is
ordered by second word, in vocabulary order) are found by asking the model about every
first word. The PMI of every pair is then taken from the model itself, as at run time.

usage: build_lm_pairs.py   (pocketsphinx, a dependency, with its English model)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.spin.candidates import LM_ATTESTED  # noqa: E402
from cleaner.spin.lm import model, model_path  # noqa: E402
from cleaner.spin.lmpairs import model_stamp  # noqa: E402
from cleaner.spin.resources import DATA  # noqa: E402
from cleaner.spin.store import PhraseStore  # noqa: E402

BITS = 1 << 24  # 2 MiB: about 2% false positives for the 1.3M pairs of the English model
DUMP = """
import os, sys
from pocketsphinx import Config, LogMath, NGramModel
config = Config()
config.set_string("-logfn", os.devnull)
lm = NGramModel(config, LogMath(), sys.argv[1])
lm.write(sys.argv[2], NGramModel.str_to_type("arpa"))
"""


def arpa_sections(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The vocabulary (in the model's order) and the bigrams the ARPA text lists in full."""
    words: list[str] = []
    bigrams: list[tuple[str, str]] = []
    section = 0
    with path.open(encoding="latin-1") as handle:  # the model's words are bytes; no text is decoded wrongly
        for line in handle:
            if line.startswith("\\"):
                section = {"\\1-grams:": 1, "\\2-grams:": 2}.get(line.strip(), 3)
                continue
            parts = line.split()
            if section == 1 and len(parts) >= 2:
                words.append(parts[1])
            elif section == 2 and len(parts) >= 3 and line.endswith("\n"):  # the last line may be cut short
                bigrams.append((parts[1], parts[2]))
    return words, bigrams


def complete_listing(words: list[str], bigrams: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], int]:
    """The bigrams whose second word comes before the last one listed (those were written in
    full), and where in the vocabulary the words start whose bigrams must be asked for."""
    order = {w: i for i, w in enumerate(words)}
    seconds = [order[b] for _, b in bigrams]
    if seconds != sorted(seconds):
        sys.exit("the ARPA bigrams are not ordered by second word: cannot tell which were cut off")
    last = seconds[-1] if seconds else 0
    return [pair for pair, at in zip(bigrams, seconds, strict=True) if at < last], last


def attested_pairs(words: list[str], listed: list[tuple[str, str]], probe_from: int) -> Iterator[str]:
    lm = model()
    assert lm is not None
    for first, second in listed:
        value = lm.pmi(first, second)
        if value is not None and value >= LM_ATTESTED:
            yield f"{first} {second}"
    for second in words[probe_from:]:
        for first in words:
            value = lm.pmi(first, second)
            if value is not None and value >= LM_ATTESTED:
                yield f"{first} {second}"


def after_any(words: list[str], listed: set[tuple[str, str]]) -> list[str]:
    """First words whose back-off weight alone makes every pair they start attested: asked
    about with a second word whose bigrams are ``listed`` in full, that pair not among them."""
    lm = model()
    assert lm is not None
    found = []
    for first in words:
        second = next((w for w in reversed(words) if (first, w) not in listed and lm.unigram(w) is not None), None)
        value = None if second is None else lm.pmi(first, second)
        if value is not None and value >= LM_ATTESTED:
            found.append(first)
    return found


def main() -> None:
    where = model_path()
    if where is None or model() is None:
        sys.exit("pocketsphinx (with its English model) is needed to build the table")
    with tempfile.TemporaryDirectory() as tmp:
        arpa = Path(tmp) / "model.arpa"
        subprocess.run([sys.executable, "-c", DUMP, where, str(arpa)], check=False)  # crashes after the bigrams
        words, bigrams = arpa_sections(arpa)
    if not words or not bigrams:
        sys.exit("pocketsphinx wrote no vocabulary or no bigrams")
    listed, probe_from = complete_listing(words, bigrams)
    asked = len(words) - probe_from
    print(f"{len(words)} words, {len(listed)} bigrams listed in full; asking about the pairs of {asked} more words")
    pairs = sorted(set(attested_pairs(words, listed, probe_from)))
    firsts = after_any(words[:probe_from], set(listed))
    out = DATA / "lm-pairs.bin"
    PhraseStore.known_only(pairs, BITS).save(out)
    about = {
        "model": model_stamp(Path(where)),
        "threshold": LM_ATTESTED,
        "pairs": len(pairs),
        "after_any": firsts,
    }
    out.with_suffix(".json").write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")
    print(f"{len(pairs)} attested pairs, {len(firsts)} first words attesting any pair -> {out}")


if __name__ == "__main__":
    main()
