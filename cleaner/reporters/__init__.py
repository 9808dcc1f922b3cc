"""One reporter module per output format. A reporter renders; it never detects."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TextIO

from cleaner.engine import FileResult
from cleaner.rulepack import Rule


class OutputFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"
    SARIF = "sarif"
    GITHUB = "github"
    RDJSONL = "rdjsonl"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    color: bool = False
    show_suggestions: bool = True
    unsafe_fixes: bool = False  # html: unsafe fixes start accepted too
    rules: tuple[Rule, ...] = ()  # sarif: metadata of the rules that ran


Reporter = Callable[[Sequence[FileResult], TextIO, ReportOptions], None]


def reporter_for(fmt: OutputFormat) -> Reporter:
    """The ``render`` function of ``cleaner.reporters.<format>``."""
    module = import_module(f"cleaner.reporters.{fmt.value}_report")
    render: Reporter = module.render
    return render
