"""The pattern slot forms the grammar packs added: before_not/after_not."""

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


def test_lookaround_words_stay_outside_the_match(tmp_path: Path) -> None:
    body = "  pattern: [{before_not: did}, he, have, {after_not: to}]\n"
    assert spans(tmp_path, body, "So he have it.") == ["he have"]
    assert spans(tmp_path, body, "Did he have it?") == []
    assert spans(tmp_path, body, "So he have to.") == []
    assert spans(tmp_path, body, "Did, he have it.") == ["he have"]  # punctuation frees it


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("  pattern: [a, {before_not: b}]\n", "must come first"),
        ("  pattern: [{after_not: b}, a]\n", "must come last"),
        ("  pattern: [{after_not: b, word: c}, a]\n", "takes no other key"),
        ("  pattern: [{after_not: b}]\n", "at least one slot"),
        ("  pattern: [a]\n  replace: ['{2}']\n", "word slots"),
    ],
)
def test_invalid_slots_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(RuleError, match=message) as caught:
        pack(tmp_path, body)
    assert str(caught.value).startswith(str(tmp_path / "p.yaml") + ":")
