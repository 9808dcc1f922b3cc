"""Match a set of rules against a document: one pass for every phrase, one for every pattern."""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import ahocorasick

from cleaner import inflect
from cleaner.casing import match_case
from cleaner.document import WORD_RE, Document
from cleaner.model import Finding
from cleaner.rulepack.loader import is_builtin_pack
from cleaner.rulepack.schema import Rule, Slot
from cleaner.spans import Disjoint
from cleaner.spin.text import word_spans
from cleaner.textnorm import FoldedText, normalize_phrase

if TYPE_CHECKING:
    import regex

REGEX_TIMEOUT = 0.05  # seconds one slot regex may take on one word
REGEX_BUDGET = 0.5  # seconds one rule's regexes may take on one document in all
REGEX_CACHE = 200_000  # remembered (regex, token) results before the memory is cleared
LOCAL_TOKENS_SHARE = 1.0  # local windows may add up to this share of the text before it is tokenized whole
LOCAL_TOKENS_SPAN = 8192  # lines around an anchor longer than this: tokenize the document whole
GAP_RE = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*")


class RuleTimeoutError(RuntimeError):
    """A user regular expression ran past its time limit; the rule is skipped for the rest of the document."""

    def __init__(self, rule: Rule) -> None:
        super().__init__(
            f"rule {rule.id} ({rule.source}:{rule.line}): its regex ran past {REGEX_TIMEOUT}s on one word "
            f"or {REGEX_BUDGET}s in all; skipped for the rest of this document"
        )
        self.rule = rule


@dataclass(frozen=True, slots=True)
class _Entry:
    rule: Rule
    phrase: str
    targets: tuple[str, ...]
    form: str
    cased_key: str


@dataclass(frozen=True, slots=True)
class _Key:
    """What one automaton key stands for: phrases to report, and pattern rules anchored on it."""

    length: int
    entries: list[_Entry] = field(default_factory=list)
    anchors: list[tuple[int, int]] = field(default_factory=list)  # (rule order, anchor slot)


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    start: int
    end: int
    suggestions: tuple[str, ...]


