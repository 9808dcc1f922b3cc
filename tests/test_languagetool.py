"""LanguageTool through language-tool-python, against a loopback server that speaks its HTTP API.

The server answers /v2/languages and /v2/check in LanguageTool's documented JSON
format (offsets and lengths in UTF-16 code units), or fails in the ways a real
server can: HTTP 500, garbage, an answer of the wrong shape, no answer in time.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from cleaner import languagetool
from cleaner.cli import app
from cleaner.config import Settings
from cleaner.engine import Engine
from cleaner.model import Category, Severity

runner = CliRunner()
LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
# What the fake server flags: text, replacement, issue type, rule category, rule id.
KNOWN = [
    ("teh", "the", "misspelling", "TYPOS", "MORFOLOGIK_RULE_EN_US"),
    ("recieve", "receive", "misspelling", "TYPOS", "MORFOLOGIK_RULE_EN_US"),
    ("some of they", "some of them", "grammar", "GRAMMAR", "PRP_OF_THEY"),
    ("!!", "!", "typographical", "PUNCTUATION", "DOUBLE_PUNCTUATION"),
]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def lt_matches(text: str) -> list[dict[str, object]]:
    matches = []
    for phrase, fix, issue, category, rule in KNOWN:
        at = text.find(phrase)
        if at < 0:
            continue
        matches.append(
            {
                "message": f"Possible error: {phrase}",
                "shortMessage": "",
                "replacements": [{"value": fix}],
                "offset": utf16(text[:at]),
                "length": utf16(phrase),
                "context": {"text": text, "offset": utf16(text[:at]), "length": utf16(phrase)},
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {"id": rule, "description": "", "issueType": issue, "category": {"id": category, "name": ""}},
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
    return matches


class FakeLanguageTool(BaseHTTPRequestHandler):
    mode = "ok"  # ok | 500 | garbage | shape | slow
    texts: ClassVar[list[str]] = []  # every text sent to /v2/check

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            self._send(200, json.dumps(LANGUAGES))
        else:
            self._send(404, "not found")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        text = form.get("text", [""])[0]
        type(self).texts.append(text)
        mode = type(self).mode
        if mode == "slow":
            time.sleep(1.5)
        if mode == "500":
            self._send(500, "<html>Internal Server Error</html>")
        elif mode == "garbage":
            self._send(200, "{not json")
        elif mode == "shape":
            self._send(200, json.dumps({"matches": [{"offset": "x"}]}))
        else:
            self._send(200, json.dumps({"software": {"name": "LanguageTool"}, "matches": lt_matches(text)}))

    def _send(self, status: int, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up on a slow answer closed the socket: expected here


@pytest.fixture
def server() -> Iterator[str]:
    FakeLanguageTool.mode = "ok"
    FakeLanguageTool.texts = []
    httpd = QuietServer(("127.0.0.1", 0), FakeLanguageTool)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def lt_findings(url: str, text: str) -> list[tuple[str, str, Category, tuple[str, ...]]]:
    engine = Engine(Settings(languagetool=url, min_severity=Severity.SUGGESTION))
    result = engine.check_text(text)
    assert engine.notices == []
    return [(f.rule_id, text[f.start : f.end], f.category, f.suggestions) for f in result.findings]


def test_matches_map_to_findings_with_code_point_offsets(server: str) -> None:
    text = "I 😀 love 𝒳 teh cats!! 🎉"
    found = lt_findings(server, text)
    assert ("LT001", "teh", Category.SPELLING, ("the",)) in found
    assert ("LT001", "!!", Category.STYLE, ("!",)) in found


def test_one_problem_is_reported_once(server: str) -> None:
    text = "When billions connect, some of they are going to misuse it."
    found = lt_findings(server, text)
    grammar = [f for f in found if f[2] is Category.GRAMMAR]
    assert grammar == [("GR001", "some of they", Category.GRAMMAR, ("some of them",))]
    (spelling,) = lt_findings(server, "We recieve data.")
    assert spelling[1] == "recieve" and spelling[3][0] == "receive"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("mode", ["500", "garbage", "shape", "slow", "refused"])
def test_failures_give_one_warning_and_the_built_in_checks(
    mode: str, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(languagetool, "DEADLINE", 0.4)
    FakeLanguageTool.mode = mode
    url = "http://127.0.0.1:9/" if mode == "refused" else server
    files = [write(tmp_path, "a.txt", "We use profound learning.\n"), write(tmp_path, "b.txt", "More teh text.\n")]
    baseline = runner.invoke(app, ["check", *files])
    began = time.monotonic()
    result = runner.invoke(app, ["check", "--languagetool", url, *files])
    assert time.monotonic() - began < 5
    assert result.exit_code == baseline.exit_code
    assert result.stdout == baseline.stdout
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1, result.stderr
    assert "LanguageTool" in warnings[0]
    expected = {"refused": "connection refused", "slow": "no answer within"}.get(mode, "unexpected answer")
    assert expected in warnings[0]


def test_auto_without_a_cached_languagetool_is_silent_and_downloads_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import language_tool_python

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("LanguageTool must not be started or downloaded")

    monkeypatch.setenv("LTP_PATH", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(language_tool_python, "LanguageTool", forbidden)
    path = write(tmp_path, "a.txt", "We use profound learning.\n")
    result = runner.invoke(app, ["check", "--languagetool", "auto", path])
    assert result.stderr == ""
    assert "TP002" in result.stdout


def test_auto_needs_java_17(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jar = tmp_path / "LanguageTool-6.6" / "languagetool-server.jar"
    jar.parent.mkdir()
    jar.write_bytes(b"")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.setattr(languagetool, "java_major", lambda: 11)
    assert languagetool.local_version() is None
    monkeypatch.setattr(languagetool, "java_major", lambda: 17)
    assert languagetool.local_version() == "6.6"


def test_bad_setting_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--languagetool", "sometimes", write(tmp_path, "a.txt", "Hi.\n")])
    assert result.exit_code == 2


def test_code_point_end_counts_astral_characters_as_two_units() -> None:
    text = "a😀b"
    assert languagetool._code_point_end(text, 0, 4) == 3
    assert languagetool._code_point_end(text, 1, 2) == 2


@pytest.mark.skipif(not os.environ.get("CLEANER_LANGUAGETOOL_URL"), reason="CLEANER_LANGUAGETOOL_URL is not set")
def test_real_server() -> None:
    url = os.environ["CLEANER_LANGUAGETOOL_URL"]
    engine = Engine(Settings(languagetool=url, min_severity=Severity.SUGGESTION))
    text = "This are a sentence with a speling mistake 😀 in it."
    result = engine.check_text(text)
    assert engine.notices == []
    spans = {text[f.start : f.end] for f in result.findings if f.detector == "languagetool"}
    assert "speling" in spans


def _chunked(url: str) -> Engine:
    engine = Engine(Settings(languagetool=url, min_severity=Severity.SUGGESTION))
    engine.large_bytes, engine.chunk_chars = 2_000, 1_000
    return engine


def test_chunk_workers_send_the_server_only_the_text(server: str, tmp_path: Path) -> None:
    """The workers' warm-up connects to LanguageTool but sends it no sentence of its own."""
    from cleaner import parallel

    path = write(tmp_path, "big.txt", "We recieve the data and teh results today.\n\n" * 120)
    (serial_result,) = _chunked(server).check_paths([path])
    serial = serial_result.findings
    FakeLanguageTool.texts = []
    engine = _chunked(server)
    with parallel.ChunkPool(engine, 2, "fork"):
        (result,) = engine.check_paths([path])
    assert result.findings == serial
    assert FakeLanguageTool.texts, "the chunks were checked by the server"
    assert all("recieve" in text for text in FakeLanguageTool.texts)  # each a chunk of the file, nothing else
    assert engine.notices == []


def test_chunk_workers_tell_once_that_the_server_cannot_be_reached(tmp_path: Path) -> None:
    from cleaner import parallel

    path = write(tmp_path, "big.txt", "We recieve the data and teh results today.\n\n" * 120)
    engine = _chunked("http://127.0.0.1:9/")
    with parallel.ChunkPool(engine, 2, "fork"):
        list(engine.check_paths([path]))
    assert len(engine.notices) == 1, engine.notices
    assert "connection refused" in engine.notices[0]
