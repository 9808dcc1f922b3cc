"""cleaner.pos: tags from the optional denckring-en-pos model, read lazily, cached, and absent gracefully."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import pos
from cleaner.detectors.agreement import AgreementDetector
from cleaner.document import Document

needs_tagger = pytest.mark.skipif(not pos.installed(), reason="denckring-en-pos (the pos extra) is not installed")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """An empty model cache and no model read yet; the cached state is restored afterwards."""
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    pos.tagger.cache_clear()
    pos._installed_dir.cache_clear()
    yield tmp_path
    monkeypatch.undo()
    pos.tagger.cache_clear()
    pos._installed_dir.cache_clear()


@needs_tagger
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The results show a clear effect", ["DET", "NOUN", "VERB|Fin", "DET", "ADJ", "NOUN"]),
        ("He works on models", ["PRON", "VERB|Fin", "ADP", "NOUN"]),
        ("We conducted a research on mice", ["PRON", "VERB|Fin", "DET", "NOUN", "ADP", "NOUN"]),
        ("Could he have known", ["AUX|Fin", "PRON", "AUX|Inf", "VERB|Part"]),
    ],
)
def test_tags(sentence: str, expected: list[str]) -> None:
    assert pos.tag(sentence.split()) == expected


@needs_tagger
def test_tags_match_the_package_api() -> None:
    """The fast path (model file + perceptron.py, weights decoded per row) tags exactly as the package does."""
    import denckring_en_pos

    words = "The proposed method outperforms existing approaches on three benchmarks while using less memory".split()
    theirs = [label.removesuffix("|-") for label in denckring_en_pos.tagger().tag(words)]
    assert pos.tag(words) == theirs
    assert pos.tag([]) == []


@needs_tagger
def test_model_cache_is_written_then_read(fresh: Path) -> None:
    first = pos.tag("Our results suggest a link".split())
    cached = list(fresh.glob("pos-model-*.marshal"))
    assert len(cached) == 1
    pos.tagger.cache_clear()
    assert pos.tag("Our results suggest a link".split()) == first
    cached[0].write_bytes(b"not marshal data")  # a damaged cache is rebuilt, never an error
    pos.tagger.cache_clear()
    assert pos.tag("Our results suggest a link".split()) == first


@needs_tagger
def test_a_copy_of_an_older_model_is_removed(fresh: Path) -> None:
    from cleaner import usercache

    root = pos._installed_dir()
    assert root is not None
    where = usercache.source_key(root.joinpath(*pos.MODEL_FILE))
    older = fresh / f"pos-model-1-{where}-123-456.marshal"  # as left by an earlier version of the model
    elsewhere = fresh / "pos-model-1-0123456789abcdef-123-456.marshal"  # another environment's model: kept
    older.write_bytes(b"old")
    elsewhere.write_bytes(b"other")
    pos.tag(["It", "works"])
    assert not older.exists()
    assert elsewhere.exists()
    assert len(list(fresh.glob("pos-model-*.marshal"))) == 2


@needs_tagger
def test_unwritable_cache_is_no_error(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = fresh / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "sub"))
    assert pos.tag(["It", "works"]) is not None


@pytest.mark.parametrize("how", ["switched off", "not installed"])
def test_without_a_tagger_the_checks_stay_silent(fresh: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    if how == "switched off":
        monkeypatch.setenv("CLEANER_POS", "off")
    else:
        monkeypatch.setattr(pos, "DISTRIBUTION", "no_such_tagger_package")
    assert not pos.installed()
    assert not pos.available()
    assert pos.tag(["a", "word"]) is None
    assert AgreementDetector().check(Document.plain("These methods is widely used. He have data.")) == []
