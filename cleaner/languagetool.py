"""The one adapter around language-tool-python (its JVM, its server process, its downloads).

The rest of cleaner sees ``connect(setting)`` and ``LanguageToolClient.check(text)``,
which returns plain ``LTMatch`` values with code-point offsets, or raises
``LanguageToolUnavailable`` with a one-line reason. Nothing here ever downloads:
``auto`` starts a local server only when language-tool-python already has
LanguageTool in its cache and Java 17+ is on the PATH.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGE = "en-US"
DEADLINE = 20.0  # seconds for a whole call (connecting and checking one text), retries included
MIN_JAVA = 17


class LanguageToolUnavailable(RuntimeError):
    """LanguageTool could not be reached or answered nonsense; the message is one line."""


@dataclass(frozen=True, slots=True)
class LTMatch:
    start: int  # code points into the checked text
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    issue_type: str
    category: str


class LanguageToolClient:
    """A connected LanguageTool (remote, or a local server language-tool-python started)."""

    def __init__(self, tool: Any, where: str, deadline: float) -> None:
        self._tool = tool
        self.where = where
        self.deadline = deadline

    def check(self, text: str) -> list[LTMatch]:
        matches = _within(self.deadline, lambda: self._tool.check(text), self.where)
        try:
            return [_convert(text, match) for match in matches]
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise LanguageToolUnavailable(f"{self.where}: unexpected answer ({type(exc).__name__}: {exc})") from None

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a server that is already gone
            self._tool.close()


def connect(setting: str, deadline: float = DEADLINE) -> LanguageToolClient | None:
    """A client for ``setting`` ("auto" or a server URL); None when "auto" finds no local LanguageTool.

    Raises ``LanguageToolUnavailable`` when a server was asked for and cannot be used.
    """
    if setting == "off":
        return None
    try:
        import language_tool_python
    except ImportError:
        if setting == "auto":
            return None
        raise LanguageToolUnavailable("language-tool-python is not installed") from None
    if setting == "auto":
        version = local_version()
        if version is None:
            return None
        where = f"local LanguageTool {version}"
        tool = _within(deadline * 3, lambda: _local_tool(language_tool_python, version), where)
        return LanguageToolClient(tool, where, deadline)
    where = f"LanguageTool at {setting}"
    tool = _within(deadline, lambda: _remote_tool(language_tool_python, setting, deadline), where)
    return LanguageToolClient(tool, where, deadline)


def local_version() -> str | None:
    """The LanguageTool version in language-tool-python's cache, when Java 17+ can run it; else None."""
    if java_major() < MIN_JAVA:
        return None
    cache = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    versions = []
    for folder in cache.glob("LanguageTool-*"):
        if (folder / "languagetool-server.jar").is_file() or (folder / "languagetool.jar").is_file():
            versions.append(folder.name.removeprefix("LanguageTool-"))
    return max(versions, key=_version_key) if versions else None


def java_major() -> int:
    java = shutil.which("java")
    if java is None:
        return 0
    try:
        done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return 0
    found = re.search(r'version "(\d+)(?:\.(\d+))?', done.stderr + done.stdout)
    if not found:
        return 0
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def _remote_tool(ltp: Any, url: str, deadline: float) -> Any:
    class Remote(ltp.LanguageTool):  # type: ignore[misc]
        _TIMEOUT = deadline

    return Remote(LANGUAGE, remote_server=url)


def _local_tool(ltp: Any, version: str) -> Any:
    return ltp.LanguageTool(LANGUAGE, language_tool_download_version=version)


def _within(seconds: float, call: Any, where: str) -> Any:
    """Run ``call`` with a deadline for the whole of it; its errors become LanguageToolUnavailable."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = call()
        except Exception as exc:  # any failure of the library is reported as one line
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="languagetool", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise LanguageToolUnavailable(f"{where}: no answer within {seconds:g} s")
    if "error" in outcome:
        raise LanguageToolUnavailable(f"{where}: {_reason(outcome['error'])}")
    return outcome["value"]


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    if "Connection refused" in text or "Failed to establish" in text:
        return "connection refused"
    if "timed out" in text.lower():
        return "no answer in time"
    if isinstance(error, KeyError | TypeError | ValueError):
        return f"unexpected answer ({type(error).__name__}: {text})"[:200]
    if type(error).__name__ == "LanguageToolError" and "://" not in text:
        # language-tool-python puts a body that is not JSON (an HTTP error page) in the message
        return f"unexpected answer, not LanguageTool JSON ({text[:80]})"
    return text[:200]


def _convert(text: str, match: Any) -> LTMatch:
    """A language-tool-python Match with offsets in code points (LanguageTool counts UTF-16 units)."""
    start = int(match.offset)  # language-tool-python already moved the start to code points
    length = int(match.error_length)
    end = _code_point_end(text, start, length)
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"match {start}..{end} lies outside the text")
    return LTMatch(
        start=start,
        end=end,
        message=str(match.message),
        replacements=tuple(str(r) for r in match.replacements),
        rule_id=str(match.rule_id),
        issue_type=str(match.rule_issue_type or ""),
        category=str(match.category or ""),
    )


def _code_point_end(text: str, start: int, utf16_length: int) -> int:
    """The code-point end of a span that starts at ``start`` and is ``utf16_length`` UTF-16 units long."""
    end = start
    units = 0
    while units < utf16_length and end < len(text):
        units += 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end
