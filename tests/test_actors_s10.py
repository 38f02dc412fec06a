"""Actors the coder used to lose: a named body before the noun that stands for it, a sector noun before a weak head,
hyphenated office titles, well-known armed groups and parties (made-up sentences)."""

from __future__ import annotations

import pytest

from dateline.models import Actor
from dateline.pipeline import extract


def _actors(text: str) -> list[Actor]:
    return extract(text, published="2016-03-01").actors


@pytest.mark.parametrize(("text", "country", "sector"), [
    ("The Hamas movement rejected the Egyptian proposal on Monday.", "PSE", "INS"),
    ("A Taliban faction claimed the attack on the convoy.", "AFG", "INS"),
    ("The Fatah movement met in Ramallah on Sunday.", "PSE", "PTY"),
])
def test_a_named_body_before_its_own_noun_is_the_actor(text: str, country: str, sector: str) -> None:
    coded = [(a.country, a.sector) for a in _actors(text)]
    assert (country, sector) in coded


def test_a_name_before_an_ordinary_noun_is_still_a_modifier() -> None:
    assert [a.text for a in _actors("Hamas rockets hit the town of Sderot.")] != ["Hamas rockets"]
    assert not any(a.text.endswith("vehicles") for a in _actors("Police vehicles were burned in Nairobi."))


def test_a_sector_noun_before_a_weak_head_says_what_the_body_is() -> None:
    (opp,) = [a for a in _actors("The opposition party said it would boycott the vote.") if a.sector == "OPP"]
    assert opp.text == "opposition party" and "PTY" in opp.sectors


def test_a_hyphenated_office_title_is_a_title() -> None:
    (vp,) = [a for a in _actors("Vice-President Martin Vizcarra of Peru refused to resign.") if a.kind == "person"]
    assert vp.text == "Vice-President Martin Vizcarra" and vp.sector == "GOV"  # not 'President Martin Vizcarra'


def test_inhabitants_are_civilians() -> None:
    (ev,) = [e for e in extract("Inhabitants of Gao protested on Monday against the curfew.",
                                published="2016-03-01").events if e.event_type == "PROTEST"]
    assert [(a.country, a.sector) for a in ev.actors] == [("MLI", "CVL")]


@pytest.mark.parametrize(("text", "country"), [
    ("Islamic Jihad fired rockets at Ashkelon on Tuesday.", "PSE"),
    ("UNITA rebels attacked a convoy near Huambo.", "AGO"),
    ("The Tamil Tigers rejected the government's offer.", "LKA"),
    ("Abu Sayyaf militants kidnapped two tourists on Jolo.", "PHL"),
])
def test_well_known_armed_groups_have_their_country(text: str, country: str) -> None:
    assert country in {a.country for a in _actors(text)}


@pytest.mark.parametrize(("text", "country"), [
    ("Swaziland closed its border with Mozambique on Monday.", "SWZ"),  # Eswatini since 2018
    ("Antigua recalled its ambassador on Friday.", "ATG"),
])
def test_common_short_and_former_country_names(text: str, country: str) -> None:
    assert country in {a.country for a in _actors(text)}


@pytest.mark.parametrize("text", [
    "Hundreds of Kenyans gathered for a protest outside parliament in Nairobi.",
    "Thousands of Chileans converged on Friday for a march in Santiago.",
])
def test_those_who_gather_for_a_protest_hold_it(text: str) -> None:
    (ev,) = [e for e in extract(text, published="2016-03-01").events if e.event_type == "PROTEST"]
    assert ev.actors and ev.actors[0].country in ("KEN", "CHL")


def test_youths_are_civilians_of_their_flag() -> None:
    (ev,) = [e for e in extract("Palestinian youths threw stones at Israeli soldiers in Hebron.",
                                published="2016-03-01").events if e.event_type == "ASSAULT"]
    assert [(a.country, a.sector) for a in ev.actors] == [("PSE", "CVL")]


@pytest.mark.parametrize(("text", "parties"), [
    ("Kenyan and Ugandan ministers convened in Arusha on Friday.", {"KEN", "UGA"}),
    ("Israeli and Palestinian negotiators met in Cairo on Monday.", {"ISR", "PSE"}),
])
def test_coordinated_flags_on_one_noun_are_two_parties(text: str, parties: set[str]) -> None:
    (ev,) = [e for e in extract(text, published="2016-03-01").events if e.event_type == "CONSULT"]
    assert {a.country for a in ev.actors + ev.recipients} == parties
