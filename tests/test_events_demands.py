"""Reported obligations ('X said Y must ...') are demands, and acts declared on a condition are threats (PLOVER
REQUEST and THREATEN), on sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str) -> list[Event]:
    return extract(text, published="2023-05-05").events


def _main(text: str) -> Event | None:
    return main_event(_events(text))


@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    ("Tanzania insisted that Kenya must withdraw its troops from the border area.", "TZA", "KEN"),
    ("The Ugandan foreign minister said Rwanda must hand over the suspects without delay.", "UGA", "RWA"),
    ("Kenya must repay its debts before new loans are approved, Tanzania declared on Monday.", "TZA", "KEN"),
])
def test_reported_obligation_of_another_party_is_a_demand(text: str, speaker: str, addressee: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "REQUEST", [(e.event_type, e.evidence.trigger) for e in _events(text)]
    assert ev.actors and ev.actors[0].country == speaker
    assert ev.recipients and ev.recipients[0].country == addressee


@pytest.mark.parametrize("text", [
    "The Kenyan president said his government must protect the border.",  # the speaker's own side
    "The Kenyan president said it must protect the border.",
    "The Kenyan president said Tanzania will protect the border.",  # a forecast, not an obligation
])
def test_obligations_of_the_speaker_are_no_demand(text: str) -> None:
    assert not [e for e in _events(text) if e.event_type == "REQUEST"]


@pytest.mark.parametrize("text", [
    "Kenya will pull its peacekeepers out of Somalia unless the African Union pays their salaries.",
    "Uganda said it would suspend trade talks with Kenya unless the border is reopened.",
    "The Kenyan opposition said it will boycott the vote unless the electoral commission is replaced.",
])
def test_act_declared_unless_another_party_acts_is_a_threat(text: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "THREATEN", [(e.event_type, e.evidence.trigger) for e in _events(text)]


def test_unconditional_declared_withdrawal_stays_a_concession() -> None:
    ev = _main("Kenya will withdraw its troops from Somalia next year.")
    assert ev is not None and ev.event_type == "CONCEDE"


@pytest.mark.parametrize("text", [
    "The Kenyan opposition demanded that the government refuse to recognise the election result.",
    "Opposition parties in Kenya are demanding that President Ruto abandon his new tax policy.",
])
def test_act_asked_of_another_party_ranks_below_the_demand(text: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "REQUEST", [(e.event_type, e.evidence.trigger) for e in _events(text)]


def test_asker_own_aim_is_not_an_asked_for_act() -> None:
    from dateline import nlp
    from dateline.events.ranking import _asked_of_another

    doc = nlp.parse("Activists are seeking to investigate abuses by the police.")
    seek, investigate = doc[2], doc[4]
    assert not _asked_of_another(investigate, seek)
    doc = nlp.parse("The union urged the government to lift the curfew.")
    assert _asked_of_another(doc[6], doc[2])
