"""Session 16, on sentences we wrote: a country's name typed with the shift key in the wrong place ('iRAN',
'uKRAINE') is still the country; a lower-case word that spells a country ('turkey', 'chad') is still a word."""

from __future__ import annotations

import pytest

from dateline.kb import load_kb
from dateline.pipeline import extract


@pytest.mark.parametrize(("text", "iso3"), [
    ("iRAN", "IRN"), ("uKRAINE", "UKR"), ("sYRIA", "SYR"), ("pOLAND", "POL"), ("mOROCCO", "MAR"),
])
def test_a_mis_cased_country_name_is_found(text: str, iso3: str) -> None:
    assert iso3 in {e.country for e in load_kb().lookup(text)}


@pytest.mark.parametrize("text", ["turkey", "chad", "china", "jordan"])
def test_a_lower_case_word_is_not_a_country(text: str) -> None:
    assert not [e for e in load_kb().lookup(text) if e.source == "country"]


def test_a_mis_cased_recipient_is_coded() -> None:
    doc = extract("The Dutch government sent emergency aid to uKRAINE on Monday.", published="2023-05-02")
    recipients = {a.country for e in doc.events for a in e.recipients}
    assert "UKR" in recipients, [(e.event_type, [a.text for a in e.recipients]) for e in doc.events]


def test_a_mis_cased_actor_is_coded() -> None:
    doc = extract("sYRIA condemned the air strike on its territory.", published="2019-08-20")
    assert any(e.event_type == "ACCUSE" and {a.country for a in e.actors} == {"SYR"} for e in doc.events)
