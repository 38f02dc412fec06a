"""Session 8 type rules on sentences we wrote: ending a conflict is a de-escalation like ending a war, and promised
measures whose purpose gives something up are the concession (PLOVER CONCEDE), not a bare promise (AGREE)."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from event_helpers import events_of as _events


def _main_type(text: str) -> str | None:
    ev = main_event(_events(text))
    return ev.event_type if ev is not None else None


@pytest.mark.parametrize("text", [
    "The Zambian government agreed to end the conflict with the rebels.",
    "The Zambian government and the rebels signed a peace accord meant to end the long conflict in the north.",
    "Malawi pledged to halt the clashes along its northern border.",
])
def test_ending_a_conflict_is_a_concession(text: str) -> None:
    assert _main_type(text) == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "The Zambian cabinet agreed on a package of measures to ease the curfew in the capital.",
    "Malawi pledged new steps to lift the restrictions on opposition rallies.",
    "The Zambian cabinet agreed on measures to lift the ban on street trading.",
])
def test_promised_measures_that_yield_are_a_concession(text: str) -> None:
    events = _events(text)
    assert _main_type(text) == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in events]
    # one act, not a promise and a concession beside it
    assert [e.event_type for e in events].count("AGREE") == 0


@pytest.mark.parametrize(("text", "not_type"), [
    # measures for something that gives nothing up stay a promise
    ("The Zambian cabinet agreed on a plan to build a new airport.", "CONCEDE"),
    # urged, not promised: the request is the event
    ("Zambia urged the rebels to end the conflict.", "CONCEDE"),
    # discussing measures promises nothing
    ("The Zambian cabinet discussed measures to ease the curfew in the capital.", "CONCEDE"),
])
def test_unpromised_or_unyielding_measures_are_not_concessions(text: str, not_type: str) -> None:
    assert _main_type(text) not in (not_type, None)
