"""Regular English inflections, for matching "blunders" with a rule that says "blunder"."""

from __future__ import annotations

VOWELS = frozenset("aeiou")
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in VOWELS:
        return word[:-1] + "ies"
    if word.endswith(SIBILANT_ENDINGS):
        return word + "es"
    return word + "s"


def past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 2 and word[-2] not in VOWELS:
        return word[:-1] + "ied"
    return word + "ed"


def gerund(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + "ing"


FORMS = {"plural": plural, "past": past, "gerund": gerund}


def variants(word: str) -> dict[str, str]:
    """Inflected forms of ``word`` mapped to the name of the inflection."""
    if not word.isalpha() or len(word) < 2:
        return {}
    found: dict[str, str] = {}
    for name, make in FORMS.items():
        form = make(word)
        if form != word:
            found.setdefault(form, name)
    return found


def inflect(word: str, form: str) -> str:
    """Apply the named inflection to ``word``; "" leaves it alone."""
    make = FORMS.get(form)
    return make(word) if make else word


def inflect_phrase(phrase: str, form: str) -> str:
    """Inflect the last word of a phrase ("deep learning model" -> "... models")."""
    if not form:
        return phrase
    head, sep, last = phrase.rpartition(" ")
    return head + sep + inflect(last, form)
