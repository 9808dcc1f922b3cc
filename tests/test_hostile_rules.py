"""Hostile rule packs, runaway regular expressions and failing detectors (issue 7)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.model import Category, Finding, Severity
from cleaner.rulepack import RuleError, limits, load_pack, loader
from cleaner.rulepack.matcher import REGEX_BUDGET, RuleMatcher

RULE = """\
- id: HX{n:03d}
  name: hostile-{n}
  kind: existence
  category: style
  severity: warning
  fix: display-only
  message: m
  phrases: [word{n}]
  doc: {{what: a, why: b, instead: c}}
  examples: {{fail: [word{n}]}}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> RuleError:
    began = time.perf_counter()
    with pytest.raises(RuleError) as caught:
        load_pack(path)
    assert time.perf_counter() - began < 5, "a hostile pack must fail fast"
    assert str(caught.value).startswith(f"{path}:")
    return caught.value


def test_loader_is_a_safe_loader() -> None:
    import yaml

    safe = (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert issubclass(loader._loader(), safe)
    assert not issubclass(loader._loader(), (yaml.UnsafeLoader, yaml.FullLoader))


def test_python_object_tag_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "pack: x\nrules:\n- !!python/object/apply:os.system ['echo hacked']\n")
    error = load_error(path)
    assert error.line == 3 and "invalid YAML" in str(error)


def test_billion_laughs_refused(tmp_path: Path) -> None:
    lines = ["pack: lol", "defaults:", '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"  a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    path = write(tmp_path, "\n".join(lines) + "\nrules: *a9\n")
    error = load_error(path)
    assert "billion laughs" in str(error) and error.line == 9  # a6 expands past the limit


def test_deep_nesting_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "pack: x\nrules: " + "[" * 5000 + "]" * 5000 + "\n")
    error = load_error(path)
    assert error.line == 2 and "nest" in str(error)


def test_huge_file_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "pack: x\n# " + "x" * (limits.MAX_PACK_BYTES + 10) + "\n")
    error = load_error(path)
    assert error.line == 1 and "larger than" in str(error)


def test_too_many_rules_refused(tmp_path: Path) -> None:
    text = "pack: many\nrules:\n" + "".join(f"- {{id: A{n}}}\n" for n in range(100_000))
    error = load_error(write(tmp_path, text))
    assert f"more than {limits.MAX_RULES} rules" in str(error)
    assert error.line == 3 + limits.MAX_RULES


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("rules: 5", "'rules' must be a non-empty list"),
        ("rules: [5]", "each rule must be a mapping"),
        ("rules:\n- {id: [1], name: x}", "'id' is required and must be text"),
        ("rules:\n- id: HX001\n  name: a\n  kind: existence\n  category: style\n  severity: 7", "'severity'"),
        ("rules: {a: 1}", "'rules' must be a non-empty list"),
        ("rules:\n  - [unclosed", "invalid YAML"),
    ],
)
def test_wrong_types_name_file_and_line(tmp_path: Path, body: str, expected: str) -> None:
    error = load_error(write(tmp_path, "pack: x\n" + body + "\n"))
    assert expected in str(error)
    assert error.line >= 1


PATTERN_PACK = """\
pack: slow
rules:
- id: SL001
  name: catastrophic
  kind: pattern
  category: style
  severity: warning
  fix: display-only
  message: m
  pattern: [{regex: "(a|aa)+$"}, "b"]
  doc: {what: a, why: b, instead: c}
  examples: {fail: [aa b]}
- id: SL002
  name: plain
  kind: existence
  category: style
  severity: warning
  fix: display-only
  message: m
  phrases: [plain word]
  doc: {what: a, why: b, instead: c}
  examples: {fail: [plain word]}
"""


def test_catastrophic_regex_bounded_and_reported_once(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, PATTERN_PACK))
    matcher = RuleMatcher(pack.rules)
    evil = "a" * 60 + "c"
    doc = Document.plain(" ".join([evil + " b"] * 200 + ["a plain word"]), "evil.txt")
    began = time.perf_counter()
    findings = matcher.findings(doc)
    elapsed = time.perf_counter() - began
    assert elapsed < REGEX_BUDGET + 2, f"took {elapsed:.1f}s"
    assert [f.rule_id for f in findings] == ["SL002"]  # the other rule still ran
    assert len(matcher.timeouts) == 1 and matcher.timeouts[0].rule.id == "SL001"


def test_nested_quantifier_finishes_in_bounded_time(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, PATTERN_PACK.replace("(a|aa)+$", "(a+)+$")))
    began = time.perf_counter()
    RuleMatcher(pack.rules).findings(Document.plain(("a" * 5000 + "c b ") * 50))
    assert time.perf_counter() - began < REGEX_BUDGET + 2


def test_engine_reports_timeout_with_document(tmp_path: Path) -> None:
    from cleaner.config import Settings

    pack = write(tmp_path, PATTERN_PACK)
    engine = Engine(Settings(rule_paths=(str(pack),), builtin_rules=False))
    evil = "a" * 60 + "c b "
    result = engine.check_text(evil * 100 + "plain word", path="evil.txt")
    assert [f.rule_id for f in result.findings] == ["SL002"]
    assert len(engine.notices) == 1
    assert engine.notices[0].startswith("evil.txt: rule SL001 (") and "skipped" in engine.notices[0]


class Exploding:
    name = "exploding"

    def check(self, doc: Document) -> list[Finding]:
        raise ZeroDivisionError("boom")


class OutOfRange:
    name = "sloppy"

    def check(self, doc: Document) -> list[Finding]:
        bad = Finding("XX001", "bad", Category.STYLE, Severity.WARNING, 0, len(doc.text) + 5, "m")
        good = Finding("XX002", "good", Category.STYLE, Severity.WARNING, 0, 1, "m")
        return [bad, good]


def test_broken_detector_does_not_crash_the_run() -> None:
    base = Engine()
    engine = Engine(detectors=[Exploding(), *base.detectors, OutOfRange()])
    result = engine.check_text("We trained a profound learning model.", path="doc.txt")
    assert [f.rule_id for f in result.findings] == ["XX002", "TP002"]
    assert any(n.startswith("doc.txt: detector exploding failed (ZeroDivisionError: boom)") for n in engine.notices)
    assert any("detector sloppy gave spans outside the text" in n for n in engine.notices)


def test_broken_detector_through_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cleaner import engine as engine_module
    from cleaner.cli import app

    real_build = engine_module.build
    monkeypatch.setattr(engine_module, "build", lambda settings: [Exploding(), *real_build(settings)])
    path = tmp_path / "a.txt"
    path.write_text("We trained a profound learning model.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 0
    assert "TP002" in result.stdout
    assert f"cleaner: warning: {path}: detector exploding failed (ZeroDivisionError: boom)" in result.stderr


def test_markup_parser_failure_falls_back_to_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import markup

    def broken(path: str, source: str, fmt: str | None = None) -> Document:
        raise RecursionError("too deep")

    monkeypatch.setattr(markup, "to_document", broken)
    engine = Engine()
    result = engine.check_text("We trained a profound learning model.", path="doc.md")
    assert [f.rule_id for f in result.findings] == ["TP002"]
    assert engine.notices == ["doc.md: markup not parsed (RecursionError: too deep); checked as plain text"]
