"""The spin (reconstruction) detector, on phrases written for these tests."""

from __future__ import annotations

import bisect
import gzip
import json
import marshal
import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.document import WORD_RE, Document
from cleaner.model import Applicability, Category, Finding, Severity
from cleaner.spin import features as features_module
from cleaner.spin import gate as gate_module
from cleaner.spin import morph
from cleaner.spin.candidates import Generator, trigger_words
from cleaner.spin.detect import SpinDetector, builtin_gate, choose, gate_path, rewrite
from cleaner.spin.docscore import document_score
from cleaner.spin.gate import Gate, load_cached
from cleaner.spin.learn import build_phrase_table
from cleaner.spin.ngrams import count_ngrams, load_counts
from cleaner.spin.resources import Resources, split_rows
from cleaner.spin.store import PhraseStore
from cleaner.spin.swaps import SwapTable, aligned_swaps, learn_swaps
from cleaner.spin.text import SPLIT_RE, Tokens, normalize, split, word_spans, words

# A constant gate: every candidate gets the same confidence (one leaf).
CONSTANT = Gate(names=(), baseline=0.0, trees=(((-1,), (0.0,), (0,), (0,), (3.0,)),), warning_at=0.9, hint_at=0.5)


def tiny_resources() -> Resources:
    terms = ["red car", "fast train", "quick train", "cup of tea"]
    phrases = {"red car": 5, "big house": 3, "cup of": 4, "of tea": 4}
    synonyms = {
        "crimson": ("red",),
        "wagon": ("car", "cart"),
        "speedy": ("fast", "quick"),
        "locomotive": ("train",),
        "mug": ("cup",),
        "brew": ("tea",),
    }
    # Each swap is seen three or four times (a trigger word), 'brew' only once (not one).
    swaps = learn_swaps(
        2
        * [
            ("speedy locomotive", ["fast train"]),
            ("speedy wagon", ["fast car"]),
            ("crimson wagon", ["red car"]),
            ("crimson locomotive", ["red train"]),
            ("mug of water", ["cup of water"]),
        ]
        + [("mug of brew", ["cup of tea"])]
    )
    return Resources(
        synonyms=synonyms,
        store=PhraseStore.build(phrases.items(), terms, bits=1 << 12),
        swaps=swaps,
    )


def test_words_break_at_punctuation_but_not_hyphens() -> None:
    ws = words("Deep-learning works. Well")
    assert [w.norm for w in ws] == ["deep", "learning", "works", "well"]
    assert [w.joined for w in ws] == [False, True, True, False]
    assert normalize("Hidden-Layer’s  Output") == "hidden layer's output"


def test_tokens_offsets_and_joins() -> None:
    text = "Deep-learning works. Well, it's 3D  x"
    tokens = Tokens(text)
    assert tokens.norms == ["deep", "learning", "works", "well", "it's", "3d", "x"]
    assert [tokens.joined(i) for i in range(len(tokens))] == [False, True, True, False, False, True, True]
    assert [text[tokens.start(i) : tokens.end(i)] for i in range(len(tokens))][-2:] == ["3D", "x"]
    assert Tokens("...").norms == []
    assert Document.plain(text).tokens == tokens.spans


@pytest.mark.parametrize(
    "text",
    [
        "it's  rock'n'roll’s end'  'x' y'' z’’ a'b'c 3'4 x_y_'z",
        "Ünïcode wörds, ﬁle—names (ABC) ε-net; don’t ’quote’ '' ’",
        "".join(random.Random(3).choice("ab'’ _-.\n1é") for _ in range(4000)),
    ],
)
def test_tokens_words_are_the_documents_words(text: str) -> None:
    """Tokens splits with a possessive copy of the document's word pattern: the same words, the same gaps."""
    tokens = Tokens(text)
    assert tokens.spans == Document.plain(text).tokens
    assert tokens.norms == [text[a:b].lower() for a, b in Document.plain(text).tokens]


