"""Acronyms that do not fit the words in front of them.

A writer defines an acronym by its words: "deep neural network (DNN)". A
spinner swaps the words and keeps the acronym: "profound neural organization
(DNN)". When the initials of the written words cannot spell the acronym but
those of a reconstruction (learned originals put in place of up to three words)
can, that is strong evidence of a swap, and it also says which original was
meant.

Spelling rules (``fits``): each content word gives its first letter; a function
word or a hyphenated word's later part ("Co-operation") gives its first letter
or none; a small letter of the acronym ("QoS") may come from nowhere. Loosely, a
word may also give further letters of its own, in order ("DeoxyriboNucleic
Acid"): written words that spell an acronym only loosely are weaker evidence,
and words that may be followed by one more ("auto-encoder model (VAE)") are none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import combinations, product

from cleaner.spin.stopwords import STOPWORDS
from cleaner.spin.text import JOINED_GAPS, Tokens

# Two to eight letters in parentheses, at least two of them capitals: "DNN", "QoS", "CNNs".
ACRONYM_RE = re.compile(r"\(([A-Za-z]{2,8})\)")
ROMAN = frozenset("ivx")  # "(II)", "(XIV)": numbered items, not acronyms
EXTRA_WORDS = 3  # words read in front of an acronym beyond one a letter
MAX_RESPELLINGS = 4  # reconstructions kept for one acronym
PAIR_LIMIT = 4  # options tried at each word when several change together
MAX_CHANGES = 3  # words changed at most: two, three for an acronym of four capitals or more


def letters(acronym: str) -> str | None:
    """The letters an acronym's words must spell (a plural 's' dropped; small
    letters, as in "QoS", may also come from nowhere), or None when it does
    not read as an acronym."""
    if sum(ch.isupper() for ch in acronym) < 2 or not acronym[0].isupper():
        return None
    if len(acronym) > 2 and acronym.endswith("s") and acronym[:-1].isupper():
        acronym = acronym[:-1]
    if set(acronym.lower()) <= ROMAN and acronym.isupper():
        return None
    return acronym


def acronyms(text: str) -> Iterator[tuple[int, str]]:
    """(offset of the opening parenthesis, letters) of each acronym in the text."""
    for match in ACRONYM_RE.finditer(text):
        spelled = letters(match.group(1))
        if spelled is not None:
            yield match.start(), spelled


def fits(spelled: str, words: Sequence[str], optional: Sequence[bool], loose: bool = False) -> bool:
    """Whether the words, in order, spell the letters: the first word gives the
    first letter, every other word its first letter, or none when marked
    optional. ``loose``: a word may also give further letters of its own, in
    order ("DeoxyriboNucleic Acid")."""
    if not words or not spelled or words[0][:1] != spelled[0].lower():
        return False
    return _fits(spelled, tuple(words), tuple(optional), loose)


@lru_cache(maxsize=8192)
def _fits(spelled: str, words: tuple[str, ...], optional: tuple[bool, ...], loose: bool) -> bool:
    if spelled[:1].islower() and _fits(spelled[1:], words, optional, loose):
        return True
    if not words:
        return not spelled
    rest, rest_optional = words[1:], optional[1:]
    if optional[0] and _fits(spelled, rest, rest_optional, loose):
        return True
    return any(_fits(spelled[j:], rest, rest_optional, loose) for j in _given(spelled, words[0], loose))


def _given(spelled: str, word: str, loose: bool) -> Iterator[int]:
    """How many of the first letters the word can give: its first letter, and
    (loosely) then any of the next letters found in it, in order."""
    if not spelled or word[:1] != spelled[0].lower():
        return
    yield 1
    pos = 1
    for j in range(1, len(spelled) if loose else 1):
        pos = word.find(spelled[j].lower(), pos) + 1
        if pos == 0:
            return
        yield j + 1


def is_optional(word: str, hyphenated: bool) -> bool:
    return word in STOPWORDS or hyphenated


def respellings(
    spelled: str, words: Sequence[str], optional: Sequence[bool], options: Sequence[Iterable[str]]
) -> list[tuple[int, tuple[int, ...], tuple[str, ...]]]:
    """Reconstructions of the last words before an acronym that spell it
    (``mismatches``: the written words do not): (first word used, changed
    positions within those words, the words reconstructed), fewest changes and
    shortest first. ``options[k]``: likely originals of ``words[k]``, best first."""
    n = len(words)
    # Each capital needs a word, and each content word a letter: the words that may be read.
    capitals = sum(ch.isupper() for ch in spelled)
    firsts = []
    content = 0
    for first in range(n - 1, -1, -1):
        content += not optional[first]
        if content > len(spelled):
            break
        if n - first >= capitals:
            firsts.append(first)
    found: list[tuple[int, tuple[int, ...], tuple[str, ...]]] = []
    for changes in range(1, min(MAX_CHANGES, max(2, capitals - 1)) + 1):
        for first in firsts:
            found.extend(_respell(spelled, words, optional, options, first, changes))
        if found:
            break
    return found[:MAX_RESPELLINGS]


def strength(spelled: str, words: Sequence[str], optional: Sequence[bool]) -> int:
    """How strongly written words that do not spell an acronym contradict it:
    2, or 1 when they spell it loosely."""
    return 1 if spells(spelled, words, optional, loose=True) else 2


def spells(spelled: str, words: Sequence[str], optional: Sequence[bool], loose: bool = False) -> bool:
    """Whether the last few of the words spell the letters, or all of them but
    the last ("a variational auto-encoder model (VAE)")."""
    if not spelled:
        return False
    # Only a word with the acronym's first letter can begin the words that spell it (``fits``).
    initial = spelled[0].lower()
    starts = [first for first, word in enumerate(words) if word[:1] == initial]
    for end in (len(words), len(words) - 1):
        if any(fits(spelled, words[first:end], optional[first:end], loose) for first in starts if first < end):
            return True
    return False


def _respell(
    spelled: str,
    words: Sequence[str],
    optional: Sequence[bool],
    options: Sequence[Iterable[str]],
    first: int,
    changes: int,
) -> Iterator[tuple[int, tuple[int, ...], tuple[str, ...]]]:
    tail = list(words[first:])
    flags = list(optional[first:])
    limit = None if changes == 1 else PAIR_LIMIT
    choices = [list(o)[:limit] for o in options[first:]]
    positions = [k for k in range(len(tail)) if choices[k]]
    must_change_first = tail[0][:1] != spelled[0].lower()  # it cannot give the first letter
    for changed in combinations(positions, changes):
        if must_change_first and changed[0] != 0:
            continue
        for picked in product(*(choices[k] for k in changed)):
            trial = list(tail)
            for k, o in zip(changed, picked, strict=True):
                trial[k] = o
            if _fits_words(spelled, trial, flags, *changed):
                yield first, changed, tuple(trial)


def _fits_words(spelled: str, trial: list[str], flags: list[bool], *changed: int) -> bool:
    """``fits`` for words of which some may be several words ("life forms"):
    a changed word counts as content unless it is a function word."""
    words: list[str] = []
    optional: list[bool] = []
    for k, word in enumerate(trial):
        parts = word.split(" ")
        words.extend(parts)
        if k in changed:
            optional.extend(p in STOPWORDS for p in parts)
        else:
            optional.extend([flags[k]] * len(parts))
    return fits(spelled, words, optional)


def definitions(tokens: Tokens) -> Iterator[tuple[int, int, str, list[bool]]]:
    """(first word, acronym's word index, letters, optional flags) for each
    acronym with words in front of it: up to one a letter and a few more,
    joined by spaces and hyphens only. A function word, or a word after a
    hyphen, may give no letter (``is_optional``)."""
    norms = tokens.norms
    for paren, spelled in acronyms(tokens.text):
        end = tokens.words_ending_by(paren)  # the acronym's word: the first ending after the parenthesis
        if end == 0 or end >= len(norms):
            continue
        before = tokens.gap(end)  # from the word in front through the parenthesis
        if not before.endswith("(") or before[:-1].strip(" "):
            continue
        first = end - 1
        hyphen = [False]
        while first > 0 and end - first < len(spelled) + EXTRA_WORDS:
            gap = tokens.gap(first)
            if gap not in JOINED_GAPS:
                break
            hyphen[-1] = "-" in gap
            hyphen.append(False)
            first -= 1
        hyphen.reverse()
        # Letters only: a number or formula is not part of the acronym's definition.
        for k in range(end - 1, first - 1, -1):
            if not norms[k].isalpha():
                hyphen = hyphen[k + 1 - first :]
                first = k + 1
                break
        if first < end:
            hyphen[0] = False
            yield first, end, spelled, [is_optional(norms[first + j], h) for j, h in enumerate(hyphen)]


def mismatches(tokens: Tokens) -> Iterator[tuple[int, int, str, list[bool]]]:
    """The ``definitions`` whose written words do not spell their acronym."""
    for first, end, spelled, optional in definitions(tokens):
        if not spells(spelled, tokens.norms[first:end], optional):
            yield first, end, spelled, optional
