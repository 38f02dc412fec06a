"""The model is the contract: the published JSON Schema must be the one the models generate."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.models import Actor, Document, Event, EventDocument, Evidence

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema.json"


def test_published_schema_is_current() -> None:
    assert json.loads(SCHEMA.read_text()) == EventDocument.model_json_schema(), "run: dateline schema -o docs/schema.json"


def test_round_trip_keeps_every_field() -> None:
    ev = Event(
        id="e1", event_type="PROTEST", actors=[Actor(text="dockers", name="Dockers", country="CHL", sector="LAB")],
        evidence=Evidence(sentence="Dockers struck.", start=0, end=15, trigger="struck", trigger_start=8, trigger_end=14),
    )
    out = EventDocument(document=Document(id="d", text="Dockers struck."), events=[ev])
    again = EventDocument.model_validate_json(out.model_dump_json())
    assert again == out
    assert again.events[0].actors[0].country == "CHL"