class RuleMatcher:
    """Compiled rules. Build once, then ``findings(doc)`` for each document.

    One Aho-Corasick pass over the folded text finds every phrase and every
    anchor word of the pattern rules (each anchored on its least common
    literal slot); tokens are read only around an anchor, so a document in
    which no pattern can start is never tokenized.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        self._automaton: ahocorasick.Automaton | None = None
        self._unanchored: list[int] = []
        self._shapes: dict[int, _Shape] = {}  # rule order -> its match slots and lookarounds
        self._regex_results: dict[tuple[str, str], bool] = {}  # (regex, token) -> whether it matches
        self._prechecks: dict[tuple[int, int], re.Pattern[str] | None] = {}  # (rule order, anchor slot) -> filter
        self._regexes: dict[tuple[str, bool], regex.Pattern[str]] = {}  # compiled on first use (``_compiled``)
        self.timeouts: list[RuleTimeoutError] = []
        self._spent: dict[str, float] = {}  # regex seconds per rule in the current document
        self._order = {id(rule): order for order, rule in enumerate(self.rules)}
        self._compile()

    def _compile(self) -> None:
        keys: dict[str, _Key] = {}
        for order, rule in enumerate(self.rules):
            if rule.kind == "pattern":
                self._index_pattern(order, rule, keys)
                continue
            pairs = rule.swap if rule.kind == "substitution" else tuple((p, ()) for p in rule.phrases)
            for phrase, targets in pairs:
                for key, form in _phrase_keys(phrase, rule.inflect):
                    cased = " ".join(inflect.inflect_phrase(phrase, form).replace("-", " ").split())
                    _key(keys, key).entries.append(_Entry(rule, phrase, targets, form, cased))
        if keys:
            automaton = ahocorasick.Automaton()
            for key, value in keys.items():
                automaton.add_word(key, value)
            automaton.make_automaton()
            self._automaton = automaton

    def _index_pattern(self, order: int, rule: Rule, keys: dict[str, _Key]) -> None:
        shape = _Shape.of(rule)
        self._shapes[order] = shape
        anchor = _anchor_slot(shape.core)
        if anchor is None:
            self._unanchored.append(order)
            return
        anchor, words = _anchor_keys(shape.core)
        for word in words:
            key = normalize_phrase(word)
            if key and key.count(" ") == word.count(" "):  # a word with a hyphen or a space is never one token
                _key(keys, key).anchors.append((order, anchor))

    def hits(self, doc: Document) -> list[Hit]:
        """Every rule match, before context conditions and overlap resolution."""
        self._spent = {}
        phrases: list[Hit] = []
        anchors: list[tuple[int, int, int]] = []  # (text offset of the anchor word, rule order, anchor slot)
        if self._automaton is not None:
            self._scan(doc, FoldedText.of(doc.text, doc.lowered), phrases, anchors)
        patterns = self._anchored_hits(doc, anchors)
        if self._unanchored:
            patterns.extend(self._unanchored_hits(doc))
        patterns.sort(key=lambda pair: (pair[1].start, pair[1].end, pair[0]))
        return phrases + [hit for _, hit in patterns]

    def findings(self, doc: Document) -> list[Finding]:
        hits = [h for h in self.hits(doc) if _context_holds(h.rule, doc)]
        return [_to_finding(doc, h) for h in longest_first(hits)]

    def _scan(self, doc: Document, folded: FoldedText, phrases: list[Hit], anchors: list[tuple[int, int, int]]) -> None:
        assert self._automaton is not None
        text = doc.text
        for end_index, value in self._automaton.iter(folded.folded):
            start, end = end_index - value.length + 1, end_index + 1
            if not folded.is_word_boundary(start, end):
                continue
            t_start = folded.to_text(start)
            for order, anchor in value.anchors:
                anchors.append((t_start, order, anchor))
            if not value.entries:
                continue
            t_end = folded.to_text(end - 1) + 1
            matched = text[t_start:t_end]
            for entry in value.entries:
                if not entry.rule.ignorecase and folded.cased[start:end] != entry.cased_key:
                    continue
                targets = tuple(match_case(matched, inflect.inflect_phrase(t, entry.form)) for t in entry.targets)
                phrases.append(Hit(entry.rule, t_start, t_end, targets))

    def _anchored_hits(self, doc: Document, anchors: list[tuple[int, int, int]]) -> list[tuple[int, Hit]]:
        found: list[tuple[int, Hit]] = []
        text = doc.text
        budget = LOCAL_TOKENS_SHARE * len(text)  # tokenize locally while it costs less than the whole text once
        whole = "tokens" in doc.__dict__
        windows: dict[tuple[int, int], list[tuple[int, int]]] = {}  # several anchors often share a line
        for offset, order, anchor in anchors:
            rule = self.rules[order]
            shape = self._shapes[order]
            precheck = self._precheck(order, anchor)
            if precheck is not None and precheck.match(text, offset) is None:
                continue  # the slots from the anchor on cannot match here: no need for tokens
            if not whole:  # a lookaround slot reads one token further
                back, ahead = anchor + bool(shape.before), len(shape.core) - anchor - 1 + bool(shape.after)
                window = _line_window(text, offset, back, ahead)
                if window not in windows:
                    budget -= window[1] - window[0]
                    whole = budget < 0 or window[1] - window[0] > LOCAL_TOKENS_SPAN
                    if not whole:
                        windows[window] = word_spans(text, *window)
            tokens = doc.tokens if whole else windows[window]
            index = bisect.bisect_left(tokens, (offset, -1))
            if index == len(tokens) or tokens[index][0] != offset:
                continue  # the word is part of a longer token ("x'eyes")
            hit = self._try_pattern(rule, index - anchor, tokens, text)
            if hit is not None:
                found.append((order, hit))
        return found

    def _precheck(self, order: int, anchor: int) -> re.Pattern[str] | None:
        """A regular expression that every match of the slots from ``anchor`` on also matches.

        It reads the text directly at the anchor word, so most anchors (a common word such as
        "of" that is not followed by what the pattern wants) are dropped before any tokenizing.
        """
        key = (order, anchor)
        if key not in self._prechecks:
            rule = self.rules[order]
            slots = self._shapes[order].core[anchor:]
            gap = r"(?:-|[ \t\u00a0]*\n?[ \t\u00a0]*)"
            trusted = is_builtin_pack(rule.source)
            source = gap.join(_slot_precheck(slot, trusted) for slot in slots)
            try:
                self._prechecks[key] = re.compile(source, re.IGNORECASE if rule.ignorecase else 0)
            except re.error:
                self._prechecks[key] = None
        return self._prechecks[key]

    def _unanchored_hits(self, doc: Document) -> list[tuple[int, Hit]]:
        found: list[tuple[int, Hit]] = []
        tokens = doc.tokens
        for i in range(len(tokens)):
            for order in self._unanchored:
                hit = self._try_pattern(self.rules[order], i, tokens, doc.text)
                if hit is not None:
                    found.append((order, hit))
        return found

    def _try_pattern(self, rule: Rule, first: int, tokens: list[tuple[int, int]], text: str) -> Hit | None:
        shape = self._shapes[self._order[id(rule)]]
        slots = shape.core
        last = first + len(slots) - 1
        if first < 0 or last >= len(tokens):
            return None
        for k, slot in enumerate(slots):
            i = first + k
            if k and not _adjacent(text, tokens[i - 1][1], tokens[i][0]):
                return None
            word = text[tokens[i][0] : tokens[i][1]]
            if not self._slot_matches(rule, slot, word.lower(), word):
                return None
        start, end = tokens[first][0], tokens[last][1]
        if not _lookaround_holds(shape, first, last, tokens, text):
            return None
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
            matched = self._regex_matches(rule, slot.regex, original)
            if self._spent.get(rule.id, 0.0) > REGEX_BUDGET:
                return matched  # stopped or timed out: not an answer to remember
            if len(self._regex_results) > REGEX_CACHE:
                self._regex_results.clear()
            self._regex_results[key] = matched
            return matched
        return True

    def _compiled(self, pattern: str, ignorecase: bool) -> regex.Pattern[str]:
        """A slot regex, compiled the first time a text needs it: most runs never do, and then
        leave the ``regex`` module (about 0.02 s to import) unloaded."""
        found = self._regexes.get((pattern, ignorecase))
        if found is None:
            import regex

            found = regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
            self._regexes[(pattern, ignorecase)] = found
        return found

    def _regex_matches(self, rule: Rule, pattern: str, word: str) -> bool:
        """A slot regex on one word, within the per-word limit and the rule's budget for the document."""
        spent = self._spent.get(rule.id, 0.0)
        if spent > REGEX_BUDGET:
            return False  # stopped for this document (reported once)
        began = time.perf_counter()
        try:
            matched = self._compiled(pattern, rule.ignorecase).fullmatch(word, timeout=REGEX_TIMEOUT) is not None
        except TimeoutError:
            matched = False
            spent = REGEX_BUDGET
        spent += time.perf_counter() - began
        self._spent[rule.id] = spent
        if spent > REGEX_BUDGET:
            self.timeouts.append(RuleTimeoutError(rule))
        return matched


