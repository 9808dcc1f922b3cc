"""Light English inflection: strip a regular ending to find a base form,
and put the same ending back on a replacement word."""

from __future__ import annotations

from collections.abc import Callable

VOWELS = frozenset("aeiou")

# (ending, replacement) tried in order; the kind names the ending to restore.
RULES: tuple[tuple[str, str, str], ...] = (
    ("ies", "y", "s"),
    ("sses", "ss", "s"),
    ("ches", "ch", "s"),
    ("shes", "sh", "s"),
    ("xes", "x", "s"),
    ("s", "", "s"),
    ("ied", "y", "ed"),
    ("ed", "e", "ed"),
    ("ed", "", "ed"),
    ("ing", "e", "ing"),
    ("ing", "", "ing"),
    ("ly", "", "ly"),
)


def bases(word: str) -> list[tuple[str, str]]:
    """Candidate (base, kind) pairs for an inflected word, most likely first."""
    out: list[tuple[str, str]] = []
    for ending, repl, kind in RULES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            if ending == "s" and word.endswith(("ss", "us", "is")):
                continue
            out.append((word[: len(word) - len(ending)] + repl, kind))
    return out


def inflect(base: str, kind: str) -> str:
    """Put an ending of the given kind on a base word (or on the last word of a phrase)."""
    if " " in base:
        head, _, last = base.rpartition(" ")
        return head + " " + inflect(last, kind)
    ending = ENDINGS.get(kind)
    return ending(base) if ending else base


def _plural(base: str) -> str:
    if base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS:
        return base[:-1] + "ies"
    if base.endswith(("s", "x", "z", "ch", "sh")):
        return base + "es"
    return base + "s"


def _past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS:
        return base[:-1] + "ied"
    return base + "ed"


def _gerund(base: str) -> str:
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


def _adverb(base: str) -> str:
    if base.endswith("y"):
        return base[:-1] + "ily"
    if base.endswith("le"):
        return base[:-1] + "y"
    if base.endswith("ic"):
        return base + "ally"
    return base + "ly"


ENDINGS: dict[str, Callable[[str], str]] = {"s": _plural, "ed": _past, "ing": _gerund, "ly": _adverb}
