"""Targets of events that the trigger's own object does not name (session 5), on sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.models import Event
from dateline.pipeline import extract


def _main(text: str) -> Event:
    ev = main_event(extract(text, published="2023-05-05").events)
    assert ev is not None, f"no event in {text!r}"
    return ev


def _targets(ev: Event) -> list[str | None]:
    return [r.country for r in ev.recipients]


@pytest.mark.parametrize(("text", "target"), [
    # two parts of one state: police and activists, students and government
    ("Ugandan police arrested Ugandan opposition activists on Monday.", "UGA"),
])
def test_a_state_can_act_on_its_own_people(text: str, target: str) -> None:
    assert target in _targets(_main(text)), [(r.name, r.country, r.sector) for r in _main(text).recipients]


def test_an_actor_is_still_not_its_own_target() -> None:
    ev = _main("Kenya said Kenya would expel the diplomats.")
    assert "Kenya" not in [r.name for r in ev.recipients if r.kind == "state"]
