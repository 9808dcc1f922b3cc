"""The tables the spin detector reads, loaded lazily and once per process."""

from __future__ import annotations

import gzip
import mmap
import re
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar, overload

from cleaner import usercache
from cleaner.spin import lmpairs
from cleaner.spin.lm import LazyNGram, NGram, model_path
from cleaner.spin.lmpairs import AttestedPairs
from cleaner.spin.ngrams import load_counts
from cleaner.spin.store import COUNT, EMPTY, TERM, PhraseStore
from cleaner.spin.swaps import SwapTable

DATA = Path(__file__).resolve().parent.parent / "data" / "spin"
T = TypeVar("T")
TABLE_CACHE_FORMAT = 1  # raise when what ``read_table`` keeps changes
ROLE_MASK = (1 << 32) - 1  # the modifier count of a packed role (``pack_roles``)
SORTED_CACHE_FORMAT = 1  # and when what ``read_sorted`` keeps does


@dataclass(slots=True)
class Resources:
    synonyms: Mapping[str, tuple[str, ...]]
    store: PhraseStore
    swaps: SwapTable
    lm: NGram | LazyNGram | None = None
    # word -> the terms it heads and the terms it modifies, packed as heads << 32 | modifies (``pack_roles``)
    roles: Mapping[str, int] = field(default_factory=dict)
    extra_phrases: dict[str, int] = field(default_factory=dict)
    unigrams: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # WordNet's more and less general words and derived forms: the refiner's last choices.
    related: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    lm_pairs: AttestedPairs | None = None  # the pairs ``lm`` may attest (None: ask it about every pair)

    def unigram(self, word: str) -> float | None:
        """General-English log-probability of the word (None when unknown)."""
        row = self.unigrams.get(word)
        return float(row[0]) if row else None

    def known(self, phrase: str) -> bool:
        """A listed term or a counted phrase (built-in or the user's tables)."""
        return self.store.known(phrase) or phrase in self.extra_phrases

    def role(self, word: str, head: bool) -> int:
        """Terms in which the word is the head (last word) or a modifier."""
        packed = self.roles.get(word)
        if packed is None:
            return 0
        return packed >> 32 if head else packed & ROLE_MASK

    def term_and_count(self, phrase: str) -> tuple[bool, int]:
        """Whether the phrase is a listed term, and how often it was counted (the built-in
        table and the user's), from one look-up in the built-in table."""
        value = self.store.value(phrase)
        return bool(value & TERM), (value & COUNT) + self.extra_phrases.get(phrase, 0)


ROW_RE = re.compile(r"^([^\t\n]+)\t([^\n]*)$", re.MULTILINE)


class Rows(Mapping[str, tuple[str, ...]]):
    """word -> words, kept as the raw tab-separated line tails and split on use,
    so loading a table builds one string a word and nothing more."""

    def __init__(self, raw: dict[str, str]) -> None:
        self.raw = raw

    def __getitem__(self, word: str) -> tuple[str, ...]:
        return tuple(self.raw[word].split())

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def __contains__(self, word: object) -> bool:
        return word in self.raw

    @overload
    def get(self, key: str, /) -> tuple[str, ...] | None: ...
    @overload
    def get(self, key: str, /, default: tuple[str, ...] | T) -> tuple[str, ...] | T: ...
    def get(self, key: str, /, default: object = None) -> object:
        """As ``Mapping.get``, without raising and catching KeyError for a missing word
        (most words the detector asks about are missing: the gate asks for thousands)."""
        raw = self.raw.get(key)
        return default if raw is None else tuple(raw.split())


