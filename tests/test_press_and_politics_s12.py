"""News prose that is not a political event: a reporter's exchange with a party, and politicians 'attacking' each
other in words. Sentences are ours."""

from __future__ import annotations

import pytest

from event_helpers import events_of, main_of


@pytest.mark.parametrize("text", [
    "The Pentagon declined to comment.",
    "The Nigerian army declined comment.",
    "Ugandan police refused to be interviewed by the BBC.",
    "Kenya's foreign ministry did not return messages seeking comment.",
    "The Peruvian embassy did not respond to a request for comment.",
])
def test_a_reporters_exchange_with_a_party_is_no_event(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize("text, event_type", [
    ("Kenya declined to sign the border treaty.", "REJECT"),
    ("Peru asked Chile for help with the floods.", "REQUEST"),
])
def test_refusals_and_requests_of_substance_are_still_coded(text: str, event_type: str) -> None:
    assert main_of(text).event_type == event_type


@pytest.mark.parametrize("text", [
    "Senator Maria Lopez attacked the governor's budget plan on Monday.",
    "Democrats attacked Republicans over the tax bill.",
    "President Ruto attacked the opposition leader on Sunday.",
])
def test_politicians_attacking_each_other_criticise(text: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.mode) == ("ACCUSE", "disapprove")


@pytest.mark.parametrize("text", [
    "Russia attacked Ukraine in February.",
    "Gunmen attacked the governor's convoy near Kandahar.",
    "Prime Minister Netanyahu attacked Hamas positions in Gaza.",
])
def test_attacks_with_states_armed_groups_or_targets_on_the_ground_stay_assaults(text: str) -> None:
    assert main_of(text).event_type == "ASSAULT"
