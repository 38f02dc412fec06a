"""The corpus store: an embedded DuckDB file holding documents, events, actors, clusters and reviews."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .models import Actor, Event, EventDocument

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

DEFAULT_DB = "dateline.duckdb"

# Fields a reviewer may correct; each overrides one column of the `events_current` view.
REVIEW_FIELDS: dict[str, str] = {
    "event_type": "PLOVER event type",
    "mode": "PLOVER mode",
    "cameo": "CAMEO code",
    "date_start": "YYYY-MM-DD",
    "date_end": "YYYY-MM-DD",
    "country": "ISO3 of the event location",
    "location_name": "place name",
    "lat": "latitude",
    "lon": "longitude",
    "actor": "actor name (replaces the coded actors)",
    "actor_country": "actor ISO3",
    "actor_sector": "actor sector code",
    "recipient": "recipient name (replaces the coded recipients)",
    "recipient_country": "recipient ISO3",
    "recipient_sector": "recipient sector code",
    "valid": "true/false: false marks a machine event as wrong; queries then leave it out",
}
_HEX = re.compile(r"^[0-9a-f]{16,}$")


class StoreError(ValueError):
    """A one-line message for the user: unknown event, bad filter value, ..."""


# ---------------------------------------------------------------------------------------------
# Schema and migrations. Each migration takes the store from version i to i+1; they only ever
# append, so a file written by an older dateline opens and upgrades in place.
# ---------------------------------------------------------------------------------------------


def _migration_1(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,          -- Document.id: content hash of url + cleaned text
            raw_hash VARCHAR,                -- hash of the raw input, so a re-run skips before analysis
            url VARCHAR, host VARCHAR, title VARCHAR, published DATE, published_raw VARCHAR,
            source VARCHAR, language VARCHAR, text VARCHAR,
            status VARCHAR NOT NULL,         -- ok | skipped | failed
            reason VARCHAR, origin VARCHAR, num_events INTEGER DEFAULT 0,
            doc_json VARCHAR,                -- the full EventDocument, so nothing coded is lost
            raw_json VARCHAR,                -- failed inputs only: what `dateline retry` re-runs
            ingested_at TIMESTAMP
        )""")
    con.execute("CREATE INDEX documents_raw_hash ON documents (raw_hash)")
    con.execute("""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY, document_id VARCHAR NOT NULL, seq INTEGER,
            event_type VARCHAR, mode VARCHAR, cameo VARCHAR, context VARCHAR[],
            date_text VARCHAR, date_value VARCHAR, date_start DATE, date_end DATE,
            date_precision VARCHAR, date_inferred BOOLEAN,
            lat DOUBLE, lon DOUBLE, country VARCHAR, location_name VARCHAR, admin1 VARCHAR,
            geonames_id BIGINT, location_precision VARCHAR,
            confidence DOUBLE,
            sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
            trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            negated BOOLEAN, future BOOLEAN, hypothetical BOOLEAN, claimed BOOLEAN, claim_source VARCHAR,
            size_json VARCHAR, event_json VARCHAR,
            cluster_id VARCHAR
        )""")
    con.execute("CREATE INDEX events_document ON events (document_id)")
    con.execute("""
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position INTEGER,
            name VARCHAR, text VARCHAR, country VARCHAR, sector VARCHAR, sectors VARCHAR[],
            org VARCHAR, kind VARCHAR, start_char INTEGER, end_char INTEGER
        )""")
    con.execute("CREATE INDEX event_actors_event ON event_actors (event_id)")
    con.execute("""
        CREATE TABLE clusters (
            id VARCHAR PRIMARY KEY, event_type VARCHAR, date_start DATE, date_end DATE,
            country VARCHAR, lat DOUBLE, lon DOUBLE,
            num_events INTEGER, num_articles INTEGER, num_sources INTEGER,
            first_seen DATE, last_seen DATE, representative_event VARCHAR,
            actor_countries VARCHAR[], sources VARCHAR[]
        )""")
    con.execute("""
        CREATE TABLE reviews (
            event_id VARCHAR NOT NULL, field VARCHAR NOT NULL, value VARCHAR,
            reviewer VARCHAR, "at" TIMESTAMP NOT NULL, note VARCHAR
        )""")
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")


