"""Targets of events that the trigger's own object does not name (session 5), on sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.models import Event
from event_helpers import main_of as _main


def _targets(ev: Event) -> list[str | None]:
    return [r.country for r in ev.recipients]


@pytest.mark.parametrize(("text", "target"), [
    # two parts of one state: police and activists, students and government
    ("Ugandan police arrested Ugandan opposition activists on Monday.", "UGA"),
])
def test_a_state_can_act_on_its_own_people(text: str, target: str) -> None:
    assert target in _targets(_main(text)), [(r.name, r.country, r.sector) for r in _main(text).recipients]


def test_an_actor_is_still_not_its_own_target() -> None:
    ev = _main("Kenya said Kenya would expel the diplomats.")
    assert "Kenya" not in [r.name for r in ev.recipients if r.kind == "state"]


@pytest.mark.parametrize(("text", "target"), [
    # the partner of a nominal act
    ("Kenya announced a suspension of flights with Uganda on Monday.", "UGA"),
    ("Ghana has established diplomatic ties with Togo.", "TGO"),
    ("Ghana cancelled a planned visit to Togo.", "TGO"),
    # the owner of the thing acted on
    ("Ghana suspended its loan scheme for Togo.", "TGO"),
    ("Kenya denounced Uganda's treatment of the refugees.", "UGA"),
    ("A market for Ugandan traders was attacked by Kenyan gunmen.", "UGA"),
    # the perpetrators of an investigated crime
    ("Kenyan prosecutors are investigating the killings by Ugandan soldiers in the border town.", "UGA"),
])
def test_target_behind_the_patient(text: str, target: str) -> None:
    ev = _main(text)
    assert target in _targets(ev), [(r.name, r.country) for r in ev.recipients]


def test_no_owner_is_invented() -> None:
    assert _main("Kenya condemned the attack.").recipients == []


@pytest.mark.parametrize(("text", "target"), [
    # the object names no party; a preposition of transfer or contact does
    ("Kenya denied entry visas to Ugandans.", "UGA"),
    ("Kenyan forces clashed with Ugandan rioters in the square.", "UGA"),
    ("Somali militants seized rifles and trucks from Kenyan troops.", "KEN"),
])
def test_target_in_a_preposition_when_the_object_names_nobody(text: str, target: str) -> None:
    ev = _main(text)
    assert target in _targets(ev), [(r.name, r.country) for r in ev.recipients]


def test_an_unknown_office_holder_belongs_to_the_state_where_he_acts() -> None:
    ev = _main("President Jean Kouassi imposed a curfew in Abidjan on Friday.")
    assert [a.country for a in ev.actors] == ["CIV"]


def test_an_unknown_person_without_an_office_takes_no_flag() -> None:
    ev = _main("Bishop Pedro Alvarez criticised the government in Lima on Friday.")
    assert [a.country for a in ev.actors if a.kind == "person"] == [None]


@pytest.mark.parametrize(("text", "target"), [
    ("Young Kenyans blocked the main highway on Sunday.", "KEN"),
    ("Kenyan teachers went on strike on Monday.", "KEN"),
])
def test_a_protest_with_no_addressee_is_aimed_at_the_authorities(text: str, target: str) -> None:
    ev = _main(text)
    assert ev.event_type == "PROTEST"
    assert [(r.country, r.sector) for r in ev.recipients] == [(target, "GOV")]


def test_a_protest_keeps_its_named_addressee() -> None:
    ev = _main("Kenyan students protested against the Ugandan embassy.")
    assert _targets(ev) == ["UGA"]


def test_an_attack_with_no_named_perpetrator_is_by_unidentified_attackers_of_the_place() -> None:
    ev = _main("A roadside bomb near the town of Garissa killed two Kenyan soldiers on Sunday.")
    assert [(a.country, a.sector) for a in ev.actors] == [("KEN", "UAF")]


def test_no_attacker_is_invented_without_a_place() -> None:
    assert _main("Two soldiers were killed on Sunday.").actors == []


def test_a_nominal_act_framed_by_a_transitive_clause_takes_its_subject_and_object() -> None:
    ev = _main("Somali militants engaged Kenyan troops in a gun battle near the border.")
    assert [a.country for a in ev.actors] == ["SOM"]
    assert _targets(ev) == ["KEN"]


def test_a_victim_who_died_in_an_attack_is_not_its_perpetrator() -> None:
    ev = _main("Two Kenyan soldiers died in an attack near the border.")
    assert "KEN" not in [a.country for a in ev.actors]


@pytest.mark.parametrize(("text", "role", "country"), [
    ("Ethnic Hungarians in Slovakia protested against the language law.", "actor", "SVK"),
    ("Slovak police detained ten ethnic Hungarians in Bratislava on Monday.", "recipient", "SVK"),
    # without 'ethnic' the demonym is a nationality
    ("Hungarian farmers protested in Bratislava on Monday.", "actor", "HUN"),
])
def test_an_ethnic_group_is_coded_by_where_it_lives(text: str, role: str, country: str) -> None:
    ev = _main(text)
    parties = ev.actors if role == "actor" else ev.recipients
    assert [p.country for p in parties] == [country], [(p.name, p.country) for p in parties]


def test_an_unknown_office_holder_acted_on_belongs_to_the_state_where_it_happens() -> None:
    ev = _main("The Kenyan foreign minister held talks with President Jean Kouassi during a visit to Abidjan on "
               "Wednesday.")
    assert _targets(ev) == ["CIV"]
