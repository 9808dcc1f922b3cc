"""Property tests over the whole pipeline (issue 7), with hypothesis.

Profiles: ``ci`` (default, 75 examples a property) and ``long`` (10,000), chosen
with HYPOTHESIS_PROFILE=long. Texts mix words that rules fire on, line endings
of every kind, Markdown and HTML-ish markup and arbitrary Unicode, and are
checked as .txt, .md, .html and .rst, so markup parsing is exercised as it lands.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference import reference_resolve

from cleaner import chunks, fix, sources
from cleaner.config import Settings
from cleaner.engine import Engine, resolve
from cleaner.model import Applicability, Category, Finding, Severity

settings.register_profile(
    "ci", max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ENGINE = Engine(Settings(min_severity=Severity.SUGGESTION))
WORDS = [
    "profound learning",
    "colossal information",
    "an irregular woodland",
    "counterfeit consciousness",
    "a",
    "an",
    "I",
    "i",
    "we",
    "model",
    "the",
    "The",
    "data",
    "Profound",
    "LEARNING",
    "it's",
    "cat's",
]
SEPARATORS = [" ", " ", "\n", "\r\n", "\r", "\n\n", "\t", "-", ".", ", ", "! ", "\u00a0", "\u2028", "\x00"]
MARKUP = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<br/>",
    "<a href='x'>",
    "</a>",
    "&amp;",
    "&lt;",
    "&#x27;",
    "<!-- c -->",
    "<script>x</script>",
    "**",
    "_",
    "*",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "`",
    "```\n",
    "\n```\n",
    "    ",
    "[link](http://x.y)",
    "![img](a.png)",
    '<div class="x">',
    "</div>",
    "|",
    "---\n",
    "..",
    "::",
    "\\",
    "\U0001f600",
    "e\u0301",
    "\ufeff",
]
piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), st.sampled_from(MARKUP), st.text(max_size=6))
texts = st.lists(piece, max_size=60).map("".join)
paths = st.sampled_from(["x.txt", "x.md", "x.html", "x.rst", "x.markdown", "x.htm"])


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Independent of Document: 1-based line and column, CRLF, CR and LF each ending a line."""
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    if breaks and breaks[-1].group() == "\r" and breaks[-1].end() == offset and text[offset : offset + 1] == "\n":
        breaks.pop()  # the offset sits inside a CRLF: that line has not ended yet
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def on_boundary(text: str, offset: int) -> bool:
    if 0 < offset < len(text):
        if text[offset - 1] == "\r" and text[offset] == "\n":
            return False
        if "\ud800" <= text[offset - 1] <= "\udbff" and "\udc00" <= text[offset] <= "\udfff":
            return False
    return True


@given(texts, paths)
def test_findings_inside_text_on_boundaries_with_consistent_lines(text: str, path: str) -> None:
    result = ENGINE.check_text(text, path=path)
    assert result.error is None
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert on_boundary(text, f.start) and on_boundary(text, f.end)
        assert (f.line, f.column) == line_col(text, f.start)
        assert (f.end_line, f.end_column) == line_col(text, f.end)


@given(texts, paths)
def test_fixes_change_nothing_outside_fixed_spans(text: str, path: str) -> None:
    result = ENGINE.check_text(text, path=path)
    assert result.document is not None
    fixable = [f for f in result.findings if not fix.crosses_markup(result.document, f)]
    edits = fix.edits_for(text, fixable, unsafe=True)
    fixed, applied = fix.apply_edits(text, edits)
    position = 0
    rebuilt = []
    for edit in applied:
        assert position <= edit.start <= edit.end <= len(text)
        rebuilt.append(text[position : edit.start])
        rebuilt.append(edit.replacement)
        position = edit.end
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == fixed


@given(texts, paths)
def test_fix_source_keeps_outside_bytes_and_settles(text: str, path: str) -> None:
    source = sources.SourceFile(path=path, text=text, encoding="utf-8")
    once = fix.fix_source(ENGINE, source, unsafe=True)
    assert once.error is None
    if once.converged:
        again = fix.fix_source(ENGINE, replace(source, text=once.fixed), unsafe=True)
        assert again.fixed == once.fixed and again.applied == []
    if not once.applied:
        assert once.fixed == text


CATEGORIES = list(Category)
findings_strategy = st.lists(
    st.builds(
        lambda start, length, category, severity, confidence, suggestion: Finding(
            "R1",
            "r",
            category,
            severity,
            start,
            start + length,
            "m",
            (suggestion,),
            Applicability.UNSAFE,
            confidence,
        ),
        st.integers(0, 40),
        st.integers(0, 8),
        st.sampled_from(CATEGORIES[:3]),
        st.sampled_from(list(Severity)),
        st.sampled_from([0.5, 0.9, 1.0]),
        st.sampled_from(["x", "y", "z"]),
    ),
    max_size=40,
)


@given(findings_strategy)
def test_resolve_leaves_no_same_category_overlap_and_matches_reference(findings: list[Finding]) -> None:
    out = resolve(findings)
    for i, a in enumerate(out):
        for b in out[i + 1 :]:
            assert (a.start, a.end) != (b.start, b.end)
            if a.category == b.category:
                assert not (a.start < b.end and b.start < a.end)
    assert out == reference_resolve(findings)
    assert [f.suggestions for f in out] == [f.suggestions for f in reference_resolve(findings)]


BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


@given(texts, st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "plain"]))
def test_decode_encode_round_trips_bom_and_crlf_files(text: str, encoding: str) -> None:
    text = text.replace("\x00", "")  # a NUL without a BOM marks a binary file
    data = text.encode("utf-8") if encoding == "plain" else BOMS[encoding] + text.encode(encoding)
    source = sources.decode(data, "x.txt")
    if encoding != "plain" or not text.startswith("\ufeff"):  # else that U+FEFF is read as a UTF-8 BOM
        assert source.text == text
    assert source.encode(source.text) == data


@given(st.binary(max_size=200))
def test_arbitrary_bytes_round_trip_or_are_refused_by_name(data: bytes) -> None:
    try:
        source = sources.decode(data, "x.txt")
    except sources.UnreadableError as exc:
        assert exc.path == "x.txt" and exc.reason
        return
    assert source.encode(source.text) == data


@given(texts, st.integers(4, 50))
def test_chunks_rejoin_and_know_where_they_start(text: str, size: int) -> None:
    pieces = list(chunks.split([text[i : i + 7] for i in range(0, len(text), 7)], size))
    assert "".join(c.text for c in pieces) == text
    for chunk in pieces:
        assert on_boundary(text, chunk.start)
        assert (chunk.line, chunk.column) == line_col(text, chunk.start)
