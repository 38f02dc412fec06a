"""Export tests: every format loads back, CSV headers are the documented ones, corrections are exported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from dateline.export import ACLED_COLUMNS, GDELT_COLUMNS, PLOVER_FIELDS, export
from dateline.store import Store
from test_store import make_doc, protest


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    kyiv = make_doc("Russian forces shelled Kyiv on Monday, killing three people. Ukraine condemned the attack.",
                    url="https://three.example/c", source="Three", published="2024-02-12",
                    events=[{"type": "ASSAULT", "mode": "aerial", "cameo": "195", "trigger": "shelled",
                             "actor": ("Russian forces", "RUS", "MIL"), "recipient": ("Kyiv", "UKR", "CVL"),
                             "date": "2024-02-12", "place": ("Kyiv", "UKR", 50.45, 30.52), "size": {"killed": 3}},
                            {"type": "ACCUSE", "cameo": "111", "trigger": "condemned",
                             "actor": ("Ukraine", "UKR", "GOV"), "recipient": ("Russia", "RUS", "GOV"),
                             "date": "2024-02-12"}])
    s.add_documents([protest(), protest(url="https://two.example/b", source="Two"), kyiv])
    s.recluster()
    yield s
    s.close()


def _csv(path: Path, delimiter: str = ",") -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        return list(reader.fieldnames or []), list(reader)


def test_export_parquet_loads_back_in_duckdb(store: Store, tmp_path: Path) -> None:
    for unit, expected in (("events", 4), ("clusters", 3)):
        path = tmp_path / f"{unit}.parquet"
        assert export(store, "parquet", path, unit=unit) == expected
        con = duckdb.connect()
        assert con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0] == expected
        cols = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}
        assert {"event_type", "date_start", "actor_names", "sentence", "trigger_start"} <= cols
    assert export(store, "parquet", tmp_path / "f.parquet", type=["ASSAULT"]) == 1


def test_export_gdelt_columns_and_counts(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "gdelt.csv"
    assert export(store, "gdelt", path) == 3
    header, rows = _csv(path)
    assert tuple(header) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    protest_row = next(r for r in rows if r["Actor1Name"] == "FARMERS")
    assert (protest_row["NumMentions"], protest_row["NumArticles"], protest_row["NumSources"]) == ("2", "2", "2")
    assert protest_row["Day"] == "20240305" and protest_row["ActionGeo_FullName"] == "Lyon"
    attack = next(r for r in rows if r["EventCode"] == "195")
    assert (attack["EventRootCode"], attack["QuadClass"], attack["Actor1Code"]) == ("19", "4", "RUSMIL")
    assert attack["ActionGeo_CountryCode"] == "UKR" and float(attack["ActionGeo_Lat"]) == pytest.approx(50.45)
    export(store, "gdelt", tmp_path / "g.tsv", delimiter="\t")
    assert tuple(_csv(tmp_path / "g.tsv", "\t")[0]) == GDELT_COLUMNS


def test_export_acled_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    assert export(store, "acled", path) == 3
    header, rows = _csv(path)
    assert tuple(header) == ACLED_COLUMNS
    attack = next(r for r in rows if r["plover_event_type"] == "ASSAULT")
    assert attack["event_type"] == "Explosions/Remote violence"
    assert (attack["fatalities"], attack["country"], attack["inter1"], attack["inter2"]) == ("3", "Ukraine", "1", "7")
    protest_row = next(r for r in rows if r["event_type"] == "Protests")
    assert protest_row["source"] == "one; two" and protest_row["num_sources"] == "2"


def test_export_plover_uses_corrections_and_keeps_the_machine_coding(store: Store, tmp_path: Path) -> None:
    eid = store.query_events(type="ACCUSE")[0]["id"]
    store.add_review(eid, "type", "THREATEN", reviewer="ann")
    path = tmp_path / "events.jsonl"
    assert export(store, "plover", path) == 4
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert all(tuple(r) == PLOVER_FIELDS for r in records)
    fixed = next(r for r in records if r["id"] == eid)
    assert fixed["event"] == "THREATEN" and fixed["machine"]["event"] == "ACCUSE" and fixed["reviewed"]
    assert fixed["source_actor"] == "UKR" and fixed["target_actor"] == "RUS"
    text = store.get_document(fixed["document_id"])["text"]
    assert text[fixed["trigger_start"]:fixed["trigger_end"]] == fixed["trigger"] == "condemned"
    # Loads back in DuckDB too.
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_json_auto('{path}')").fetchone()[0]
    assert n == 4
