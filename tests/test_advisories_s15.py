"""Session 15 (issue #6), on sentences we wrote: a state telling its people to stay away from a country reduces
routine exchanges with it (PLOVER SANCTION, CAMEO 160); it warns its own people and threatens no one."""

from __future__ import annotations

import pytest

from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str) -> list[Event]:
    return extract(text, published="2023-05-05").events


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Sweden advised against all travel to Burkina Faso on Friday.", "SWE", "BFA"),
    ("Italy's foreign ministry warned against travel to Chad after the coup.", "ITA", "TCD"),
    ("Australia issued a travel advisory for Fiji after the riots.", "AUS", "FJI"),
])
def test_a_travel_advisory_reduces_relations_with_the_country(text: str, actor: str, target: str) -> None:
    events = _events(text)
    sanctions = [e for e in events if e.event_type == "SANCTION"]
    assert sanctions, [(e.event_type, e.evidence.trigger) for e in events]
    ev = sanctions[0]
    assert ev.cameo == "160"
    assert actor in {a.country for a in ev.actors}
    assert [r.country for r in ev.recipients] == [target]
    assert not any(e.event_type == "THREATEN" for e in events)


def test_advice_against_something_else_is_no_sanction() -> None:
    assert not any(e.event_type == "SANCTION" for e in _events("Sweden advised against hasty reforms in Mali."))
