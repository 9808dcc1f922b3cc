"""Give a replacement the case of the words it replaces."""

from __future__ import annotations


def match_case(original: str, replacement: str) -> str:
    """ "Inherent compensation" -> "Inherent trade-off"; "UNIQUE" -> "ONE-STOP"."""
    if not replacement or not original:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
