"""Parsed rule packs are kept in cleaner's cache folder and read back exactly as parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rule_loading import GOOD

from cleaner.rulepack import RuleError, load_pack, load_packs
from cleaner.rulepack.loader import builtin_pack_paths

PACK = GOOD.replace("pack: demo", "pack: cached")  # one good rule, DM001, on line 6

# The first rule is good; the second, on line 16, has a kind that does not exist.
BAD_RULE = (
    PACK.replace("pack: cached", "pack: broken")
    + """\
- id: DM002
  name: broken-two
  kind: nonsense
  message: "m"
"""
)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    return folder


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pack_read_back_from_the_cache_is_the_parsed_pack(tmp_path: Path, cache_dir: Path) -> None:
    path = write(tmp_path / "packs", PACK)
    parsed = load_pack(path)
    assert len(list(cache_dir.glob("rulepack-*.marshal"))) == 1
    cached = load_pack(path)
    assert cached == parsed
    assert cached.rules[0].line == parsed.rules[0].line == 6


def test_the_builtin_packs_read_back_alike(cache_dir: Path) -> None:
    parsed = load_packs(builtin_pack_paths())
    assert len(list(cache_dir.glob("rulepack-*.marshal"))) == len(builtin_pack_paths())
    assert load_packs(builtin_pack_paths()) == parsed


def test_errors_keep_their_line_when_the_pack_comes_from_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    path = write(tmp_path / "packs", BAD_RULE)
    messages = []
    for _ in range(2):  # parsed, then read from the cache
        with pytest.raises(RuleError) as caught:
            load_pack(path)
        messages.append((caught.value.line, str(caught.value)))
    assert messages[0] == messages[1]
    assert messages[0][0] == 16
    assert "DM002" in messages[0][1]


def test_a_changed_pack_is_parsed_again(tmp_path: Path, cache_dir: Path) -> None:
    path = write(tmp_path / "packs", PACK)
    load_pack(path)
    path.write_text(PACK.replace("sheep dog: [sheepdog, shepherd dog]", "sheep dog: sheepdog"), encoding="utf-8")
    rule = load_pack(path).rules[0]
    assert "shepherd dog" not in str(rule)
    # The new copy replaces the old one: the cache does not grow with every edit of a pack.
    assert len(list(cache_dir.glob("rulepack-*.marshal"))) == 1
    assert load_pack(path).rules[0] == rule


def test_packs_at_two_places_keep_a_copy_each(tmp_path: Path, cache_dir: Path) -> None:
    first = write(tmp_path / "one", PACK)
    second = write(tmp_path / "two", PACK.replace("sheep dog: [sheepdog, shepherd dog]", "sheep dog: sheepdog"))
    load_pack(first)
    load_pack(second)
    assert len(list(cache_dir.glob("rulepack-*.marshal"))) == 2


def test_a_damaged_or_unwritable_cache_is_no_error(tmp_path: Path, cache_dir: Path) -> None:
    path = write(tmp_path / "packs", PACK)
    parsed = load_pack(path)
    for cached in cache_dir.glob("rulepack-*.marshal"):
        cached.write_bytes(b"\x00not marshal")
    assert load_pack(path) == parsed
    for cached in cache_dir.glob("rulepack-*.marshal"):
        cached.unlink()
    cache_dir.rmdir()
    cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    assert load_pack(path) == parsed