_ANY_TOKEN = WORD_RE.pattern


def _slot_precheck(slot: Slot, trusted: bool) -> str:
    """A regular expression for one slot's token that accepts at least every token the slot accepts.

    Slot expressions are copied in only from the built-in packs: the precheck runs without
    the time limit that guards users' expressions.
    """
    if slot.words and not slot.negate and all(w.isascii() for w in slot.words):
        words = "|".join(re.escape(w) for w in sorted(slot.words, key=len, reverse=True))
        return rf"(?i:{words})(?!\w|['’]\w)"
    if slot.regex and trusted:  # (``negate`` excludes the slot's words; its expression must still match)
        # The token must match the slot's expression whole; read it as a look-ahead, then the token.
        return rf"(?=(?:{slot.regex})(?!\w))(?:{_ANY_TOKEN})"
    return rf"(?:{_ANY_TOKEN})"


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


def _lookaround_holds(shape: _Shape, first: int, last: int, tokens: list[tuple[int, int]], text: str) -> bool:
    """No forbidden word stands right before or after the match (punctuation between frees it)."""
    before, after = shape.before, shape.after
    if before and first > 0 and _adjacent(text, tokens[first - 1][1], tokens[first][0]):
        s, e = tokens[first - 1]
        if text[s:e].lower() in before.words:
            return False
    if after and last + 1 < len(tokens) and _adjacent(text, tokens[last][1], tokens[last + 1][0]):
        s, e = tokens[last + 1]
        return text[s:e].lower() not in after.words
    return True


