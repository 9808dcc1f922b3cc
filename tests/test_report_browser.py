"""The HTML report in a real browser (headless Debian Chromium through Playwright).

Checks that highlights link to findings, filters hide and show, accepting a
suggestion changes the downloaded text, and hostile input runs no script.
Screenshots go to the test's tmp_path and to test-output/ (git-ignored).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.config import Settings
from cleaner.engine import Engine
from cleaner.model import Severity

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = (
    "Intro <script>window.__pwned = 1; alert(1)</script> then an irregular woodland\n"
    '<img src=x onerror="window.__pwned = 2; alert(2)"> and <svg onload="window.__pwned = 3">.\n'
)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.problems = []  # script errors, dialogs and any request that leaves the file
    page.on("pageerror", lambda error: page.problems.append(f"error: {error}"))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda r: None if r.url.startswith(("file:", "blob:", "data:")) else page.problems.append(r.url))
    yield page
    context.close()


def write_report(paths: list[str], out: Path, *options: str) -> Path:
    result = CliRunner().invoke(app, ["report", *paths, "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


def save_screenshot(page: Any, tmp_path: Path, name: str) -> None:
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    keep = REPO / "test-output"
    keep.mkdir(exist_ok=True)
    shutil.copy(shot, keep / name)


def download_text(page: Any, section: str) -> str:
    with page.expect_download() as info:
        page.click(f"{section} button[data-action=download]")
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_samples_report_highlights_filters_and_accepting(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)  # paths in the report read "samples/..."
    report = write_report(["samples"], tmp_path / "report.html")
    results = list(Engine(Settings(min_severity=Severity.SUGGESTION)).check_paths(["samples"]))
    total = sum(len(r.findings) for r in results)
    page.goto(report.as_uri())

    # Every finding has a highlight in the original text.
    marked = page.eval_on_selector_all(
        ".original mark.hl", "marks => [...new Set(marks.flatMap(m => m.dataset.findings.split(' ')))].length"
    )
    assert marked == total == page.locator("article.finding").count()
    assert page.locator("#shown").inner_text() == f"Showing {total} of {total} findings"

    # The spun abstract: click a highlight, its finding becomes active and visible.
    (number,) = [n + 1 for n, r in enumerate(results) if r.path.endswith("spun-abstract.txt")]
    doc = f"#d{number}"
    original = page.locator(f"{doc} .original .text").inner_text()
    first = page.locator(f"{doc} .original mark.hl").first
    fid = first.get_attribute("data-findings").split()[0]
    first.click()
    card = page.locator(f"#{fid}")
    assert "active" in card.get_attribute("class")
    assert card.is_visible()

    # Filters: hiding a category hides its findings and un-highlights their spans.
    idioms = sum(1 for r in results for f in r.findings if f.category.value == "idiom-calque")
    assert idioms > 0
    page.uncheck("#filters input[value=idiom-calque]")
    assert page.locator("article.finding[data-category=idiom-calque]:visible").count() == 0
    assert page.locator("#shown").inner_text() == f"Showing {total - idioms} of {total} findings"
    calque_marks = page.locator(".original mark.hl.filtered")
    assert calque_marks.count() >= idioms
    page.uncheck("#filters input[value=warning]")
    assert page.locator("article.finding:visible").count() == 0
    page.check("#filters input[value=warning]")
    page.check("#filters input[value=idiom-calque]")
    assert page.locator("article.finding:visible").count() == total

    # Nothing accepted yet (the built-in rewrites are unsafe): the download is the original.
    assert download_text(page, doc) == (REPO / "samples" / "spun-abstract.txt").read_text(encoding="utf-8")

    # Accept one suggestion: the corrected pane and the download change there, and only there.
    excerpt = card.locator("q").inner_text()
    suggestion = card.locator(".suggestion").first.inner_text()
    card.locator("label", has_text="Accept").first.click()
    fixed_marks = page.locator(f"{doc} .corrected mark.fix")
    assert fixed_marks.count() == 1 and fixed_marks.first.inner_text() == suggestion
    text = download_text(page, doc)
    assert text == (REPO / "samples" / "spun-abstract.txt").read_text(encoding="utf-8").replace(excerpt, suggestion, 1)
    assert page.locator(f"{doc} .tally").inner_text() == "1 change accepted"

    # The corrected span links back to the original and its finding.
    fixed_marks.first.click()
    assert "active" in page.locator(f"{doc} .original mark.hl").first.get_attribute("class")

    # Accept everything, then reject everything.
    page.click(f"{doc} button[data-action=accept-all]")
    assert "profound" not in page.locator(f"{doc} .corrected .text").inner_text().lower()
    page.click(f"{doc} button[data-action=reject-all]")
    assert page.locator(f"{doc} .corrected .text").inner_text() == original

    page.click(f"{doc} button[data-action=accept-all]")
    page.locator(f"{doc} .original mark.hl").first.click()
    page.locator(doc).evaluate("section => section.scrollIntoView()")
    save_screenshot(page, tmp_path, "report-samples.png")

    # The index sorts by a column.
    page.click("#index-table th:nth-child(3) button")
    page.click("#index-table th:nth-child(3) button")
    counts = page.eval_on_selector_all(
        "#index-table tbody tr td:nth-child(3)", "cells => cells.map(c => +c.textContent)"
    )
    assert counts == sorted(counts, reverse=True)
    assert page.problems == []


def test_hostile_input_runs_no_script(page: Any, tmp_path: Path) -> None:
    name = 'evil"<img src=x onerror=alert(3)>.txt'
    source = tmp_path / name
    source.write_text(HOSTILE, encoding="utf-8")
    report = write_report([str(source)], tmp_path / "hostile.html", "--unsafe-fixes")
    page.goto(report.as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img, svg").count() == 0
    shown = page.locator(".original .text").inner_text()
    assert "<script>window.__pwned = 1; alert(1)</script>" in shown
    assert 'onerror="window.__pwned = 2; alert(2)"' in shown
    assert name in page.locator("details.document h2").inner_text()
    # The accepted (unsafe) fix applies, fits its article, and the rest stays byte for byte.
    assert download_text(page, "#d1") == HOSTILE.replace("an irregular woodland", "a random forest")
    save_screenshot(page, tmp_path, "report-hostile.png")
    assert page.problems == []