_REVIEW_VIEW = """
CREATE OR REPLACE VIEW events_current AS
WITH r AS (
    SELECT event_id,
        {pivot}
    FROM reviews GROUP BY event_id
), a AS (
    -- parallel lists: position i of names, countries, sectors and orgs is one actor
    SELECT event_id,
        list(name ORDER BY position) FILTER (WHERE role = 'actor') AS actor_names,
        list(country ORDER BY position) FILTER (WHERE role = 'actor') AS actor_countries,
        list(sector ORDER BY position) FILTER (WHERE role = 'actor') AS actor_sectors,
        list(org ORDER BY position) FILTER (WHERE role = 'actor') AS actor_orgs,
        list(name ORDER BY position) FILTER (WHERE role = 'recipient') AS recipient_names,
        list(country ORDER BY position) FILTER (WHERE role = 'recipient') AS recipient_countries,
        list(sector ORDER BY position) FILTER (WHERE role = 'recipient') AS recipient_sectors,
        list(org ORDER BY position) FILTER (WHERE role = 'recipient') AS recipient_orgs
    FROM event_actors GROUP BY event_id
)
SELECT
    e.id, e.document_id, e.seq, e.cluster_id,
    coalesce(r.event_type, e.event_type) AS event_type,
    coalesce(r.mode, e.mode) AS mode,
    coalesce(r.cameo, e.cameo) AS cameo,
    coalesce(TRY_CAST(r.date_start AS DATE), e.date_start) AS date_start,
    coalesce(TRY_CAST(r.date_end AS DATE), TRY_CAST(r.date_start AS DATE), e.date_end) AS date_end,
    e.date_precision, e.date_inferred,
    coalesce(TRY_CAST(r.lat AS DOUBLE), e.lat) AS lat,
    coalesce(TRY_CAST(r.lon AS DOUBLE), e.lon) AS lon,
    coalesce(r.country, e.country) AS country,
    coalesce(r.location_name, e.location_name) AS location_name, e.admin1, e.location_kind, e.geonames_id,
    CASE WHEN r.actor IS NOT NULL THEN [r.actor] ELSE coalesce(a.actor_names, []) END AS actor_names,
    CASE WHEN r.actor_country IS NOT NULL THEN [r.actor_country]
         WHEN r.actor IS NOT NULL THEN [NULL::VARCHAR] ELSE coalesce(a.actor_countries, []) END AS actor_countries,
    CASE WHEN r.actor_sector IS NOT NULL THEN [r.actor_sector]
         WHEN r.actor IS NOT NULL THEN [NULL::VARCHAR] ELSE coalesce(a.actor_sectors, []) END AS actor_sectors,
    CASE WHEN r.actor IS NOT NULL THEN [NULL::VARCHAR] ELSE coalesce(a.actor_orgs, []) END AS actor_orgs,
    CASE WHEN r.recipient IS NOT NULL THEN [r.recipient] ELSE coalesce(a.recipient_names, []) END
        AS recipient_names,
    CASE WHEN r.recipient_country IS NOT NULL THEN [r.recipient_country]
         WHEN r.recipient IS NOT NULL THEN [NULL::VARCHAR] ELSE coalesce(a.recipient_countries, []) END
        AS recipient_countries,
    CASE WHEN r.recipient_sector IS NOT NULL THEN [r.recipient_sector]
         WHEN r.recipient IS NOT NULL THEN [NULL::VARCHAR] ELSE coalesce(a.recipient_sectors, []) END
        AS recipient_sectors,
    CASE WHEN r.recipient IS NOT NULL THEN [NULL::VARCHAR] ELSE coalesce(a.recipient_orgs, []) END
        AS recipient_orgs,
    e.confidence, e.sentence, e.sentence_start, e.sentence_end, e.trigger, e.trigger_start, e.trigger_end,
    coalesce(e.in_title, FALSE) AS in_title, e.negated, e.future, e.hypothetical, e.claimed, e.claim_source, e.context, e.size_json,
    coalesce(lower(r.valid) NOT IN ('false', 'no', '0'), TRUE) AS valid,
    r.event_id IS NOT NULL AS reviewed,
    -- the machine's coding, kept beside any correction
    e.event_type AS machine_event_type, e.mode AS machine_mode, e.cameo AS machine_cameo,
    e.date_start AS machine_date_start, e.date_end AS machine_date_end, e.country AS machine_country,
    coalesce(a.actor_names, []) AS machine_actor_names,
    coalesce(a.recipient_names, []) AS machine_recipient_names,
    d.url, d.host, d.title, d.source, d.published
FROM events e
LEFT JOIN r ON r.event_id = e.id
LEFT JOIN a ON a.event_id = e.id
JOIN documents d ON d.id = e.document_id
"""


