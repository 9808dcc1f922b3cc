"""Readability: offline textstat, honest None for short or unpunctuated text, gates from the config, score command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import readability
from cleaner.cli import app
from cleaner.config import Settings
from cleaner.engine import Engine

runner = CliRunner()

PLAIN = (
    "The cat sat on the mat. It was a warm day and the sun was out. "
    "The dog came by to say hello. They played in the yard until dark. "
    "Then they both went home to sleep."
)
DENSE = (
    "Notwithstanding considerable methodological heterogeneity, institutional investigators "
    "systematically characterised multidimensional pharmacological interactions, demonstrating "
    "statistically indistinguishable physiological responsiveness across heterogeneous experimental "
    "populations, notwithstanding contradictory epidemiological observations and organisational "
    "considerations regarding interdisciplinary collaboration."
)


def test_no_download_is_attempted_even_without_cmudict() -> None:
    """In a fresh process where NLTK has no cmudict and downloading raises, scoring still works."""
    code = (
        "import nltk, nltk.data\n"
        "def refuse(*a, **k): raise AssertionError('nltk.download called')\n"
        "def missing(*a, **k): raise LookupError('no data')\n"
        "nltk.download = refuse\n"
        "nltk.data.find = missing\n"
        "from cleaner import readability\n"
        f"s = readability.score({PLAIN!r})\n"
        "assert s.metrics['flesch_kincaid_grade'] is not None, s\n"
        "print(s.counts.syllables)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0


def test_no_download_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.download called")

    monkeypatch.setattr(nltk, "download", refuse)
    assert readability.score(DENSE + " " + PLAIN).metrics["gunning_fog"] is not None


def test_figures_follow_from_the_counts() -> None:
    s = readability.score(PLAIN)
    c = s.counts
    assert (c.words, c.sentences) == (37, 5)
    assert c.syllables >= c.words
    grade = 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59
    assert s.metrics["flesch_kincaid_grade"] == pytest.approx(grade, abs=0.01)
    ease = 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words
    assert s.metrics["flesch_reading_ease"] == pytest.approx(ease, abs=0.01)
    assert all(value is not None for value in s.metrics.values())
    assert s.reason is None


def test_harder_text_scores_harder() -> None:
    easy, hard = readability.score(PLAIN), readability.score(DENSE + " " + DENSE)
    for metric, higher_is_harder in readability.METRICS.items():
        e, h = easy.metrics[metric], hard.metrics[metric]
        if metric == "smog":
            continue  # DENSE twice is 2 sentences: no SMOG
        assert e is not None and h is not None
        assert (h > e) if higher_is_harder else (h < e), metric
    assert hard.metrics["smog"] is None
    assert hard.reason == "SMOG needs 3 sentences or more"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Too short to say.", "too short to score"),
        ("", "too short to score"),
        (" ".join(["word"] * 60), "no sentence punctuation"),
        (" ".join(["word"] * 200) + ".", "punctuation is probably missing"),
    ],
)
def test_no_absurd_scores(text: str, reason: str) -> None:
    s = readability.score(text)
    assert all(value is None for value in s.metrics.values())
    assert s.reason is not None and reason in s.reason


def test_paragraphs() -> None:
    text = f"{PLAIN}\n\n  {DENSE}\n \n\nShort one.\n"
    report = readability.report(text)
    assert [text[p.start : p.end] for p in report.paragraphs] == [PLAIN, DENSE, "Short one."]
    assert report.paragraphs[2].scores.reason is not None


def test_one_paragraph_document_scores_as_its_paragraph() -> None:
    text = f"\n  {DENSE} {PLAIN}  \n\n"
    report = readability.report(text)
    assert len(report.paragraphs) == 1
    assert report.document == readability.score(text) == report.paragraphs[0].scores


def test_scores_are_lazy_without_thresholds() -> None:
    result = Engine().check_text(PLAIN)
    assert result.document is not None
    assert "readability" not in vars(result.document)  # never computed
    assert result.readability is None
    assert Engine(Settings(scores=True)).check_text(PLAIN).readability is not None


def test_thresholds_become_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(f"# Title\n\n{PLAIN}\n\n{DENSE} {DENSE}\n", encoding="utf-8")
    (tmp_path / ".cleaner.toml").write_text(
        '[readability]\nflesch-kincaid-grade = 12\nflesch_reading_ease = 30\n[rules]\nreadability = "error"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "-f", "json", "doc.md"])
    assert result.exit_code == 1, result.output
    (entry,) = json.loads(result.stdout)["files"]
    found = [(f["rule"], f["line"], f["severity"], f["category"]) for f in entry["findings"]]
    # the dense paragraph (line 5) and the document (reported at its first paragraph, line 1)
    assert sorted(found) == [("RD001", 5, "error", "readability"), ("RD002", 1, "error", "readability")]
    assert entry["readability"]["flesch_kincaid_grade"] > 12
    message = next(f["message"] for f in entry["findings"] if f["rule"] == "RD001")
    assert "flesch kincaid grade" in message and "(limit 12)" in message and "(minimum 30)" in message
    assert runner.invoke(app, ["check", "--no-config", "doc.md"]).exit_code == 0


def test_score_command(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PLAIN + "\n", encoding="utf-8")
    table = runner.invoke(app, ["score", "--no-config", str(path)])
    assert table.exit_code == 0
    assert "FK grade" in table.stdout and "37" in table.stdout
    data = json.loads(runner.invoke(app, ["score", "--no-config", "-f", "json", str(path)]).stdout)
    (entry,) = data["files"]
    assert entry["counts"]["words"] == 37
    assert entry["metrics"]["flesch_kincaid_grade"] == readability.score(PLAIN + "\n").metrics["flesch_kincaid_grade"]
    assert len(entry["paragraphs"]) == 1


def test_html_report_shows_readability(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PLAIN + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["report", "--no-config", str(path), "-o", str(out)]).exit_code == 0
    assert "flesch kincaid grade" in out.read_text(encoding="utf-8")
