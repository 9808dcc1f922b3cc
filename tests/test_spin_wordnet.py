"""SP001's WordNet reader and the related-words table built from it, on lines written for these tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cleaner.spin import wordnet

ROOT = Path(__file__).resolve().parent.parent

# Offsets, lemma counts and pointer counts as in WordNet's data files; the words are made up.
NOUNS = [
    "00000100 05 n 01 pact 0 001 ~ 00000200 n 0000 | an accord\n",
    "00000200 05 n 02 bond 0 tie 0 002 @ 00000100 n 0000 + 00000300 v 0101 | a binding pact\n",
]
VERBS = ["00000300 41 v 01 bind 0 001 + 00000200 n 0101 01 + 01 00 | to tie\n"]
ADJECTIVES = ["00000400 00 a 01 civic 0 001 \\ 00000100 n 0101 | of a pact\n"]


def write_wordnet(root: Path) -> None:
    (root / "data.noun").write_text("  header line\n" + "".join(NOUNS), encoding="latin-1")
    (root / "data.verb").write_text("".join(VERBS), encoding="latin-1")
    (root / "data.adj").write_text("".join(ADJECTIVES), encoding="latin-1")
    (root / "data.adv").write_text("", encoding="latin-1")


def test_pointers_are_read() -> None:
    bond = wordnet._parse("n", NOUNS[1])
    assert bond.lemmas == ("bond", "tie")
    assert bond.hypernyms == (("n", "00000100"),)
    assert bond.derived == ((1, "v", "00000300", 1),)
    civic = wordnet._parse("a", ADJECTIVES[0])
    assert civic.derived == ((1, "n", "00000100", 1),)


def test_related_words_both_ways_and_derived_forms(tmp_path: Path) -> None:
    write_wordnet(tmp_path)
    spec = importlib.util.spec_from_file_location("build_spin_related", ROOT / "scripts" / "build_spin_related.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    related = module.build_related(tmp_path)
    assert related["bond"] >= {"pact"} and related["tie"] >= {"pact"}  # up: the hypernym
    assert related["pact"] >= {"bond", "tie"}  # down: its hyponyms
    assert "bind" in related["bond"] and "bond" in related["bind"]  # derived forms, word to word
    assert "tie" not in related.get("bind", set())  # not the synset's other lemma
    assert related["civic"] == {"pact"}  # a pertainym