def _migration_2(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE events ADD COLUMN location_kind VARCHAR")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Views derive from the tables, so they are rebuilt on every writable open rather than migrated."""
    pivot = ",\n        ".join(
        f"arg_max(value, \"at\") FILTER (WHERE field = '{f}') AS {f}" for f in REVIEW_FIELDS
    )
    con.execute(_REVIEW_VIEW.format(pivot=pivot))


def _migration_3(con: duckdb.DuckDBPyConnection) -> None:
    # Events coded from the headline: their offsets point into the title (Evidence.in_title).
    con.execute("ALTER TABLE events ADD COLUMN in_title BOOLEAN DEFAULT FALSE")


MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [_migration_1, _migration_2, _migration_3]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema up to SCHEMA_VERSION; returns the version found before."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    found = int(row[0]) if row and row[0] is not None else 0
    if found > SCHEMA_VERSION:
        raise StoreError(f"store schema v{found} is newer than this dateline (v{SCHEMA_VERSION}); upgrade dateline")
    for version in range(found + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            MIGRATIONS[version - 1](con)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    create_views(con)
    return found


# ---------------------------------------------------------------------------------------------
# Flattening the pydantic model into rows
# ---------------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def content_hash(url: str | None, text: str) -> str:
    return hashlib.sha256(f"{url or ''}\n{text}".encode()).hexdigest()[:24]


def document_id(out: EventDocument) -> str:
    """Document.id when the clean stage set a real hash; otherwise our own hash of url + text."""
    doc_id = (out.document.id or "").lower()
    return doc_id if _HEX.match(doc_id) else content_hash(out.document.url, out.document.text)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def parse_bounds(value: str | None) -> tuple[date | None, date | None]:
    """First and last day an ISO-ish value covers: 2022-01-13, 2022-01, 2022, 2022-W03, 2022-01-13T10:00."""
    if not value:
        return None, None
    v = value.strip()
    try:
        if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.match(r"^(\d{4})-W(\d{2})$", v):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := re.match(r"^(\d{4})-(\d{2})$", v):
            start = date(int(m[1]), int(m[2]), 1)
            nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return start, nxt - timedelta(days=1)
        if m := re.match(r"^(\d{4})$", v):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None, None
    return None, None


def event_dates(ev: Event, published: date | None) -> tuple[date | None, date | None, str | None, bool]:
    """Start, end, precision and inferred flag; an undated event falls back to the publication day."""
    di = ev.date
    if di is not None:
        start, _ = parse_bounds(di.start) if di.start else parse_bounds(di.value)
        _, end = parse_bounds(di.end) if di.end else parse_bounds(di.value)
        if start is None and end is not None:
            start = end
        if start is not None:
            return start, end or start, di.precision, di.inferred
    return published, published, "day" if published else None, True


def _actor_row(event_id: str, role: str, pos: int, a: Actor) -> dict[str, Any]:
    return {
        "event_id": event_id, "role": role, "position": pos, "name": a.name, "text": a.text,
        "country": a.country, "sector": a.sector, "sectors": list(a.sectors), "org": a.org, "kind": a.kind,
        "start_char": a.start, "end_char": a.end,
    }


def event_rows(doc_id: str, out: EventDocument) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for `events` and `event_actors`; event ids are `<document id>:<event id>`, unique in the store."""
    published, _ = parse_bounds(out.document.published)
    events: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    seen: set[str] = set()
    for seq, ev in enumerate(out.events):
        eid = f"{doc_id}:{ev.id or seq}"
        if eid in seen:  # a coder that repeats ids must not make us lose an event
            eid = f"{eid}.{seq}"
        seen.add(eid)
        start, end, precision, inferred = event_dates(ev, published)
        loc = ev.location
        events.append({
            "id": eid, "document_id": doc_id, "seq": seq, "event_type": ev.event_type, "mode": ev.mode,
            "cameo": ev.cameo, "context": list(ev.context),
            "date_text": ev.date.text if ev.date else None, "date_value": ev.date.value if ev.date else None,
            "date_start": start, "date_end": end, "date_precision": precision, "date_inferred": inferred,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "country": loc.country if loc else None, "location_name": (loc.name or loc.text) if loc else None,
            "admin1": loc.admin1 if loc else None, "geonames_id": loc.geonames_id if loc else None,
            "location_precision": loc.precision if loc else None, "location_kind": loc.kind if loc else None,
            "confidence": ev.confidence,
            "sentence": ev.evidence.sentence, "sentence_start": ev.evidence.start, "sentence_end": ev.evidence.end,
            "trigger": ev.evidence.trigger, "trigger_start": ev.evidence.trigger_start,
            "trigger_end": ev.evidence.trigger_end, "in_title": ev.evidence.in_title,
            "negated": ev.modality.negated, "future": ev.modality.future,
            "hypothetical": ev.modality.hypothetical, "claimed": ev.modality.claimed,
            "claim_source": ev.modality.source,
            "size_json": json.dumps(ev.size) if ev.size else None, "event_json": ev.model_dump_json(),
            "cluster_id": None,
        })
        actors.extend(_actor_row(eid, "actor", i, a) for i, a in enumerate(ev.actors))
        actors.extend(_actor_row(eid, "recipient", i, a) for i, a in enumerate(ev.recipients))
    return events, actors


_DOC_COLUMNS = ("id", "raw_hash", "url", "host", "title", "published", "published_raw", "source", "language",
                "text", "status", "reason", "origin", "num_events", "doc_json", "raw_json", "ingested_at")
_EVENT_COLUMNS = ("id", "document_id", "seq", "event_type", "mode", "cameo", "context", "date_text", "date_value",
                  "date_start", "date_end", "date_precision", "date_inferred", "lat", "lon", "country",
                  "location_name", "admin1", "geonames_id", "location_precision", "location_kind", "confidence", "sentence",
                  "sentence_start", "sentence_end", "trigger", "trigger_start", "trigger_end", "in_title", "negated",
                  "future", "hypothetical", "claimed", "claim_source", "size_json", "event_json", "cluster_id")
_ACTOR_COLUMNS = ("event_id", "role", "position", "name", "text", "country", "sector", "sectors", "org", "kind",
                  "start_char", "end_char")


def document_row(out: EventDocument, *, raw_hash: str | None = None, origin: str | None = None,
                 status: str | None = None, reason: str | None = None) -> dict[str, Any]:
    doc = out.document
    doc_id = document_id(out)
    if status is None:
        # A document with no codable body (empty, not English) is kept, marked skipped, with the why.
        codable = bool(doc.text.strip()) and (doc.language or "en").startswith("en")
        status = "ok" if codable else "skipped"
        if not codable and reason is None:
            reason = "; ".join(out.warnings) or "no codable text"
    published, _ = parse_bounds(doc.published)
    return {
        "id": doc_id, "raw_hash": raw_hash, "url": doc.url, "host": host_of(doc.url), "title": doc.title,
        "published": published, "published_raw": doc.published, "source": doc.source, "language": doc.language,
        "text": doc.text, "status": status, "reason": reason, "origin": origin, "num_events": len(out.events),
        "doc_json": out.model_dump_json(), "raw_json": None, "ingested_at": _now(),
    }


def _arrow(rows: Sequence[dict[str, Any]], columns: Sequence[str], con: duckdb.DuckDBPyConnection,
           table: str) -> pa.Table:
    """Rows to an Arrow table typed like the target table, so one INSERT ... SELECT writes a whole batch."""
    import pyarrow as pa  # imported here: it costs a cold `dateline extract`, which never writes

    # DuckDB's executemany goes row by row; a registered Arrow table is one vectorised insert.
    types = dict(con.execute(f"SELECT column_name, data_type FROM information_schema.columns "
                             f"WHERE table_name = '{table}'").fetchall())
    arrays = []
    for col in columns:
        values = [r.get(col) for r in rows]
        arrays.append(pa.array(values, type=_arrow_type(types[col])))
    return pa.Table.from_arrays(arrays, names=list(columns))


def _arrow_type(duck: str) -> pa.DataType:
    import pyarrow as pa

    return {
        "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
        "VARCHAR[]": pa.list_(pa.string()),
    }[duck]


# ---------------------------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------------------------


class Store:
    """One DuckDB file. Open it, read or write, close it (or use it as a context manager).

    DuckDB allows one writing process per file: open with read_only=True to query while nothing writes.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (run 'dateline ingest' first)")
        import duckdb  # here, not at the top: `dateline extract` imports this module but never opens a store

        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            migrate(self.con)

    # -- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: a crash inside leaves the file as it was before."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- writes -----------------------------------------------------------------------------

    def known_raw_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        if not hashes:
            return set()
        rows = self.con.execute("SELECT raw_hash FROM documents WHERE raw_hash IN (SELECT unnest(?))",
                                [hashes]).fetchall()
        return {r[0] for r in rows}

    def unreadable_failures(self, origins: Iterable[str]) -> list[str]:
        """Ids of failed rows for inputs that could not be read at all (no raw input kept) from these origins."""
        origins = list(origins)
        if not origins:
            return []
        rows = self.con.execute("SELECT id FROM documents WHERE status = 'failed' AND raw_json IS NULL "
                                "AND origin IN (SELECT unnest(?)) ORDER BY id", [origins]).fetchall()
        return [r[0] for r in rows]

    def known_document_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, docs: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]],
                    actors: Sequence[dict[str, Any]], *, replace_ids: Sequence[str] = ()) -> int:
        """Insert one batch in one transaction; documents already stored are left alone. Returns documents added.

        replace_ids: documents (failed ones being retried) deleted in the same transaction.
        """
        with self.transaction() as con:
            if replace_ids:
                con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?)) AND status = 'failed'",
                            [list(replace_ids)])
            existing = self.known_document_ids(d["id"] for d in docs)
            # Keep the first copy of a document seen twice within the batch too.
            fresh: dict[str, dict[str, Any]] = {}
            for d in docs:
                if d["id"] not in existing and d["id"] not in fresh:
                    fresh[d["id"]] = d
            keep_events = [e for e in events if e["document_id"] in fresh]
            event_ids = {e["id"] for e in keep_events}
            keep_actors = [a for a in actors if a["event_id"] in event_ids]
            self._insert(con, "documents", _DOC_COLUMNS, list(fresh.values()))
            self._insert(con, "events", _EVENT_COLUMNS, keep_events)
            self._insert(con, "event_actors", _ACTOR_COLUMNS, keep_actors)
            if keep_events:
                self._set_meta(con, "clusters_stale", "1")
        return len(fresh)

    def _insert(self, con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str],
                rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        batch = _arrow(rows, columns, con, table)  # noqa: F841 - read by DuckDB through its name
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM batch")

    def add_documents(self, outs: Iterable[EventDocument], *, origin: str | None = None) -> int:
        """Store already-analysed documents (tests, `dateline extract` output). Returns documents added."""
        docs, events, actors = [], [], []
        for out in outs:
            row = document_row(out, origin=origin)
            docs.append(row)
            ev, ac = event_rows(row["id"], out)
            events += ev
            actors += ac
        return self.write_batch(docs, events, actors)

    def delete_document(self, doc_id: str) -> None:
        with self.transaction() as con:
            ids = [r[0] for r in con.execute("SELECT id FROM events WHERE document_id = ?", [doc_id]).fetchall()]
            if ids:
                con.execute("DELETE FROM event_actors WHERE event_id IN (SELECT unnest(?))", [ids])
                con.execute("DELETE FROM events WHERE document_id = ?", [doc_id])
                self._set_meta(con, "clusters_stale", "1")
            con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def ingest(self, raws: Iterable[Any], *, batch_size: int = 32, recluster: bool = True,
               progress: Callable[[Any], None] | None = None, workers: int = 1) -> Any:
        """Analyse and store raw articles (dateline.ingest.RawArticle); see dateline.engine.run."""
        from .engine import run

        return run(self, raws, batch_size=batch_size, recluster=recluster, progress=progress, workers=workers)

    def recluster(self, **options: Any) -> int:
        """Recompute every event cluster (deterministic); returns the number of clusters."""
        from .dedup import recluster

        return recluster(self, **options)

    def add_review(self, event_id: str, field: str, value: str | None, reviewer: str | None = None,
                   note: str | None = None) -> dict[str, Any]:
        """Record a person's correction of one field; the machine's coding stays in `events`."""
        field = {"type": "event_type", "event": "event_type"}.get(field, field)
        if field not in REVIEW_FIELDS:
            raise StoreError(f"cannot review {field!r}; fields: {', '.join(REVIEW_FIELDS)}")
        if not self.con.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone():
            raise StoreError(f"no event {event_id!r}")
        if field in ("date_start", "date_end") and value and parse_bounds(value)[0] is None:
            raise StoreError(f"{field} must be a date YYYY-MM-DD, not {value!r}")
        if field in ("lat", "lon") and value:
            try:
                float(value)
            except ValueError:
                raise StoreError(f"{field} must be a number, not {value!r}") from None
        at = _now()
        with self.transaction() as con:
            con.execute("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?)", [event_id, field, value, reviewer, at, note])
            if field in ("event_type", "date_start", "date_end", "country", "lat", "lon", "actor", "actor_country",
                         "recipient", "recipient_country", "valid"):
                self._set_meta(con, "clusters_stale", "1")
        return {"event_id": event_id, "field": field, "value": value, "reviewer": reviewer, "at": at.isoformat()}

    def reviews(self, event_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM reviews" + (" WHERE event_id = ?" if event_id else "") + " ORDER BY \"at\""
        return self._dicts(sql, [event_id] if event_id else [])

    # -- meta -------------------------------------------------------------------------------

    def _set_meta(self, con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @property
    def clusters_stale(self) -> bool:
        return self.get_meta("clusters_stale") == "1"

    # -- reads ------------------------------------------------------------------------------

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def sql(self, query: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run any SQL; returns column names and rows."""
        cur = self.con.execute(query, list(params))
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()

    def query_events(
        self,
        *,
        type: str | Sequence[str] | None = None,
        mode: str | None = None,
        actor: str | None = None,
        actor_country: str | None = None,
        actor_sector: str | None = None,
        recipient: str | None = None,
        recipient_country: str | None = None,
        country: str | None = None,
        near: tuple[float, float] | None = None,
        radius_km: float = 50.0,
        since: str | date | None = None,
        until: str | date | None = None,
        text: str | None = None,
        document_id: str | None = None,
        cluster_id: str | None = None,
        source: str | None = None,
        min_confidence: float | None = None,
        include_invalid: bool = False,
        limit: int | None = 100,
        offset: int = 0,
        order: str = "date",
    ) -> list[dict[str, Any]]:
        """Events (with corrections applied) matching every filter given.

        actor: matches an actor's name (case-insensitive substring), ISO3 country or sector code.
        near=(lat, lon) with radius_km: great-circle distance from the event's place.
        since/until: the event's date interval must overlap [since, until].
        text: substring of the evidence sentence or the article title.
        """
        where, params = self._event_filters(
            type=type, mode=mode, actor=actor, actor_country=actor_country, actor_sector=actor_sector,
            recipient=recipient, recipient_country=recipient_country, country=country, near=near,
            radius_km=radius_km, since=since, until=until, text=text, document_id=document_id,
            cluster_id=cluster_id, source=source, min_confidence=min_confidence, include_invalid=include_invalid,
        )
        order_sql = {"date": "date_start NULLS LAST, id", "confidence": "confidence DESC, id", "id": "id"}.get(order)
        if order_sql is None:
            raise StoreError(f"order must be date, confidence or id, not {order!r}")
        sql = f"SELECT * FROM events_current WHERE {where} ORDER BY {order_sql}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._dicts(sql, params)

    def count_events(self, **filters: Any) -> int:
        where, params = self._event_filters(**filters)
        row = self.con.execute(f"SELECT count(*) FROM events_current WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0

    def _event_filters(self, *, type: str | Sequence[str] | None = None, mode: str | None = None,
                       actor: str | None = None, actor_country: str | None = None,
                       actor_sector: str | None = None, recipient: str | None = None,
                       recipient_country: str | None = None, country: str | None = None,
                       near: tuple[float, float] | None = None, radius_km: float = 50.0,
                       since: str | date | None = None, until: str | date | None = None, text: str | None = None,
                       document_id: str | None = None, cluster_id: str | None = None, source: str | None = None,
                       min_confidence: float | None = None, include_invalid: bool = False,
                       ) -> tuple[str, list[Any]]:
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if not include_invalid:
            clauses.append("valid")
        if type:
            types = [type] if isinstance(type, str) else list(type)
            clauses.append("upper(event_type) IN (SELECT unnest(?))")
            params.append([t.upper() for t in types])
        if mode:
            clauses.append("lower(mode) = lower(?)")
            params.append(mode)
        for value, names, countries, sectors in ((actor, "actor_names", "actor_countries", "actor_sectors"),
                                                 (recipient, "recipient_names", "recipient_countries",
                                                  "recipient_sectors")):
            if value:
                clauses.append(
                    f"(array_to_string({names}, '|') ILIKE ? OR list_contains({countries}, upper(?))"
                    f" OR list_contains({sectors}, upper(?)))")
                params += [f"%{value}%", value, value]
        if actor_country:
            clauses.append("list_contains(actor_countries, upper(?))")
            params.append(actor_country)
        if actor_sector:
            clauses.append("list_contains(actor_sectors, upper(?))")
            params.append(actor_sector)
        if recipient_country:
            clauses.append("list_contains(recipient_countries, upper(?))")
            params.append(recipient_country)
        if country:
            clauses.append("(upper(country) = upper(?) OR list_contains(actor_countries, upper(?)))")
            params += [country, country]
        if near is not None:
            lat, lon = near
            clauses.append("lat IS NOT NULL AND " + _HAVERSINE_SQL.format(lat="?", lon="?") + " <= ?")
            params += [lat, lat, lon, float(radius_km)]
        if since:
            clauses.append("coalesce(date_end, date_start) >= CAST(? AS DATE)")
            params.append(str(since))
        if until:
            clauses.append("date_start <= CAST(? AS DATE)")
            params.append(str(until))
        if text:
            clauses.append("(sentence ILIKE ? OR title ILIKE ?)")
            params += [f"%{text}%", f"%{text}%"]
        if document_id:
            clauses.append("document_id = ?")
            params.append(document_id)
        if cluster_id:
            clauses.append("cluster_id = ?")
            params.append(cluster_id)
        if source:
            clauses.append("(source ILIKE ? OR host ILIKE ?)")
            params += [f"%{source}%", f"%{source}%"]
        if min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(float(min_confidence))
        return " AND ".join(clauses), params

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event with its actors, its cluster, every mention of the same real-world event
        (document, URL, evidence sentence and character spans) and every review."""
        rows = self._dicts("SELECT * FROM events_current WHERE id = ?", [event_id])
        if not rows:
            return None
        ev = rows[0]
        ev["actors"] = self._dicts(
            "SELECT role, position, name, text, country, sector, sectors, org, kind, start_char, end_char "
            "FROM event_actors WHERE event_id = ? ORDER BY role, position", [event_id])
        raw = self.con.execute("SELECT event_json FROM events WHERE id = ?", [event_id]).fetchone()
        ev["event"] = json.loads(raw[0]) if raw and raw[0] else None
        ev["reviews"] = self.reviews(event_id)
        ev["cluster"] = self.get_cluster(ev["cluster_id"]) if ev["cluster_id"] else None
        mention_filter = "e.cluster_id = ?" if ev["cluster_id"] else "e.id = ?"
        ev["mentions"] = self._dicts(
            f"""SELECT e.id AS event_id, e.document_id, d.url, d.title, d.source, d.host, d.published,
                   e.sentence, e.sentence_start, e.sentence_end, e.trigger, e.trigger_start, e.trigger_end,
                   coalesce(e.in_title, FALSE) AS in_title
                FROM events e JOIN documents d ON d.id = e.document_id
                WHERE {mention_filter} ORDER BY d.published NULLS LAST, e.id""",
            [ev["cluster_id"] or event_id])
        return ev

    def get_cluster(self, cluster_id: str) -> dict[str, Any] | None:
        rows = self._dicts("SELECT * FROM clusters WHERE id = ?", [cluster_id])
        if not rows:
            return None
        cl = rows[0]
        cl["event_ids"] = [r[0] for r in self.con.execute(
            "SELECT id FROM events WHERE cluster_id = ? ORDER BY id", [cluster_id]).fetchall()]
        return cl

    def query_clusters(self, *, type: str | None = None, min_sources: int = 1, since: str | None = None,
                       until: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        clauses, params = ["num_sources >= ?"], [min_sources]
        if type:
            clauses.append("upper(event_type) = upper(?)")
            params.append(type)
        if since:
            clauses.append("date_end >= CAST(? AS DATE)")
            params.append(since)
        if until:
            clauses.append("date_start <= CAST(? AS DATE)")
            params.append(until)
        sql = (f"SELECT * FROM clusters WHERE {' AND '.join(clauses)} "
               "ORDER BY num_sources DESC, num_articles DESC, date_start, id")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._dicts(sql, params)

    def get_document(self, doc_id: str, *, full: bool = True) -> dict[str, Any] | None:
        """A stored document's row; with full=True also the whole EventDocument and its stored event ids."""
        rows = self._dicts("SELECT * EXCLUDE (doc_json, raw_json) FROM documents WHERE id = ?", [doc_id])
        if not rows:
            return None
        doc = rows[0]
        if full:
            raw = self.con.execute("SELECT doc_json FROM documents WHERE id = ?", [doc_id]).fetchone()
            doc["event_document"] = json.loads(raw[0]) if raw and raw[0] else None
            doc["event_ids"] = [r[0] for r in self.con.execute(
                "SELECT id FROM events WHERE document_id = ? ORDER BY seq", [doc_id]).fetchall()]
        return doc

    def event_document(self, doc_id: str) -> EventDocument | None:
        raw = self.con.execute("SELECT doc_json FROM documents WHERE id = ?", [doc_id]).fetchone()
        return EventDocument.model_validate_json(raw[0]) if raw and raw[0] else None

    def documents(self, *, status: str | None = None, limit: int | None = 100, offset: int = 0
                  ) -> list[dict[str, Any]]:
        sql = ("SELECT id, url, title, published, source, status, reason, num_events, origin, ingested_at "
               "FROM documents" + (" WHERE status = ?" if status else "") + " ORDER BY ingested_at, id")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._dicts(sql, [status] if status else [])

    def actors(self, *, role: str | None = None, q: str | None = None, country: str | None = None,
               limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Actors by number of events they take part in (corrected values), most frequent first."""
        clauses, params = ["valid"], []
        if role not in (None, "actor", "recipient"):
            raise StoreError("role must be actor or recipient")
        if q:
            clauses.append("name ILIKE ?")
            params.append(f"%{q}%")
        if country:
            clauses.append("upper(country) = upper(?)")
            params.append(country)
        if role:
            clauses.append("role = ?")
            params.append(role)
        sql = f"""
            WITH x AS (
                -- the machine's actors, unless a reviewer replaced that role's actors
                SELECT c.id, c.valid, ea.role, ea.name, ea.country, ea.sector
                FROM event_actors ea JOIN events_current c ON c.id = ea.event_id
                WHERE NOT (ea.role = 'actor' AND c.machine_actor_names <> c.actor_names)
                  AND NOT (ea.role = 'recipient' AND c.machine_recipient_names <> c.recipient_names)
                UNION ALL
                SELECT c.id, c.valid, 'actor', c.actor_names[1], c.actor_countries[1], c.actor_sectors[1]
                FROM events_current c WHERE c.machine_actor_names <> c.actor_names AND len(c.actor_names) > 0
                UNION ALL
                SELECT c.id, c.valid, 'recipient', c.recipient_names[1], c.recipient_countries[1],
                       c.recipient_sectors[1]
                FROM events_current c WHERE c.machine_recipient_names <> c.recipient_names
                  AND len(c.recipient_names) > 0
            )
            SELECT name, country, mode(sector) AS sector, count(DISTINCT id) AS events,
                   count(DISTINCT id) FILTER (WHERE role = 'actor') AS as_actor,
                   count(DISTINCT id) FILTER (WHERE role = 'recipient') AS as_recipient
            FROM x WHERE {' AND '.join(clauses)}
            GROUP BY name, country ORDER BY events DESC, name, country NULLS LAST"""
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._dicts(sql, params)

    def timeline(self, who: str, *, by: str = "day", since: str | None = None, until: str | None = None,
                 type: str | None = None) -> list[dict[str, Any]]:
        """Event counts per period and type for a country (ISO3, as actor, recipient or place) or an actor name."""
        if by not in ("day", "week", "month", "year"):
            raise StoreError("by must be day, week, month or year")
        who_sql = ("(list_contains(actor_countries, upper(?)) OR list_contains(recipient_countries, upper(?))"
                   " OR upper(country) = upper(?)"
                   " OR array_to_string(actor_names, '|') ILIKE ?"
                   " OR array_to_string(recipient_names, '|') ILIKE ?)")
        params: list[Any] = [who, who, who, f"%{who}%", f"%{who}%"]
        clauses = ["valid", "date_start IS NOT NULL", who_sql]
        if since:
            clauses.append("date_start >= CAST(? AS DATE)")
            params.append(since)
        if until:
            clauses.append("date_start <= CAST(? AS DATE)")
            params.append(until)
        if type:
            clauses.append("upper(event_type) = upper(?)")
            params.append(type)
        sql = f"""SELECT CAST(date_trunc('{by}', date_start) AS DATE) AS period, event_type,
                         count(*) AS events, count(DISTINCT coalesce(cluster_id, id)) AS clusters
                  FROM events_current WHERE {' AND '.join(clauses)}
                  GROUP BY ALL ORDER BY period, events DESC, event_type"""
        return self._dicts(sql, params)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts of documents by status, events, clusters (and multi-source ones), top actors and types."""
        status = dict(self.con.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
        one = self.con.execute("""SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_actors),
                                         (SELECT count(*) FROM clusters),
                                         (SELECT count(*) FROM clusters WHERE num_sources > 1),
                                         (SELECT count(*) FROM reviews),
                                         (SELECT count(DISTINCT coalesce(source, host)) FROM documents)
                               """).fetchone()
        assert one is not None
        return {
            "documents": sum(status.values()),
            "documents_ok": status.get("ok", 0),
            "documents_skipped": status.get("skipped", 0),
            "documents_failed": status.get("failed", 0),
            "events": one[0],
            "event_actors": one[1],
            "clusters": one[2],
            "clusters_multi_source": one[3],
            "reviews": one[4],
            "sources": one[5],
            "clusters_stale": self.clusters_stale,
            "top_types": self._dicts(
                "SELECT event_type, count(*) AS events FROM events_current WHERE valid "
                f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {int(top)}"),
            "top_actors": self.actors(limit=top),
            "schema_version": SCHEMA_VERSION,
        }

    def failures(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT id, origin, url, reason, raw_json FROM documents WHERE status = 'failed' "
                           "ORDER BY ingested_at, id")

    def counts(self) -> dict[str, int]:
        """Row counts of every table: what kill_resume.py compares."""
        out = {}
        for table in ("documents", "events", "event_actors", "clusters", "reviews"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out


_HAVERSINE_SQL = ("(2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - {lat}) / 2), 2) + cos(radians({lat})) "
                  "* cos(radians(lat)) * pow(sin(radians(lon - {lon}) / 2), 2))))")
