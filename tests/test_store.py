"""Store tests: schema and migrations, idempotent batch writes, queries, reviews, crash safety."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import duckdb
import pytest

from dateline.engine import IngestReport, run
from dateline.ingest import RawArticle
from dateline.models import Actor, DateInfo, Document, Event, EventDocument, Evidence, Location
from dateline.store import SCHEMA_VERSION, Store, StoreError, _migration_1, migrate


def make_doc(text: str, *, url: str, source: str | None = None, published: str | None = "2024-03-05",
             events: list[dict[str, Any]] | None = None, doc_id: str = "") -> EventDocument:
    """An EventDocument whose events' spans are found in `text` by search (made-up content)."""
    evs = []
    for i, spec in enumerate(events or []):
        trigger = spec["trigger"]
        t0 = text.index(trigger)
        s0 = max(text.rfind(". ", 0, t0) + 2, 0) if text.rfind(". ", 0, t0) >= 0 else 0
        s1 = text.find(".", t0) + 1 or len(text)

        def actor(value: tuple[str, str | None, str | None] | None) -> list[Actor]:
            if value is None:
                return []
            name, country, sector = value
            start = text.find(name)
            return [Actor(text=name, name=name, country=country, sector=sector,
                          start=start if start >= 0 else None, end=start + len(name) if start >= 0 else None)]

        place = spec.get("place")
        evs.append(Event(
            id=f"e{i + 1}", event_type=spec["type"], mode=spec.get("mode"), cameo=spec.get("cameo"),
            actors=actor(spec.get("actor")), recipients=actor(spec.get("recipient")),
            date=DateInfo(value=spec["date"], start=spec["date"], end=spec.get("date_end", spec["date"]),
                          precision=spec.get("precision", "day")) if spec.get("date") else None,
            location=Location(text=place[0], name=place[0], country=place[1], lat=place[2], lon=place[3],
                              kind=spec.get("kind", "city")) if place else None,
            size=spec.get("size", {}),
            evidence=Evidence(sentence=text[s0:s1], start=s0, end=s1, trigger=trigger, trigger_start=t0,
                              trigger_end=t0 + len(trigger)),
            confidence=spec.get("confidence", 0.7),
        ))
    return EventDocument(document=Document(id=doc_id, url=url, title=text.split(".")[0][:60], published=published,
                                           text=text, source=source), events=evs)


LYON = ("Lyon", "FRA", 45.76, 4.83)
PROTEST_TEXT = "Farmers marched through Lyon on Tuesday against fuel prices. Police watched the crowd."


def protest(url: str = "https://one.example/a", source: str = "One", **kw: Any) -> EventDocument:
    spec = {"type": "PROTEST", "mode": "demonstrate", "trigger": "marched", "actor": ("Farmers", "FRA", "AGR"),
            "recipient": ("Police", "FRA", "COP"), "date": "2024-03-05", "place": LYON}
    spec.update(kw.pop("spec", {}))
    return make_doc(PROTEST_TEXT, url=url, source=source, events=[spec], **kw)


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    yield s
    s.close()


def test_store_creates_schema_at_current_version(store: Store) -> None:
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "events", "event_actors", "clusters", "reviews", "schema_version"} <= tables
    assert store.con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert migrate(store.con) == SCHEMA_VERSION  # running again changes nothing


