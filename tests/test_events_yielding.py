"""Promised yielding acts as a verb class (PLOVER CONCEDE), on sentences we wrote: handing people over,
permitting, stopping the use of force, and the nouns of those acts ('agreed to the lifting of the ban')."""

from __future__ import annotations

import pytest

from event_helpers import events_of as _events
from event_helpers import main_of as _main


@pytest.mark.parametrize("text", [
    # handing people over
    "Zambia agreed on Tuesday to extradite the two smugglers wanted by Malawian prosecutors.",
    "The Zambian government promised to hand over the fugitive banker to Malawi within a week.",
    # permitting
    "Zambia agreed to let the stranded fishermen go home to Malawi.",
    "The Zambian cabinet agreed to accept two thousand refugees from Malawi this year.",
    # stopping the use of force
    "Zambian rebels agreed to stop shelling army posts along the river.",
    "The Zambian army agreed to halt its attacks on the northern villages.",
    "Zambia's rebel commanders agreed to end the fighting in the copper belt.",
    # other ways of giving ground
    "The Zambian government agreed to comply with the court's order on the mine.",
    "Zambia pledged to freeze dam construction along its shared river with Malawi.",
    "Zambia agreed to give the western province more autonomy.",
])
def test_promised_yielding_verbs(text: str) -> None:
    ev = _main(text)
    assert ev.event_type == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "The Zambian government agreed to the lifting of the ban on street vendors.",
    "Zambia promised an end to the shelling of the border towns.",
    "The Zambian cabinet agreed to the extradition of the banker to Malawi.",
    "Zambia's rebels agreed to a halt in attacks on army convoys.",
])
def test_promised_yielding_nouns(text: str) -> None:
    ev = _main(text)
    assert ev.event_type == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in _events(text)]


@pytest.mark.parametrize("text", [
    # no yielding content: the promise stays AGREE
    "Zambia agreed to build a new road to the Malawian border.",
    "The Zambian government promised to let the courts decide.",
    # settling a dispute is willingness to end a conflict (AGREE in the codebook), not a ceasefire
    "Zambia and Malawi agreed to end their dispute over the lake.",
])
def test_non_yielding_promises_stay_agree(text: str) -> None:
    assert _main(text).event_type == "AGREE", [(e.event_type, e.evidence.trigger) for e in _events(text)]


def test_yielding_noun_needs_its_object() -> None:
    # an end to a meeting gives nothing up
    ev = _main("Zambia agreed to an early end to the meeting with Malawi.")
    assert ev.event_type != "CONCEDE"


def test_an_offer_to_yield_is_no_promise() -> None:
    # The codebook's AGREE covers offers; CONCEDE needs a promise.
    text = "Zambia offered to hand over the two smugglers to Malawi."
    assert _main(text).event_type == "AGREE", [(e.event_type, e.evidence.trigger) for e in _events(text)]
    assert _main("Zambia promised to hand over the two smugglers to Malawi.").event_type == "CONCEDE"


def test_an_office_of_a_place_is_that_place_actor() -> None:
    # 'the mayor of Lusaka': an office title the KB lists, of a place, is that place's government
    ev = _main("The mayor of Lusaka lifted the night curfew on Monday.")
    assert ev.event_type == "CONCEDE" and ev.actors and ev.actors[0].country == "ZMB"
    assert ev.actors[0].sector == "GOV"


def test_a_truce_reached_is_a_concession() -> None:
    # codebook: declarations (not implementations) of ceasefires are CONCEDE, as 'agreed to a truce' already was
    text = "Zambian rebels and the army reached a truce on Sunday."
    assert _main(text).event_type == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in _events(text)]
    assert _main("Zambian rebels and the army reached a compromise on Sunday.").event_type == "AGREE"
