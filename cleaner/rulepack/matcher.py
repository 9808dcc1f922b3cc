"""Match a set of rules against a document: one pass for every phrase, one for every pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress

import ahocorasick
import regex

from cleaner import inflect
from cleaner.casing import match_case
from cleaner.document import Document
from cleaner.model import Finding
from cleaner.rulepack.schema import Rule, Slot
from cleaner.textnorm import FoldedText, normalize_phrase

REGEX_TIMEOUT = 0.05
REGEX_CACHE = 200_000  # remembered (regex, token) results before the memory is cleared
GAP_RE = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*")


class RuleTimeoutError(RuntimeError):
    """A user regular expression ran past its time limit."""

    def __init__(self, rule: Rule) -> None:
        super().__init__(f"rule {rule.id} ({rule.source}:{rule.line}): its regex ran past {REGEX_TIMEOUT}s; skipped")
        self.rule = rule


@dataclass(frozen=True, slots=True)
class _Entry:
    rule: Rule
    phrase: str
    targets: tuple[str, ...]
    form: str
    cased_key: str


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    start: int
    end: int
    suggestions: tuple[str, ...]


class RuleMatcher:
    """Compiled rules. Build once, then ``findings(doc)`` for each document."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        self._automaton: ahocorasick.Automaton | None = None
        self._anchored: dict[str, list[tuple[Rule, int]]] = {}
        self._unanchored: list[Rule] = []
        self._shapes: dict[str, _Shape] = {}
        self._regex_results: dict[tuple[str, str], bool] = {}  # (regex, token) -> whether it matches
        self._regexes: dict[str, regex.Pattern[str]] = {}
        self.timeouts: list[RuleTimeoutError] = []
        self._compile()

    def _compile(self) -> None:
        keys: dict[str, list[_Entry]] = {}
        for rule in self.rules:
            if rule.kind == "pattern":
                self._index_pattern(rule)
                continue
            pairs = rule.swap if rule.kind == "substitution" else tuple((p, ()) for p in rule.phrases)
            for phrase, targets in pairs:
                for key, form in _phrase_keys(phrase, rule.inflect):
                    cased = " ".join(inflect.inflect_phrase(phrase, form).replace("-", " ").split())
                    keys.setdefault(key, []).append(_Entry(rule, phrase, targets, form, cased))
        if keys:
            automaton = ahocorasick.Automaton()
            for key, entries in keys.items():
                automaton.add_word(key, (len(key), entries))
            automaton.make_automaton()
            self._automaton = automaton

    def _index_pattern(self, rule: Rule) -> None:
        for slot in rule.pattern:
            if slot.regex:
                self._regexes[slot.regex] = regex.compile(slot.regex, regex.IGNORECASE if rule.ignorecase else 0)
        shape = _Shape.of(rule)
        self._shapes[rule.id] = shape
        literal = [(index, slot) for index, slot in enumerate(shape.core) if slot.is_literal]
        if not literal:
            self._unanchored.append(rule)
            return
        index, slot = min(literal, key=lambda pair: _anchor_cost(pair[1]))
        for word in slot.words:
            self._anchored.setdefault(word, []).append((rule, index))

    def hits(self, doc: Document) -> list[Hit]:
        """Every rule match, before context conditions and overlap resolution."""
        found: list[Hit] = []
        folded = FoldedText.of(doc.text) if self._automaton is not None else None
        if folded is not None and self._automaton is not None:
            found.extend(self._phrase_hits(doc, folded))
        if self._anchored or self._unanchored:
            found.extend(self._pattern_hits(doc))
        return found

    def findings(self, doc: Document) -> list[Finding]:
        hits = [h for h in self.hits(doc) if _context_holds(h.rule, doc)]
        return [_to_finding(doc, h) for h in longest_first(hits)]

    def _phrase_hits(self, doc: Document, folded: FoldedText) -> Iterable[Hit]:
        assert self._automaton is not None
        text = doc.text
        for end_index, (length, entries) in self._automaton.iter(folded.folded):
            start, end = end_index - length + 1, end_index + 1
            if not folded.is_word_boundary(start, end):
                continue
            t_start, t_end = folded.to_text(start), folded.to_text(end - 1) + 1
            matched = text[t_start:t_end]
            for entry in entries:
                if not entry.rule.ignorecase and folded.cased[start:end] != entry.cased_key:
                    continue
                targets = tuple(match_case(matched, inflect.inflect_phrase(t, entry.form)) for t in entry.targets)
                yield Hit(entry.rule, t_start, t_end, targets)

    def _pattern_hits(self, doc: Document) -> Iterable[Hit]:
        text = doc.text
        tokens = doc.tokens
        folded = text.lower()
        if len(folded) == len(text):
            lowered = [folded[s:e] for s, e in tokens]
        else:  # a character whose lower case is longer: fold each token on its own
            lowered = [text[s:e].lower() for s, e in tokens]
        attempts: list[tuple[Rule, int]] = []
        # Only positions whose word anchors a rule, found without a Python-level step per token.
        for i in compress(range(len(lowered)), map(self._anchored.__contains__, lowered)):
            attempts.extend((rule, i - anchor) for rule, anchor in self._anchored[lowered[i]])
        for rule in self._unanchored:
            attempts.extend((rule, i) for i in range(len(lowered)))
        for rule, first in attempts:
            hit = self._try_pattern(rule, first, tokens, lowered, text)
            if hit is not None:
                yield hit

    def _try_pattern(
        self, rule: Rule, first: int, tokens: list[tuple[int, int]], lowered: list[str], text: str
    ) -> Hit | None:
        shape = self._shapes[rule.id]
        slots = shape.core
        last = first + len(slots) - 1
        if first < 0 or last >= len(tokens):
            return None
        for k, slot in enumerate(slots):
            i = first + k
            if k and not _adjacent(text, tokens[i - 1][1], tokens[i][0]):
                return None
            if not self._slot_matches(rule, slot, lowered[i], text[tokens[i][0] : tokens[i][1]]):
                return None
        if not _lookaround_holds(shape, first, last, tokens, lowered, text):
            return None
        start, end = tokens[first][0], tokens[last][1]
        words = [text[s:e] for s, e in tokens[first : last + 1]]
        suggestions = tuple(match_case(text[start:end], _fill(t, words, slots)) for t in rule.replace)
        return Hit(rule, start, end, suggestions)

    def _slot_matches(self, rule: Rule, slot: Slot, lowered: str, original: str) -> bool:
        if slot.words and (lowered in slot.words) == slot.negate:
            return False
        if slot.regex:
            key = (slot.regex, original)
            known = self._regex_results.get(key)
            if known is not None:
                return known
            try:
                matched = self._regexes[slot.regex].fullmatch(original, timeout=REGEX_TIMEOUT) is not None
            except TimeoutError:
                self.timeouts.append(RuleTimeoutError(rule))
                return False
            if len(self._regex_results) > REGEX_CACHE:
                self._regex_results.clear()
            self._regex_results[key] = matched
            return matched
        return True


