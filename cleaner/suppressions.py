"""Inline suppressions, and findings for the ones that suppress nothing or cannot be read.

Forms (in any input; the comment form is meant for Markdown and HTML):

    <!-- cleaner: off -->            nothing is reported until <!-- cleaner: on -->
    <!-- cleaner: off TP002 -->      only TP002 (ids, rule names or categories, comma-separated)
    <!-- cleaner: ignore TP002 -->   TP002 is not reported in the next block (up to a blank line);
                                     after text on the same line: in that line
    cleaner: ignore TP002            the same, as a line of its own (after an optional #, //, %, ;)

A suppression that suppresses nothing is reported as CL001; one that cannot
be read (an unknown word, ``on`` with no ``off`` open) as CL002.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.document import Document
from cleaner.model import Category, Finding, Severity

_COMMENT = re.compile(r"<!--[ \t]*cleaner:(?P<body>.*?)-->", re.DOTALL)
_LINE = re.compile(r"^[ \t]*(?:#+|//+|%+|;+)?[ \t]*cleaner:(?P<body>[ \t]*(?:off|on|ignore)\b[^\r\n]*)$", re.MULTILINE)
_BODY = re.compile(r"\s*(?P<verb>off|on|ignore)(?:\s+(?P<rules>.*?))?\s*", re.DOTALL)
_RULE = re.compile(r"[A-Za-z][\w-]*")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


@dataclass(slots=True)
class Suppression:
    start: int  # the directive's span in the source
    end: int
    text: str
    rules: frozenset[str]  # empty: every rule
    region: tuple[int, int] = (0, 0)
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not self.region[0] <= finding.start < self.region[1]:
            return False
        return not self.rules or bool(self.rules & {finding.rule_id, finding.rule_name, finding.category.value})


def apply(doc: Document, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(the findings no suppression covers, CL001/CL002 findings about the suppressions).

    ``findings`` must be in source offsets (placed).
    """
    if "cleaner:" not in doc.source:
        return findings, []
    suppressions, problems = parse(doc)
    kept = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(finding)
    unused = [
        _finding(doc, s.start, s.end, "CL001", "unused-suppression", f"`{s.text}` suppresses nothing here; remove it")
        for s in suppressions
        if not s.used
    ]
    return kept, unused + problems


def parse(doc: Document) -> tuple[list[Suppression], list[Finding]]:
    source = doc.source
    directives = sorted(
        [(m.start(), m.end(), m.group("body")) for m in _COMMENT.finditer(source)]
        + [(m.start(), m.end(), m.group("body")) for m in _LINE.finditer(source)]
    )
    suppressions: list[Suppression] = []
    problems: list[Finding] = []
    open_offs: list[Suppression] = []
    last_end = -1
    for start, end, body in directives:
        if start < last_end:  # a line form inside a comment form already read
            continue
        last_end = end
        text = "cleaner: " + " ".join(body.split())
        m = _BODY.fullmatch(body)
        rules = m.group("rules") if m else None
        names = [r for r in re.split(r"[,\s]+", rules or "") if r]
        if m is None or not all(_RULE.fullmatch(n) for n in names):
            problems.append(_malformed(doc, start, end, f"`{text}` is not a cleaner directive (off, on, ignore RULE)"))
            continue
        verb = m.group("verb")
        if verb == "on":
            if names or not open_offs:
                why = "takes no rules" if names else "has no `cleaner: off` before it"
                problems.append(_malformed(doc, start, end, f"`{text}` {why}"))
                continue
            for s in open_offs:
                s.region = (s.region[0], start)
            open_offs = []
            continue
        s = Suppression(start, end, text, frozenset(names))
        if verb == "off":
            s.region = (end, len(source))
            open_offs.append(s)
        else:
            s.region = _block_after(source, start, end)
        suppressions.append(s)
    return suppressions, problems


def _block_after(source: str, start: int, end: int) -> tuple[int, int]:
    """The line a trailing directive sits on, or else the block (up to a blank line) after it."""
    line_start = source.rfind("\n", 0, start) + 1
    if source[line_start:start].strip():
        line_end = source.find("\n", end)
        return line_start, len(source) if line_end < 0 else line_end
    begin = end
    while begin < len(source) and source[begin].isspace():
        begin += 1
    blank = _BLANK_LINE.search(source, begin)
    return begin, len(source) if blank is None else blank.start()


def _malformed(doc: Document, start: int, end: int, message: str) -> Finding:
    return _finding(doc, start, end, "CL002", "malformed-suppression", message)


def _finding(doc: Document, start: int, end: int, rule_id: str, name: str, message: str) -> Finding:
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    return Finding(
        rule_id, name, Category.SUPPRESSION, Severity.WARNING, start, end, message, detector="suppressions",
        line=line, column=column, end_line=end_line, end_column=end_column,
    )  # fmt: skip
