"""Session 8 (issue #6, GSR no-event records), on sentences we wrote: a passive accusation whose 'by' phrase the
parser hangs on the gerund, forcing a body or people out, hearings and refusals to resign."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.models import Event
from event_helpers import events_of as _events


def _main(text: str) -> Event | None:
    return main_event(_events(text))


def _show(text: str) -> list[tuple[str, str | None, str]]:
    return [(e.event_type, e.mode, e.evidence.trigger) for e in _events(text)]


def test_passive_accusation_takes_the_by_phrase_under_the_gerund_as_accuser() -> None:
    text = "Former minister Joseph Otieno has been accused of stealing state funds by Kenyan government officials."
    ev = _main(text)
    assert ev is not None and ev.event_type == "ACCUSE", _show(text)
    assert any(a.country == "KEN" for a in ev.actors), ev.actors


def test_by_a_singular_common_noun_under_the_gerund_is_no_accuser() -> None:
    # 'by the river' is a place, not who accuses: no actor, so no accusation is coded with it
    text = "Two Ugandan soldiers were accused of killing villagers by the river."
    assert not any(e.event_type == "ACCUSE" and e.actors for e in _events(text)), _show(text)


@pytest.mark.parametrize(("text", "event_type", "mode", "actor"), [
    ("Kenya forced the Red Cross out of the country after the flood relief ended.", "SANCTION", "expel", "KEN"),
    ("The Ugandan army forced out hundreds of Kenyan herders from their villages on Monday.",
     "COERCE", "deport", "UGA"),
    ("The Tanzanian court opened a hearing on Tuesday into the use of torture against prisoners.",
     "ACCUSE", "investigate", "TZA"),
    ("Kenyan Finance Minister John Mbeki has declined to resign despite pressure from the senate.",
     "REJECT", "change", "KEN"),
])
def test_expelling_hearing_and_refusing_to_resign(text: str, event_type: str, mode: str, actor: str) -> None:
    ev = _main(text)
    assert ev is not None and (ev.event_type, ev.mode) == (event_type, mode), _show(text)
    assert any(a.country == actor for a in ev.actors), ev.actors



@pytest.mark.parametrize("text", [
    "The Ugandan army swore to crush the rebels in the north.",
    "The Ugandan army has sworn revenge against the rebels.",
])
def test_swearing_revenge_is_a_threat_as_vowing_it_is(text: str) -> None:
    ev = _main(text)
    assert ev is not None and (ev.event_type, ev.mode) == ("THREATEN", "violence"), _show(text)


def test_swearing_an_oath_is_no_threat() -> None:
    text = "The new Kenyan president swore an oath on Sunday."
    assert not any(e.event_type == "THREATEN" for e in _events(text)), _show(text)
