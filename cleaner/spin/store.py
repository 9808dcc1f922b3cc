"""A compact, fast-loading table of known phrases (terms and counted n-grams).

Phrases are not stored as strings: each is hashed (CRC-32). A bit array with
two hash positions a phrase answers "is it known?" in well under a microsecond
(false positives ~0.4% at the built-in size); two sorted arrays (hash, value)
answer "how often, and is it a term?" by binary search. The built-in store is
shipped uncompressed and memory-mapped: loading it reads nothing (the system
pages in what look-ups touch) and builds no per-phrase Python objects; a
gzipped store (``.gz``) is read and inflated whole.
"""

from __future__ import annotations

import array
import bisect
import gzip
import mmap
import sys
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zlib import crc32

TERM = 1 << 24  # value bit: the phrase is a listed term
COUNT = TERM - 1  # value bits: how often it was counted (capped)
BITS = 1 << 26  # bit-array size: 8 MiB
SECOND_SEED = 0x9E3779B9
MAGIC = b"SPINSTORE1"


def key(phrase: str) -> int:
    return zlib.crc32(phrase.encode())


def positions(data: bytes, bits: int) -> tuple[int, int]:
    mask = bits - 1
    return zlib.crc32(data) & mask, zlib.crc32(data, SECOND_SEED) & mask


@dataclass(frozen=True, slots=True)
class PhraseStore:
    bitmap: bytes | memoryview
    keys: array.array[int] | memoryview  # sorted, unsigned 32-bit
    values: array.array[int] | memoryview

    def known(self, phrase: str) -> bool:
        """Fast membership (a small false-positive rate, no false negatives)."""
        bitmap = self.bitmap
        if not bitmap:
            return False
        data = phrase.encode()
        mask = len(bitmap) * 8 - 1
        a = crc32(data) & mask
        if not bitmap[a >> 3] & (1 << (a & 7)):
            return False
        b = crc32(data, SECOND_SEED) & mask
        return bool(bitmap[b >> 3] & (1 << (b & 7)))

    def known_after(self, word: str, options: Iterable[str]) -> list[str]:
        """The options ``o`` for which ``known(word + " " + o)``: the CRCs of
        ``word + " "`` are computed once and carried on into each option."""
        bitmap = self.bitmap
        if not bitmap:
            return []
        mask = len(bitmap) * 8 - 1
        head = (word + " ").encode()
        first, second = crc32(head), crc32(head, SECOND_SEED)
        out = []
        for option in options:
            data = option.encode()
            a = crc32(data, first) & mask
            if bitmap[a >> 3] & (1 << (a & 7)):
                b = crc32(data, second) & mask
                if bitmap[b >> 3] & (1 << (b & 7)):
                    out.append(option)
        return out

    def known_before(self, options: Iterable[str], word: str) -> list[str]:
        """The options ``o`` for which ``known(o + " " + word)``."""
        bitmap = self.bitmap
        if not bitmap:
            return []
        mask = len(bitmap) * 8 - 1
        tail = (" " + word).encode()
        out = []
        for option in options:
            data = option.encode()
            a = crc32(tail, crc32(data)) & mask
            if bitmap[a >> 3] & (1 << (a & 7)):
                b = crc32(tail, crc32(data, SECOND_SEED)) & mask
                if bitmap[b >> 3] & (1 << (b & 7)):
                    out.append(option)
        return out

    def value(self, phrase: str) -> int:
        k = key(phrase)
        i = bisect.bisect_left(self.keys, k)
        if i < len(self.keys) and self.keys[i] == k:
            return int(self.values[i])
        return 0

    def count(self, phrase: str) -> int:
        return self.value(phrase) & COUNT

    def is_term(self, phrase: str) -> bool:
        return bool(self.value(phrase) & TERM)

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def build(cls, counts: Iterable[tuple[str, int]], terms: Iterable[str] = (), bits: int = BITS) -> PhraseStore:
        counts, terms = list(counts), list(terms)
        merged: dict[int, int] = {}
        for phrase, n in counts:
            k = key(phrase)
            old = merged.get(k, 0)
            merged[k] = (old & TERM) | min(COUNT, (old & COUNT) + n)
        for phrase in terms:
            k = key(phrase)
            merged[k] = merged.get(k, 0) | TERM
        ordered = sorted(merged)
        values = array.array("I", (merged[k] for k in ordered))
        return cls(bit_array(_phrases(counts, terms), bits), array.array("I", ordered), values)

    @classmethod
    def known_only(cls, phrases: Iterable[str], bits: int = BITS) -> PhraseStore:
        """A store that answers ``known`` only (no counts, no terms): a Bloom filter of the phrases."""
        return cls(bit_array(phrases, bits), array.array("I"), array.array("I"))

    def save(self, path: Path) -> None:
        keys, values = _little(array.array("I", self.keys)), _little(array.array("I", self.values))
        header = MAGIC + len(self.bitmap).to_bytes(8, "little") + len(self.keys).to_bytes(8, "little")
        data = header + bytes(self.bitmap) + keys.tobytes() + values.tobytes()
        if path.suffix == ".gz":
            data = gzip.compress(data, compresslevel=9)
        path.write_bytes(data)

    @classmethod
    def load(cls, path: Path) -> PhraseStore:
        if path.suffix != ".gz" and sys.byteorder == "little":
            return cls._mapped(path)
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        n_bitmap, n_keys, at = _header(path, data)
        bitmap = data[at : at + n_bitmap]
        at += n_bitmap
        keys, values = array.array("I"), array.array("I")
        keys.frombytes(data[at : at + 4 * n_keys])
        values.frombytes(data[at + 4 * n_keys : at + 8 * n_keys])
        return cls(bitmap, _little(keys), _little(values))

    @classmethod
    def _mapped(cls, path: Path) -> PhraseStore:
        with open(path, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        view = memoryview(mapped)
        n_bitmap, n_keys, at = _header(path, view)
        bitmap = view[at : at + n_bitmap]
        at += n_bitmap
        keys = view[at : at + 4 * n_keys].cast("I")
        values = view[at + 4 * n_keys : at + 8 * n_keys].cast("I")
        return cls(bitmap, keys, values)


def bit_array(phrases: Iterable[str], bits: int) -> bytes:
    """The bit array of ``bits`` bits with each phrase's two positions set."""
    bitmap = bytearray(bits // 8)
    for phrase in phrases:
        for p in positions(phrase.encode(), bits):
            bitmap[p >> 3] |= 1 << (p & 7)
    return bytes(bitmap)


def _header(path: Path, data: bytes | memoryview) -> tuple[int, int, int]:
    """Bitmap size, key count and where the bitmap starts."""
    if bytes(data[: len(MAGIC)]) != MAGIC:
        raise ValueError(f"{path}: not a spin phrase store")
    at = len(MAGIC)
    n_bitmap = int.from_bytes(data[at : at + 8], "little")
    n_keys = int.from_bytes(data[at + 8 : at + 16], "little")
    if len(data) < at + 16 + n_bitmap + 8 * n_keys:
        raise ValueError(f"{path}: truncated spin phrase store")
    return n_bitmap, n_keys, at + 16


EMPTY = PhraseStore(b"", array.array("I"), array.array("I"))


def _phrases(counts: Iterable[tuple[str, int]], terms: Iterable[str]) -> Iterable[str]:
    for phrase, _ in counts:
        yield phrase
    yield from terms


def _little(values: array.array[int]) -> array.array[int]:
    """Stored little-endian; swapped on a big-endian machine (swapping twice restores)."""
    if sys.byteorder == "big":
        values = array.array("I", values)
        values.byteswap()
    return values
