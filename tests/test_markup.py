"""Markdown and HTML inputs: only prose is checked, findings point into the source, fixes land there."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import fix, markup
from cleaner.cli import app
from cleaner.engine import Engine

runner = CliRunner()

MARKDOWN = """---
title: profound learning
---
# Profound learning in *practice*

> We used a profound
> learning model on *colossal* information.

- See `profound learning` and <https://profound.learning/>.
- A [profound learning](https://example.org/profound-learning) tool: https://colossal.information/x

| term | note |
|---|---|
| ok | colossal information |

    profound learning in an indented code block

```python
profound_learning = "profound learning"
```

<div>
colossal information <script>profound learning</script>
<!-- colossal information --><code>profound learning</code>
</div>

<!-- profound learning -->
"""

HTML = """<!doctype html>
<html><head><title>t</title><style>p { content: "profound learning" }</style>
<script>var s = "colossal information";</script></head>
<body><h1>Profound learning</h1>
<p>We used a <em>profound</em> learning model on colossal&nbsp;information.</p>
<pre>profound learning</pre><!-- colossal information -->
<p>A <a href="https://profound.learning/">profound
learning</a> tool.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def spans(engine: Engine, text: str, path: str) -> list[tuple[str, int, int, str]]:
    result = engine.check_text(text, path)
    return [(f.rule_id, f.line, f.column, text[f.start : f.end]) for f in result.findings]


def test_format_for() -> None:
    assert markup.format_for("docs/a.md") == "markdown"
    assert markup.format_for("a.MDX") == "markdown"
    assert markup.format_for("a.markdown") == "markdown"
    assert markup.format_for("x/index.htm") == "html"
    assert markup.format_for("a.html") == "html"
    assert markup.format_for("a.txt") == "text"
    assert markup.format_for("README") == "text"


def test_markdown_prose_only_and_offsets(engine: Engine) -> None:
    found = sorted(spans(engine, MARKDOWN, "a.md"), key=lambda f: (f[1], f[2]))
    assert found == [
        ("TP002", 4, 3, "Profound learning"),
        ("TP002", 6, 13, "profound\n> learning"),
        ("TP008", 7, 22, "colossal* information"),
        ("TP002", 10, 6, "profound learning"),
        ("TP008", 14, 8, "colossal information"),
        ("TP008", 23, 1, "colossal information"),  # an HTML block is read as HTML
    ]


def test_markdown_text_view(engine: Engine) -> None:
    doc = engine.check_text(MARKDOWN, "a.md").document
    assert doc is not None
    assert "title" not in doc.text
    assert "https" not in doc.text
    assert "profound_learning" not in doc.text
    assert "indented code" not in doc.text
    assert "<div>" not in doc.text and "-->" not in doc.text and "script" not in doc.text
    assert "on colossal information." in doc.text  # emphasis marks dropped, words joined
    assert "A profound learning tool:" in doc.text  # link text kept, target dropped


def test_html_prose_only_and_offsets(engine: Engine) -> None:
    found = sorted(spans(engine, HTML, "a.html"), key=lambda f: (f[1], f[2]))
    assert found == [
        ("TP002", 4, 11, "Profound learning"),
        ("TP002", 5, 18, "profound</em> learning"),
        ("TP008", 5, 50, "colossal&nbsp;information"),
        ("TP002", 7, 43, "profound\nlearning"),
    ]


def test_stdin_filename_picks_the_format() -> None:
    result = runner.invoke(app, ["check", "--stdin-filename", "x.md", "-"], input="Use `profound learning` here.\n")
    assert "TP002" not in result.stdout
    result = runner.invoke(app, ["check", "--stdin-filename", "x.txt", "-"], input="Use `profound learning` here.\n")
    assert "x.txt:1:6  TP002" in result.stdout


def test_markdown_fix_round_trip(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "a.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    outcome = fix.fix_path(engine, str(path), unsafe=True)
    fixed = outcome.fixed
    assert "# Deep learning in *practice*" in fixed
    assert "| ok | big data |" in fixed
    assert "A [deep learning](https://example.org/profound-learning) tool" in fixed
    # code, front matter, URLs, HTML blocks and comments are untouched; marks the fix would cross are left
    for kept in ("title: profound learning", "`profound learning`", "<https://profound.learning/>",
                 'profound_learning = "profound learning"', "<div>\nbig data <script>profound learning</script>",
                 "<!-- colossal information --><code>profound learning</code>",
                 "<!-- profound learning -->", "*colossal* information", "profound\n> learning"):  # fmt: skip
        assert kept in fixed, kept
    again = fix.fix_source(engine, outcome.source.__class__(str(path), fixed, "utf-8"), unsafe=True)  # type: ignore[union-attr]
    assert again.fixed == fixed


def test_html_fix_round_trip(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "a.html"
    path.write_text(HTML, encoding="utf-8")
    outcome = fix.fix_path(engine, str(path), unsafe=True)
    assert "<h1>Deep learning</h1>" in outcome.fixed
    assert '<a href="https://profound.learning/">deep learning</a>' in outcome.fixed
    # spans that cross markup (a tag, an entity) are offered, not applied; nothing else changes
    expected = HTML.replace("<h1>Profound learning</h1>", "<h1>Deep learning</h1>")
    expected = expected.replace('learning/">profound\nlearning</a>', 'learning/">deep learning</a>')
    assert outcome.fixed == expected


PIECES = [
    *"ab \n\t*_`[]()<>!&#;-=|+~\\\r",
    "<!--",
    "-->",
    "<p>",
    "</p>",
    "<em>",
    "&amp;",
    "```",
    "---\n",
    "<![ ",
    "http://x.y",
    "<script>",
    "</script>",
    "<pre>",
    "é",
    "\u2028",
    "&#99999999;",
    "<!",
    "</",
    "profound learning",
]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_any_markup_maps_back_to_the_source(fmt: str) -> None:
    """Whatever the input, the prose view's runs are the source's characters and findings lie inside it."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    engine = Engine()

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
    def prop(source: str) -> None:
        doc = markup.to_document("x", source, fmt)
        assert doc.offsets is not None
        runs = zip(doc.offsets.text_starts, doc.offsets.source_starts, doc.offsets.lengths, strict=True)
        for text_start, source_start, length in runs:
            assert doc.text[text_start : text_start + length] == source[source_start : source_start + length]
        for finding in engine.check_text(source, "x.md" if fmt == "markdown" else "x.html").findings:
            assert 0 <= finding.start <= finding.end <= len(source)
            assert (finding.line, finding.column) == doc.line_col(finding.start)

    prop()
