"""cleaner.spin.resources.read_table and read_sorted: the detector's tables, read through a copy in the cache folder."""

from __future__ import annotations

import gzip
import marshal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.spin import resources
from cleaner.spin.resources import SortedRows, checked_rows, read_sorted, read_table, sorted_lines, split_rows
from cleaner.spin.swaps import SwapTable

TABLE = "# word roles\nnetwork\t3 1\nneural\t0 2\ndeep\t0 5\n"


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "roles.tsv.gz"
    path.write_bytes(gzip.compress(TABLE.encode()))
    return path


def test_first_read_keeps_a_copy_that_later_reads_use(table: Path) -> None:
    expected = {"network": "3 1", "neural": "0 2", "deep": "0 5"}
    assert read_table(table) == expected == split_rows(TABLE)
    copies = list((table.parent / "cache").glob("table-*.marshal"))
    assert len(copies) == 1
    # The copy is what a later read returns: proven by planting a different (well-formed) value in it.
    from cleaner import usercache

    usercache.write(copies[0], {"planted": "1"})
    assert read_table(table) == {"planted": "1"}


def test_damaged_copy_is_read_past(table: Path) -> None:
    read_table(table)
    (copy,) = (table.parent / "cache").glob("table-*.marshal")
    copy.write_bytes(b"not marshal data")
    assert read_table(table) == {"network": "3 1", "neural": "0 2", "deep": "0 5"}


def test_edited_table_is_read_again(table: Path) -> None:
    read_table(table)
    table.write_bytes(gzip.compress((TABLE + "forest\t4 0\n").encode()))
    assert read_table(table)["forest"] == "4 0"
    assert len(list((table.parent / "cache").glob("table-*.marshal"))) == 1  # the new copy replaced the old


def test_unwritable_cache_is_no_error(table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = table.parent / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "sub"))
    assert read_table(table)["deep"] == "0 5"


def test_a_sorted_table_answers_as_the_loaded_one(table: Path) -> None:
    rows = read_sorted(table)
    assert dict(rows.items()) == {"deep": ("0", "5"), "network": ("3", "1"), "neural": ("0", "2")}
    assert len(rows) == 3 and "neural" in rows and "forest" not in rows and 3 not in rows
    assert rows.get("forest") is None and rows.get("forest", ()) == ()
    with pytest.raises(KeyError):
        rows["forest"]
    (copy,) = (table.parent / "cache").glob("sorted-*.tsv")
    # A later read maps the copy: proven by planting a different (well-formed) table in it.
    copy.write_bytes(sorted_lines({"planted": "1"}))
    assert dict(read_sorted(table).items()) == {"planted": ("1",)}


def test_a_damaged_sorted_copy_is_read_past(table: Path) -> None:
    read_sorted(table)
    (copy,) = (table.parent / "cache").glob("sorted-*.tsv")
    data = bytearray(copy.read_bytes())
    data[-3] ^= 1  # one bit of the last row: the checksum no longer holds
    copy.write_bytes(bytes(data))
    assert checked_rows(bytes(data)) is None
    assert read_sorted(table)["deep"] == ("0", "5")
    copy.write_bytes(b"")
    assert read_sorted(table)["network"] == ("3", "1")


def test_a_sorted_table_needs_no_cache_folder(table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = table.parent / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "sub"))
    assert read_sorted(table)["deep"] == ("0", "5")


words = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=8)


@given(st.dictionaries(words, st.lists(words, max_size=3).map(" ".join), max_size=40), st.lists(words, max_size=10))
def test_sorted_rows_find_every_word_and_no_other(rows: dict[str, str], others: list[str]) -> None:
    data = sorted_lines(rows)
    table = checked_rows(data)
    assert table is not None
    for word in [*rows, *others]:
        assert table.get(word) == (tuple(rows[word].split()) if word in rows else None)
    assert sorted(table) == sorted(rows)
    assert SortedRows(b"").get("x") is None


def test_a_cache_write_that_fails_leaves_no_temporary_file(table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import usercache

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(usercache.os, "replace", full_disk)
    assert read_sorted(table)["deep"] == ("0", "5")  # the table is read all the same
    assert read_table(table)["deep"] == "0 5"
    assert list((table.parent / "cache").iterdir()) == []


def test_built_in_swaps_are_read_from_their_cached_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first read keeps a marshal copy; a later read gives the same table from it (a table put
    there is the one read), and a copy of another shape is read past."""
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    path = resources.DATA / "swaps.tsv.gz"
    resources.builtin_swaps.cache_clear()
    try:
        first = resources.builtin_swaps()
        (copy,) = tmp_path.glob("swaps-*.marshal")
        resources.builtin_swaps.cache_clear()
        assert resources.builtin_swaps().counts == first.counts == SwapTable.load(path).counts
        copy.write_bytes(marshal.dumps({"profound": {"deep": 3}}))
        resources.builtin_swaps.cache_clear()
        assert resources.builtin_swaps().counts == {"profound": {"deep": 3}}
        copy.write_bytes(marshal.dumps({"profound": ["deep"]}))
        resources.builtin_swaps.cache_clear()
        assert resources.builtin_swaps().counts == first.counts
    finally:
        resources.builtin_swaps.cache_clear()


def test_inflections_are_the_endings_in_order() -> None:
    from cleaner.spin import morph

    for word in ("model", "study", "classify", "gentle", "basic", "tie", "pass"):
        assert morph.inflections(word) == tuple(ending(word) for ending in morph.ENDINGS.values())


def test_built_in_roles_are_the_text_tables_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Packed (one number a word) and read back from the cache folder, the roles are the rows' numbers."""
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    rows = read_table(resources.DATA / "word-roles.tsv.gz")
    resources.builtin_roles.cache_clear()
    try:
        first = resources.builtin_roles()
        resources.builtin_roles.cache_clear()
        again = resources.builtin_roles()  # from the copy
        assert list(tmp_path.glob("roles-*.marshal"))
        res = resources.Resources(synonyms={}, store=resources.EMPTY, swaps=SwapTable(), roles=again)
        assert first == again and len(again) == len(rows)
        for word in [*list(rows)[::997], "learning", "network", "not-a-word"]:
            expected = tuple(int(n) for n in rows[word].split()) if word in rows else (0, 0)
            assert (res.role(word, True), res.role(word, False)) == expected
    finally:
        resources.builtin_roles.cache_clear()


def test_packed_roles_keep_large_counts_apart() -> None:
    packed = resources.pack_roles({"a": "70000 5", "b": "0 4294967295"})
    res = resources.Resources(synonyms={}, store=resources.EMPTY, swaps=SwapTable(), roles=packed)
    assert (res.role("a", True), res.role("a", False), res.role("b", True), res.role("b", False)) == (
        70000,
        5,
        0,
        4294967295,
    )
