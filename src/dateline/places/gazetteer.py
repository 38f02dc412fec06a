"""The offline gazetteer: loads the shipped GeoNames-derived table once and looks names up."""

from __future__ import annotations

import bisect
import functools
import gc
import gzip
import itertools
import math
import os
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import cache

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_FILE = DATA_DIR / "gazetteer.tsv.gz"
ENV_EXTRA = "DATELINE_GAZETTEER_EXTRA"  # os.pathsep-separated list of the user's own extras TSVs
EARTH_RADIUS_KM = 6371.0088

_DROP = str.maketrans({".": "", "'": "", "\u2019": "", "\u2018": "", "\u02bb": "", "\u02bc": "", "-": " ", ",": " "})


# Abbreviated first words of names, spelled out in keys ("Ft. Worth" = "Fort Worth", "St. Louis" = "Saint Louis").
_ABBREVIATED = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}


def key(name: str) -> str:
    """Lookup key: case-, accent-, dot-, apostrophe- and hyphen-neutral ('Nur-Sultan' = 'nur sultan', 'U.S.' = 'us')."""
    text = name.translate(_DROP).lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.split())


def spelled_out(k: str) -> str:
    """The key with abbreviated words spelled out; tried only when the key itself is unknown, so 'St. Louis'
    keeps to the places written that way and 'Ft. Worth' still finds Fort Worth."""
    words = k.split()
    if len(words) < 2 or not any(w in _ABBREVIATED for w in words[:-1]):
        return k
    return " ".join(_ABBREVIATED.get(w, w) if i < len(words) - 1 else w for i, w in enumerate(words))


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row: a country, region, admin unit, feature or populated place."""

    idx: int
    gid: int | None
    kind: str
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    primary: bool  # the surface is the entry's own name, not one of its alternates


def _parse(idx: int, line: str) -> Entry:
    gid, kind, name, country, admin1, lat, lon, pop, flags = line.split("\t")
    return Entry(idx, int(gid) if gid else None, kind, name, country or None, admin1 or None, float(lat), float(lon),
                 int(pop), "C" in flags)


class PackedLines:
    """Many short strings kept as one UTF-8 buffer and their end offsets, decoded one at a time on access.

    A cold start unpickles the gazetteer's 250k rows and 280k index values: as lists that is half a million
    string objects (0.12 s of a 0.18 s load, and ~25 MB); packed, two buffers copied whole. A document reads a few
    hundred of them. Strings added later (a user's extras) go to a plain list after the packed ones."""

    __slots__ = ("_blob", "_ends", "_more")

    def __init__(self, lines: Iterable[str] = ()) -> None:
        encoded = [line.encode("utf-8") for line in lines]
        self._blob = b"".join(encoded)
        self._ends = array("Q", itertools.accumulate(len(e) for e in encoded))
        self._more: list[str] = []

    def __len__(self) -> int:
        return len(self._ends) + len(self._more)

    def __getitem__(self, i: int) -> str:
        n = len(self._ends)
        if i < 0:
            i += len(self)
            if i < 0:
                raise IndexError("PackedLines index out of range")
        if i >= n:
            return self._more[i - n]  # IndexError past the end, as a list would
        return self._blob[self._ends[i - 1] if i else 0 : self._ends[i]].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def append(self, line: str) -> None:
        self._more.append(line)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PackedLines) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # appendable, like a list

    def __getstate__(self) -> tuple[bytes, bytes, list[str]]:
        return self._blob, self._ends.tobytes(), self._more

    def __setstate__(self, state: tuple[bytes, bytes, list[str]]) -> None:
        self._blob, ends, self._more = state
        self._ends = array("Q")
        self._ends.frombytes(ends)


def _read_table(path: Path) -> tuple[PackedLines, SortedIndex]:
    # ~800k new strings would trigger many full garbage collections; none of them can be cycles
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
        n_rows, n_keys = (int(v) for v in lines[0].split("\t", 2)[:2])
        rows = lines[1 : 1 + n_rows]
        keys = lines[1 + n_rows : 1 + n_rows + n_keys]
        values = lines[1 + n_rows + n_keys : 1 + n_rows + 2 * n_keys]
    finally:
        if gc_was_on:
            gc.enable()
    return PackedLines(rows), SortedIndex(keys, values)


