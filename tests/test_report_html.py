"""The HTML report: structure, escaping of everything taken from the input, self-containment."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.config import Settings
from cleaner.engine import Engine, FileResult
from cleaner.model import Severity
from cleaner.reporters.html_report import render_html

REPO = Path(__file__).resolve().parents[1]
HOSTILE = (
    'Intro <script>window.__pwned = 1</script> then an irregular woodland <img src=x onerror="window.__pwned=2">'
    " and </script><!-- & \"quotes\" 'single' \u2028 done.\n"
)


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
            self._script = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, ""))
            self._script = None


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


def check(*texts: tuple[str, str]) -> list[FileResult]:
    engine = Engine(Settings(min_severity=Severity.SUGGESTION))
    return [engine.check_text(text, path) for path, text in texts]


def test_hostile_text_and_path_are_escaped() -> None:
    html = render_html(check(('evil"<img src=y onerror=z>.txt', HOSTILE)))
    page = parse(html)
    assert "window.__pwned" not in "".join(code for attrs, code in page.scripts if "type" not in attrs)
    assert not [t for t, _ in page.tags if t in {"img", "iframe", "object", "embed"}]
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    assert "evil&#34;&lt;img src=y onerror=z&gt;.txt" in html
    (data,) = [code for attrs, code in page.scripts if attrs.get("type") == "application/json"]
    assert "<" not in data and ">" not in data and "&" not in data
    assert "".join(json.loads(data)["chunks"]) == HOSTILE


def test_self_contained_with_a_strict_content_policy() -> None:
    html = render_html(check(("a.txt", "We used an irregular woodland.\n")))
    page = parse(html)
    assert not [attrs for tag, attrs in page.tags if "src" in attrs or tag == "link"]
    assert all((attrs.get("href") or "#").startswith("#") for _, attrs in page.tags)
    assert "url(" not in html and "@import" not in html and "http://" not in html
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp is not None and "default-src 'none'" in csp
    (code,) = [code for attrs, code in page.scripts if "type" not in attrs]
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_structure_of_the_samples_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(REPO / "samples"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    engine = Engine(Settings(min_severity=Severity.SUGGESTION))
    results = list(engine.check_paths([str(REPO / "samples")]))
    page = parse(html)
    documents = [a for t, a in page.tags if t == "details" and "document" in (a.get("class") or "")]
    assert len(documents) == len(results) > 1
    assert 'id="index-table"' in html  # several documents: a sortable index
    cards = [a for t, a in page.tags if t == "article"]
    assert len(cards) == sum(len(r.findings) for r in results) > 0
    marked = {fid for t, a in page.tags if t == "mark" for fid in (a.get("data-findings") or "").split()}
    assert marked == {a["id"] for a in cards}
    for attrs in cards:
        assert attrs["data-category"] and attrs["data-severity"] in {s.label for s in Severity}
    blobs = [json.loads(code) for attrs, code in page.scripts if attrs.get("type") == "application/json"]
    for blob, result in zip(blobs, [r for r in results if r.document is not None], strict=True):
        assert result.document is not None
        assert "".join(blob["chunks"]) == result.document.source
        for finding, (fid, edits) in zip(result.findings, blob["edits"].items(), strict=True):
            assert len(edits) == len(finding.suggestions)
            assert blob["chosen"][fid] == -1  # built-in rewrites are unsafe: none start accepted


def test_unsafe_fixes_start_accepted_and_figures_show() -> None:
    @dataclass
    class Scored(FileResult):
        document_score: float | None = None

    (plain,) = check(("a.txt", "We used an irregular woodland.\n"))
    scored = Scored(plain.path, plain.findings, plain.document, document_score=0.87)
    html = render_html([scored], accept_unsafe=True)
    (data,) = [c for a, c in parse(html).scripts if a.get("type") == "application/json"]
    blob = json.loads(data)
    assert list(blob["chosen"].values()) == [0]
    (edit,) = next(iter(blob["edits"].values()))
    chunks = blob["chunks"]
    assert "".join(chunks[: edit[0]]) + edit[2] + "".join(chunks[edit[1] :]) == "We used a random forest.\n"
    assert "spin/MT score" in html and "0.87" in html
    assert 'id="index-table"' not in html  # one document: no index
    assert re.search(r'data-corrected="d1">We used a random forest\.', html)  # readable without scripts


def test_unreadable_inputs_are_listed(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00binary")
    (tmp_path / "ok.txt").write_text("Fine prose.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "Not checked: binary file" in out.read_text(encoding="utf-8")


def test_report_help_and_bad_output(tmp_path: Path) -> None:
    runner = CliRunner()
    assert "--output" in runner.invoke(app, ["report", "--help"]).output
    result = runner.invoke(app, ["report", str(REPO / "samples"), "-o", str(tmp_path / "no" / "dir" / "r.html")])
    assert result.exit_code == 2
    assert "cannot write" in result.output


@pytest.mark.parametrize("name", ["report.html.j2", "report.css", "report.js"])
def test_templates_ship_inside_the_package(name: str) -> None:
    assert (REPO / "cleaner" / "reporters" / "templates" / name).is_file()


def test_check_format_html(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("We used an irregular woodland.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "html", str(path)])
    assert result.stdout.startswith("<!doctype html>")
    assert "irregular woodland</mark>" in result.stdout
