"""Session 15 (issue #6, actors), on sentences we wrote: a body the text names only by a common noun and the place
it is based in belongs to that place's country ('a charity based in Nairobi', 'a Lima-based newspaper')."""

from __future__ import annotations

import pytest

from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str) -> list[Event]:
    return extract(text, published="2023-05-05").events


@pytest.mark.parametrize(("text", "event_type", "country"), [
    ("A charity based in Nairobi has accused the police of torture.", "ACCUSE", "KEN"),
    ("A Lima-based newspaper defied the ban on reporting the trial.", "REJECT", "PER"),
    ("A rights group headquartered in Bogota condemned the killing of two farmers.", "ACCUSE", "COL"),
])
def test_a_body_belongs_where_it_is_based(text: str, event_type: str, country: str) -> None:
    events = [e for e in _events(text) if e.event_type == event_type]
    assert events, [(e.event_type, e.evidence.trigger, [a.name for a in e.actors]) for e in _events(text)]
    assert [a.country for a in events[0].actors] == [country]


def test_the_seat_not_the_scene_gives_the_country() -> None:
    events = [e for e in _events("A charity based in London accused Kenyan police of torture in Nairobi.")
              if e.event_type == "ACCUSE"]
    assert events and [a.country for a in events[0].actors] == ["GBR"]
    assert [r.country for r in events[0].recipients] == ["KEN"]


@pytest.mark.parametrize("text", [
    "Kenya's ruling party, which backs the new tax, accused Uganda of smuggling.",
    "Farmers who oppose the dam marched on the ministry in Kampala.",
])
def test_a_stance_told_in_a_present_relative_clause_is_no_event(text: str) -> None:
    # 'which backs', 'who oppose': what the noun stands for, not an act the report tells
    assert not any(e.event_type in ("SUPPORT", "ACCUSE") and e.evidence.trigger.split()[0] in ("backs", "oppose")
                   for e in _events(text)), [(e.event_type, e.evidence.trigger) for e in _events(text)]


def test_a_time_clause_in_the_present_still_tells_an_act() -> None:
    events = _events("The treaty will be signed Friday when the leaders of Kenya and Uganda meet in Nairobi.")
    assert any(e.event_type == "CONSULT" for e in events), [(e.event_type, e.evidence.trigger) for e in events]