def test_store_migrates_an_older_file(tmp_path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    _migration_1(con)
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with Store(path) as s:
        cols = {r[0] for r in s.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        assert "location_kind" in cols
        assert s.add_documents([protest()]) == 1


def test_store_adds_each_document_once(store: Store) -> None:
    assert store.add_documents([protest(), protest(url="https://two.example/b", source="Two")]) == 2
    assert store.add_documents([protest()]) == 0
    assert store.counts()["documents"] == 2
    assert store.counts()["events"] == 2
    assert store.counts()["event_actors"] == 4


def test_store_keys_by_document_id_or_content_hash(store: Store) -> None:
    given = "ab12" * 6
    store.add_documents([protest(doc_id=given), protest(url="https://x.example/1", doc_id="placeholder")])
    ids = {r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()}
    assert given in ids
    other = (ids - {given}).pop()
    assert re.fullmatch(r"[0-9a-f]{24}", other)


def test_store_batch_is_all_or_nothing(store: Store) -> None:
    good = protest()
    from dateline.store import document_row, event_rows

    row = document_row(good)
    events, actors = event_rows(row["id"], good)
    bad_actor = dict(actors[0], position="not a number")
    with pytest.raises(Exception):  # noqa: B017 - any failure inside must roll everything back
        store.write_batch([row], events, [*actors, bad_actor])
    assert store.counts() == {"documents": 0, "events": 0, "event_actors": 0, "clusters": 0, "reviews": 0}


def test_query_events_filters(store: Store) -> None:
    kyiv = make_doc("Russian forces shelled Kyiv on Monday. Ukraine condemned the attack.",
                    url="https://three.example/c", source="Three", published="2024-02-12",
                    events=[{"type": "ASSAULT", "trigger": "shelled", "actor": ("Russian forces", "RUS", "MIL"),
                             "recipient": ("Kyiv", "UKR", None), "date": "2024-02-12",
                             "place": ("Kyiv", "UKR", 50.45, 30.52)},
                            {"type": "ACCUSE", "trigger": "condemned", "actor": ("Ukraine", "UKR", "GOV"),
                             "recipient": ("Russia", "RUS", "GOV"), "date": "2024-02-12"}])
    store.add_documents([protest(), kyiv])
    assert [e["event_type"] for e in store.query_events(type="protest")] == ["PROTEST"]
    assert {e["event_type"] for e in store.query_events(actor="RUS")} == {"ASSAULT"}
    assert {e["event_type"] for e in store.query_events(actor="russian")} == {"ASSAULT"}
    assert {e["event_type"] for e in store.query_events(actor_sector="GOV")} == {"ACCUSE"}
    assert {e["event_type"] for e in store.query_events(recipient="RUS")} == {"ACCUSE"}
    assert {e["event_type"] for e in store.query_events(near=(50.4, 30.6), radius_km=20)} == {"ASSAULT"}
    assert store.query_events(near=(48.85, 2.35), radius_km=100) == []  # Paris is ~390 km from Lyon
    assert {e["event_type"] for e in store.query_events(near=(48.85, 2.35), radius_km=450)} == {"PROTEST"}
    assert {e["event_type"] for e in store.query_events(since="2024-03-01")} == {"PROTEST"}
    assert {e["event_type"] for e in store.query_events(until="2024-02-12")} == {"ASSAULT", "ACCUSE"}
    assert {e["event_type"] for e in store.query_events(text="fuel")} == {"PROTEST"}
    assert len(store.query_events(limit=1)) == 1
    assert len(store.query_events(limit=2, offset=2)) == 1
    assert store.count_events(country="UKR") == 2


def test_get_event_and_document_keep_every_span(store: Store) -> None:
    doc = protest()
    store.add_documents([doc, protest(url="https://two.example/b", source="Two")])
    store.recluster()
    eid = store.query_events(source="One")[0]["id"]
    ev = store.get_event(eid)
    assert ev is not None
    assert ev["cluster"]["num_sources"] == 2
    assert len(ev["mentions"]) == 2
    for m in ev["mentions"]:
        text = store.get_document(m["document_id"])["text"]
        assert text[m["trigger_start"]:m["trigger_end"]] == m["trigger"]
        assert text[m["sentence_start"]:m["sentence_end"]] == m["sentence"]
    assert {a["role"] for a in ev["actors"]} == {"actor", "recipient"}
    got = store.get_document(ev["document_id"])
    assert got["event_ids"] == [eid]
    assert EventDocument.model_validate(got["event_document"]) == doc


def test_review_overrides_queries_and_keeps_machine_value(store: Store) -> None:
    store.add_documents([protest()])
    eid = store.query_events()[0]["id"]
    store.add_review(eid, "type", "ASSAULT", reviewer="ann")
    store.add_review(eid, "actor", "Riot police", reviewer="ann")
    store.add_review(eid, "actor_country", "FRA", reviewer="ann")
    ev = store.query_events(type="ASSAULT")[0]
    assert ev["machine_event_type"] == "PROTEST"
    assert ev["actor_names"] == ["Riot police"] and ev["machine_actor_names"] == ["Farmers"]
    assert store.query_events(type="PROTEST") == []
    assert store.query_events(actor="riot")[0]["id"] == eid
    assert [r["field"] for r in store.reviews(eid)] == ["event_type", "actor", "actor_country"]
    store.add_review(eid, "valid", "false")
    assert store.query_events() == [] and len(store.query_events(include_invalid=True)) == 1
    with pytest.raises(StoreError):
        store.add_review(eid, "colour", "red")
    with pytest.raises(StoreError):
        store.add_review("nope:e1", "type", "PROTEST")
    with pytest.raises(StoreError):
        store.add_review(eid, "date_start", "last week")


def test_timeline_stats_and_actors(store: Store) -> None:
    store.add_documents([protest(), protest(url="https://two.example/b", source="Two", published="2024-03-06",
                                            spec={"date": "2024-03-06"})])
    store.recluster()
    tl = store.timeline("FRA", by="day")
    assert [(r["period"], r["events"]) for r in tl] == [(date(2024, 3, 5), 1), (date(2024, 3, 6), 1)]
    assert store.timeline("farmers", by="month")[0]["events"] == 2
    stats = store.stats()
    assert stats["documents_ok"] == 2 and stats["events"] == 2 and stats["top_types"][0]["event_type"] == "PROTEST"
    assert stats["clusters"] == 1 and stats["clusters_multi_source"] == 1
    top = {a["name"]: a for a in store.actors()}
    assert top["Farmers"]["as_actor"] == 2 and top["Police"]["as_recipient"] == 2


def _raws(n: int) -> list[RawArticle]:
    return [RawArticle(content=f"Story {i}. Farmers marched through Lyon.", url=f"https://site{i % 3}.example/{i}",
                       published="2024-03-05", source=f"Site {i % 3}") for i in range(n)]


def fake_analyse(raws: list[RawArticle]) -> list[EventDocument | Exception]:
    """The real clean stage, then one made-up PROTEST event per article that says 'marched'."""
    from dateline.clean import clean

    out: list[EventDocument | Exception] = []
    for raw in raws:
        if "broken" in raw.content:
            out.append(ValueError("cannot parse"))
            continue
        document, _ = clean(raw)
        events = [{"type": "PROTEST", "trigger": "marched", "actor": ("Farmers", "FRA", "AGR"),
                   "date": document.published, "place": LYON}] if "marched" in document.text else []
        doc = make_doc(document.text, url=document.url or "", source=document.source,
                       published=document.published, events=events, doc_id=document.id)
        out.append(doc)
    return out


class Crash(BaseException):
    """Stands in for kill -9: nothing after it runs, no cleanup code is reached."""


def test_engine_crash_then_resume_equals_uninterrupted_run(tmp_path) -> None:
    clean = Store(tmp_path / "clean.duckdb")
    run(clean, _raws(20), batch_size=4, analyse=fake_analyse)
    expected = clean.counts()
    clean.close()

    calls = {"n": 0}

    def dies_on_third_batch(raws: list[RawArticle]) -> list[EventDocument | Exception]:
        calls["n"] += 1
        if calls["n"] == 3:
            raise Crash
        return fake_analyse(raws)

    path = tmp_path / "crashy.duckdb"
    s = Store(path)
    with pytest.raises(Crash):
        run(s, _raws(20), batch_size=4, analyse=dies_on_third_batch)
    assert s.counts()["documents"] == 8  # two whole batches, nothing of the third
    s.close()
    with Store(path) as s:
        report = run(s, _raws(20), batch_size=4, analyse=fake_analyse)
        assert report.known == 8 and report.added == 12
        assert s.counts() == expected
        again = run(s, _raws(20), batch_size=4, analyse=fake_analyse)
        assert again.added == 0 and again.known == 20 and s.counts() == expected


def test_engine_records_failures_and_retry_replaces_them(tmp_path) -> None:
    from dateline.engine import retry_failed

    raws = _raws(3) + [RawArticle(content="A broken page. Farmers marched.", url="https://b.example/x")]
    with Store(tmp_path / "s.duckdb") as s:
        report: IngestReport = run(s, raws, batch_size=2, analyse=fake_analyse)
        assert (report.ok, report.failed) == (3, 1)
        failure = s.failures()[0]
        assert failure["reason"] == "ValueError: cannot parse"
        # Once fixed (here: an analyser that no longer fails), retry replaces the failure row.
        fixed = retry_failed(s, analyse=lambda rs: fake_analyse([RawArticle(content=r.content.replace("broken", "odd"),
                                                                            url=r.url) for r in rs]))
        assert fixed.added == 1 and s.failures() == []
        assert s.stats()["documents_ok"] == 4
        assert run(s, raws, analyse=fake_analyse).added == 0


def test_engine_tries_unreadable_inputs_again_and_drops_their_failure_once_read(tmp_path) -> None:
    from dateline.sources import iter_sources

    later = tmp_path / "later.txt"
    missing = tmp_path / "never.txt"
    inputs = [str(later), str(missing)]
    with Store(tmp_path / "s.duckdb") as s:
        first = run(s, iter_sources(inputs), analyse=fake_analyse)
        assert (first.failed, first.added) == (2, 2)  # two different unreadable inputs, two rows
        later.write_text("Farmers march\n\nMarch 5, 2024\n\nFarmers marched through Lyon on Tuesday.")
        second = run(s, iter_sources(inputs), analyse=fake_analyse)
        assert second.ok == 1
        rows = s.con.execute("SELECT origin, status FROM documents ORDER BY origin").fetchall()
        assert rows == [(str(later), "ok"), (str(missing), "failed")]
        third = run(s, iter_sources(inputs), analyse=fake_analyse)
        assert third.added == 0 and s.counts()["documents"] == 2


def test_engine_with_worker_processes_writes_the_same_rows(tmp_path) -> None:
    def rows(s: Store) -> list[tuple]:  # type: ignore[type-arg]
        return s.con.execute("SELECT id, status, num_events, doc_json FROM documents ORDER BY id").fetchall() + \
            s.con.execute("SELECT id, event_json, cluster_id FROM events ORDER BY id").fetchall()

    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "two.duckdb") as two:
        run(one, _raws(30), batch_size=4, analyse=fake_analyse)
        report = run(two, _raws(30), batch_size=4, analyse=fake_analyse, workers=2)
        assert report.added == 30
        assert rows(one) == rows(two)
