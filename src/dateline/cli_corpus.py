"""Corpus-mode commands (ingest, events, sql, timeline, stats, export, review, retry): thin wrappers over Store."""

from __future__ import annotations

import csv
import getpass
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .export import ExportFormat, ExportUnit, export
from .store import DEFAULT_DB, Store, StoreError

err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="The DuckDB store file.", envvar="DATELINE_DB")]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@contextmanager
def open_store(db: str, *, read_only: bool = False) -> Iterator[Store]:
    """Open the store, turning DuckDB's errors (missing file, lock held by a writer) into one-line messages."""
    import duckdb  # imported when a command opens a store, so that `dateline extract` starts without it

    try:
        store = Store(db, read_only=read_only)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    except duckdb.IOException as exc:
        err.print(f"[red]error:[/red] cannot open {db}: {str(exc).splitlines()[0]}")
        raise typer.Exit(2) from None
    try:
        yield store
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        store.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value if v is not None)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def emit(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
         title: str | None = None) -> None:
    """Print rows as a Rich table, JSON (one array) or CSV with a header."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        sys.stdout.write(json.dumps([{c: r.get(c) for c in columns} for r in rows], default=str, indent=1) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        Console().print(table)


# ---------------------------------------------------------------------------------------------


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs ('news/**/*.html'), JSON Lines (.gz), "
                                                "WARC(.gz), RSS/Atom files, feed or article URLs.")],
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch (one transaction each).")] = 32,
    limit: Annotated[int | None, typer.Option(min=1, help="Stop after this many articles.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes analysing batches (each loads spaCy).")] = 1,
    engine: Annotated[Engine, typer.Option(help="local: this machine's processes; dask: dask.distributed "
                                           "(a local cluster of --workers, or --scheduler's).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(help="Address of a running dask scheduler "
                                                  "(tcp://host:8786); for --engine dask.")] = None,
    fetch_links: Annotated[bool, typer.Option(help="For feeds: fetch each entry's page (else use the entry text).")]
    = True,
    delay: Annotated[float, typer.Option(help="Seconds between fetches from one feed.")] = 0.5,
    allow_private_urls: Annotated[bool, typer.Option(help="Allow URLs on private/loopback addresses.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    json_report: Annotated[bool, typer.Option("--json", help="Print the run's figures as JSON.")] = False,
) -> None:
    """Read articles into the store: analyse each once, skip what is stored, merge duplicate events.

    Re-running adds nothing; a run killed at any moment can be started again and finishes the job.
    Example: dateline ingest news/ feeds.rss https://example.org/story.html --db news.duckdb
    """
    from .engine import IngestReport, run
    from .executors import EngineError, make_executor
    from .sources import default_fetcher, iter_sources

    # Before the store opens: a wrong scheduler address costs nothing but a one-line error.
    try:
        executor = make_executor(engine.value, workers, scheduler)
    except EngineError as exc:
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    raws = iter_sources(inputs, fetcher=default_fetcher(allow_private=allow_private_urls),
                        fetch_links=fetch_links, delay=delay)
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}")]
    if limit:
        columns.append(BarColumn())
    columns += [TextColumn("{task.completed} articles"), TextColumn("{task.fields[rate]:.2f} art/s"),
                TextColumn("{task.fields[events]} events"), TextColumn("{task.fields[skipped]} already stored"),
                TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn()]
    with executor, open_store(db) as store, \
            Progress(*columns, console=err, disable=quiet, transient=False) as progress:
        task = progress.add_task("ingest", total=limit, rate=0.0, events=0, skipped=0, failed=0)

        def tick(r: IngestReport) -> None:
            progress.update(task, completed=r.seen, rate=r.articles_per_second, events=r.events,
                            skipped=r.known + r.duplicates, failed=r.failed)

        try:
            report = run(store, raws, batch_size=batch_size, progress=tick, limit=limit, executor=executor)
        except EngineError as exc:
            err.print(f"[red]error:[/red] {exc} (the batches written so far stay; run again to go on)",
                      soft_wrap=True)
            raise typer.Exit(2) from None
        progress.update(task, description="done")
        stats = store.stats(top=0)
    if json_report:
        sys.stdout.write(json.dumps({**report.as_dict(), "store": {k: v for k, v in stats.items()
                                                                   if not k.startswith("top_")}}) + "\n")
        return
    summary = {
        "articles read": report.seen, "new documents": report.added, "already stored": report.known,
        "duplicate documents": report.duplicates, "ok / skipped / failed": f"{report.ok} / {report.skipped} / "
        f"{report.failed}", "new events": report.events, "articles/s": f"{report.articles_per_second:.2f}",
        "store": f"{stats['documents']} documents, {stats['events']} events, {stats['clusters']} clusters "
                 f"({stats['clusters_multi_source']} multi-source)",
    }
    emit([{"": k, "value": v} for k, v in summary.items()], Format.table, title=f"ingest into {db}")
    if report.failed:
        err.print(f"[yellow]{report.failed} inputs failed;[/yellow] see `dateline sql \"SELECT origin, reason "
                  f"FROM documents WHERE status='failed'\" --db {db}`; `dateline retry --db {db}` runs them again")


TABLE_COLUMNS = ("id", "date", "type", "actor", "recipient", "place", "source")


def _who(names: list[str | None], countries: list[str | None]) -> str:
    return "; ".join(f"{n} [{c}]" if c else str(n) for n, c in zip(names, countries, strict=False) if n)


def table_row(e: dict[str, Any]) -> dict[str, Any]:
    """A compact line per event for the terminal; json and csv carry every column."""
    return {"id": e["id"], "date": e["date_start"], "type": f"{e['event_type']}/{e['mode']}" if e["mode"]
            else e["event_type"], "actor": _who(e["actor_names"], e["actor_countries"]),
            "recipient": _who(e["recipient_names"], e["recipient_countries"]),
            "place": e["location_name"] or e["country"], "source": e["source"] or e["host"]}


def _near(value: str | None) -> tuple[float, float] | None:
    if not value:
        return None
    try:
        lat, lon = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter("--near takes LAT,LON, e.g. --near 50.45,30.52") from None
    return lat, lon


def events_command(
    db: DbOption = DEFAULT_DB,
    type: Annotated[list[str] | None, typer.Option("--type", "-t", help="PLOVER event type (repeatable).")] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name (substring), ISO3 country or sector.")] = None,
    actor_country: Annotated[str | None, typer.Option(help="Actor ISO3 country.")] = None,
    actor_sector: Annotated[str | None, typer.Option(help="Actor sector code (GOV, MIL, ...).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient name, ISO3 country or sector.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 of the place or of an actor.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON: events within --radius of this point.")] = None,
    radius: Annotated[float, typer.Option(help="Radius in km for --near.")] = 50.0,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD: events on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD: events on or before.")] = None,
    text: Annotated[str | None, typer.Option(help="Words in the evidence sentence or headline.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name or web host.")] = None,
    cluster: Annotated[str | None, typer.Option(help="Only mentions of this cluster.")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="Lowest coder confidence.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    offset: Annotated[int, typer.Option(help="Rows to skip.")] = 0,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """List stored events (with reviewers' corrections applied).

    Example: dateline events --type PROTEST --actor RUS --since 2022-01-01 --format csv
    """
    with open_store(db, read_only=True) as store:
        rows = store.query_events(
            type=type or None, mode=mode, actor=actor, actor_country=actor_country, actor_sector=actor_sector,
            recipient=recipient, country=country, near=_near(near), radius_km=radius, since=since, until=until,
            text=text, source=source, cluster_id=cluster, min_confidence=min_confidence, limit=limit, offset=offset)
    if format is Format.table:
        emit([table_row(e) for e in rows], format, TABLE_COLUMNS, title=f"{len(rows)} events")
    else:
        emit(rows, format)


def sql_command(
    query: Annotated[str, typer.Argument(help="Any SQL; tables: documents, events, event_actors, clusters, reviews; "
                                              "view events_current (corrections applied).")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    write: Annotated[bool, typer.Option(help="Open the store writable (default: read only).")] = False,
) -> None:
    """Run SQL on the store.

    Example: dateline sql "SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"
    """
    import duckdb

    with open_store(db, read_only=not write) as store:
        try:
            columns, rows = store.sql(query)
        except duckdb.Error as exc:
            err.print(f"[red]error:[/red] {str(exc).splitlines()[0]}")
            raise typer.Exit(2) from None
    emit([dict(zip(columns, r, strict=True)) for r in rows], format, columns)


def timeline_command(
    who: Annotated[str, typer.Argument(help="ISO3 country code (as actor, recipient or place) or an actor name.")],
    db: DbOption = DEFAULT_DB,
    by: Annotated[Period, typer.Option(help="Period to count by.")] = Period.month,
    since: Annotated[str | None, typer.Option()] = None,
    until: Annotated[str | None, typer.Option()] = None,
    type: Annotated[str | None, typer.Option("--type", "-t")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Events over time for a country or actor, by period and type.

    Example: dateline timeline UKR --by week
    """
    with open_store(db, read_only=True) as store:
        rows = store.timeline(who, by=by.value, since=since, until=until, type=type)
    emit(rows, format, ("period", "event_type", "events", "clusters"), title=f"timeline of {who}")


def stats_command(
    db: DbOption = DEFAULT_DB,
    top: Annotated[int, typer.Option(help="How many top actors and types.")] = 10,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Documents (ok/skipped/failed), events, clusters, top actors and event types."""
    with open_store(db, read_only=True) as store:
        stats = store.stats(top=top)
    if format is not Format.table:
        if format is Format.json:
            sys.stdout.write(json.dumps(stats, default=str, indent=1) + "\n")
        else:
            emit([{"metric": k, "value": v} for k, v in stats.items() if not k.startswith("top_")], format)
        return
    emit([{"metric": k, "value": v} for k, v in stats.items() if not k.startswith("top_")], format, title=db)
    emit(stats["top_types"], format, ("event_type", "events"), title="top event types")
    emit(stats["top_actors"], format, ("name", "country", "sector", "events", "as_actor", "as_recipient"),
         title="top actors")


def export_command(
    format: Annotated[ExportFormat, typer.Argument(help="plover (JSONL), gdelt (CSV), acled (CSV) or parquet.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    db: DbOption = DEFAULT_DB,
    unit: Annotated[ExportUnit | None, typer.Option(help="events (every mention) or clusters (one row per "
                                                          "real-world event). Default: events for plover/parquet, "
                                                          "clusters for gdelt/acled.")] = None,
    type: Annotated[list[str] | None, typer.Option("--type", "-t")] = None,
    country: Annotated[str | None, typer.Option()] = None,
    since: Annotated[str | None, typer.Option()] = None,
    until: Annotated[str | None, typer.Option()] = None,
    tsv: Annotated[bool, typer.Option(help="Tab-separated (as GDELT ships its files).")] = False,
) -> None:
    """Export events with corrections applied; columns are documented in docs/corpus.md.

    Example: dateline export gdelt -o events.csv --since 2020-01-01
    """
    with open_store(db) as store:
        n = export(store, format, output, unit=unit, delimiter="\t" if tsv else ",", type=type or None,
                   country=country, since=since, until=until)
    err.print(f"wrote {n} rows to {output}")


def review_command(
    event_id: Annotated[str, typer.Argument(help="Event id as shown by `dateline events`.")],
    db: DbOption = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="Correct PLOVER event type.")] = None,
    mode: Annotated[str | None, typer.Option(help="Correct mode.")] = None,
    cameo: Annotated[str | None, typer.Option(help="Correct CAMEO code.")] = None,
    actor: Annotated[str | None, typer.Option(help="Correct actor name.")] = None,
    actor_country: Annotated[str | None, typer.Option(help="Correct actor ISO3.")] = None,
    actor_sector: Annotated[str | None, typer.Option(help="Correct actor sector.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Correct recipient name.")] = None,
    recipient_country: Annotated[str | None, typer.Option(help="Correct recipient ISO3.")] = None,
    recipient_sector: Annotated[str | None, typer.Option(help="Correct recipient sector.")] = None,
    date: Annotated[str | None, typer.Option(help="Correct date YYYY-MM-DD (start).")] = None,
    date_end: Annotated[str | None, typer.Option(help="Correct end date.")] = None,
    country: Annotated[str | None, typer.Option(help="Correct ISO3 of the place.")] = None,
    place: Annotated[str | None, typer.Option(help="Correct place name.")] = None,
    lat: Annotated[float | None, typer.Option(help="Correct latitude.")] = None,
    lon: Annotated[float | None, typer.Option(help="Correct longitude.")] = None,
    invalid: Annotated[bool | None, typer.Option("--invalid/--valid", help="Mark the event wrong (left out of "
                                                                            "queries and exports) or right.")] = None,
    reviewer: Annotated[str | None, typer.Option(help="Who reviews (default: your user name).")] = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Record a person's correction beside the machine's coding; queries and exports use it, both are kept.

    Example: dateline review 3f2a...:e1 --type ASSAULT --actor "Riot police" --actor-country FRA
    """
    changes = {"event_type": type, "mode": mode, "cameo": cameo, "actor": actor, "actor_country": actor_country,
               "actor_sector": actor_sector, "recipient": recipient, "recipient_country": recipient_country,
               "recipient_sector": recipient_sector, "date_start": date, "date_end": date_end, "country": country,
               "location_name": place, "lat": None if lat is None else str(lat),
               "lon": None if lon is None else str(lon),
               "valid": None if invalid is None else str(not invalid).lower()}
    changes = {k: v for k, v in changes.items() if v is not None}
    with open_store(db) as store:
        if changes:
            who = reviewer or getpass.getuser()
            for field, value in changes.items():
                store.add_review(event_id, field, value, who, note)
        event = store.get_event(event_id)
        if event is None:
            raise StoreError(f"no event {event_id!r}")
    shown = ("event_type", "mode", "date_start", "actor_names", "actor_countries", "recipient_names",
             "recipient_countries", "location_name", "country", "valid")
    machine = {"event_type": "machine_event_type", "mode": "machine_mode", "date_start": "machine_date_start",
               "actor_names": "machine_actor_names", "recipient_names": "machine_recipient_names",
               "country": "machine_country"}
    rows = [{"field": f, "machine": event.get(machine.get(f, f)), "current": event.get(f)} for f in shown]
    if format is Format.table:
        emit(rows, format, ("field", "machine", "current"), title=f"{event_id}: {len(event['reviews'])} corrections")
        emit(event["reviews"], format, ("field", "value", "reviewer", "at", "note"), title="reviews")
    else:
        emit(rows, format, ("field", "machine", "current"))


def retry_command(
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(min=1)] = 16,
) -> None:
    """Run failed documents through the pipeline again (after a fix); successes replace the failures."""
    from .engine import retry_failed

    with open_store(db) as store:
        report = retry_failed(store, batch_size=batch_size)
    emit([{"retried": report.seen, "now stored": report.added, "still failing": report.failed,
           "new events": report.events}], Format.table, title="retry")
