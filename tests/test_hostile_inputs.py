"""Hostile inputs: each is reported by name and the rest of the run goes on (issue 7)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import chunks, sources
from cleaner.cli import app
from cleaner.engine import Engine

runner = CliRunner()
SPUN = "We trained a profound learning model.\n"
SLOW = os.environ.get("CLEANER_SLOW_TESTS") == "1"


def check_json(*args: str) -> tuple[int, dict[str, dict], str]:
    result = runner.invoke(app, ["check", "--format", "json", *args])
    report = json.loads(result.stdout)
    return result.exit_code, {f["path"]: f for f in report["files"]}, result.stderr


def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(SPUN, encoding="utf-8")
    return path


def assert_good_checked(files: dict[str, dict], good: Path) -> None:
    assert [f["rule"] for f in files[str(good)]["findings"]] == ["TP002"]


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, files, _ = check_json(str(empty))
    assert code == 0
    assert files[str(empty)] == {"path": str(empty), "words": 0, "findings": []} | (
        {"document_score": files[str(empty)]["document_score"]} if "document_score" in files[str(empty)] else {}
    )


def test_binary_file_skipped_rest_checked(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    good = good_file(tmp_path)
    code, files, err = check_json(str(binary), str(good))
    assert code == 1
    assert "binary" in files[str(binary)]["error"]
    assert f"{binary}: binary file" in err
    assert_good_checked(files, good)


def test_invalid_utf8_names_offset_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("first line\r\nsecond caf\u00e9 line\n".encode("latin-1"))
    good = good_file(tmp_path)
    code, files, err = check_json(str(bad), str(good))
    assert code == 1
    assert "byte 0xe9 at offset 22 (line 2, column 11)" in files[str(bad)]["error"]
    assert "--encoding" in err and str(bad) in err
    assert_good_checked(files, good)
    code, files, _ = check_json("--encoding", "latin-1", str(bad))
    assert code == 0 and "error" not in files[str(bad)]


def test_invalid_utf8_in_a_large_file_names_the_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"fine words here\n" * 200_000 + b"and a bad \xff byte\n")
    engine = Engine()
    engine.chunk_chars = 100_000
    result = engine.check_path(str(big))
    assert result.error is not None
    assert f"at offset {16 * 200_000 + 10} (line 200001, column 11)" in result.error


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_bom_files_offsets_in_decoded_text(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "bom.txt"
    text = "Intro line.\n" + SPUN
    path.write_bytes(bom + text.encode(encoding))
    code, files, _ = check_json(str(path))
    assert code == 0
    (finding,) = files[str(path)]["findings"]
    assert text[finding["start"] : finding["end"]] == "profound learning"
    assert (finding["line"], finding["column"]) == (2, 14)


def test_crlf_and_lone_cr_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "eol.txt"
    text = "One.\r\nWe trained a profound learning model.\rA profound learning idea.\n"
    path.write_bytes(text.encode("utf-8"))
    _, files, _ = check_json(str(path))
    places = [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in files[str(path)]["findings"]]
    assert places == [(2, 14, 2, 31), (3, 3, 3, 20)]


def test_missing_path_reported_rest_checked(tmp_path: Path) -> None:
    good = good_file(tmp_path)
    missing = tmp_path / "nope.txt"
    code, files, err = check_json(str(missing), str(good))
    assert code == 1
    assert files[str(missing)]["error"] == "no such file or directory"
    assert f"{missing}: no such file" in err
    assert_good_checked(files, good)


def test_unreadable_file_reported_rest_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated with a patched os.open, so it also holds when the tests run as root."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SPUN, encoding="utf-8")
    good = good_file(tmp_path)
    real_open = os.open

    def refusing_open(path: str, flags: int, *args: int, **kwargs: object) -> int:
        if str(path) == str(secret):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources.os, "open", refusing_open)
    code, files, err = check_json(str(secret), str(good))
    assert code == 1
    assert files[str(secret)]["error"] == "permission denied"
    assert f"{secret}: permission denied" in err
    assert_good_checked(files, good)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_and_device_skipped_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = good_file(tmp_path)
    command = [sys.executable, "-m", "cleaner", "check", "--format", "json", str(fifo), "/dev/null", str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert done.returncode == 1
    assert files[str(fifo)]["error"] == "not a regular file (a FIFO), skipped"
    assert files["/dev/null"]["error"] == "not a regular file (a character device), skipped"
    assert_good_checked(files, good)


def test_symlink_loops_reported(tmp_path: Path) -> None:
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    (top / "sub" / "up").symlink_to(top, target_is_directory=True)
    good = top / "sub" / "good.txt"
    good.write_text(SPUN, encoding="utf-8")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    code, files, err = check_json(str(top), str(tmp_path / "a.txt"))
    assert code == 1
    assert files[str(top / "sub" / "up")]["error"] == "symlink loop, not followed"
    assert "symlink loop" in files[str(tmp_path / "a.txt")]["error"]
    assert_good_checked(files, good)
    assert "symlink loop" in err


def test_deep_directory_tree_walked_without_recursion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    depth = 2000
    top = tmp_path / "t"
    top.mkdir()
    monkeypatch.chdir(top)
    for _ in range(depth):  # relative steps: each mkdir resolves one name, not the whole path
        os.mkdir("d")
        os.chdir("d")
    monkeypatch.chdir(tmp_path)
    deepest = path = str(top) + "/d" * depth
    try:
        good = Path(deepest) / "x.txt"
        good.write_text(SPUN, encoding="utf-8")
        found = list(sources.expand([str(top)]))
        assert found == [str(good)]
        result = Engine().check_path(found[0])
        assert [f.rule_id for f in result.findings] == ["TP002"]
    finally:
        os.unlink(Path(deepest) / "x.txt")
        while path != str(tmp_path):  # shutil.rmtree recurses; take it apart by hand
            os.rmdir(path)
            path = os.path.dirname(path)


def test_single_ten_megabyte_line(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    unit = "plain words of a long line, " * 20 + "and a profound learning model "  # one finding per unit
    count = 10_000_000 // len(unit) + 1
    path.write_text(unit * count, encoding="utf-8")
    result = Engine().check_path(str(path))
    assert result.error is None
    # Cut at spaces (no paragraph or sentence to cut at): a phrase across a cut may be missed.
    assert count - 10 <= len(result.findings) <= count
    text = unit * count
    for finding in result.findings[:: count // 50]:
        assert text[finding.start : finding.end] == "profound learning"
        assert finding.line == finding.end_line == 1
        assert finding.column == finding.start + 1


def test_chunked_findings_match_whole_file(tmp_path: Path) -> None:
    """Offsets, lines and columns of a chunked check equal those of a whole-file check."""
    path = tmp_path / "doc.txt"
    paragraph = "A profound learning model.\r\nIt ran on colossal information. Then it stopped!\n\n"
    path.write_bytes((paragraph * 400 + "tail " * 300 + paragraph * 50).encode("utf-8"))
    whole = Engine().check_path(str(path))
    engine = Engine()
    engine.large_bytes = engine.chunk_chars = 2_000
    pieces = engine.check_path(str(path))
    assert pieces.document is None and whole.document is not None
    key = [(f.rule_id, f.start, f.end, f.line, f.column, f.end_line, f.end_column) for f in whole.findings]
    assert [(f.rule_id, f.start, f.end, f.line, f.column, f.end_line, f.end_column) for f in pieces.findings] == key
    assert pieces.words == whole.words


def test_cuts_never_split_crlf_and_stay_bounded() -> None:
    text = ("word " * 30 + "\r\n") * 200
    cuts = list(chunks.split([text[i : i + 777] for i in range(0, len(text), 777)], size=1000))
    assert "".join(c.text for c in cuts) == text
    assert all(len(c.text) <= 1002 for c in cuts)
    assert not any(c.text.startswith("\n") for c in cuts)


MEMORY_PROBE = """
import resource, sys
from cleaner.engine import Engine
engine = Engine()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = engine.check_path(sys.argv[1])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(result.findings), result.error, (after - before) // 1024)
"""


def _big_file(path: Path, megabytes: int) -> int:
    paragraph = (
        "The committee discussed the findings at length before it published the annual report on the "
        "regional economy, which covered employment, housing and transport in some detail.\n\n"
    )
    spun = "Then we trained a profound learning model on it.\n\n"
    block = (paragraph * 40 + spun).encode("utf-8")
    with path.open("wb") as handle:
        for _ in range(megabytes * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    return megabytes * 1024 * 1024 // len(block) + 1


def _memory_growth(path: Path) -> tuple[int, int]:
    command = [sys.executable, "-c", MEMORY_PROBE, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    count, error, growth = done.stdout.split()
    assert error == "None", done.stderr
    return int(count), int(growth)


def test_large_file_memory_bounded(tmp_path: Path) -> None:
    """A 5 MB file grows the checking process by well under what holding it whole costs (~150 MB)."""
    path = tmp_path / "big.txt"
    blocks = _big_file(path, 5)
    count, growth_mb = _memory_growth(path)
    assert count == blocks
    assert growth_mb < 80, f"peak RSS grew {growth_mb} MB for a 5 MB file"


slow = pytest.mark.skipif(not SLOW, reason="slow: set CLEANER_SLOW_TESTS=1 to run it")


@slow
def test_hundred_megabyte_file_memory_bounded(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    blocks = _big_file(path, 100)
    count, growth_mb = _memory_growth(path)
    assert count == blocks
    assert growth_mb < 300, f"peak RSS grew {growth_mb} MB for a 100 MB file"


def test_progress_shown_on_a_terminal_only(tmp_path: Path) -> None:
    from io import StringIO

    from cleaner.cli import progress

    class Tty(StringIO):
        def isatty(self) -> bool:
            return True

    assert progress.on_terminal(StringIO()) is None
    stream = Tty()
    shown = progress.on_terminal(stream)
    assert shown is not None
    path = tmp_path / "big.txt"
    _big_file(path, 2)
    engine = Engine()
    engine.chunk_chars = 500_000
    engine.progress = shown
    engine.check_path(str(path))
    out = stream.getvalue()
    assert f"\rcleaner: {path}: " in out and out.endswith("100% (2 of 2 MB)\n")
    assert out.count("\r") >= 4


def test_overlong_path_reported(tmp_path: Path) -> None:
    good = good_file(tmp_path)
    overlong = str(tmp_path / ("x" * 5000 + ".txt"))
    code, files, _ = check_json(overlong, str(good))
    assert code == 1
    assert files[overlong]["error"]
    assert_good_checked(files, good)