# Pieces that reach each path of ``split``: a whole word, a word with punctuation at its ends
# (stripped), and pieces only the pattern cuts (hyphens, inner apostrophes, underscores, breaks).
PIECES = [
    "ab",
    "Wörd",
    "3",
    "²",
    "x_y",
    "_",
    "it's",
    "'",
    "’",
    "‘",
    "(",
    ").",
    ", ",
    "-",
    "—",
    "…",
    "\n",
    "\t",
    " ",
    "  ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30) | st.text(max_size=40))
def test_split_is_the_patterns_split(pieces: list[str] | str) -> None:
    """The fast word split gives exactly the parts that ``SPLIT_RE.split`` gives."""
    text = pieces if isinstance(pieces, str) else "".join(pieces)
    assert split(text) == SPLIT_RE.split(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(-3, 40), st.integers(-3, 40))
def test_word_spans_are_the_patterns_spans(pieces: list[str], start: int, end: int) -> None:
    """The document's, the rule windows' and NG001's word spans: those of WORD_RE.finditer, in any window."""
    text = "".join(pieces)
    assert word_spans(text, start, end) == [m.span() for m in WORD_RE.finditer(text, start, end)]
    assert word_spans(text) == [m.span() for m in WORD_RE.finditer(text)]
    assert Document.plain(text).tokens == word_spans(text)


def test_words_ending_by_counts_the_words_ending_by_each_offset() -> None:
    rng = random.Random(5)
    pieces = ["ab", "c", " ", "  ", ", ", "(", "xyz", "-", "\n", "é", "it's"]
    for n in (0, 1, 5, 40, 3000):
        text = "".join(rng.choice(pieces) for _ in range(n))
        tokens = Tokens(text)
        ends = [end for _, end in Document.plain(text).tokens]
        offsets = range(len(text) + 2) if len(text) < 200 else [rng.randint(0, len(text) + 1) for _ in range(300)]
        assert [tokens.words_ending_by(o) for o in offsets] == [bisect.bisect_right(ends, o) for o in offsets]


def test_phrase_store_round_trips_counts_and_terms(tmp_path: Path) -> None:
    counts = [("hidden layer", 3), ("deep learning", 2)]
    store = PhraseStore.build(counts, ["random forest", "deep learning"], bits=1 << 16)
    path = tmp_path / "known.bin.gz"
    store.save(path)
    loaded = PhraseStore.load(path)
    assert loaded.known("hidden layer") and loaded.known("random forest")
    assert not loaded.known("profound learning")
    assert loaded.count("hidden layer") == 3
    assert loaded.is_term("deep learning") and not loaded.is_term("hidden layer")
    assert loaded.count("random forest") == 0


def test_tokens_offsets_across_many_blocks() -> None:
    text = " ".join(f"Wörd{i}, it's—x-{i}" for i in range(3000))
    tokens = Tokens(text)
    expected = Document.plain(text).tokens
    assert len(tokens) == len(expected)
    assert [(tokens.start(i), tokens.end(i)) for i in range(0, len(tokens), 97)] == expected[::97]
    assert (tokens.start(len(tokens) - 1), tokens.end(len(tokens) - 1)) == expected[-1]
    assert Tokens(text).spans == expected
    assert tokens.spans == expected  # after offsets from block sums
    assert (tokens.start(5), tokens.end(5)) == expected[5]
    ends = [end for _, end in expected]
    for offset in (0, 1, 17, len(text) // 3, len(text) // 2 + 1, len(text) - 2, len(text)):
        count = bisect.bisect_right(ends, offset)
        assert Tokens(text).words_ending_by(offset) == count  # block sums made by this call
        assert tokens.words_ending_by(offset) == count  # block sums made before
    assert tokens.gap(1) == ", " and tokens.gap(0) == ""


@pytest.mark.parametrize("suffix", [".gz", ""])
def test_phrase_store_loads_gzipped_and_memory_mapped(tmp_path: Path, suffix: str) -> None:
    store = PhraseStore.build([("hidden layer", 3)], ["random forest"], bits=1 << 16)
    path = tmp_path / f"known.bin{suffix}"
    store.save(path)
    loaded = PhraseStore.load(path)
    assert loaded.known("hidden layer") and loaded.known("random forest") and not loaded.known("hidden forest")
    assert loaded.count("hidden layer") == 3 and loaded.is_term("random forest")
    path.write_bytes(path.read_bytes()[:40] if suffix == "" else b"not a store")
    with pytest.raises((ValueError, OSError)):
        PhraseStore.load(path)


def test_phrase_store_batch_lookups_agree_with_known() -> None:
    phrases = ["deep learning", "machine learning", "hidden layer", "random forest", "deep forest"]
    store = PhraseStore.build([(p, 1) for p in phrases], bits=1 << 20)
    words = ["deep", "machine", "hidden", "random", "profound", "learning", "forest", "layer", "wood", "ünïcode"]
    for word in words:
        assert store.known_after(word, words) == [o for o in words if store.known(word + " " + o)]
        assert store.known_before(words, word) == [o for o in words if store.known(o + " " + word)]
    assert store.known_after("deep", ["learning", "forest", "layer"]) == ["learning", "forest"]
    assert store.known_before(["deep", "machine", "profound"], "learning") == ["deep", "machine"]


def test_trigger_words_are_repeated_spinner_words_and_their_forms() -> None:
    triggers = trigger_words(tiny_resources().swaps)
    assert {"speedy", "locomotive", "locomotives", "wagons", "crimson"} <= triggers
    assert "brew" not in triggers  # seen too rarely
    assert "train" not in triggers  # an original, not a spinner's word


@pytest.mark.parametrize(
    ("word", "base", "kind"), [("wagons", "wagon", "s"), ("berries", "berry", "s"), ("parked", "park", "ed")]
)
def test_morph_round_trip(word: str, base: str, kind: str) -> None:
    assert (base, kind) in morph.bases(word)
    assert morph.inflect(base, kind) == word


@pytest.mark.parametrize(
    ("original", "kind", "form"),
    [
        ("wagon", "s", "wagons"),
        ("wagons", "s", "wagons"),
        ("glass", "s", "glasses"),
        ("virus", "s", "viruses"),
        ("fast cars", "s", "fast cars"),
        ("park", "ing", "parking"),
        ("parking", "ing", "parking"),
        ("park", "ed", "parked"),
    ],
)
def test_a_learned_original_is_inflected_once(original: str, kind: str, form: str) -> None:
    assert morph.inflect_like(original, kind) == form


def test_an_original_learned_plural_is_offered_as_written() -> None:
    """'mugs' -> its base 'mug' was learned as 'cups' (a plural already): offered as 'cups', never 'cupses'."""
    swaps = learn_swaps(3 * [("mug", ["cups"])])
    generator = Generator(replace(tiny_resources(), swaps=swaps))
    assert list(generator.options("mugs")) == ["cups"]


def test_aligned_swaps_pair_words_one_to_one() -> None:
    assert aligned_swaps("crimson wagon parked", "red car parked") == [("crimson", "red"), ("wagon", "car")]


def test_learn_swaps_counts_each_pair_once_and_base_forms(tmp_path: Path) -> None:
    table = learn_swaps([("shiny wagons", ["bright cars"]), ("shiny wagon", ["bright car", "bright car"])])
    assert table.originals("shiny") == {"bright": 2}
    assert table.originals("wagon") == {"car": 2}
    path = tmp_path / "swaps.tsv.gz"
    table.save(path)
    assert SwapTable.load(path).counts == table.counts


def test_generator_reconstructs_a_two_word_swap() -> None:
    gen = Generator(tiny_resources())
    found = {(c.replacement(), c.span) for c in gen.candidates(Tokens("We saw a crimson wagon today."))}
    assert ("red car", (3, 4)) in found


def test_generator_keeps_unchanged_edge_words_out_of_the_span() -> None:
    gen = Generator(tiny_resources())
    cands = list(gen.candidates(Tokens("They rode a speedy train home.")))
    assert [(c.replacement(), c.span) for c in cands] == [("fast", (3, 3))]


def test_generator_leaves_attested_phrases_alone() -> None:
    gen = Generator(tiny_resources())
    assert list(gen.candidates(Tokens("A red car and a big house."))) == []


def test_generator_does_not_cross_punctuation() -> None:
    gen = Generator(tiny_resources())
    spans = {c.span for c in gen.candidates(Tokens("It was crimson. Wagon wheels turned."))}
    assert spans == {(3, 3)}  # 'wagon' alone (see below), never 'crimson. Wagon'


def test_generator_offers_a_trigger_word_alone_when_nothing_around_it_is_known() -> None:
    gen = Generator(tiny_resources())
    found = [(c.replacement(), c.span, c.size) for c in gen.candidates(Tokens("A speedy zebra ran."))]
    assert found == [("fast", (1, 1), 1)]
    assert list(gen.candidates(Tokens("A speedy train ran."))) != []
    assert all(c.size == 2 for c in gen.candidates(Tokens("A speedy train ran.")))


def test_detector_hit_offsets_and_reconstruction() -> None:
    text = "They rode a speedy locomotive home."
    hits = SpinDetector(tiny_resources(), CONSTANT).hits(text)
    assert len(hits) == 1
    hit = hits[0]
    assert text[hit.start : hit.end] == "speedy locomotive"
    assert hit.original == "fast train"
    assert 0.9 < hit.confidence < 1.0


def test_gate_round_trips_through_json(tmp_path: Path) -> None:
    gate = Gate(("a",), -1.0, (((0, -1, -1), (0.5, 0.0, 0.0), (1, 0, 0), (2, 0, 0), (0.0, -2.0, 2.0)),))
    path = tmp_path / "gate.json"
    gate.save(path)
    loaded = Gate.load(path)
    assert loaded.confidence([0.0]) == pytest.approx(gate.confidence([0.0]))
    assert loaded.confidence([1.0]) > 0.7 > 0.1 > loaded.confidence([0.0])


def test_document_score_grows_with_density_and_confidence() -> None:
    clean = document_score([], 2000)
    one_weak = document_score([0.3], 2000)
    several = document_score([0.95, 0.9, 0.97, 0.92], 400)
    assert clean < 0.2
    assert one_weak < 0.3
    assert several > 0.9
    assert document_score([], 0) == 0.0


def test_count_ngrams_and_learn_table(tmp_path: Path) -> None:
    counts = count_ngrams(["The cat sat. The cat ran."])
    assert counts["the cat"] == 2
    assert "sat the" not in counts
    (tmp_path / "a.txt").write_text("Hidden layer sizes vary. Hidden layer sizes matter.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "A hidden layer helps."}\n', encoding="utf-8")
    out = tmp_path / "table.tsv.gz"
    files, kept = build_phrase_table([tmp_path], out, min_count=2)
    assert files == 2
    table = load_counts(out)
    assert table["hidden layer"] == 3
    assert "layer helps" not in table
    assert kept == len(table)
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        assert handle.readline().count("\t") == 1


def test_learned_table_makes_a_phrase_attested(tmp_path: Path) -> None:
    res = tiny_resources()
    res.extra_phrases = {"crimson wagon": 3}
    assert list(Generator(res).candidates(Tokens("a crimson wagon"))) == []


def test_reconstruct_detector_with_builtin_data() -> None:
    from cleaner.detectors.reconstruct import ReconstructDetector, match_case

    detector = ReconstructDetector()
    doc = Document.plain("Our models rely on profound learning to rank the bosom malignancy images.")
    findings = detector.check(doc)
    spans = {doc.text[f.start : f.end].lower(): f for f in findings}
    assert "profound" in spans
    finding = spans["profound"]
    assert finding.suggestions == ("deep",)
    assert finding.category is Category.TORTURED_PHRASE
    assert finding.applicability is Applicability.UNSAFE
    assert finding.severity in (Severity.WARNING, Severity.SUGGESTION)
    assert match_case("Profound", "deep") == "Deep"


def test_reconstruct_detector_is_quiet_on_plain_prose() -> None:
    from cleaner.detectors.reconstruct import ReconstructDetector

    doc = Document.plain("We trained a deep learning model on the data and report the results in the table below.")
    loud = [f for f in ReconstructDetector().check(doc) if f.severity >= Severity.WARNING]
    assert loud == []


def test_spin_is_on_by_default_and_can_be_left_out(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cleaner.cli import app
    from cleaner.config import Settings
    from cleaner.detectors import ReconstructDetector, build

    assert any(isinstance(d, ReconstructDetector) for d in build(Settings()))
    assert not any(isinstance(d, ReconstructDetector) for d in build(Settings(spin=False)))
    path = tmp_path / "a.txt"
    path.write_text("We used a counterfeit consciousness system.\n", encoding="utf-8")
    (tmp_path / "off.toml").write_text("spin = false\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["check", "--no-builtin-rules", "--no-config", "--format", "json", str(path)])
    off = runner.invoke(app, ["check", "--no-builtin-rules", "--no-spin", "--format", "json", str(path)])
    configured = ["check", "--no-builtin-rules", "--config", str(tmp_path / "off.toml"), "--format", "json"]
    by_config = runner.invoke(app, [*configured, str(path)])
    assert "SP001" in [f["rule"] for f in json.loads(plain.stdout)["files"][0]["findings"]]
    assert json.loads(off.stdout)["files"][0]["findings"] == []
    assert json.loads(by_config.stdout)["files"][0]["findings"] == []
    page = tmp_path / "report.html"
    args = ["report", "--no-builtin-rules", "--no-config", str(path), "-o", str(page)]
    assert runner.invoke(app, args).exit_code == 0
    assert "SP001" in page.read_text(encoding="utf-8")
    quiet = tmp_path / "quiet.html"
    args = ["report", "--no-builtin-rules", "--no-config", "--no-spin", str(path), "-o", str(quiet)]
    assert runner.invoke(app, args).exit_code == 0
    assert "SP001" not in quiet.read_text(encoding="utf-8")


def test_shipped_gate_module_matches_gate_json() -> None:
    """gate_trees.py is generated from gate.json; a stale copy would score with other trees."""
    from cleaner.spin import gate_trees

    plain = Gate.load(gate_path())
    assert (Path(gate_trees.__file__)).read_text(encoding="utf-8") == plain.python_source()
    assert builtin_gate().compiled is gate_trees.margin


def test_gate_is_read_from_its_cached_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first load parses gate.json and keeps a copy; later loads read the copy (a gate put
    there is the one loaded); a copy of another shape is parsed past."""
    from cleaner.spin import gate_trees

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    plain = Gate.load(gate_path()).with_compiled()
    first = load_cached(gate_path())
    (copy,) = tmp_path.glob("gate-*.marshal")
    second = load_cached(gate_path())
    assert first == plain and second == plain
    assert second.compiled is gate_trees.margin and second.boost is not None and second.boost.compiled is not None
    other = Gate(("a",), -1.0, (((-1,), (0.0,), (0,), (0,), (2.0,)),), warning_at=0.8, hint_at=0.4)
    copy.write_bytes(marshal.dumps(gate_module._to_cache(other)))
    assert load_cached(gate_path()) == other
    for damaged in (b"not marshal", marshal.dumps((1, 2, 3)), marshal.dumps(((), "x", (), 1, 1, None, "d"))):
        copy.write_bytes(damaged)
        assert load_cached(gate_path()) == plain


def test_compiled_gate_scores_like_the_tree_walk() -> None:
    plain = Gate.load(gate_path())
    compiled = plain.with_compiled()
    rng = random.Random(7)
    for _ in range(2000):
        values = [rng.choice((rng.uniform(-20, 20), 0.0, 1.0, float(rng.randint(0, 3)))) for _ in plain.names]
        assert compiled.confidence(values) == plain.confidence(values)


def test_gate_from_other_trees_keeps_walking_them() -> None:
    gate = Gate(("a",), -1.0, (((0, -1, -1), (0.5, 0.0, 0.0), (1, 0, 0), (2, 0, 0), (0.0, -2.0, 2.0)),))
    assert gate.with_compiled().compiled is None
    namespace: dict[str, object] = {}
    exec(compile(gate.python_source(), "<gate>", "exec"), namespace)
    margin = namespace["margin"]
    assert callable(margin)
    assert margin([0.2]) == -3.0
    assert margin([0.9]) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "# header\na\t1 2\nb\t3\n",
        "a\t1\n# note\n#\n##x\nb\t2\n# last",
        "# header\na\t1\r# after a carriage return\nb\t2\n",
        "# only\n",
        "".join(random.Random(9).choice(["#", "a", "\t", "\n", "\r", "b c", "#x", "\u2028"]) for _ in range(3000)),
    ],
)
def test_split_rows_drops_comment_lines_as_splitlines_would(text: str) -> None:
    kept = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    assert split_rows(text) == split_rows(kept if text.startswith("#") or "\n#" in text else text)


class PairModel:
    """A language model that knows a few word pairs (PMI in nats) and nothing else."""

    def __init__(self, pairs: dict[tuple[str, str], float]) -> None:
        self.pairs = pairs

    def pmi(self, first: str, second: str) -> float | None:
        return self.pairs.get((first, second))


def test_a_pair_the_language_model_knows_well_is_attested() -> None:
    res = tiny_resources()
    res.lm = PairModel({("crimson", "wagon"): 3.0})  # type: ignore[assignment]
    gen = Generator(res)
    assert list(gen.candidates(Tokens("We saw a crimson wagon today."))) == []
    res.lm = PairModel({("crimson", "wagon"): 0.2})  # type: ignore[assignment]
    gen = Generator(res)
    assert ("red car", (1, 2)) in {(c.replacement(), c.span) for c in gen.candidates(Tokens("a crimson wagon"))}


def test_the_language_models_pmi_reaches_the_gate() -> None:
    names = list(features_module.NAMES)
    gen = Generator(tiny_resources())
    (candidate,) = [c for c in gen.candidates(Tokens("a crimson wagon")) if c.replacement() == "red car"]
    res = tiny_resources()
    res.lm = PairModel({("red", "car"): 6.0, ("crimson", "wagon"): -2.0})  # type: ignore[assignment]
    values = features_module.features(candidate, res)
    assert values[names.index("original_pmi")] == 6.0
    assert values[names.index("written_pmi")] == -2.0
    without = features_module.features(candidate, tiny_resources())
    assert without[names.index("original_pmi")] == 0.0  # no model: the features stay neutral


def test_builtin_resources_use_pocketsphinx_when_it_is_installed() -> None:
    from cleaner.spin.lm import model_path
    from cleaner.spin.resources import default_resources

    res = default_resources()
    if model_path() is None:
        assert res.lm is None
    else:
        assert res.lm is not None
        pmi = res.lm.pmi("artificial", "intelligence")
        assert pmi is not None and pmi > 3.0


def test_a_finding_takes_in_the_reconstructions_beside_it() -> None:
    text = "a profound neural organization was built"
    tokens = Tokens(text)
    candidates = [
        (0.95, 1, 1, "deep"),  # 'profound neural' -> 'deep neural'
        (0.5, 3, 3, "network"),  # 'neural organization' -> 'neural network': one word away, above the grow floor
        (0.2, 4, 4, "is"),  # beside it too, but under the grow floor
    ]
    (pick,) = choose(candidates, floor=0.9)
    assert pick.confidence == 0.95
    assert pick.parts == ((1, 1, "deep"), (3, 3, "network"))
    assert rewrite(text, pick.parts, tokens.start, tokens.end) == "deep neural network"
    # Without the grow floor's help the finding stays one word.
    assert choose(candidates, floor=0.9, grow_floor=0.6)[0].parts == ((1, 1, "deep"),)


def test_growing_stops_at_other_findings_and_two_words_away() -> None:
    candidates = [
        (0.95, 1, 1, "deep"),
        (0.5, 2, 2, "brain"),  # taken in by the first
        (0.94, 5, 5, "far"),  # a finding of its own, two words away: left out of the first
        (0.5, 6, 6, "away"),  # taken in by the second
    ]
    picks = choose(candidates, floor=0.9)
    assert [p.parts for p in picks] == [((1, 1, "deep"), (2, 2, "brain")), ((5, 5, "far"), (6, 6, "away"))]


def test_findings_side_by_side_are_one_phrase() -> None:
    """'warmth trade': each word its own finding, one word apart at most, is one finding
    (at the higher confidence) that rewrites both; up to six words."""
    text = "the warmth trade rate"
    tokens = Tokens(text)
    (pick,) = choose([(0.95, 1, 1, "heat"), (0.91, 2, 2, "exchange")], floor=0.9)
    assert pick.confidence == 0.95
    assert rewrite(text, pick.parts, tokens.start, tokens.end) == "heat exchange"
    assert len(choose([(0.95, 1, 1, "a"), (0.91, 3, 3, "b")], floor=0.9)) == 1  # one word between
    assert len(choose([(0.95, 1, 1, "a"), (0.91, 4, 4, "b")], floor=0.9)) == 2  # two words between
    chain = choose([(0.95, k, k, "x") for k in range(0, 20, 2)], floor=0.9)
    assert [(p.parts[0][0], p.parts[-1][1]) for p in chain] == [(0, 4), (6, 10), (12, 16), (18, 18)]


@pytest.mark.parametrize("gap", [". ", ".\n\n", "! ", "? ", "; ", ": ", "\n", " -\n"])
def test_findings_are_not_joined_nor_grown_across_a_sentence_or_line_break(gap: str) -> None:
    # Words 0-1 end one sentence (or line), words 2-3 start the next.
    tokens = Tokens(f"hotness creation{gap}hotness setback")
    assert [tokens.parted(i) for i in range(4)] == [False, False, True, False]
    joined = [(0.95, 0, 0, "heat"), (0.91, 2, 2, "heat")]
    assert len(choose(joined, floor=0.9)) == 1  # without the text's breaks: one finding
    assert [p.parts for p in choose(joined, floor=0.9, parted=tokens.parted)] == [((0, 0, "heat"),), ((2, 2, "heat"),)]
    grown = [(0.95, 1, 1, "production"), (0.5, 2, 2, "heat")]  # under the floor: may only be taken in
    assert len(choose(grown, floor=0.9)[0].parts) == 2
    assert choose(grown, floor=0.9, parted=tokens.parted)[0].parts == ((1, 1, "production"),)
    backwards = [(0.95, 2, 2, "heat"), (0.5, 1, 1, "production")]
    assert choose(backwards, floor=0.9, parted=tokens.parted)[0].parts == ((2, 2, "heat"),)


def test_a_comma_does_not_part_words() -> None:
    tokens = Tokens("hotness, setback")
    assert not tokens.parted(1)
    assert len(choose([(0.95, 0, 0, "heat"), (0.91, 1, 1, "loss")], floor=0.9, parted=tokens.parted)) == 1


def test_sp001_hints_are_no_evidence_for_the_document_score() -> None:
    """A document's score counts SP001's warnings, not its hints (shown only on request)."""
    from cleaner.engine import gather

    def sp001(start: int, severity: Severity) -> Finding:
        return Finding(
            rule_id="SP001",
            rule_name="reconstructed-tortured-phrase",
            category=Category.TORTURED_PHRASE,
            severity=severity,
            start=start,
            end=start + 5,
            message="spun",
            confidence=0.95,
            detector="reconstruct",
        )

    hints = [sp001(10 * i, Severity.SUGGESTION) for i in range(6)]
    warnings = [sp001(10 * i, Severity.WARNING) for i in range(6)]
    assert gather(hints, 200).score == gather([], 200).score < 0.2
    assert gather(warnings, 200).score > 0.9
    assert len(gather(hints + warnings[:1], 200).findings) == 1
