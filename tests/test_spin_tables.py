"""cleaner.spin.resources.read_table: the detector's tables, read through a marshal copy in the cache folder."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cleaner.spin.resources import read_table, split_rows

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
