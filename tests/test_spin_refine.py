"""The refiner of SP001 suggestions (cleaner.spin.refine), on phrases written for these tests."""

from __future__ import annotations

from dataclasses import replace

from cleaner.spin.candidates import Generator
from cleaner.spin.detect import SpinDetector, select, suggestion
from cleaner.spin.gate import Gate
from cleaner.spin.refine import Refiner, covered, refine_parts
from cleaner.spin.resources import Resources
from cleaner.spin.store import PhraseStore
from cleaner.spin.swaps import learn_swaps
from cleaner.spin.text import Tokens

# Every candidate gets the same confidence (one leaf), well above the hint level.
CONSTANT = Gate(names=(), baseline=0.0, trees=(((-1,), (0.0,), (0,), (0,), (3.0,)),), warning_at=0.9, hint_at=0.5)


def resources(
    extra: dict[str, int] | None = None,
    terms: tuple[str, ...] = (),
    related: dict[str, tuple[str, ...]] | None = None,
    counted: dict[str, int] | None = None,
) -> Resources:
    terms = ["heat loss", "fuzzy logic", "raw signal", "data store", *terms]
    phrases = {
        "heat loss": 6,
        "fuzzy logic": 9,
        "raw signal": 4,
        "data store": 3,
        "raw indicator": 0,
        **(counted or {}),
    }
    synonyms = {"reasoning": ("logic", "thinking"), "hotness": ("heat",), "crude": ("raw",)}
    # Each swap seen twice: 'hotness', 'setback', 'woolly', 'crude' and 'beacon' are trigger words.
    swaps = learn_swaps(
        2
        * [
            ("hotness gain", ["heat gain"]),
            ("big setback", ["big loss"]),
            ("woolly set", ["fuzzy set"]),
            ("crude oil", ["raw oil"]),
            ("beacon strength", ["signal strength"]),
        ]
        + [("beacon word", ["indicator word"])]
    )
    store = PhraseStore.build([(p, n) for p, n in phrases.items() if n], terms, bits=1 << 12)
    return Resources(
        synonyms=synonyms, store=store, swaps=swaps, extra_phrases=dict(extra or {}), related=related or {}
    )


def refine(
    text: str, parts: tuple[tuple[int, int, str], ...], taken: set[int] | None = None, res: Resources | None = None
) -> str:
    """The suggestion a pick of ``parts`` gets after the refiner, with the words it covers."""
    tokens = Tokens(text)
    refiner = Refiner(Generator(res or resources()))
    new = refine_parts(refiner, tokens.norms, tokens.joined, covered([parts]) | (taken or set()), parts)
    first, last = min(parts[0][0], new[0][0]), max(parts[-1][1], new[-1][1])
    start, end, suggested = suggestion(text, new, first, last, tokens.start, tokens.end)
    return f"{text[start:end]} -> {suggested}"


def test_a_spun_word_beside_the_finding_is_read_too() -> None:
    # The finding changed 'setback' alone; 'hotness loss' is no phrase, 'heat loss' is (both learned).
    assert refine("The hotness setback was large.", ((2, 2, "loss"),)) == "hotness setback -> heat loss"


def test_a_synonym_of_the_word_beside_it_completes_a_known_phrase() -> None:
    # 'reasoning' -> 'logic' was never learned; WordNet has it.
    assert refine("We use woolly reasoning here.", ((2, 2, "fuzzy"),)) == "woolly reasoning -> fuzzy logic"


def test_a_known_reading_is_kept() -> None:
    tokens = Tokens("The hotness setback was large.")
    res = resources({"hotness loss": 2})
    parts = ((2, 2, "loss"),)
    assert refine_parts(Refiner(Generator(res)), tokens.norms, tokens.joined, covered([parts]), parts) == parts


def test_no_word_of_another_finding_and_no_function_word_is_taken_in() -> None:
    assert refine("The hotness setback was large.", ((2, 2, "loss"),), taken={1}) == "setback -> loss"
    assert refine("The setback of hotness.", ((1, 1, "loss"),)) == "setback -> loss"
    # Not joined: punctuation between.
    assert refine("Such hotness, setback and more.", ((2, 2, "loss"),)) == "setback -> loss"


