"""CLI tests for corpus mode: ingest, events, sql, timeline, stats, export, review, retry on made-up articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from dateline import cli_corpus, engine
from test_store import fake_analyse

COMMANDS = ("ingest", "events", "sql", "timeline", "stats", "export", "review", "retry")


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    for name in COMMANDS:
        app.command(name)(getattr(cli_corpus, f"{name}_command"))
    return app


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Farmers march in Lyon\n\nMarch 5, 2024\n\nFarmers marched through Lyon on Tuesday against fuel prices.\n\n"
                                  "Police watched the crowd from a distance.")
    records = [{"url": f"https://wire{i}.example/story", "source": f"Wire {i}", "published": "2024-03-05",
                "title": "Farmers march", "text": f"Farmers marched through Lyon on Tuesday, wire {i} reported."}
               for i in range(2)]
    (folder / "wires.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return folder


def invoke(app: typer.Typer, *args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The event coder is built elsewhere; these tests need known events, so a made-up coder stands in."""
    monkeypatch.setattr(engine, "analyse_batch", fake_analyse)


def test_cli_ingest_end_to_end_with_the_real_pipeline(app: typer.Typer, articles: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "real.duckdb")
    first = json.loads(invoke(app, "ingest", str(articles), "--db", db, "--json", "-q"))
    assert first["seen"] == 3 and first["added"] == 3 and first["failed"] == 0
    again = json.loads(invoke(app, "ingest", str(articles), "--db", db, "--json", "-q"))
    assert again["added"] == 0 and again["known"] == 3
    stats = json.loads(invoke(app, "stats", "--db", db, "--format", "json"))
    assert stats["documents_ok"] == 3 and stats["events"] == first["events"]


def test_cli_ingest_query_and_export(app: typer.Typer, articles: Path, tmp_path: Path, fake_coder: None) -> None:
    db = str(tmp_path / "s.duckdb")
    out = invoke(app, "ingest", str(articles), "--db", db)
    assert "new documents" in out
    stats = json.loads(invoke(app, "stats", "--db", db, "-f", "json"))
    assert (stats["documents_ok"], stats["events"], stats["clusters"], stats["clusters_multi_source"]) == (3, 3, 1, 1)
    events = json.loads(invoke(app, "events", "--db", db, "--type", "PROTEST", "--format", "json"))
    assert len(events) == 3 and {e["event_type"] for e in events} == {"PROTEST"}
    assert json.loads(invoke(app, "events", "--db", db, "--actor", "DEU", "--format", "json")) == []
    near = json.loads(invoke(app, "events", "--db", db, "--near", "45.7,4.8", "--radius", "25", "-f", "json"))
    assert len(near) == 3
    rows = list(csv.DictReader(io.StringIO(invoke(app, "events", "--db", db, "--format", "csv"))))
    assert len(rows) == 3 and rows[0]["actor_names"] == "Farmers"
    table = invoke(app, "events", "--db", db)
    assert "PROTEST" in table
    sql = json.loads(invoke(app, "sql", "SELECT num_sources FROM clusters", "--db", db, "-f", "json"))
    assert sql == [{"num_sources": 3}]
    timeline = json.loads(invoke(app, "timeline", "FRA", "--db", db, "--by", "day", "-f", "json"))
    assert timeline == [{"period": "2024-03-05", "event_type": "PROTEST", "events": 3, "clusters": 1}]
    for fmt, name in (("gdelt", "g.csv"), ("acled", "a.csv"), ("plover", "p.jsonl"), ("parquet", "e.parquet")):
        result = CliRunner().invoke(app, ["export", fmt, "-o", str(tmp_path / name), "--db", db])
        assert result.exit_code == 0, result.output
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'e.parquet'}')").fetchone()[0]
    assert n == 3


def test_cli_review_changes_what_queries_return(app: typer.Typer, articles: Path, tmp_path: Path,
                                                fake_coder: None) -> None:
    db = str(tmp_path / "s.duckdb")
    invoke(app, "ingest", str(articles), "--db", db, "-q")
    eid = json.loads(invoke(app, "events", "--db", db, "-f", "json"))[0]["id"]
    shown = json.loads(invoke(app, "review", eid, "--type", "ASSAULT", "--actor", "Riot police", "--reviewer", "ann",
                              "--db", db, "-f", "json"))
    fields = {r["field"]: r for r in shown}
    assert fields["event_type"] == {"field": "event_type", "machine": "PROTEST", "current": "ASSAULT"}
    assert fields["actor_names"]["current"] == ["Riot police"]
    assert [e["id"] for e in json.loads(invoke(app, "events", "--db", db, "--type", "ASSAULT", "-f", "json"))] == [eid]
    invoke(app, "review", eid, "--invalid", "--db", db)
    assert len(json.loads(invoke(app, "events", "--db", db, "-f", "json"))) == 2
    bad = CliRunner().invoke(app, ["review", "no-such-event", "--type", "PROTEST", "--db", db])
    assert bad.exit_code == 2 and "no event" in bad.output


def test_cli_reports_failures_and_retry(app: typer.Typer, articles: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "s.duckdb")

    def flaky(raws):  # type: ignore[no-untyped-def]
        return [RuntimeError("coder crashed") if "wire 1" in r.content else d
                for r, d in zip(raws, fake_analyse(raws), strict=True)]

    monkeypatch.setattr(engine, "analyse_batch", flaky)
    report = json.loads(invoke(app, "ingest", str(articles), "--db", db, "--json", "-q"))
    assert (report["ok"], report["failed"]) == (2, 1)
    failed = json.loads(invoke(app, "sql", "SELECT reason FROM documents WHERE status = 'failed'", "--db", db,
                               "-f", "json"))
    assert failed == [{"reason": "RuntimeError: coder crashed"}]
    monkeypatch.setattr(engine, "analyse_batch", fake_analyse)
    invoke(app, "retry", "--db", db)
    stats = json.loads(invoke(app, "stats", "--db", db, "-f", "json"))
    assert (stats["documents_ok"], stats["documents_failed"], stats["clusters_multi_source"]) == (3, 0, 1)


def test_cli_errors_are_one_line(app: typer.Typer, tmp_path: Path) -> None:
    missing = CliRunner().invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no such store" in missing.output
    db = str(tmp_path / "s.duckdb")
    invoke(app, "ingest", str(tmp_path / "nothing-here"), "--db", db, "-q")
    bad_sql = CliRunner().invoke(app, ["sql", "SELEC 1", "--db", db])
    assert bad_sql.exit_code == 2 and "error" in bad_sql.output
