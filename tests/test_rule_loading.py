"""Rule files are validated into typed objects; errors name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.detectors.rules import RulesDetector
from cleaner.document import Document
from cleaner.model import Applicability, Category, Severity
from cleaner.rulepack import RuleError, load_pack, load_packs
from cleaner.rulepack.loader import builtin_pack_paths

GOOD = """\
pack: demo
defaults:
  category: tortured-phrase
  severity: warning
rules:
- id: DM001
  name: demo-one
  kind: substitution
  message: "'{match}' -> '{suggestion}'"
  swap:
    one stop shop: one-stop shop
    sheep dog: [sheepdog, shepherd dog]
  doc: {what: a, why: b, instead: c}
  examples:
    fail: ["a one-stop shop"]
"""


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_pack_loads_typed(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, GOOD))
    rule = pack.rules[0]
    assert rule.category is Category.TORTURED_PHRASE
    assert rule.severity is Severity.WARNING
    assert rule.applicability is Applicability.UNSAFE
    assert rule.swap[1] == ("sheep dog", ("sheepdog", "shepherd dog"))
    assert rule.line == 6


@pytest.mark.parametrize(
    ("bad", "line", "words"),
    [
        (GOOD.replace("kind: substitution", "kind: sorcery"), 6, "unknown kind"),
        (GOOD.replace("  severity: warning", "  severity: loud"), 6, "unknown severity"),
        (GOOD.replace("  doc: {what: a, why: b, instead: c}\n", ""), 6, "'doc' is required"),
        (GOOD.replace('    fail: ["a one-stop shop"]', "    pass: [x]"), 6, "examples.fail"),
        (GOOD.replace("  kind: substitution", "  kind: substitution\n  colour: red"), 6, "unknown key 'colour'"),
        (GOOD.replace("id: DM001", "id: dm1"), 6, "id must be"),
        (GOOD + "  fix: safe\n", 6, "never safe"),
        ("rules: [\n  {id: X1,\n", 3, "invalid YAML"),
        ("- just a list\n", 1, "mapping"),
    ],
)
def test_invalid_pack_names_file_and_line(tmp_path: Path, bad: str, line: int, words: str) -> None:
    path = write(tmp_path, bad)
    with pytest.raises(RuleError) as info:
        load_pack(path)
    assert str(info.value).startswith(f"{path}:{line}:")
    assert words in str(info.value)


def test_yaml_is_safe_loaded(tmp_path: Path) -> None:
    path = write(tmp_path, "!!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(RuleError):
        load_pack(path)


def test_duplicate_ids_across_packs(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD.replace("name: demo-one", "name: demo-two"), "b.yaml")
    with pytest.raises(RuleError, match="already used"):
        load_packs([tmp_path])


def test_hyphen_space_case_inflection_and_boundaries(tmp_path: Path) -> None:
    detector = RulesDetector(load_pack(write(tmp_path, GOOD)).rules)

    def spans(text: str) -> list[str]:
        return [text[f.start : f.end] for f in detector.check(Document.plain(text))]

    assert spans("A One-Stop Shop opened.") == ["One-Stop Shop"]
    assert spans("Two one  stop\nshops opened.") == ["one  stop\nshops"]
    assert spans("A one stop shopping trip.") == []
    assert spans("The sheep dogs barked.") == ["sheep dogs"]
    found = detector.check(Document.plain("The sheep dogs barked."))
    assert found[0].suggestions == ("sheepdogs", "shepherd dogs")


def test_longest_match_wins(tmp_path: Path) -> None:
    text = GOOD.replace("    sheep dog: [sheepdog, shepherd dog]\n", "    one stop: one\n")
    detector = RulesDetector(load_pack(write(tmp_path, text)).rules)
    found = detector.check(Document.plain("a one stop shop"))
    assert [(f.start, f.end) for f in found] == [(2, 15)]


def test_context_conditions(tmp_path: Path) -> None:
    text = GOOD + "  require: [breast]\n  forbid: [poetry]\n"
    detector = RulesDetector(load_pack(write(tmp_path, text)).rules)
    assert not detector.check(Document.plain("A one stop shop."))
    assert detector.check(Document.plain("A one stop shop for breast screening."))
    assert not detector.check(Document.plain("A one stop shop for breast poetry."))


def test_pattern_rule_slots_and_template(tmp_path: Path) -> None:
    text = """\
rules:
- id: GR901
  name: pronoun-case
  kind: pattern
  category: grammar
  severity: warning
  message: case
  pattern: ["some|many|all", of, {word: they|we}, {regex: "[a-z]+"}]
  replace: ["{1} of them {4}"]
  doc: {what: a, why: b, instead: c}
  examples: {fail: [some of they are]}
"""
    detector = RulesDetector(load_pack(write(tmp_path, text)).rules)
    found = detector.check(Document.plain("Some of they are here. All of, they are."))
    assert [(f.start, f.end, f.suggestions) for f in found] == [(0, 16, ("Some of them are",))]


def test_a_users_slot_regex_that_does_not_compile_names_its_rule(tmp_path: Path) -> None:
    pack = """\
rules:
- id: SL001
  name: unclosed
  kind: pattern
  category: style
  severity: warning
  fix: display-only
  message: m
  pattern: ["a", {regex: "(unclosed"}]
  doc: {what: a, why: b, instead: c}
  examples: {fail: [a b]}
"""
    path = write(tmp_path, pack)
    with pytest.raises(RuleError) as info:
        load_pack(path)
    assert "slot regex '(unclosed' is invalid" in str(info.value)


def test_every_built_in_slot_regex_compiles() -> None:
    """The built-in packs' slot regexes are not compiled at load (the matcher compiles one when a
    text needs it): this is their check."""
    import regex

    slots = [slot for pack in load_packs(builtin_pack_paths()) for rule in pack.rules for slot in rule.pattern]
    found = [slot.regex for slot in slots if slot.regex]
    assert len(found) >= 4
    for pattern in found:
        regex.compile(pattern)