def _key(keys: dict[str, _Key], key: str) -> _Key:
    if key not in keys:
        keys[key] = _Key(len(key))
    return keys[key]


# The commonest English words, most frequent first (after general-English frequency lists):
# a pattern anchored on one of them is tried at many tokens, so anchors prefer rarer slots.
COMMON_WORDS = """the of and to a in is that for it as was with be by on not he i this are or his from at
which but have an they you were her she there been one all we their has would when if so no will more can
who its said also into other them than some could these two may first then do any like my now over such
our man me even most made after new only did many before must through back years where much your way well
down should because each just those people how too little state good very make world still own see men work
long here get both between life being under never day same another know while last might us great old year
off come since against go came right used take three about up out what time using based however found""".split()


_RANKS = {word: rank for rank, word in enumerate(COMMON_WORDS)}


def _word_cost(word: str) -> int:
    """Roughly how often a word comes up in running text (Zipf: inverse to its rank); rare words cost 1."""
    rank = _RANKS.get(word)
    return 1 if rank is None else 100_000 // (rank + 10)


def _slot_cost(slot: Slot) -> int:
    return sum(_word_cost(w) for w in slot.words)


def _anchor_slot(slots: tuple[Slot, ...]) -> int | None:
    """The literal slot whose words are least likely in running text (the fewest tries per document)."""
    literal = [i for i, slot in enumerate(slots) if slot.is_literal]
    if not literal:
        return None
    return min(literal, key=lambda index: _slot_cost(slots[index]))


PAIR_KEYS = 100  # at most this many two-word keys for one pair of slots
PAIR_RARITY = 50  # two words in a row come up about this much less often than the rarer of them


def _anchor_keys(slots: tuple[Slot, ...]) -> tuple[int, list[str]]:
    """Where a pattern is anchored and the automaton keys that find it.

    The rarest literal slot, or two literal slots in a row read as two-word keys ("of we")
    when that is rarer still: a pattern of common words is then tried only where they meet.
    """
    index = _anchor_slot(slots)
    assert index is not None
    best = (_slot_cost(slots[index]), index, sorted(slots[index].words))
    for i in range(len(slots) - 1):
        first, second = slots[i], slots[i + 1]
        if not (first.is_literal and second.is_literal) or len(first.words) * len(second.words) > PAIR_KEYS:
            continue
        cost = max(1, min(_slot_cost(first), _slot_cost(second)) // PAIR_RARITY)
        if cost < best[0]:
            best = (cost, i, [f"{a} {b}" for a in sorted(first.words) for b in sorted(second.words)])
    return best[1], best[2]


def _line_window(text: str, offset: int, before: int, after: int) -> tuple[int, int]:
    """The lines a pattern anchored at ``offset`` can reach: ``before`` tokens back, ``after`` on.

    A gap between pattern tokens holds at most one line break, so ``before``
    tokens back reach at most ``before`` lines up. Lines end at white space,
    which no token crosses, so tokenizing the window gives exactly the
    document's tokens there.
    """
    start = offset
    for _ in range(before + 1):
        start = text.rfind("\n", 0, start)
        if start < 0:
            break
    end = offset
    for _ in range(after + 1):
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    return start + 1, end


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
        cached = " " + " ".join(re.findall(r"\w+", doc.lowered)) + " "
        doc.__dict__["_folded_for_context"] = cached
    return cached


def _contains(folded: str, phrase: str) -> bool:
    words = " ".join(re.findall(r"\w+", phrase))
    return f" {words} " in folded


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (ties: the earlier rule), in text order."""
    chosen: list[Hit] = []
    taken = Disjoint()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if taken.overlaps(hit.start, hit.end):
            continue
        chosen.append(hit)
        taken.add(hit.start, hit.end)
    return sorted(chosen, key=lambda h: (h.start, h.end))


def _to_finding(doc: Document, hit: Hit) -> Finding:
    rule = hit.rule
    matched = doc.text[hit.start : hit.end]
    first = hit.suggestions[0] if hit.suggestions else ""
    shown = " ".join(matched.split())  # a match across a line break reads on one line
    message = rule.message.replace("{match}", shown).replace("{suggestion}", first)
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
