"""Signing an agreement named by a field the codebook lists as material cooperation (judicial, military,
intelligence) is that cooperation (PLOVER COOPERATE); signing a peace, trade or bare agreement stays SUPPORT.
Sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.pipeline import extract
from event_helpers import events_of as _events
from event_helpers import main_of as _main


@pytest.mark.parametrize(("text", "cameo"), [
    ("Peru and Kenya signed an extradition treaty in Lima on Monday.", "063"),
    ("A new extradition treaty was signed by Peru and Kenya on Monday.", "063"),
    ("The defence chiefs of Chile and Bolivia signed a military accord covering joint border patrols.", "062"),
    ("Chile and Bolivia ratified a pact on intelligence at a ceremony in La Paz.", "064"),
])
def test_signed_material_cooperation_is_cooperate(text: str, cameo: str) -> None:
    ev = _main(text)
    assert (ev.event_type, ev.cameo) == ("COOPERATE", cameo), [(e.event_type, e.evidence.trigger) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "Chile and Bolivia signed a peace accord at a ceremony in La Paz.",
    "Peru and Kenya signed a trade agreement in Lima on Monday.",
    # what the agreement is hoped to bring is not what it is named by
    "Peru and Kenya signed an agreement to expand intelligence work next year.",
])
def test_other_signed_agreements_stay_support(text: str) -> None:
    assert _main(text).event_type == "SUPPORT", [(e.event_type, e.evidence.trigger) for e in _events(text)]



def test_talks_on_an_extradition_treaty_stay_talks() -> None:
    # no signing: the treaty is only the topic of a meeting (CONSULT), not cooperation begun
    assert _main("Peru and Kenya held talks in Lima on an extradition treaty.").event_type == "CONSULT"



# A headline whose verb the tagger reads as a plural noun subject ('Government Rejects' as one noun phrase) and
# whose object it reads as the verb ('Request to Postpone' as a verb): the act is the first word's, the second its object.
BLAND_BODY = "Officials in the capital spoke to reporters on Tuesday. The weather was mild and the markets were calm."


def _headline_main(title: str) -> str | None:
    ev = main_event(extract(BLAND_BODY, title=title, published="2023-05-05").events)
    return ev.event_type if ev else None


@pytest.mark.parametrize(("title", "expected"), [
    ("Zambia Government Rejects Request to Postpone Local Polls", "REJECT"),
    ("Malawi Government Rejects Request to Lift Fuel Rationing", "REJECT"),
])
def test_headline_verb_read_as_a_plural_subject(title: str, expected: str) -> None:
    assert _headline_main(title) == expected


def test_a_subject_without_a_named_party_is_not_read_as_a_verb() -> None:
    # 'Student' names no party: the protests are the subject and 'Demand' the verb
    assert _headline_main("Student Protests Demand Reform of Exams") == "REQUEST"
