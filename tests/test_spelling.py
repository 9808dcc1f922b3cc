"""SC001/SC002: the offline spelling check and the user's vocabulary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.config import Settings
from cleaner.detectors import SpellingDetector, build
from cleaner.detectors.spelling import read_word_list
from cleaner.document import Document
from cleaner.model import Severity


def flagged(text: str, detector: SpellingDetector | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    found = (detector or SpellingDetector()).check(Document.plain(text))
    return [(f.rule_id, text[f.start : f.end], f.suggestions) for f in found]


def test_typo_of_a_common_word_is_flagged_with_the_word() -> None:
    assert flagged("We recieve the data every day.") == [("SC001", "recieve", ("receive", "relieve"))]


def test_misspelling_is_a_hint() -> None:
    (finding,) = SpellingDetector().check(Document.plain("The sucess was clear."))
    assert finding.severity is Severity.SUGGESTION and finding.category.value == "spelling"


@pytest.mark.parametrize(
    "text",
    [
        "Mr Zuckerberg met Wanless in Londn.",  # capitalised: names
        "The NSPCC and UNICEF sent 3rd-party data.",  # acronyms, digits
        "See https://example.org/recieve or mail recieve@example.org now.",  # URL, e-mail
        "Call `recieve_data()` or my_recieve_var in the code.",  # code
        "The colour of the organisations' oedema and behavioural fibre.",  # British spellings
        "Cells were grown in vitro and in vivo, and vice versa.",  # Latin phrases
        "The leukotriene assay measured leukotriene levels.",  # a term with no near word
        "We recieve it, and we recieve it again.",  # used twice: a term, not a slip
        "A multi-task model.",  # part of a compound
    ],
)
def test_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_accept_and_reject_lists(tmp_path: Path) -> None:
    accept = tmp_path / "accept.txt"
    accept.write_text("# our product names\nrecieve  # sic\n", encoding="utf-8")
    reject = tmp_path / "reject.txt"
    reject.write_text("utilise\n", encoding="utf-8")
    assert read_word_list(accept) == frozenset({"recieve"})
    detector = SpellingDetector(read_word_list(accept), read_word_list(reject))
    assert flagged("We recieve it. Utilise the tools.", detector) == [("SC002", "Utilise", ())]


def test_runs_only_when_its_findings_can_be_reported(tmp_path: Path) -> None:
    def has_spelling(settings: Settings) -> bool:
        return any(isinstance(d, SpellingDetector) for d in build(settings))

    reject = tmp_path / "reject.txt"
    reject.write_text("utilise\n", encoding="utf-8")
    assert not has_spelling(Settings())
    assert has_spelling(Settings(min_severity=Severity.SUGGESTION))
    assert has_spelling(Settings(vocabulary_reject=(str(reject),)))
    assert has_spelling(Settings(severity_overrides={"spelling": Severity.WARNING}))


def test_unreadable_vocabulary_file_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="vocabulary file"):
        build(Settings(min_severity=Severity.SUGGESTION, vocabulary_accept=(str(tmp_path / "missing.txt"),)))
