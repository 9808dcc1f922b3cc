"""NG001: a word the n-gram model finds far less plausible in its context than a usual alternative.

Only words in a small lexicon of swap-prone words (``data/ngram/swaps.tsv``) are
scored, so the model is asked a few times per hundred words, not at every trigram.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from pathlib import Path

import ahocorasick

from cleaner.casing import match_case
from cleaner.document import Document
from cleaner.model import Applicability, Category, Finding, Severity
from cleaner.spin.lm import NGram, model
from cleaner.spin.text import word_spans

LEXICON = Path(__file__).resolve().parent.parent / "data" / "ngram" / "swaps.tsv"
# How much likelier (natural log) the alternative must make the words around it.
MARGIN = 6.0
UNSEEN = -20.0  # log-probability charged for a word the model does not know
CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”]")
WINDOW = 2


@cache
def load_lexicon(path: Path = LEXICON) -> dict[str, tuple[str, ...]]:
    lexicon: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, alternatives = line.partition("\t")
        lexicon[word.strip().lower()] = tuple(alternatives.split())
    return lexicon


class NgramDetector:
    """Scores each lexicon word against its alternatives with the general-English n-gram model."""

    name = "ngram"

    def __init__(self, lexicon: dict[str, tuple[str, ...]] | None = None, margin: float = MARGIN) -> None:
        self.lexicon = load_lexicon() if lexicon is None else lexicon
        self.margin = margin

    def check(self, doc: Document) -> list[Finding]:
        hits = trigger_starts(doc.text, self.lexicon, doc.lowered)
        if not hits:
            return []
        lm = model()
        if lm is None:
            return []
        findings = []
        for hit in sorted(hits):
            tokens, index = tokens_near(doc, hit)
            if index is None:
                continue
            found = self._judge(lm, doc.text, tokens, index)
            if found is not None:
                findings.append(found)
        return findings

    def _judge(self, lm: NGram, text: str, tokens: list[tuple[int, int]], index: int) -> Finding | None:
        words, at = clause_window(text, tokens, index)
        written = words[at]
        if lm.unigram(written) is None:
            return None
        base = context_score(lm, words, at)
        better: list[tuple[str, float]] = []
        for alternative in self.lexicon[written]:
            if lm.unigram(alternative) is None:
                continue
            gain = context_score(lm, [*words[:at], alternative, *words[at + 1 :]], at) - base
            if gain > 0:
                better.append((alternative, gain))
        if not better or max(gain for _, gain in better) < self.margin:
            return None
        start, end = tokens[index]
        original = text[start:end]
        suggestions = tuple(match_case(original, alt) for alt, _ in better)
        return Finding(
            rule_id="NG001",
            rule_name="implausible-word",
            category=Category.MISTRANSLATION,
            severity=Severity.WARNING,
            start=start,
            end=end,
            message=f"'{original}' is unusual here; a general-English model finds '{suggestions[0]}' far likelier",
            suggestions=suggestions,
            applicability=Applicability.UNSAFE,
            confidence=0.6,
            detector="ngram",
        )


@cache
def _automaton(words: frozenset[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def trigger_starts(text: str, lexicon: dict[str, tuple[str, ...]], lowered: str | None = None) -> set[int]:
    """Where a lexicon word starts as a whole word (one Aho-Corasick pass over the text).
    ``lowered``: ``text.lower()``, if it was made already."""
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets would drift
        lowered = "".join(c.lower()[0] for c in text)
    found: set[int] = set()
    for last, length in _automaton(frozenset(lexicon)).iter(lowered):
        at, end = last - length + 1, last + 1
        if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
            found.add(at)
    return found


NEAR = 200  # characters either side of a trigger word read for its context window


def tokens_near(doc: Document, offset: int) -> tuple[list[tuple[int, int]], int | None]:
    """The document's tokens around ``offset`` and the index of the one starting there (None: mid-token).

    Tokens never cross white space, so tokenizing from white space to white space gives exactly
    the document's tokens there; the whole document is tokenized only when it already was or
    when no white space is near.
    """
    text = doc.text
    start = text.rfind(" ", 0, max(0, offset - NEAR)) + 1
    end = text.find(" ", offset + NEAR)
    end = len(text) if end < 0 else end
    whole = "tokens" in doc.__dict__ or end - start > 8 * NEAR
    tokens = doc.tokens if whole else word_spans(text, start, end)
    index = bisect.bisect_left(tokens, (offset, -1))
    if index == len(tokens) or tokens[index][0] != offset:
        return tokens, None
    return tokens, index


def clause_window(text: str, tokens: list[tuple[int, int]], index: int) -> tuple[list[str], int]:
    """Lower-case words around token ``index`` within its clause, and where that token sits."""
    words = [text[tokens[index][0] : tokens[index][1]].lower()]
    at = 0
    k = index
    while k > 0 and index - k < WINDOW and not CLAUSE_BREAK.search(text, tokens[k - 1][1], tokens[k][0]):
        k -= 1
        words.insert(0, text[tokens[k][0] : tokens[k][1]].lower())
        at += 1
    k = index
    while k + 1 < len(tokens) and k - index < WINDOW and not CLAUSE_BREAK.search(text, tokens[k][1], tokens[k + 1][0]):
        k += 1
        words.append(text[tokens[k][0] : tokens[k][1]].lower())
    return words, at


def context_score(lm: NGram, words: list[str], at: int) -> float:
    """Log-probability of the word at ``at`` and the words after it that it conditions."""
    total = 0.0
    for j in range(at, min(at + WINDOW + 1, len(words))):
        history = [words[k] for k in range(j - 1, max(j - 3, -1), -1)]
        value = lm.logprob(words[j], *history)
        total += UNSEEN if value is None else value
    return total