# The commonest English words: a pattern anchored on one of them would be tried at every other token.
VERY_COMMON_WORDS = frozenset("the of and to a in is for that with on as by was are be this from or an at".split())
COMMON_WORDS = frozenset(
    "it have not but has were their been they he she we i you his her its can more all also one than these there "
    "so if".split()
)


COMMON_COST = 1000


def _anchor_cost(slot: Slot) -> int:
    """How often a slot's words come up, roughly: common words cost far more than rare ones."""
    return sum(_word_cost(word) for word in slot.words)


def _word_cost(word: str) -> int:
    if word in VERY_COMMON_WORDS:
        return COMMON_COST * 10
    return COMMON_COST if word in COMMON_WORDS else 1


@dataclass(frozen=True, slots=True)
class _Shape:
    """A pattern split into the word slots that match and the lookaround slots either side."""

    core: tuple[Slot, ...]
    before: Slot | None
    after: Slot | None

    @classmethod
    def of(cls, rule: Rule) -> _Shape:
        before = next((s for s in rule.pattern if s.lookaround == "before"), None)
        after = next((s for s in rule.pattern if s.lookaround == "after"), None)
        return cls(tuple(s for s in rule.pattern if not s.lookaround), before, after)


def _lookaround_holds(
    shape: _Shape, first: int, last: int, tokens: list[tuple[int, int]], lowered: list[str], text: str
) -> bool:
    """No forbidden word stands right before or after the match (punctuation between frees it)."""
    before, after = shape.before, shape.after
    joined_before = before and first > 0 and _adjacent(text, tokens[first - 1][1], tokens[first][0])
    if before and joined_before and lowered[first - 1] in before.words:
        return False
    if after and last + 1 < len(tokens) and _adjacent(text, tokens[last][1], tokens[last + 1][0]):
        return lowered[last + 1] not in after.words
    return True


