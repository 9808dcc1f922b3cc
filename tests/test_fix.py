"""`cleaner fix`: byte-exact, atomic, idempotent writes; overlap skipping; case and a/an."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import sources, writeback
from cleaner.articles import article_for
from cleaner.cli import app
from cleaner.config import Settings
from cleaner.document import Document, TextBuilder
from cleaner.engine import Engine, FileResult
from cleaner.fix import MAX_PASSES, Edit, apply_edits, crosses_markup, edit_for, fix_path, fix_source
from cleaner.model import Applicability, Category, Finding, Severity
from cleaner.reporters.html_report import render_html

runner = CliRunner()
SPUN = "We trained an irregular woodland and a profound learning model.\n"
FIXED = "We trained a random forest and a deep learning model.\n"
SAFE_PACK = """\
pack: safe-test
defaults: {kind: substitution, category: tortured-phrase, severity: warning, fix: safe}
rules:
- id: ZZ001
  name: trade-off
  message: "'{match}' means '{suggestion}'"
  swap: {inherent compensation: inherent trade-off}
  doc: {what: a tortured term, why: readers miss it, instead: inherent trade-off}
  examples: {fail: [an inherent compensation], pass: [an inherent trade-off], fix: []}
- id: ZZ002
  name: euro
  message: "'{match}' means '{suggestion}'"
  swap: {euro money: € money}
  doc: {what: a test rule, why: its rewrite is not latin-1, instead: € money}
  examples: {fail: [euro money], pass: [€ money], fix: []}