class SortedIndex:
    """key -> entry numbers ("3,-18"), as two parallel lists searched by bisection rather than a dict: a cold
    start unpickles two 280k-item lists in a third of the time of a 280k-key dict (0.08 s against 0.27 s), and
    a document makes only a few hundred look-ups, each still a C-level search."""

    __slots__ = ("keys", "values")

    def __init__(self, keys: list[str], values: list[str]) -> None:
        if len(keys) != len(values):
            raise ValueError(f"gazetteer index: {len(keys)} keys but {len(values)} values")
        if any(a >= b for a, b in zip(keys, keys[1:], strict=False)):
            pairs = sorted(dict(zip(keys, values, strict=True)).items())
            keys, values = [k for k, _ in pairs], [v for _, v in pairs]
        self.keys, self.values = keys, PackedLines(values)  # keys stay a list: bisection compares them

    def get(self, key: str) -> str | None:
        i = bisect.bisect_left(self.keys, key)
        return self.values[i] if i < len(self.keys) and self.keys[i] == key else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self.keys)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SortedIndex) and (self.keys, self.values) == (other.keys, other.values)

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside, like a dict

    def __getstate__(self) -> tuple[list[str], PackedLines]:
        return self.keys, self.values

    def __setstate__(self, state: tuple[list[str], PackedLines]) -> None:
        self.keys, self.values = state


class Gazetteer:
    """Rows kept as raw lines and parsed on first use; the index maps a key to "3,-18" (negative ~n: alternate name).

    Parsing 250k rows up front costs seconds; a document touches a few hundred, so rows are parsed lazily."""

    def __init__(self, rows: PackedLines, index: SortedIndex) -> None:
        self.rows = rows
        self.index = index
        self._entries: dict[int, Entry] = {}
        self._extra_index: dict[str, list[int]] = {}
        self.countries: dict[str, Entry] = {}
        for i, row in enumerate(rows):
            if not row.split("\t", 2)[1] == "country":
                break
            entry = self.entry(i)
            if entry.country:
                self.countries[entry.country] = entry

    @classmethod
    def from_file(cls, path: Path) -> Gazetteer:
        # Unpickling the split table is twice as fast as splitting the gzipped file again.
        rows, index = cache.cached("gazetteer", lambda: _read_table(path), [path])
        return cls(rows, index)

    def entry(self, idx: int) -> Entry:
        found = self._entries.get(idx)
        if found is None:
            found = self._entries[idx] = _parse(idx, self.rows[idx])
        return found

    def _add(self, kind: str, name: str, country: str, lat: float, lon: float, population: int,
             names: list[str]) -> None:
        idx = len(self.rows)
        self.rows.append("\t".join(["", kind, name, country, "", str(lat), str(lon), str(population), ""]))
        self._extra_index.setdefault(key(name), []).append(idx)
        for alt in names:
            self._extra_index.setdefault(key(alt), []).append(~idx)

    def load_extra(self, path: Path) -> None:
        """A user's extras file in the build format, with ISO3 country codes: `add` rows are new entries,
        `alias` rows add names to the entry of that kind, name and country (a country by its code alone)."""
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            op, kind, name, country, lat, lon, pop, names = (line.split("\t") + [""] * 8)[:8]
            alts = [n for n in names.split("|") if n]
            if op == "add":
                self._add(kind, name, country, float(lat), float(lon), int(pop or 0), alts)
            elif op == "alias":
                if kind == "country":
                    found = [self.countries[country]] if country in self.countries else []
                else:
                    found = [c.entry for c in self.lookup(name) if c.entry.kind == kind
                             and (c.entry.country or "") == country]
                for alt in alts if found else []:
                    self._extra_index.setdefault(key(alt), []).append(~found[0].idx)

    def ids(self, k: str) -> list[int]:
        raw = self.index.get(k)
        ids = [int(i) for i in raw.split(",")] if raw else []
        return ids + self._extra_index.get(k, []) if self._extra_index else ids

    def lookup(self, name: str) -> list[Candidate]:
        return self.lookup_key(key(name))

    def lookup_key(self, k: str) -> list[Candidate]:
        if not k:
            return []
        out = []
        seen = set()
        for i in self.ids(k):
            entry = self.entry(i if i >= 0 else ~i)
            # hand-kept features and regions: every listed name is as good as the first
            primary = i >= 0 or entry.kind in ("feature", "region")
            if entry.idx not in seen:
                seen.add(entry.idx)
                out.append(Candidate(entry, primary))
        return out

    def has_key(self, k: str) -> bool:
        return bool(k) and (k in self.index or k in self._extra_index)

    def known(self, k: str) -> str | None:
        """The key under which `k` is indexed: itself, or spelled out ('ft worth' -> 'fort worth'); else None."""
        if self.has_key(k):
            return k
        long = spelled_out(k)
        return long if long != k and self.has_key(long) else None


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped table plus any files named in $DATELINE_GAZETTEER_EXTRA; loaded once per process."""
    gaz = Gazetteer.from_file(GAZETTEER_FILE)
    for extra in filter(None, os.environ.get(ENV_EXTRA, "").split(os.pathsep)):
        gaz.load_extra(Path(extra))
    return gaz


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