def test_a_second_guess_at_changed_words_when_nothing_keeps_them() -> None:
    # 'beacon' -> 'indicator' (learned once) gave 'raw indicator', no phrase; 'signal' was learned twice.
    assert refine("A crude beacon came.", ((1, 2, "raw indicator"),)) == "crude beacon -> raw signal"


def test_the_refined_reading_keeps_the_text_between_words_and_the_span_covers_the_pick() -> None:
    # The pick changed 'beacon' only; the refiner changes 'crude' too: one finding over both.
    assert refine("A crude-beacon came.", ((2, 2, "indicator"),)) == "crude-beacon -> raw-signal"


def test_the_detector_suggests_the_refined_reading_with_the_same_findings() -> None:
    res = resources()
    detector = SpinDetector(res, CONSTANT)
    text = "Most tools use woolly reasoning today."
    hits = detector.hits(text)
    assert [(h.written, h.original) for h in hits] == [("woolly reasoning", "fuzzy logic")]
    # Without the refiner: the same finding, its confidence unchanged, over one word.
    tokens = Tokens(text)
    plain = select(tokens, detector.scored(tokens, CONSTANT.hint_at), CONSTANT.hint_at)
    assert [(h.written, h.original) for h in plain] == [("woolly", "fuzzy")]
    assert [h.confidence for h in plain] == [h.confidence for h in hits]
    assert hits[0].start == plain[0].start and hits[0].end > plain[0].end


def test_the_detector_finds_phrases_on_both_sides_of_a_sentence_break_apart() -> None:
    detector = SpinDetector(resources(), CONSTANT)
    hits = detector.hits("Most use woolly reasoning.\n\nWoolly reasoning is common.")
    assert [(h.written, h.original) for h in hits] == [
        ("woolly reasoning", "fuzzy logic"),
        ("Woolly reasoning", "fuzzy logic"),
    ]


def test_a_listed_term_two_words_wide_goes_first() -> None:
    # 'setback' -> 'loss' found; the finding's reading with the word beside it ("heat loss")
    # is a known phrase, and with the word before that, changed, reads as the listed term.
    text = "The woolly heat setback rose."
    assert refine(text, ((3, 3, "loss"),)) == "setback -> loss"
    res = resources(terms=("fuzzy heat loss",))
    assert refine(text, ((3, 3, "loss"),), res=res) == "woolly heat setback -> fuzzy heat loss"
    # One word changed there, no more ("woolly hotness": two).
    assert refine("The woolly hotness setback rose.", ((3, 3, "loss"),), res=res) == "hotness setback -> heat loss"
    # After the finding too; never across a function word or another finding.
    assert refine("A setback heat woolly.", ((1, 1, "loss"),), res=resources(terms=("loss heat fuzzy",))) == (
        "setback heat woolly -> loss heat fuzzy"
    )
    assert refine("The woolly of heat setback.", ((4, 4, "loss"),), res=res) == "setback -> loss"
    assert refine(text, ((3, 3, "loss"),), taken={1}, res=res) == "setback -> loss"


def test_a_wide_reading_that_is_no_listed_term_needs_a_learned_original() -> None:
    # Counted, not listed; 'woolly' -> 'fuzzy' and the pick's 'setback' -> 'loss' were learned.
    res = resources({"fuzzy heat loss": 5, "cold data logic": 5})
    text = "The woolly heat setback rose."
    assert refine(text, ((3, 3, "loss"),), res=res) == "woolly heat setback -> fuzzy heat loss"
    # Nothing learned: 'chilly' -> 'cold' and the pick's 'reasoning' -> 'logic' are WordNet synonyms.
    res.synonyms = {**res.synonyms, "chilly": ("cold",)}
    assert refine("The chilly data reasoning rose.", ((3, 3, "logic"),), res=res) == "reasoning -> logic"
    res = resources({"cold data logic": 5}, terms=("cold data logic",))  # a listed term: taken
    res.synonyms = {**res.synonyms, "chilly": ("cold",)}
    assert refine("The chilly data reasoning rose.", ((3, 3, "logic"),), res=res) == (
        "chilly data reasoning -> cold data logic"
    )


