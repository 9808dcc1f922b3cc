"""HTML report: one self-contained page where a reviewer accepts or rejects each suggestion.

Each document is cut into chunks at every finding and edit boundary. The
original pane marks the chunks a finding covers; each suggestion is an edit
over a run of chunks, so the page's script rebuilds the corrected text from
chunk texts and accepted edits without ever counting characters (JavaScript
strings count UTF-16 units, Python code points). Everything taken from the
input is escaped by Jinja's autoescape or passed as JSON and written with
``textContent``; a Content-Security-Policy allows only the page's own script.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePath
from typing import Any, TextIO

import jinja2

from cleaner import __version__
from cleaner.engine import FileResult
from cleaner.fix import Edit, allowed, apply_edits, crosses_markup, edit_for
from cleaner.model import Category, Finding, Severity

TEMPLATES = resources.files("cleaner.reporters") / "templates"
COLLAPSE_AFTER = 12  # documents beyond this many start folded
SCORE_LABEL = "spin/MT score"


@dataclass(slots=True)
class SuggestionView:
    text: str
    first: int
    last: int
    replacement: str


@dataclass(slots=True)
class FindingView:
    id: str
    finding: Finding
    excerpt: str
    suggestions: list[SuggestionView]
    chosen: int  # index into suggestions, -1 for "keep the original"
    by_hand: tuple[str, ...] = ()  # suggestions over markup: shown, not applied


@dataclass(slots=True)
class Chunk:
    text: str
    finding_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocumentView:
    id: str
    path: str
    name: str
    words: int
    error: str | None
    chunks: list[Chunk]
    findings: list[FindingView]
    figures: list[tuple[str, str]]
    fixed_text: str

    @property
    def counts(self) -> Counter[str]:
        return Counter(f.finding.severity.label for f in self.findings)

    @property
    def score(self) -> str:
        return next((value for label, value in self.figures if label == SCORE_LABEL), "")

    @property
    def fixable(self) -> int:
        return sum(1 for f in self.findings if f.suggestions)

    def script_data(self) -> dict[str, Any]:
        edits = {f.id: [[s.first, s.last, s.replacement] for s in f.suggestions] for f in self.findings}
        chosen = {f.id: f.chosen for f in self.findings}
        return {
            "id": self.id,
            "name": self.name,
            "chunks": [c.text for c in self.chunks],
            "edits": edits,
            "chosen": chosen,
        }


def document_view(result: FileResult, number: int, accept_unsafe: bool = False) -> DocumentView:
    doc_id = f"d{number}"
    name = PurePath(result.path).name or result.path
    if result.document is None:
        return DocumentView(doc_id, result.path, name, 0, result.error, [], [], [], "")
    text = result.document.source
    in_markup = {i for i, f in enumerate(result.findings) if crosses_markup(result.document, f)}
    edits = {
        i: [] if i in in_markup else [edit_for(text, f, s) for s in f.suggestions]
        for i, f in enumerate(result.findings)
    }
    cuts = sorted({0, len(text)} | {x for f in result.findings for x in (f.start, f.end)} | _edit_cuts(edits))
    index = {offset: k for k, offset in enumerate(cuts)}
    chunks = [Chunk(text[a:b]) for a, b in itertools.pairwise(cuts)]
    kinds = allowed(accept_unsafe)
    findings: list[FindingView] = []
    for i, finding in enumerate(result.findings):
        finding_id = f"{doc_id}-f{i + 1}"
        for k in range(index[finding.start], index[finding.end]):
            chunks[k].finding_ids.append(finding_id)
        views = [
            SuggestionView(s, index[e.start], index[e.end], e.replacement)
            for s, e in zip(finding.suggestions, edits[i], strict=False)  # no edits over markup
        ]
        chosen = 0 if views and finding.applicability in kinds else -1
        excerpt = text[finding.start : finding.end]
        by_hand = finding.suggestions if i in in_markup else ()
        findings.append(FindingView(finding_id, finding, excerpt, views, chosen, by_hand))
    fixed, _ = apply_edits(text, [edits[i][0] for i, f in enumerate(findings) if f.chosen == 0])
    figures = document_figures(result)
    return DocumentView(doc_id, result.path, name, result.words, result.error, chunks, findings, figures, fixed)


def _edit_cuts(edits: dict[int, list[Edit]]) -> set[int]:
    return {x for group in edits.values() for e in group for x in (e.start, e.end)}


def document_figures(result: FileResult) -> list[tuple[str, str]]:
    """The document's spin/MT score and readability figures, where a stage supplied them.

    They are read from ``result.document_score`` / ``result.readability`` or
    from the same keys of ``result.extra``; a result without them shows none.
    """
    extra = getattr(result, "extra", None)
    extra = extra if isinstance(extra, dict) else {}
    figures: list[tuple[str, str]] = []
    score = getattr(result, "document_score", None)
    score = score if score is not None else extra.get("document_score")
    if isinstance(score, int | float):
        figures.append((SCORE_LABEL, f"{score:.2f}"))
    readability = getattr(result, "readability", None)
    readability = readability if readability is not None else extra.get("readability")
    if isinstance(readability, dict):
        for key, value in readability.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                figures.append((str(key).replace("_", " "), f"{value:.1f}"))
    return figures


def script_json(data: object) -> str:
    """JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def csp_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, finalize=_no_nul
    )
    env.filters["script_json"] = script_json
    return env


def _no_nul(value: object) -> object:
    """NUL is not allowed in HTML text: show U+FFFD, as a browser would (the JSON data keeps the NUL)."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def render_html(results: Sequence[FileResult], accept_unsafe: bool = False, title: str = "cleaner report") -> str:
    documents = [document_view(r, n + 1, accept_unsafe) for n, r in enumerate(results)]
    findings = [f.finding for d in documents for f in d.findings]
    script = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    style = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    template = _environment().from_string((TEMPLATES / "report.html.j2").read_text(encoding="utf-8"))
    return template.render(
        title=title,
        accept_unsafe=accept_unsafe,
        version=__version__,
        documents=documents,
        categories=[c.value for c in Category if any(f.category is c for f in findings)],
        severities=[s.label for s in sorted(Severity, reverse=True) if any(f.severity is s for f in findings)],
        total=len(findings),
        show_index=len(documents) > 1,
        collapse=len(documents) > COLLAPSE_AFTER,
        has_figures=any(d.figures for d in documents),
        script=script,
        style=style,
        csp=f"default-src 'none'; script-src '{csp_hash(script)}'; style-src '{csp_hash(style)}'; img-src data:",
    )


def render(results: Sequence[FileResult], stream: TextIO, options: object) -> None:
    stream.write(render_html(results, accept_unsafe=bool(getattr(options, "unsafe_fixes", False))))
