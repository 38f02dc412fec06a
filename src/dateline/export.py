"""Export the store: PLOVER JSON Lines, GDELT 2.0 event columns, ACLED-style CSV, Parquet (DuckDB COPY)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .store import Store, StoreError


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    acled = "acled"
    parquet = "parquet"


class ExportUnit(StrEnum):
    events = "events"  # every machine-coded mention
    clusters = "clusters"  # one row per real-world event (the cluster's representative mention)


# GDELT 2.0 event table, in the order of the GDELT 2.0 Event Database codebook.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

# ACLED's column names for what dateline can fill, plus dateline's own coding at the end.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
    "plover_event_type", "plover_mode", "cameo", "num_sources", "num_articles", "source_url", "reviewed",
)

PLOVER_FIELDS: tuple[str, ...] = (
    "id", "date", "date_end", "date_resolution", "event", "mode", "context",
    "source", "source_actor", "source_agent", "source_org", "target", "target_actor", "target_agent", "target_org",
    "country", "admin1", "location", "lat", "long", "geo_resolution",
    "eventText", "trigger", "eventText_start", "eventText_end", "trigger_start", "trigger_end", "eventText_in_title",
    "negated", "hypothetical", "future", "claimed", "size", "confidence",
    "document_id", "url", "publisher", "publication_date", "title",
    "cluster_id", "num_articles", "num_sources", "reviewed", "machine",
)

# CAMEO root code to GDELT QuadClass: verbal/material cooperation, verbal/material conflict.
_QUAD = {**dict.fromkeys(("01", "02", "03", "04", "05"), 1), **dict.fromkeys(("06", "07", "08"), 2),
         **dict.fromkeys(("09", "10", "11", "12", "13"), 3), **dict.fromkeys(("14", "15", "16", "17", "18", "19", "20"), 4)}
# PLOVER type (and, for some, mode) to ACLED's six event types; everything else is a strategic development.
_ACLED_TYPE = {"PROTEST": "Protests", "ASSAULT": "Violence against civilians", "FIGHT": "Battles",
               "COERCE": "Strategic developments"}
_ACLED_REMOTE_MODES = {"bombing", "artillery", "missile", "aerial", "drone", "shelling", "suicide", "ied"}
# Sector code to ACLED interaction code (1 state forces ... 8 external/other forces).
_ACLED_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1, "REB": 2, "INS": 2, "PTY": 3,
                "OPP": 3, "ETH": 4, "REL": 4, "CVL": 7, "MED": 7, "EDU": 7, "BUS": 7, "LAB": 6, "NGO": 8,
                "IGO": 8, "UAF": 3}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 to English name, from the project's country knowledge base (read only)."""
    try:
        data = json.loads(resources.files("dateline").joinpath("data/kb/countries.json").read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {code: v.get("name", code) for code, v in data.get("countries", {}).items()}


def _first(values: list[Any] | None) -> Any:
    return values[0] if values else None


def _rows(store: Store, unit: ExportUnit, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Events with corrections applied (and their cluster's counts); for clusters, only representatives."""
    where, params = store._event_filters(**filters)
    rep = "AND e.id = c.representative_event" if unit is ExportUnit.clusters else ""
    sql = f"""
        SELECT e.*, c.num_events AS c_num_events, c.num_articles AS c_num_articles,
               c.num_sources AS c_num_sources, c.first_seen AS c_first_seen, c.sources AS c_sources
        FROM (SELECT * FROM events_current WHERE {where}) e
        {"JOIN" if unit is ExportUnit.clusters else "LEFT JOIN"} clusters c ON c.id = e.cluster_id {rep}
        ORDER BY e.date_start NULLS LAST, e.id"""
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    while chunk := cur.fetchmany(2000):
        for row in chunk:
            yield dict(zip(names, row, strict=True))


def _ymd(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def gdelt_row(r: dict[str, Any], unit: ExportUnit) -> dict[str, Any]:
    cameo = (r.get("cameo") or "").strip()
    d: date | None = r.get("date_start")
    kind = (r.get("location_kind") or "").lower()
    usa = r.get("country") == "USA"
    geo_type = {"country": 1, "admin1": 2 if usa else 5, "city": 3 if usa else 4}.get(kind, 4 if r.get("lat") else "")
    if not r.get("location_name") and not r.get("country"):
        geo_type = ""
    elif not r.get("location_name"):
        geo_type = 1

    def actor(names: list[str], countries: list[str], sectors: list[str], orgs: list[str]) -> list[Any]:
        country, sector, org = _first(countries) or "", _first(sectors) or "", _first(orgs) or ""
        code = f"{country}{org}{sector}"
        return [code, (_first(names) or "").upper(), country, org, "", "", "", sector, "", ""]

    a1 = actor(r["actor_names"], r["actor_countries"], r["actor_sectors"], r["actor_orgs"])
    a2 = actor(r["recipient_names"], r["recipient_countries"], r["recipient_sectors"], r["recipient_orgs"])
    clustered = unit is ExportUnit.clusters or r.get("c_num_events")
    values = [
        r["cluster_id"] if unit is ExportUnit.clusters else r["id"],
        _ymd(d), d.strftime("%Y%m") if d else "", d.year if d else "",
        f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else "",
        *a1, *a2,
        # GDELT marks events from an article's lead; ours: the evidence is the headline or starts in the first
        # 400 characters.
        int(bool(r.get("in_title")) or (r.get("sentence_start") or 0) < 400),
        cameo, cameo[:3], cameo[:2], _QUAD.get(cameo[:2], ""), "",
        r["c_num_events"] if clustered else 1, r["c_num_sources"] if clustered else 1,
        r["c_num_articles"] if clustered else 1, "",
        *[""] * 16,
        geo_type, r.get("location_name") or "", r.get("country") or "", r.get("admin1") or "", "",
        r.get("lat") if r.get("lat") is not None else "", r.get("lon") if r.get("lon") is not None else "",
        r.get("geonames_id") or "",
        (_ymd(r.get("c_first_seen") or r.get("published")) + "000000") if (r.get("c_first_seen") or r.get("published"))
        else "",
        r.get("url") or "",
    ]
    return dict(zip(GDELT_COLUMNS, values, strict=True))


def _inter(sectors: list[str]) -> int | str:
    return _ACLED_INTER.get((_first(sectors) or "").upper(), "") if sectors else ""


def acled_row(r: dict[str, Any], unit: ExportUnit) -> dict[str, Any]:
    d: date | None = r.get("date_start")
    etype = (r.get("event_type") or "").upper()
    mode = (r.get("mode") or "").lower()
    acled_type = _ACLED_TYPE.get(etype, "Strategic developments")
    if etype == "PROTEST" and mode in ("riot", "violent"):
        acled_type = "Riots"
    if etype in ("FIGHT", "ASSAULT") and mode in _ACLED_REMOTE_MODES:
        acled_type = "Explosions/Remote violence"
    precision = (r.get("date_precision") or "day").lower()
    time_precision = 1 if precision in ("day", "time") else 2 if precision == "week" else 3
    kind = (r.get("location_kind") or "").lower()
    geo_precision = 1 if kind in ("city", "feature") else 2 if kind in ("admin1", "admin2", "region") else 3
    i1, i2 = _inter(r["actor_sectors"]), _inter(r["recipient_sectors"])
    interaction = (f"{min(i1, i2)}{max(i1, i2)}" if i1 and i2 else f"{i1 or i2}0" if (i1 or i2) else "")
    size = json.loads(r["size_json"]) if r.get("size_json") else {}
    fatalities = next((size[k] for k in ("killed", "dead", "deaths", "fatalities") if k in size), "")
    sources = r.get("c_sources") or [r.get("source") or r.get("host") or ""]
    country = r.get("country") or ""
    values = [
        r["cluster_id"] if unit is ExportUnit.clusters else r["id"],
        d.isoformat() if d else "", d.year if d else "", time_precision, acled_type, r.get("mode") or etype,
        _first(r["actor_names"]) or "", "; ".join(n for n in r["actor_names"][1:] if n), i1,
        _first(r["recipient_names"]) or "", "; ".join(n for n in r["recipient_names"][1:] if n), i2, interaction,
        country, country_names().get(country, country), r.get("admin1") or "", r.get("location_name") or "",
        r.get("lat") if r.get("lat") is not None else "", r.get("lon") if r.get("lon") is not None else "",
        geo_precision if (country or r.get("location_name")) else "",
        "; ".join(s for s in sources if s), (r.get("sentence") or "").strip(), fatalities,
        r.get("event_type") or "", r.get("mode") or "", r.get("cameo") or "",
        r.get("c_num_sources") or 1, r.get("c_num_articles") or 1, r.get("url") or "", bool(r.get("reviewed")),
    ]
    return dict(zip(ACLED_COLUMNS, values, strict=True))


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER JSON style (source/target actor and agent), with dateline's provenance."""
    rec = {
        "id": r["id"], "date": r["date_start"].isoformat() if r.get("date_start") else None,
        "date_end": r["date_end"].isoformat() if r.get("date_end") else None,
        "date_resolution": r.get("date_precision"), "event": r.get("event_type"), "mode": r.get("mode"),
        "context": list(r.get("context") or []),
        "source": _first(r["actor_names"]), "source_actor": _first(r["actor_countries"]),
        "source_agent": _first(r["actor_sectors"]), "source_org": _first(r["actor_orgs"]),
        "target": _first(r["recipient_names"]), "target_actor": _first(r["recipient_countries"]),
        "target_agent": _first(r["recipient_sectors"]), "target_org": _first(r["recipient_orgs"]),
        "country": r.get("country"), "admin1": r.get("admin1"), "location": r.get("location_name"),
        "lat": r.get("lat"), "long": r.get("lon"), "geo_resolution": r.get("location_kind"),
        "eventText": r.get("sentence"), "trigger": r.get("trigger"),
        "eventText_start": r.get("sentence_start"), "eventText_end": r.get("sentence_end"),
        "trigger_start": r.get("trigger_start"), "trigger_end": r.get("trigger_end"),
        "eventText_in_title": bool(r.get("in_title")),
        "negated": r.get("negated"), "hypothetical": r.get("hypothetical"), "future": r.get("future"),
        "claimed": r.get("claimed"), "size": json.loads(r["size_json"]) if r.get("size_json") else {},
        "confidence": r.get("confidence"),
        "document_id": r.get("document_id"), "url": r.get("url"), "publisher": r.get("source") or r.get("host"),
        "publication_date": r["published"].isoformat() if r.get("published") else None, "title": r.get("title"),
        "cluster_id": r.get("cluster_id"), "num_articles": r.get("c_num_articles"),
        "num_sources": r.get("c_num_sources"), "reviewed": bool(r.get("reviewed")),
        "machine": {"event": r.get("machine_event_type"), "mode": r.get("machine_mode"),
                    "source": _first(r.get("machine_actor_names")), "target": _first(r.get("machine_recipient_names")),
                    "date": r["machine_date_start"].isoformat() if r.get("machine_date_start") else None,
                    "country": r.get("machine_country")} if r.get("reviewed") else None,
    }
    return rec


def export(store: Store, fmt: ExportFormat | str, path: str | Path, *, unit: ExportUnit | str | None = None,
           delimiter: str = ",", **filters: Any) -> int:
    """Write the store (events matching `filters`, see Store.query_events) to `path`; returns rows written."""
    fmt = ExportFormat(fmt)
    unit = ExportUnit(unit) if unit else (ExportUnit.events if fmt in (ExportFormat.plover, ExportFormat.parquet)
                                          else ExportUnit.clusters)
    if store.clusters_stale and not store.read_only:
        store.recluster()
    path = Path(path)
    if fmt is ExportFormat.parquet:
        return export_parquet(store, path, unit, filters)
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        if fmt is ExportFormat.plover:
            for r in _rows(store, unit, filters):
                fh.write(json.dumps(plover_record(r), ensure_ascii=False, default=str) + "\n")
                n += 1
            return n
        columns, make = (GDELT_COLUMNS, gdelt_row) if fmt is ExportFormat.gdelt else (ACLED_COLUMNS, acled_row)
        writer = csv.DictWriter(fh, fieldnames=columns, delimiter=delimiter)
        writer.writeheader()
        for r in _rows(store, unit, filters):
            writer.writerow(make(r, unit))
            n += 1
    return n


def export_parquet(store: Store, path: Path, unit: ExportUnit, filters: dict[str, Any]) -> int:
    """DuckDB COPY of the corrected events (or clusters joined to their representative event)."""
    where, params = store._event_filters(**filters)
    if unit is ExportUnit.clusters:
        query = (f"SELECT c.*, e.* EXCLUDE (id, cluster_id, event_type, date_start, date_end, country, lat, lon) "
                 f"FROM clusters c JOIN (SELECT * FROM events_current WHERE {where}) e "
                 f"ON e.id = c.representative_event ORDER BY c.date_start NULLS LAST, c.id")
    else:
        query = f"SELECT * FROM events_current WHERE {where} ORDER BY date_start NULLS LAST, id"
    target = str(path).replace("'", "''")
    if not params:
        store.con.execute(f"COPY ({query}) TO '{target}' (FORMAT PARQUET)")
    else:
        # COPY takes no bound parameters: materialise the filtered rows first, then copy them.
        store.con.execute(f"CREATE OR REPLACE TEMP TABLE _export AS {query}", params)
        store.con.execute(f"COPY _export TO '{target}' (FORMAT PARQUET)")
        store.con.execute("DROP TABLE _export")
    row = store.con.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
    if row is None:
        raise StoreError(f"{path}: export wrote nothing")
    return int(row[0])