def test_a_reading_the_store_does_not_know_is_taken_for_no_phrase() -> None:
    # Its hashed counts answer for "heat loss", its bit array (other hashes) does not: a
    # hash collision, as with an unknown phrase whose 32-bit key matches a known one's.
    res = resources()
    res.store = replace(res.store, bitmap=bytes(len(res.store.bitmap)))
    assert res.store.value("heat loss") and not res.known("heat loss")
    assert refine("The hotness setback was large.", ((2, 2, "loss"),), res=res) == "setback -> loss"
    assert refine("The hotness setback was large.", ((2, 2, "loss"),)) == "hotness setback -> heat loss"


def test_a_more_or_less_general_word_beside_it_completes_a_listed_term() -> None:
    # 'bargain' -> 'contract': neither learned nor a synonym; WordNet has it one step more specific.
    text = "The woolly bargain held."
    related = {"bargain": ("contract", "deal")}
    assert refine(text, ((1, 1, "fuzzy"),)) == "woolly -> fuzzy"
    res = resources(terms=("fuzzy contract",), related=related)
    assert refine(text, ((1, 1, "fuzzy"),), res=res) == "woolly bargain -> fuzzy contract"
    # Inflected alike.
    res = resources(terms=("fuzzy contracts",), related=related)
    assert refine("The woolly bargains held.", ((1, 1, "fuzzy"),), res=res) == "woolly bargains -> fuzzy contracts"


def test_a_related_word_reads_only_into_a_listed_term_and_after_a_synonym() -> None:
    text = "The woolly bargain held."
    related = {"bargain": ("contract",)}
    counted = resources(related=related, counted={"fuzzy contract": 40})  # counted, not listed
    assert refine(text, ((1, 1, "fuzzy"),), res=counted) == "woolly -> fuzzy"
    # A synonym's reading, a listed term too, ranks first even when counted less.
    res = Resources(
        synonyms={"bargain": ("deal",)},
        store=PhraseStore.build([("fuzzy contract", 50), ("fuzzy deal", 2)], ["fuzzy contract", "fuzzy deal"], 1 << 12),
        swaps=resources().swaps,
        related=related,
    )
    assert refine(text, ((1, 1, "fuzzy"),), res=res) == "woolly bargain -> fuzzy deal"


def test_two_written_words_read_as_one_are_one_word_to_the_refiner() -> None:
    # The pick read "far off" (two written words) as 'remote'; "remote checking" is no phrase,
    # "remote sensing" is, and 'checking' -> 'sensing' is a synonym here: both words change.
    res = resources(terms=("remote sensing",), counted={"remote sensing": 5})
    res.synonyms = {**res.synonyms, "checking": ("sensing",)}
    assert (
        refine("We did far off checking today.", ((2, 3, "remote"),), res=res) == "far off checking -> remote sensing"
    )
    # Written with a hyphen.
    assert refine("It was far-off checking.", ((2, 3, "remote"),), res=res) == "far-off checking -> remote sensing"
    # Nothing better: the pick stays as it was.
    assert refine("We did far off work today.", ((2, 3, "remote"),), res=res) == "far off -> remote"


def test_a_listed_term_goes_before_a_reading_with_more_learned_words() -> None:
    # 'hotness' -> 'heat' was learned and "heat loss" counted; "warmth loss" (a WordNet synonym) is a
    # listed term here, and wins.
    res = resources()
    res.store = PhraseStore.build([("heat loss", 6), ("warmth loss", 1)], ["warmth loss"], bits=1 << 12)
    res.synonyms = {"hotness": ("warmth",)}
    assert refine("The hotness setback was large.", ((2, 2, "loss"),), res=res) == "hotness setback -> warmth loss"


def test_a_respelling_is_no_choice() -> None:
    res = resources()
    res.synonyms = {"synthesized": ("synthesised", "synthetic"), "colour": ("color", "hue")}
    refiner = Refiner(Generator(res))
    assert "synthesised" not in refiner.choices("synthesized") and "synthetic" in refiner.choices("synthesized")
    assert list(refiner.choices("colour")) == ["hue"]