"""


def run(*args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture
def safe_pack(tmp_path: Path) -> Path:
    path = tmp_path / "pack" / "safe.yaml"
    path.parent.mkdir()
    path.write_text(SAFE_PACK, encoding="utf-8")
    return path


def test_safe_only_by_default_unsafe_on_request(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    result = run("fix", str(path))
    assert path.read_text(encoding="utf-8") == SPUN  # built-in rewrites are unsafe
    assert "Applied 0 fixes in 0 files; 2 findings remain (2 fixable with --unsafe-fixes)." in result.output
    result = run("fix", "--unsafe-fixes", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == FIXED
    assert f"{path}: fixed 2 (TP002 ×1, TP009 ×1)" in result.output
    assert "Applied 2 fixes in 1 file; 0 findings remain." in result.output


def test_crlf_and_unchanged_bytes_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    original = b"Line one stays\r\n\tWe used an irregular woodland.  \r\nlast line, no newline \xc3\xa9"
    path.write_bytes(original)
    run("fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == original.replace(b"an irregular woodland", b"a random forest")


def test_utf8_bom_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SPUN.encode())
    run("fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_kept(tmp_path: Path, codec: str) -> None:
    bom = "\ufeff".encode(codec)
    path = tmp_path / "a.txt"
    path.write_bytes(bom + SPUN.replace("\n", "\r\n").encode(codec))
    result = run("fix", "--unsafe-fixes", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(codec)


def test_other_encoding_and_unencodable_replacement(tmp_path: Path, safe_pack: Path) -> None:
    path = tmp_path / "a.txt"
    original = "Café: inherent compensation, euro money.\n".encode("latin-1")
    path.write_bytes(original)
    result = run("fix", "--encoding", "latin-1", "--rules", str(safe_pack), str(path))
    assert path.read_bytes() == "Café: inherent trade-off, euro money.\n".encode("latin-1")
    assert "cannot be written in latin-1; not applied" in result.output
    assert "1 finding remains" in result.output


def test_permissions_kept_and_symlink_followed(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text(SPUN, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run("fix", "--unsafe-fixes", str(link))
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_interrupted_run_leaves_each_file_old_or_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SPUN, encoding="utf-8")
    real_replace = os.replace
    calls: list[str] = []

    def replace_then_die(src: str, dst: str) -> None:
        if calls:
            raise KeyboardInterrupt
        calls.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(writeback.os, "replace", replace_then_die)
    result = run("fix", "--unsafe-fixes", str(tmp_path))
    assert result.exit_code == 130  # click turns KeyboardInterrupt into "Aborted!"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == SPUN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no temporary file left


def test_failed_write_keeps_old_file_and_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writeback.os, "fsync", no_space)
    result = run("fix", "--unsafe-fixes", str(path))
    assert result.exit_code == 1
    assert "not written" in result.output and "No space left on device" in result.output
    assert path.read_text(encoding="utf-8") == SPUN
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("An irregular woodland and a counterfeit consciousness system.\n" * 3, encoding="utf-8")
    run("fix", "--unsafe-fixes", str(path))
    once = path.read_bytes()
    assert once.decode() == "A random forest and an artificial intelligence system.\n" * 3
    result = run("fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == once
    assert "Applied 0 fixes in 0 files" in result.output


def test_diff_and_dry_run_write_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    before = path.stat().st_mtime_ns
    result = run("fix", "--unsafe-fixes", "--diff", str(path))
    assert result.exit_code == 1  # something would change
    assert f"--- {path}\n+++ {path}\n" in result.stdout
    assert "-We trained an irregular woodland and a profound learning model.\n" in result.stdout
    assert "+We trained a random forest and a deep learning model.\n" in result.stdout
    result = run("fix", "--unsafe-fixes", "--dry-run", str(path))
    assert result.exit_code == 1
    assert "would fix 2" in result.output and "Would apply 2 fixes in 1 file" in result.output
    assert path.read_text(encoding="utf-8") == SPUN and path.stat().st_mtime_ns == before
    assert run("fix", "--diff", str(path)).exit_code == 0  # no safe fix to make


def test_stdin_to_stdout() -> None:
    result = run("fix", "--unsafe-fixes", "-", stdin=SPUN.encode())
    assert result.stdout.startswith(FIXED)


def test_unreadable_input_reported(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    result = run("fix", str(tmp_path / "bin.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "binary file" in result.output and "no such file or directory" in result.output
    assert "2 files skipped" in result.output


def test_case_kept(tmp_path: Path, safe_pack: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Inherent compensation. INHERENT COMPENSATION.\n", encoding="utf-8")
    result = run("fix", "--rules", str(safe_pack), str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == "Inherent trade-off. INHERENT TRADE-OFF.\n"


def _finding(start: int, end: int, suggestion: str, rule: str = "X1", category: Category = Category.STYLE) -> Finding:
    return Finding(rule, rule.lower(), category, Severity.WARNING, start, end, "m", (suggestion,), Applicability.SAFE)


@pytest.mark.parametrize(
    ("text", "span", "suggestion", "expected"),
    [
        ("Inherent compensation rules.", "Inherent compensation", "inherent trade-off", "Inherent trade-off rules."),
        ("We used an irregular woodland.", "irregular woodland", "random forest", "We used a random forest."),
        ("An irregular woodland.", "irregular woodland", "random forest", "A random forest."),
        ("It is a fake brain.", "fake brain", "artificial brain", "It is an artificial brain."),
        ("It is a\n  fake brain.", "fake brain", "artificial brain", "It is an\n  artificial brain."),
        ("Use a plain model.", "plain model", "SVM", "Use an SVM."),
        ("Use an odd unit.", "odd unit", "user model", "Use a user model."),
        ("Wait an hour.", "hour", "hour", "Wait an hour."),
        ("Plan a day.", "day", "hour", "Plan an hour."),
        ("Banana odd.", "odd", "even", "Banana even."),  # "Banana" is no article
    ],
)
def test_edit_keeps_case_and_fits_article(text: str, span: str, suggestion: str, expected: str) -> None:
    start = text.index(span)
    edit = edit_for(text, _finding(start, start + len(span), suggestion), suggestion)
    assert apply_edits(text, [edit])[0] == expected


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("apple", "an"),
        ("banana", "a"),
        ("hour", "an"),
        ("honest man", "an"),
        ("user", "a"),
        ("unique", "a"),
        ("one-stop shop", "a"),
        ("European", "a"),
        ("SVM", "an"),
        ("URL", "a"),
        ("MRI scan", "an"),
        ("8-bit", "an"),
        ("11", "an"),
        ("110", "a"),
        ("umbrella", "an"),
        ("", ""),
    ],
)
def test_article_for(phrase: str, article: str) -> None:
    assert article_for(phrase) == article


def test_apply_edits_back_to_front_skipping_overlaps() -> None:
    text = "abcdefghij"
    edits = [Edit(1, 4, "X"), Edit(3, 6, "Y"), Edit(8, 9, "Z"), Edit(0, 0, "<")]
    out, applied = apply_edits(text, edits)
    assert out == "<abcYghZj"  # Y, nearer the end, applies first; X overlaps it
    assert applied == [Edit(0, 0, "<"), Edit(3, 6, "Y"), Edit(8, 9, "Z")]


class Overlapping:
    """Two categories flag overlapping spans, each with a safe fix."""

    name = "overlapping"

    def check(self, doc: Document) -> list[Finding]:
        found = []
        at = doc.text.find("old big cat")
        if at >= 0:
            found.append(_finding(at, at + 7, "new big", "A1", Category.STYLE))
            found.append(_finding(at + 4, at + 11, "large cat", "B1", Category.GRAMMAR))
        return found


class Runaway:
    """Always wants one more x."""

    name = "runaway"

    def check(self, doc: Document) -> list[Finding]:
        at = doc.text.find("x")
        return [_finding(at, at + 1, "xx", "R1")] if at >= 0 else []


def test_overlap_skipped_then_rechecked() -> None:
    engine = Engine(Settings(), detectors=[Overlapping()])
    outcome = fix_source(engine, sources.SourceFile("t", "An old big cat.", "utf-8"))
    # The later edit applies first; the overlapping one is skipped, and the
    # re-check finds nothing more to do on the new text.
    assert outcome.fixed == "An old large cat."
    assert [e.rule_id for e in outcome.applied] == ["B1"]
    assert outcome.converged


def test_runaway_fixes_stop_at_the_cap(tmp_path: Path) -> None:
    engine = Engine(Settings(), detectors=[Runaway()])
    path = tmp_path / "a.txt"
    path.write_text("x\n", encoding="utf-8")
    outcome = fix_path(engine, str(path))
    assert not outcome.converged
    assert len(outcome.applied) == MAX_PASSES
    assert any("did not settle" in note and "R1" in note for note in outcome.notes)


def test_help() -> None:
    result = run("fix", "--help")
    assert result.exit_code == 0
    assert "--unsafe-fixes" in result.output and "--diff" in result.output and "--dry-run" in result.output


def _markdown_like() -> tuple[Document, list[Finding]]:
    """'We use **profound** learning.' with the emphasis marks stripped from the prose view."""
    source = "We use **profound** learning and profound learning."
    builder = TextBuilder()
    builder.copy(source, 0, 7)
    builder.copy(source, 9, 17)
    builder.copy(source, 19, len(source))
    text, offsets = builder.build()
    doc = Document("a.md", source, text, offsets, "markdown")
    across = _finding(9, 28, "deep learning", "TP002")  # "profound** learning" in the source
    inside = _finding(33, 50, "deep learning", "TP002")
    return doc, [across, inside]


def test_spans_over_markup_are_not_fixed() -> None:
    doc, (across, inside) = _markdown_like()
    assert crosses_markup(doc, across)
    assert not crosses_markup(doc, inside)
    assert not crosses_markup(Document.plain("plain"), _finding(0, 5, "x"))


def test_report_offers_markup_spans_for_hand_editing() -> None:
    doc, findings = _markdown_like()
    html = render_html([FileResult("a.md", findings, doc)])
    assert "The span takes in markup: edit it by hand." in html
    assert html.count('type="radio"') == 2  # accept/reject for the prose-only finding only


def test_pronoun_i_passes_no_capital_on() -> None:
    text = "between you and I."
    assert apply_edits(text, [edit_for(text, _finding(16, 17, "me"), "me")])[0] == "between you and me."


def test_spin_suggestions_are_unsafe_fixes_and_spin_can_be_switched(tmp_path: Path) -> None:
    path = tmp_path / "spun.txt"
    path.write_text("We used a counterfeit consciousness system.\n", encoding="utf-8")
    common = ["fix", "--no-config", "--no-builtin-rules", "--diff"]
    safe_only = run(*common, "--spin", str(path))
    assert "artificial intelligence" not in safe_only.stdout  # unsafe: not applied without --unsafe-fixes
    applied = run(*common, "--spin", "--unsafe-fixes", str(path))
    assert "+We used an artificial intelligence system." in applied.stdout
    assert "artificial" not in run(*common, "--no-spin", "--unsafe-fixes", str(path)).stdout
