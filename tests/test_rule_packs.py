"""Every built-in rule's own examples, plus meta-tests over the packs."""

from __future__ import annotations

import pytest

from cleaner.detectors.rules import RulesDetector
from cleaner.document import Document
from cleaner.rulepack import builtin_pack_paths, load_packs
from cleaner.rulepack.testing import run_examples

RULES = [rule for pack in load_packs(builtin_pack_paths()) for rule in pack.rules]


def test_builtin_packs_exist() -> None:
    assert len(RULES) >= 50


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule) -> None:
    result = run_examples(rule)
    assert result.ok, "\n".join(result.failures)


def test_ids_and_names_unique() -> None:
    ids = [key for rule in RULES for key in (rule.id, *rule.aliases)]
    assert len(ids) == len(set(ids))
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_doc_and_examples(rule) -> None:
    assert rule.doc.what and rule.doc.why and rule.doc.instead
    assert rule.examples.fail
    assert rule.examples.passing or rule.examples.fix


def test_no_suggestion_is_itself_flagged() -> None:
    detector = RulesDetector(RULES)
    offenders = []
    for rule in RULES:
        for _, targets in rule.swap:
            for target in targets:
                found = detector.check(Document.plain(f"We discuss {target} in this section."))
                offenders.extend(f"{rule.id}: {target!r} flagged by {f.rule_id}" for f in found)
        for text in rule.examples.passing:
            found = detector.check(Document.plain(text))
            offenders.extend(f"{rule.id}: pass example {text!r} flagged by {f.rule_id}" for f in found)
    assert not offenders, "\n".join(offenders)