class LazyRows(Mapping[str, tuple[str, ...]]):
    """A built-in table read on first look-up: runs that never ask pay nothing."""

    def __init__(self, load: Callable[[], Rows | SortedRows]) -> None:
        self._load = load

    def __getitem__(self, word: str) -> tuple[str, ...]:
        return self._load()[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __contains__(self, word: object) -> bool:
        return word in self._load()

    @overload
    def get(self, key: str, /) -> tuple[str, ...] | None: ...
    @overload
    def get(self, key: str, /, default: tuple[str, ...] | T) -> tuple[str, ...] | T: ...
    def get(self, key: str, /, default: object = None) -> object:
        return self._load().get(key, default)


class SortedRows(Mapping[str, tuple[str, ...]]):
    """word -> words, as 'word<TAB>rest' lines sorted by word (UTF-8 bytes) from ``start`` on,
    found by a binary search over the bytes: nothing is built to open one (``read_sorted``
    maps a file), for a table asked only about the words of a few findings."""

    def __init__(self, data: bytes | mmap.mmap, start: int = 0) -> None:
        self.data = data
        self.start = start

    def _raw(self, word: str) -> str | None:
        data = self.data
        key = word.encode("utf-8", "surrogatepass")
        lo, hi = self.start, len(data)
        while lo < hi:  # [lo, hi) holds whole lines; the line around the middle is compared
            start = data.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
            tab = data.find(b"\t", start, hi)
            end = data.find(b"\n", start, hi)
            found = data[start:tab]
            if found == key:
                return data[tab + 1 : end].decode("utf-8")
            if found < key:
                lo = end + 1
            else:
                hi = start
        return None

    def __getitem__(self, word: str) -> tuple[str, ...]:
        raw = self._raw(word)
        if raw is None:
            raise KeyError(word)
        return tuple(raw.split())

    def __iter__(self) -> Iterator[str]:
        data = self.data
        start = self.start
        while start < len(data):
            end = data.find(b"\n", start)
            yield data[start : data.find(b"\t", start, end)].decode("utf-8")
            start = end + 1

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._raw(word) is not None

    @overload
    def get(self, key: str, /) -> tuple[str, ...] | None: ...
    @overload
    def get(self, key: str, /, default: tuple[str, ...] | T) -> tuple[str, ...] | T: ...
    def get(self, key: str, /, default: object = None) -> object:
        raw = self._raw(key)
        return default if raw is None else tuple(raw.split())


SORTED_HEADER = b"# cleaner sorted rows: %d bytes, crc32 %08x\n"


def sorted_lines(rows: dict[str, str]) -> bytes:
    """``rows`` as the lines ``SortedRows`` reads, after a header line that names their length
    and checksum (``checked_rows``): every line has a tab, and every word is unique."""
    encoded = sorted((word.encode("utf-8", "surrogatepass"), rest) for word, rest in rows.items())
    body = b"".join(word + b"\t" + rest.encode("utf-8") + b"\n" for word, rest in encoded)
    return SORTED_HEADER % (len(body), zlib.crc32(body)) + body


def checked_rows(data: bytes | mmap.mmap) -> SortedRows | None:
    """The rows of ``sorted_lines``' output, or None when ``data`` is not that, whole."""
    start = data.find(b"\n") + 1
    body = memoryview(data)[start:]
    try:
        whole = data[:start] == SORTED_HEADER % (len(body), zlib.crc32(body))
    finally:
        body.release()  # a mapped file cannot close while a view of it is held
    return SortedRows(data, start) if start and whole else None


def read_sorted(path: Path) -> SortedRows:
    """A gzipped table of 'word<TAB>rest' lines, to look words up in without loading it: the first
    read keeps a sorted copy in the cache folder (keyed by the file's size and time) and later runs
    map that copy (``usercache.mapped``) once its checksum holds; with no cache folder to write to,
    the sorted lines stay in memory."""
    copy = usercache.Copy("sorted", str(SORTED_CACHE_FORMAT), path, usercache.file_stamp(path), suffix="tsv")
    found = copy.mapped()
    rows = checked_rows(found) if found is not None else None
    if rows is not None:
        return rows
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = sorted_lines(split_rows(handle.read()))
    copy.write_bytes(data)
    return SortedRows(data, data.find(b"\n") + 1)


def read_rows(path: Path) -> Rows:
    """A gzipped table of 'word<TAB>rest' lines."""
    return Rows(read_table(path))


def read_table(path: Path) -> dict[str, str]:
    """A gzipped table of 'word<TAB>rest' lines as a dict (``split_rows``). The first read keeps a
    ``marshal`` copy in the cache folder, keyed by the file's size and time; later runs read that,
    several times faster than inflating and splitting (the detector's tables load on every start)."""
    rows: dict[str, str] = usercache.kept(
        "table", str(TABLE_CACHE_FORMAT), path, lambda: split_rows(_inflated(path)), _is_dict
    )
    return rows


def _inflated(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read()


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def split_rows(text: str) -> dict[str, str]:
    """'word<TAB>rest' lines as a dict; lines that open with '#' are comments."""
    if text.startswith("#") or "\n#" in text:
        text = _without_comments(text)
    if text.count("\t") == text.count("\n") and text.endswith("\n"):  # one tab a line: split in C, pair up
        parts = iter(text.replace("\t", "\n").split("\n"))
        return dict(zip(parts, parts, strict=False))
    return dict(ROW_RE.findall(text))


# Line boundaries other than "\n" (str.splitlines breaks at them too).
OTHER_LINE_BREAKS_RE = re.compile("[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _without_comments(text: str) -> str:
    """The text without its lines that open with '#': the comment lines are found with
    ``str.find`` and cut out (a table has a header line or two, and thousands of rows)."""
    if OTHER_LINE_BREAKS_RE.search(text):
        return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    pieces = []
    start = 0  # the start of the first line not yet copied
    comment = _next_comment(text, start)
    while comment >= 0:
        pieces.append(text[start:comment])
        end = text.find("\n", comment)
        start = len(text) if end < 0 else end + 1
        comment = _next_comment(text, start)
    pieces.append(text[start:])
    return "".join(pieces)


def _next_comment(text: str, start: int) -> int:
    """Where the first line from the line starting at ``start`` that opens with '#' starts (-1: none)."""
    if text.startswith("#", start):
        return start
    found = text.find("\n#", start)
    return found + 1 if found >= 0 else -1


# The refiner's tables: asked about the words of findings alone, never loaded whole.
@cache
def builtin_synonyms() -> SortedRows:
    return read_sorted(DATA / "synonyms.tsv.gz")


@cache
def builtin_related() -> SortedRows:
    path = DATA / "related.tsv.gz"
    return read_sorted(path) if path.exists() else SortedRows(b"")


@cache
def builtin_roles() -> dict[str, int]:
    """word -> the terms it heads and the terms it modifies, packed (``pack_roles``); read after the
    first time from a marshal copy in the cache folder. Packed, the copy loads in about two thirds
    of the time the words' text rows took: one string a word, not two."""
    path = DATA / "word-roles.tsv.gz"
    roles: dict[str, int] = usercache.kept(
        "roles", str(TABLE_CACHE_FORMAT), path, lambda: pack_roles(split_rows(_inflated(path))), _is_dict
    )
    return roles


def pack_roles(rows: Mapping[str, str]) -> dict[str, int]:
    """'heads modifies' rows as one number a word: heads << 32 | modifies."""
    packed = {}
    for word, raw in rows.items():
        heads, modifies = raw.split()
        packed[word] = int(heads) << 32 | int(modifies)
    return packed


@cache
def builtin_unigrams() -> Rows:
    path = DATA / "unigrams.tsv.gz"
    return read_rows(path) if path.exists() else Rows({})


@cache
def builtin_swaps() -> SwapTable:
    """The learned swaps, read after the first time from a marshal copy in the cache folder
    (keyed by the file's size and time): inflating and splitting it took about 6 ms a start."""
    path = DATA / "swaps.tsv.gz"
    if not path.exists():
        return SwapTable()
    counts = usercache.kept(
        "swaps", str(TABLE_CACHE_FORMAT), path, lambda: SwapTable.load(path).counts, _is_dict_of_dicts
    )
    return SwapTable(counts)


def _is_dict_of_dicts(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(row, dict) for row in value.values())


@cache
def user_phrases(paths: tuple[str, ...]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for path in paths:
        for phrase, n in load_counts(Path(path)).items():
            merged[phrase] = merged.get(phrase, 0) + n
    return merged


def default_resources(swaps: SwapTable | None = None, phrase_tables: tuple[str, ...] = ()) -> Resources:
    """The built-in tables (and the user's phrase tables), with pocketsphinx's
    general-English n-gram model (a dependency; loaded on the first question):
    a word pair it knows well is attested, and how well it knows the written
    and the reconstructed pair are gate features."""
    model = model_path()
    return Resources(
        synonyms=LazyRows(builtin_synonyms),
        store=builtin_store(),
        swaps=swaps if swaps is not None else builtin_swaps(),
        lm=LazyNGram() if model is not None else None,
        roles=builtin_roles(),
        extra_phrases=user_phrases(phrase_tables),
        unigrams=builtin_unigrams(),
        related=LazyRows(builtin_related),
        lm_pairs=lmpairs.builtin(model) if model is not None else None,
    )


@cache
def builtin_store() -> PhraseStore:
    path = DATA / "known.bin"
    return PhraseStore.load(path) if path.exists() else EMPTY
