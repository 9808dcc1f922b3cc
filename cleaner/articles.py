"""The indefinite article a word takes: "a random forest", "an SVM", "an hour", "a user"."""

from __future__ import annotations

import re

# Spelt with a vowel but said with a consonant sound, and the reverse.
CONSONANT_SOUND_PREFIXES = ("one", "once", "uni", "use", "usu", "uti", "ura", "ure", "uro", "eu", "ewe", "ubiq")
VOWEL_SOUND_PREFIXES = ("hour", "honest", "honor", "honour", "heir", "herb")
# Letters whose English name starts with a vowel sound: an FBI agent, an SVM, an MRI scan.
VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
FIRST_WORD_RE = re.compile(r"[\w'-]+")
# "a"/"an", then spaces and at most one line break, then the end of the search window.
ARTICLE_BEFORE_RE = re.compile(r"(?<![\w'-])(an?)[ \t]*(?:\r\n|\r|\n)?[ \t]*$", re.IGNORECASE)
LOOKBACK = 40


def article_for(phrase: str) -> str:
    """Return "a" or "an" for the first word of ``phrase`` ("" when it starts with no word)."""
    match = FIRST_WORD_RE.match(phrase.lstrip())
    if match is None:
        return ""
    word = match.group()
    if word[0].isdigit():
        return "an" if re.match(r"(8|11|18)(\D|$)|8\d", word) else "a"
    letters = word.split("-")[0]
    if len(letters) > 1 and letters.isupper():
        return "an" if letters[0] in VOWEL_SOUND_LETTERS else "a"
    lowered = word.lower()
    if lowered.startswith(VOWEL_SOUND_PREFIXES):
        return "an"
    if lowered.startswith(CONSONANT_SOUND_PREFIXES):
        return "a"
    return "an" if lowered[0] in "aeiou" else "a"


def article_before(text: str, start: int) -> tuple[int, int] | None:
    """The span of an "a"/"an" standing right before ``start`` (whitespace between), if any."""
    match = ARTICLE_BEFORE_RE.search(text, max(0, start - LOOKBACK), start)
    if match is None or match.end(1) == start:
        return None
    return match.span(1)
