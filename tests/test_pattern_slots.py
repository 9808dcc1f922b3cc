"""The pattern slot forms the grammar packs added: same, before_not/after_not, hyphens: false."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.detectors.rules import RulesDetector
from cleaner.document import Document
from cleaner.rulepack import RuleError, load_pack

HEAD = """pack: t
rules:
- id: T001
  name: t
  kind: pattern
  category: grammar
  severity: warning
  message: m
  doc: {what: w, why: w, instead: w}
  examples: {fail: ["x"]}
"""


def pack(tmp_path: Path, body: str):
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return load_pack(path)


def spans(tmp_path: Path, body: str, text: str) -> list[str]:
    found = RulesDetector(pack(tmp_path, body).rules).check(Document.plain(text))
    return [text[f.start : f.end] for f in found]


def test_same_word(tmp_path: Path) -> None:
    body = "  pattern: [the|of, {same: 1}]\n"
    assert spans(tmp_path, body, "the the cat of of it of the") == ["the the", "of of"]


def test_lookaround_words_stay_outside_the_match(tmp_path: Path) -> None:
    body = "  pattern: [{before_not: did}, he, have, {after_not: to}]\n"
    assert spans(tmp_path, body, "So he have it.") == ["he have"]
    assert spans(tmp_path, body, "Did he have it?") == []
    assert spans(tmp_path, body, "So he have to.") == []
    assert spans(tmp_path, body, "Did, he have it.") == ["he have"]  # punctuation frees it


def test_hyphens_false_needs_free_standing_words(tmp_path: Path) -> None:
    body = "  hyphens: false\n  pattern: [an, {regex: '[a-z]+'}]\n"
    assert spans(tmp_path, body, "an book") == ["an book"]
    assert spans(tmp_path, body, "an-book and pre-an book") == []
    assert spans(tmp_path, body, "an non-linear model") == ["an non"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("  pattern: [a, {before_not: b}]\n", "must come first"),
        ("  pattern: [{after_not: b}, a]\n", "must come last"),
        ("  pattern: [{same: 2}, a]\n", "earlier word slot"),
        ("  pattern: [{after_not: b, word: c}, a]\n", "takes no other key"),
        ("  pattern: [{after_not: b}]\n", "at least one slot"),
        ("  pattern: [a]\n  replace: ['{2}']\n", "word slots"),
    ],
)
def test_invalid_slots_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(RuleError, match=message) as caught:
        pack(tmp_path, body)
    assert str(caught.value).startswith(str(tmp_path / "p.yaml") + ":")
