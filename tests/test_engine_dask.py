"""The dask engine: same rows as the local engine, the CLI options, a bad scheduler, a worker that dies."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import dask
import distributed  # noqa: F401  registers its config defaults before a test sets one of them (see below)
import duckdb
import pytest
import typer
from typer.testing import CliRunner

from dateline import cli_corpus
from dateline.engine import run
from dateline.executors import Dask, EngineError, make_executor
from dateline.ingest import RawArticle
from dateline.models import EventDocument
from dateline.sources import iter_sources
from dateline.store import Store
from test_store import fake_analyse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
POISON = "this article kills the process that reads it"

# Every column but the time a row was written; rows in the order they were inserted.
TABLES = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY rowid",
    "events": "SELECT * FROM events ORDER BY rowid",
    "event_actors": "SELECT * FROM event_actors ORDER BY rowid",
    "clusters": "SELECT * FROM clusters ORDER BY ALL",
}


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: con.execute(query).fetchall() for table, query in TABLES.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def cluster() -> Iterator[Dask]:
    """Two single-threaded worker processes, each loading the real pipeline once."""
    executor = Dask(workers=2)
    yield executor
    executor.close()


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    app.command("ingest")(cli_corpus.ingest_command)
    app.command("stats")(cli_corpus.stats_command)
    return app


def test_dask_engine_stores_the_same_rows_as_the_local_engine(cluster: Dask, tmp_path: Path) -> None:
    assert cluster.in_flight == 4 and len(cluster.client.nthreads()) == 2
    with Store(tmp_path / "local.duckdb") as store:
        local = run(store, iter_sources([str(EXAMPLES)]), batch_size=2)
    with Store(tmp_path / "dask.duckdb") as store:
        distributed = run(store, iter_sources([str(EXAMPLES)]), batch_size=2, executor=cluster)
    assert local.seen == distributed.seen >= 5 and local.failed == distributed.failed == 0
    assert (local.added, local.events) == (distributed.added, distributed.events)
    expected = rows(tmp_path / "local.duckdb")
    assert expected["events"] and expected["event_actors"]  # a comparison of empty tables would prove nothing
    assert rows(tmp_path / "dask.duckdb") == expected


def test_cli_engine_dask_on_a_running_scheduler(cluster: Dask, app: typer.Typer, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    args = ["ingest", str(EXAMPLES), "--db", db, "--engine", "dask", "--scheduler", cluster.client.scheduler.address,
            "--batch-size", "3", "--json", "-q"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, (first.output, first.exception)
    report = json.loads(first.stdout)
    assert report["added"] == report["seen"] >= 5 and report["failed"] == 0 and report["events"] > 0
    again = json.loads(CliRunner().invoke(app, args).stdout)
    assert again["added"] == 0 and again["known"] == report["seen"]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:{port}", "no-port-here", "bogus://host:1"])
def test_cli_bad_scheduler_is_a_one_line_error(app: typer.Typer, tmp_path: Path, address: str) -> None:
    address = address.format(port=_closed_port())
    db = tmp_path / "never.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--engine", "dask",
                                      "--scheduler", address, "-q"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot reach the dask scheduler at {address}: ")
    assert not db.exists()  # failed before the store was opened


def test_scheduler_is_only_for_the_dask_engine() -> None:
    with pytest.raises(EngineError, match="--engine dask"):
        make_executor("local", 1, "tcp://127.0.0.1:8786")


def dies_on_poison(raws: list[RawArticle]) -> list[EventDocument | Exception]:
    """A made-up coder whose process dies outright (as on a segfault or the OOM killer) on one article."""
    if any(POISON in r.content for r in raws):
        os._exit(1)
    return fake_analyse(raws)


def test_a_dying_worker_costs_only_the_article_that_kills_it(tmp_path: Path) -> None:
    raws = [RawArticle(content=f"Farmers marched through Lyon on day {i}.", url=f"https://x.example/{i}")
            for i in range(5)]
    raws.insert(2, RawArticle(content=f"Farmers marched; {POISON}.", url="https://x.example/poison"))
    # No retries of a task whose worker died, so the test needs two deaths, not eight.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), Dask(workers=1, warm=False) as executor:
        with Store(tmp_path / "s.duckdb") as store:
            report = run(store, raws, batch_size=3, analyse=dies_on_poison, executor=executor)
            status = dict(store.con.execute("SELECT url, status || ' ' || coalesce(reason, '') FROM documents")
                          .fetchall())
    assert (report.seen, report.ok, report.failed) == (6, 5, 1)
    assert status["https://x.example/poison"] == "failed WorkerDied: the dask worker analysing this article died"
    assert all(v == "ok " for k, v in status.items() if not k.endswith("poison"))


def pid_stamped(raws: list[RawArticle]) -> list[EventDocument | Exception]:
    """fake_analyse, slowed down, with the analysing process's id in each document's warnings."""
    time.sleep(0.4)
    out = fake_analyse(raws)
    for doc in out:
        if isinstance(doc, EventDocument):
            doc.warnings.append(f"pid {os.getpid()}")
    return out


@pytest.mark.timeout(180)
def test_local_cluster_workers_are_replaced_after_their_lifetime(tmp_path: Path) -> None:
    raws = [RawArticle(content=f"Farmers marched through Lyon on day {i}.", url=f"https://x.example/{i}")
            for i in range(16)]
    with Dask(workers=1, warm=False, lifetime="3s") as executor, Store(tmp_path / "s.duckdb") as store:
        executor.heal_every = 2.0  # a restart the cluster gave up on is made good within seconds
        report = run(store, raws, batch_size=1, analyse=pid_stamped, executor=executor)
        docs = store.con.execute("SELECT doc_json FROM documents").fetchall()
    assert (report.seen, report.ok, report.failed) == (16, 16, 0)
    pids = {w for (doc,) in docs for w in json.loads(doc)["warnings"] if w.startswith("pid ")}
    assert len(pids) >= 2  # ~6 s of work on one worker that lives 3 s: a second process took over


@pytest.mark.timeout(180)
def test_a_local_cluster_that_lost_its_only_worker_starts_a_new_one(tmp_path: Path) -> None:
    raws = [RawArticle(content=f"Farmers marched through Lyon on day {i}.", url=f"https://x.example/{i}")
            for i in range(3)]
    # A worker the cluster has given up on (as when a retired worker's restart is slower than this timeout).
    with dask.config.set({"distributed.deploy.lost-worker-timeout": "200ms"}), \
            Dask(workers=1, warm=False) as executor, Store(tmp_path / "s.duckdb") as store:
        executor.heal_every = 1.0
        (nanny,) = executor.cluster.workers.values()
        executor.cluster.sync(nanny.close)
        deadline = time.monotonic() + 60
        while executor.cluster.workers and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not executor.cluster.workers
        report = run(store, raws, batch_size=2, analyse=pid_stamped, executor=executor)
        assert len(executor.cluster.workers) == 1
    assert (report.seen, report.ok, report.failed) == (3, 3, 0)


def test_worker_lifetime_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.executors import ENV_WORKER_LIFETIME, _lifetime_config

    assert _lifetime_config("90s")["distributed.worker.lifetime.duration"] == "90s"
    monkeypatch.setenv(ENV_WORKER_LIFETIME, "off")
    assert _lifetime_config(None) == {}
