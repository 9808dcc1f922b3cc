"""Light English inflection: strip a regular ending to find a base form,
and put the same ending back on a replacement word."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from cleaner.inflect import gerund, past, plural

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


def looked_up(table: Mapping[str, Iterable[str]], word: str) -> set[str]:
    """The table's words for ``word`` and, inflected alike, for its base forms ("models":
    the table's words for "models", and those for "model" made plural)."""
    found = set(table.get(word, ()))
    for base, kind in bases(word):
        found.update(inflect(other, kind) for other in table.get(base, ()))
    return found


def inflect(base: str, kind: str) -> str:
    """Put an ending of the given kind on a base word (or on the last word of a phrase)."""
    if " " in base:
        head, _, last = base.rpartition(" ")
        return head + " " + inflect(last, kind)
    ending = ENDINGS.get(kind)
    return ending(base) if ending else base


def inflect_like(original: str, kind: str) -> str:
    """A learned original inflected like the written word it replaces, unless spinners' pairs
    taught it inflected already ("model" -> "examples" gives "examples" for "models", not
    "exampleses"): a plural in -s (not -ss, -us, -is), a gerund in -ing."""
    last = original.rpartition(" ")[2]
    if kind == "s" and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        return original
    if kind == "ing" and last.endswith("ing") and len(last) > 5:
        return original
    return inflect(original, kind)


def _adverb(base: str) -> str:
    if base.endswith("y"):
        return base[:-1] + "ily"
    if base.endswith("le"):
        return base[:-1] + "y"
    if base.endswith("ic"):
        return base + "ally"
    return base + "ly"


# Plural, past and gerund are the rule packs' own (cleaner.inflect); the adverb is the spin detector's.
ENDINGS: dict[str, Callable[[str], str]] = {"s": plural, "ed": past, "ing": gerund, "ly": _adverb}


def inflections(word: str) -> tuple[str, str, str, str]:
    """The word with each of ``ENDINGS``, in its order: called directly, which compiled is several
    times cheaper than through the table (the spin detector inflects every learned word at start)."""
    return plural(word), past(word), gerund(word), _adverb(word)


def respelled(a: str, b: str) -> bool:
    """Whether two words differ only as British and American spellings do ('synthesised',
    'synthesized'; 'colour', 'color'): one word, not a swap."""
    return a != b and _spelling_key(a) == _spelling_key(b)


def _spelling_key(word: str) -> str:
    return word.replace("z", "s").replace("our", "or")
