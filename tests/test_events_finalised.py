"""Signing or approving a concession is the concession (PLOVER CONCEDE); signing other agreements stays SUPPORT.
Sentences we wrote."""

from __future__ import annotations

import pytest

from event_helpers import events_of as _events
from event_helpers import main_of as _main


@pytest.mark.parametrize("text", [
    "Zambia's army and the northern rebels signed a ceasefire agreement on Friday.",
    "The Zambian parliament approved the withdrawal of troops from the Malawian border.",
    "Zambia signed an accord with the miners' union that eases the limits on public rallies.",
])
def test_finalised_concession_is_concede(text: str) -> None:
    ev = _main(text)
    assert ev.event_type == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "Zambia and Malawi signed a trade agreement on Friday.",
    "The Zambian parliament approved the new budget for schools and clinics.",
])
def test_other_finalised_agreements_stay_support(text: str) -> None:
    assert _main(text).event_type == "SUPPORT", [(e.event_type, e.evidence.trigger) for e in _events(text)]
