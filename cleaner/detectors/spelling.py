"""SC001: words missing from an offline English word list, with near spellings as suggestions.

Only lower-case words are checked (capitalised words are names or sentence
starts, all-capital ones acronyms); words with digits, in URLs, e-mail
addresses or code, and words the user accepts are left alone. A word is
flagged only when a close dictionary spelling exists, so technical terms that
are merely missing from the list ("leukotriene") stay quiet. British spellings
count as known ("colour", "organise", "oedema"). The word list is pyspellchecker's
(MIT), commonest first, in ``data/spelling/words.txt.gz``
(``scripts/build_spelling_words.py`` writes it).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, cached_property
from pathlib import Path

from cleaner.document import Document
from cleaner.model import Applicability, Category, Finding, Severity

# Lower-case words only: no capital, digit or underscore joined to them.
LOWER_WORD_RE = re.compile(r"\b[a-z]+(?:'[a-z]+)?\b(?!')")
# Stretches that are not prose: URLs, e-mail addresses, code, paths, dotted names, markup entities.
NOT_PROSE_RE = re.compile(
    r"`[^`\n]*`"
    r"|\b(?:https?|ftp)://\S+|\bwww\.\S+"
    r"|\S+@\S+\.\w+"
    r"|\S*[/\\_=<>{}$#|~^]\S*"
    r"|\b\w+(?:\.\w+)+\b"
    r"|&\w+;"
)
MIN_LENGTH = 4
# British spellings mapped to the American forms the word list holds.
BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("tred", "tered"),
    ("bre", "ber"),
    ("bres", "bers"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("ences", "enses"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("mme", "m"),
    ("mmes", "ms"),
)
BRITISH_ENDINGS = tuple(british for british, _ in BRITISH)
# Spelling differences inside a word: colour, behavioural, oedema, leukaemia.
BRITISH_INNER = (("our", "or"), ("oe", "e"), ("ae", "e"))
# Inflections and productive derivations: a known stem plus one of these is a word ("hypoxic", "evaluable").
SUFFIXES = (
    "'s",
    "s",
    "es",
    "ed",
    "d",
    "ing",
    "ly",
    "er",
    "ers",
    "est",
    "ness",
    "e",
    "able",
    "ability",
    "ible",
    "ic",
    "al",
    "ory",
    "ation",
    "ations",
    "ion",
    "ions",
    "ive",
    "ous",
    "ity",
    "ism",
    "ist",
    "ists",
    "ment",
    "ments",
    "ize",
    "ise",
    "ized",
    "ised",
    "less",
    "ful",
    "ian",
    "ial",
)
STEM_ENDINGS = ("", "e", "a", "ia", "y", "ate", "us", "um")
PREFIXES = ("un", "re", "non", "pre", "post", "sub", "multi", "inter", "over", "under", "co", "anti", "self", "semi")


DATA = Path(__file__).resolve().parent.parent / "data" / "spelling"
WORDS = DATA / "words.txt.gz"
ACCEPT = DATA / "accept.txt"  # Latin phrases and technical words prose uses as they are
# A typo is a slip on a common word: the suggestion must be among the commonest words.
COMMON_RANK = 20_000


@cache
def ranked_words() -> tuple[str, ...]:
    with gzip.open(WORDS, "rt", encoding="utf-8") as handle:
        return tuple(w for w in handle.read().split("\n") if w)


@cache
def english_words() -> frozenset[str]:
    return frozenset(ranked_words())


@cache
def common_rank() -> dict[str, int]:
    return {word: rank for rank, word in enumerate(ranked_words()[:COMMON_RANK])}


@cache
def builtin_accept() -> frozenset[str]:
    return read_word_list(ACCEPT)


def read_word_list(path: str | Path) -> frozenset[str]:
    """A vocabulary file: one word a line, '#' starts a comment. Raises OSError when unreadable."""
    words = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return frozenset(words)


def read_word_lists(paths: Iterable[str | Path]) -> frozenset[str]:
    found: set[str] = set()
    for path in paths:
        found |= read_word_list(path)
    return frozenset(found)


class SpellingDetector:
    name = "spelling"

    def __init__(self, accept: Iterable[str] = (), reject: Iterable[str] = ()) -> None:
        self.accept = frozenset(w.lower() for w in accept)
        self.reject = frozenset(w.lower() for w in reject)
        self._verdicts: dict[str, tuple[str, ...] | None] = {}
        self._reject_re = (
            re.compile(r"(?<![\w'’])(?:" + "|".join(map(re.escape, sorted(self.reject))) + r")(?![\w'’])", re.I)
            if self.reject
            else None
        )

    def check(self, doc: Document) -> list[Finding]:
        text = doc.text
        findings = [self._rejected(m) for m in self._reject_re.finditer(text)] if self._reject_re else []
        words = LOWER_WORD_RE.findall(text.replace("’", "'"))
        unknown = set(words) - self._known
        if not unknown:
            return findings
        # A word the text uses twice is a term it relies on, not a slip of the keyboard.
        counts = Counter(w for w in words if w in unknown)
        flagged = {w: s for w in unknown if counts[w] == 1 and (s := self._suggest(w)) is not None}
        if flagged:
            blocked = [m.span() for m in NOT_PROSE_RE.finditer(text)]
            for match in LOWER_WORD_RE.finditer(text):
                word = match.group().replace("’", "'")
                if word in flagged and not _in_compound(text, *match.span()) and not _inside(match.start(), blocked):
                    findings.append(_finding(match.start(), match.end(), word, flagged[word]))
        return findings

    @cached_property
    def _known(self) -> frozenset[str]:
        return english_words() | builtin_accept() | self.accept

    def _suggest(self, word: str) -> tuple[str, ...] | None:
        """Near spellings of an unknown word, or None when it should not be flagged."""
        if word in self._verdicts:
            return self._verdicts[word]
        verdict: tuple[str, ...] | None = None
        if len(word) >= MIN_LENGTH and not _is_variant_of_known(word, self._known):
            verdict = _candidates(word)
        self._verdicts[word] = verdict
        return verdict

    def _rejected(self, match: re.Match[str]) -> Finding:
        word = match.group()
        return Finding(
            rule_id="SC002",
            rule_name="rejected-word",
            category=Category.SPELLING,
            severity=Severity.WARNING,
            start=match.start(),
            end=match.end(),
            message=f"'{word}' is on the reject list",
            detector="spelling",
        )


@cache
def _deletion_index() -> dict[str, tuple[str, ...]]:
    """Each common word and each of its one-letter deletions, mapped to the common words (SymSpell)."""
    index: dict[str, list[str]] = {}
    for word in ranked_words()[:COMMON_RANK]:
        for key in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
            index.setdefault(key, []).append(word)
    return {key: tuple(words) for key, words in index.items()}


def _candidates(word: str) -> tuple[str, ...] | None:
    """Common words one edit away (deletion, insertion, substitution, transposition), commonest first."""
    index = _deletion_index()
    rank = common_rank()
    found: set[str] = set()
    for key in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
        found.update(index.get(key, ()))
    near = sorted((rank[w], w) for w in found if w != word and _one_edit(word, w))
    return tuple(w for _, w in near[:3]) or None


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one deletion, insertion, substitution or swap apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    if len(a) == len(b):
        rest_a, rest_b = a[prefix + 1 :], b[prefix + 1 :]
        swapped = a[prefix : prefix + 2] == b[prefix : prefix + 2][::-1] and a[prefix + 2 :] == b[prefix + 2 :]
        return rest_a == rest_b or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[prefix + 1 :] == shorter[prefix:]


def _is_variant_of_known(word: str, known: frozenset[str]) -> bool:
    """A known word, or its British spelling, inflection, derivation or prefixed form."""
    if _british_form(word, known):
        return True
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and any(_british_form(stem + end, known) for end in STEM_ENDINGS):
            return True
    return any(word.startswith(p) and _british_form(word[len(p) :], known) for p in PREFIXES if len(word) - len(p) >= 3)


def _british_form(word: str, known: frozenset[str]) -> bool:
    if word in known:
        return True
    if word.endswith(BRITISH_ENDINGS):
        for british, american in BRITISH:
            if word.endswith(british) and word[: -len(british)] + american in known:
                return True
    return any(british in word and word.replace(british, american) in known for british, american in BRITISH_INNER)


def _in_compound(text: str, start: int, end: int) -> bool:
    """Part of a hyphenated compound ("multi-task", "ventriculo-atrial"): often a prefix, not a word."""
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _finding(start: int, end: int, word: str, suggestions: tuple[str, ...]) -> Finding:
    return Finding(
        rule_id="SC001",
        rule_name="misspelling",
        category=Category.SPELLING,
        severity=Severity.SUGGESTION,
        start=start,
        end=end,
        message=f"'{word}' is not in the English word list; did you mean '{suggestions[0]}'?",
        suggestions=suggestions,
        applicability=Applicability.UNSAFE,
        confidence=0.7,
        detector="spelling",
    )
