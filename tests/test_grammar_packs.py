"""The grammar, calque and typography checks on real text: the seed article, clean prose, fixed text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.config import Settings
from cleaner.detectors.rules import RulesDetector
from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.rulepack import builtin_pack_paths, load_packs

RULES = [rule for pack in load_packs(builtin_pack_paths()) for rule in pack.rules]
NEW_PACKS = {"grammar", "mt-calques", "idiom-calques"}
OURS = ("GR", "MT", "NG", "TY", "IC")


@pytest.mark.parametrize("rule", [r for r in RULES if r.pack in NEW_PACKS], ids=lambda r: r.id)
def test_fixed_text_is_not_flagged_again(rule) -> None:
    detector = RulesDetector(RULES)
    for pair in rule.examples.fix:
        found = detector.check(Document.plain(pair.after))
        assert not found, f"{pair.after!r} flagged by {[f.rule_id for f in found]}"


def test_seed_article_phenomena(shared: Path) -> None:
    text = (shared / "data" / "seed-article.txt").read_text(encoding="utf-8")
    result = Engine(Settings()).check_text(text)
    found = {text[f.start : f.end]: (f.rule_id, f.suggestions[:1]) for f in result.findings}
    assert found["called Facebook to stop"] == ("GR016", ("called on Facebook to stop",))
    assert found["some of they"] == ("GR001", ("some of them",))
    assert found["fire"][0] == "NG001" and found["fire"][1][0] in {"thrive", "flourish"}
    assert found["childcare"] == ("NG001", ("care",))
    assert found["use terrible things"] == ("MT014", ("use it for terrible things",))
    assert found["Coalition of Children of Charities"][0] == "MT015"


def test_clean_prose_raises_few_flags(shared: Path) -> None:
    lines = (shared / "data" / "clean-encyclopedic-dev.jsonl").read_text(encoding="utf-8").splitlines()[:400]
    engine = Engine(Settings())
    words = flags = 0
    for line in lines:
        result = engine.check_text(json.loads(line)["text"])
        words += result.words
        flags += sum(1 for f in result.findings if f.rule_id.startswith(OURS) and f.rule_id not in {"IC001", "IC002"})
    assert words > 50_000
    assert flags * 10_000 / words <= 1.0
