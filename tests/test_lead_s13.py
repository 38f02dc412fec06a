"""Session 13 (lead): where a patient comes from, capacities that are not acts, alert postures, force used to
scatter people, police at home and candidates let run. Sentences are ours."""

from __future__ import annotations

import pytest

from event_helpers import events_of, main_of


@pytest.mark.parametrize("text, state, patient", [
    ("A nurse from Lyon was detained in Istanbul on Monday.", "TUR", "FRA"),
    ("An engineer from Calgary was arrested in Beirut last week.", "LBN", "CAN"),
])
def test_a_patient_from_a_city_is_of_that_city_and_the_arrest_of_the_place(text: str, state: str, patient: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "COERCE"
    assert [a.country for a in ev.actors] == [state]
    assert [r.country for r in ev.recipients] == [patient]


@pytest.mark.parametrize("text", [
    "The militia has trained fighters capable of launching rocket attacks on the capital.",
    "Officials said the rebels have the capability to strike the oil fields.",
])
def test_an_act_told_as_a_capacity_is_no_act(text: str) -> None:
    assert not [e for e in events_of(text) if e.event_type == "ASSAULT" and not e.modality.hypothetical]


def test_the_act_itself_is_still_coded() -> None:
    assert main_of("The rebels launched rocket attacks on the capital.").event_type == "ASSAULT"


@pytest.mark.parametrize("text, country", [
    ("Kenyan troops went on alert after the raid.", "KEN"),
    ("Police in Lagos stayed on high alert on Sunday.", "NGA"),
    ("Thai forces remained on alert along the border.", "THA"),
])
def test_forces_kept_on_alert_mobilize(text: str, country: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "MOBILIZE"
    assert [a.country for a in ev.actors] == [country]


@pytest.mark.parametrize("text, kind", [
    ("Bolivian police fired tear gas to scatter striking protesters.", "protesters"),
    ("Riot police used batons to break up a crowd of students.", "crowd"),
])
def test_force_used_to_scatter_people_is_aimed_at_them(text: str, kind: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "ASSAULT"
    assert any(kind in r.text for r in ev.recipients)


def test_police_with_no_place_named_act_on_their_own_people() -> None:
    ev = main_of("Bolivian police fired tear gas to scatter striking protesters.")
    assert [r.country for r in ev.recipients] == ["BOL"]


def test_an_army_with_no_place_named_does_not_flag_those_it_fights() -> None:
    ev = main_of("Kenyan troops killed ten militants.")
    assert [r.country for r in ev.recipients] == [None]


@pytest.mark.parametrize("text", [
    "Peru's electoral court allowed the exiled candidate to run in the April vote.",
    "The junta will permit opposition parties to contest the elections.",
])
def test_letting_a_candidate_or_party_take_part_is_a_concession(text: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "CONCEDE"
    assert ev.cameo == "0812"


@pytest.mark.parametrize("text", [
    "IAEA inspectors inspected two uranium plants near Tabriz on Monday.",
    "Monitors from the OPCW will examine the chemical depot next week.",
])
def test_inspecting_sites_is_an_investigation(text: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.mode) == ("ACCUSE", "investigate")


def test_an_official_inspecting_troops_investigates_nothing() -> None:
    assert not [e for e in events_of("The president inspected the honour guard in Accra.") if e.event_type == "ACCUSE"]
