"""Agreeing to open, resume or widen diplomatic cooperation is that cooperation (PLOVER SUPPORT: 'initiate, resume,
improve, or expand diplomatic cooperation'), not a mere promise (AGREE); on sentences we wrote."""

from __future__ import annotations

import pytest

from event_helpers import events_of as _events
from event_helpers import main_of as _main


@pytest.mark.parametrize("text", [
    "Peru and Bolivia agreed on Monday to restore full diplomatic relations after a long freeze.",
    "Chile and Peru have agreed to deepen their cooperation on fisheries and border policing.",
    "Bolivia and Paraguay pledged to work together on the river dispute.",
    "The Chilean and Peruvian foreign ministers agreed to cooperate closely against cattle smuggling.",
    "Uruguay and Paraguay committed to strengthening their partnership in the coming decade.",
])
def test_agreed_diplomatic_cooperation_is_support(text: str) -> None:
    ev = _main(text)
    assert ev.event_type == "SUPPORT", [(e.event_type, e.evidence.trigger) for e in _events(text)]


@pytest.mark.parametrize("text", [
    # promises of other things stay promises
    "Peru agreed to build a bridge over the border river with Bolivia.",
    # a that-clause saying what parties should do is agreement on an aim, not the act
    "Peruvian and Bolivian officials agreed that their governments should cooperate on water.",
])
def test_other_promises_stay_agree(text: str) -> None:
    assert _main(text).event_type == "AGREE", [(e.event_type, e.evidence.trigger) for e in _events(text)]


def test_an_offer_stays_an_offer() -> None:
    # an offer is willingness, the codebook's AGREE: the offer itself is not turned into the cooperation
    events = _events("Bolivia offered to restore diplomatic relations with Chile.")
    offer = [e for e in events if e.evidence.trigger.startswith("offered")]
    assert offer and offer[0].event_type == "AGREE", [(e.event_type, e.evidence.trigger) for e in events]


@pytest.mark.parametrize("text", [
    "Peru will resume diplomatic relations with Bolivia next month.",
    "Paraguay plans to restore full ties with Bolivia this year.",
])
def test_declared_diplomatic_cooperation_is_support(text: str) -> None:
    # declaring that ties will be opened or resumed is how they are opened: not a promise of later cooperation
    assert _main(text).event_type == "SUPPORT", [(e.event_type, e.evidence.trigger) for e in _events(text)]


def test_declared_material_cooperation_stays_a_promise() -> None:
    text = "Peru will share intelligence with Chile on cattle smuggling."
    assert _main(text).event_type == "AGREE", [(e.event_type, e.evidence.trigger) for e in _events(text)]


def test_object_tables_share_named_word_lists() -> None:
    from dateline.events.grammar import _object_table

    data = {"ties": ["relation", "tie"], "contents": {"restore": "ties", "cooperate": [], "join": ["force"]}}
    table = _object_table(data, "contents")
    assert table == {"restore": frozenset({"relation", "tie"}), "cooperate": frozenset(), "join": frozenset({"force"})}
    with pytest.raises(ValueError, match="not a word list"):
        _object_table({"contents": {"restore": "missing"}}, "contents")
