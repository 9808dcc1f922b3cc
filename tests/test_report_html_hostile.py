"""More hostile input for the HTML report: template syntax, raw-text end tags, NULs, line separators."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from cleaner.config import Settings
from cleaner.engine import Engine
from cleaner.model import Severity
from cleaner.reporters.html_report import render_html

PIECES = [
    "</textarea><script>window.__pwned = 3</script>",
    "</style><style>body{display:none}</style>",
    "</title><base href=//evil.example>",
    "{{ 7*191 }} {% for x in range(3) %}LOOP{% endfor %} {# c #}",
    "<svg onload=alert(1)>",
    "\u2028 \u2029 line separators",
    "nul\x00byte",
    "<!-- --!> ]]> &amp; &lt;",
]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.json_data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1][1].get("type") == "application/json":
            self.json_data.append(data)


@pytest.mark.parametrize("piece", PIECES)
def test_hostile_piece_is_text_not_markup(piece: str) -> None:
    text = f"Before {piece} then an irregular woodland after.\n"
    engine = Engine(Settings(min_severity=Severity.SUGGESTION))
    html = render_html([engine.check_text(text, path=f"{piece}.txt")])
    page = Tags()
    page.feed(html)
    tags = [t for t, _ in page.tags]
    assert tags.count("script") == 2  # the page's own code and its JSON data, nothing from the input
    assert tags.count("style") == 1 and "svg" not in tags and "base" not in tags and "textarea" not in tags
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    assert "1337" not in html and "LOOP" not in html.replace("LOOP{% endfor %}", "")
    assert "\x00" not in html
    data = "".join(page.json_data)
    assert "".join(json.loads(data)["chunks"]) == text  # the download keeps every character, NUL included


def test_template_syntax_in_text_is_shown_verbatim() -> None:
    text = "Say {{ 7*191 }} and {% raw %}x{% endraw %} plainly.\n"
    html = render_html([Engine().check_text(text, path="t.txt")])
    assert "{{ 7*191 }}" in html and "{% raw %}x{% endraw %}" in html and "1337" not in html
    assert re.search(r"\{\{ 7\*191 \}\}", html)