def _phrase_keys(phrase: str, inflected: bool) -> list[tuple[str, str]]:
    key = normalize_phrase(phrase)
    keys = [(key, "")]
    if inflected:
        head, sep, last = key.rpartition(" ")
        keys.extend((head + sep + form, name) for form, name in inflect.variants(last).items())
    return keys


def _adjacent(text: str, end: int, start: int) -> bool:
    """Two tokens are adjacent when only spaces (at most one line break) or a hyphen part them."""
    gap = text[end:start]
    if gap in {" ", "-"}:
        return True
    return bool(gap) and GAP_RE.fullmatch(gap) is not None


def _fill(template: str, words: list[str], slots: tuple[Slot, ...]) -> str:
    """Fill ``{2}`` with slot 2's word and ``{1|turn}`` with "turn" inflected as slot 1's word is."""

    def one(m: re.Match[str]) -> str:
        index = int(m.group(1)) - 1
        if m.group(2) is None:
            return words[index]
        return inflect.inflect_phrase(m.group(2), slots[index].form_of(words[index]))

    return re.sub(r"\{(\d+)(?:\|([^}]+))?\}", one, template)


def _context_holds(rule: Rule, doc: Document) -> bool:
    if not rule.require and not rule.forbid:
        return True
    folded = _folded_words(doc)
    if rule.require and not any(_contains(folded, normalize_phrase(w)) for w in rule.require):
        return False
    return not any(_contains(folded, normalize_phrase(w)) for w in rule.forbid)


def _folded_words(doc: Document) -> str:
    cached = doc.__dict__.get("_folded_for_context")
    if cached is None:
        cached = " " + " ".join(re.findall(r"\w+", doc.text.lower())) + " "
        doc.__dict__["_folded_for_context"] = cached
    return cached


def _contains(folded: str, phrase: str) -> bool:
    words = " ".join(re.findall(r"\w+", phrase))
    return f" {words} " in folded


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (ties: the earlier rule), in text order."""
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if any(hit.start < e and s < hit.end for s, e in taken):
            continue
        chosen.append(hit)
        taken.append((hit.start, hit.end))
    return sorted(chosen, key=lambda h: (h.start, h.end))


def _to_finding(doc: Document, hit: Hit) -> Finding:
    rule = hit.rule
    matched = doc.text[hit.start : hit.end]
    first = hit.suggestions[0] if hit.suggestions else ""
    message = rule.message.replace("{match}", matched).replace("{suggestion}", first)
    return Finding(
        rule_id=rule.id,
        rule_name=rule.name,
        category=rule.category,
        severity=rule.severity,
        start=hit.start,
        end=hit.end,
        message=message,
        suggestions=hit.suggestions,
        applicability=rule.applicability,
        confidence=rule.confidence,
        detector="rules",
    )
