"""Opponents of a government are the opposition, not the government (made-up sentences)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract


@pytest.mark.parametrize(("text", "country"), [
    ("Opponents of the Ghanaian government marched in Accra on Monday.", "GHA"),
    ("Opponents of Peru's Congress protested in Lima on Friday.", "PER"),
])
def test_opponents_of_a_state_body_are_its_opposition(text: str, country: str) -> None:
    (ev,) = [e for e in extract(text, published="2015-01-01").events if e.event_type == "PROTEST"]
    assert [(a.country, a.sector) for a in ev.actors] == [(country, "OPP")]
