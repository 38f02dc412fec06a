"""Actors older wire copy names without a flag (session 7): leaders of 1975-2010, demonyms of small states and
old country names, on sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _actors(text: str, published: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.text, a.country, a.org) for a in extract(text, published=published).actors]


@pytest.mark.parametrize(("text", "published", "country"), [
    ("President Jiang Zemin received the trade delegation on Monday.", "1998-04-02", "CHN"),
    ("Chancellor Helmut Kohl opened the new bridge over the river.", "1991-06-10", "DEU"),
    ("President Laurent Gbagbo thanked the farmers for their patience.", "2003-02-11", "CIV"),
    ("Prime Minister Rabuka toured the flooded villages.", "1995-08-01", "FJI"),
])
def test_a_leader_of_the_period_is_coded_with_his_country(text: str, published: str, country: str) -> None:
    assert any(c == country for _, c, _ in _actors(text, published)), _actors(text, published)


def test_the_head_of_an_international_body_is_coded_to_it() -> None:
    found = _actors("Boutros Boutros-Ghali appealed for calm in the capital.", "1994-03-03")
    assert any(org == "UN" and c is None for _, c, org in found), found


@pytest.mark.parametrize(("text", "country"), [
    ("Fijian soldiers guarded the parliament building.", "FJI"),
    ("Samoan police blocked the harbour road.", "WSM"),
    ("Kampuchean guerrillas shelled the border post.", "KHM"),
    ("Troops loyal to Zaire patrolled the river.", "COD"),
])
def test_small_states_and_old_names_have_demonyms(text: str, country: str) -> None:
    assert any(c == country for _, c, _ in _actors(text, "1990-05-05")), _actors(text, "1990-05-05")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Ugandan police arrested two Kenyan nationals on Monday.", "Kenyan nationals", "KEN"),
    ("Somali pirates seized a cargo ship off the coast.", "Somali pirates", "SOM"),
    ("French warships sailed into the bay.", "French warships", "FRA"),
])
def test_people_nouns_of_older_copy_take_their_flag(text: str, name: str, country: str) -> None:
    found = _actors(text, "1995-05-05")
    assert (name, country) in [(t, c) for t, c, _ in found], found


def test_unflagged_prisoners_who_riot_are_of_the_place() -> None:
    from dateline.events.ranking import main_event

    ev = main_event(extract("Prisoners rioted at the main jail in Gulu on Monday.", published="1995-05-05").events)
    assert ev is not None and ev.event_type == "PROTEST"
    assert [a.country for a in ev.actors] == ["UGA"]


def test_a_mediator_of_an_international_body_is_coded_to_it() -> None:
    found = _actors("The rebels met U.N. mediator Ana Diaz in the border town.", "1995-05-05")
    assert any(t.endswith("Ana Diaz") and org == "UN" for t, _, org in found), found


def test_a_gulf_ruler_of_the_period_is_coded_with_his_country() -> None:
    assert ("Sultan Qaboos", "OMN") in [(t, c) for t, c, _ in _actors("Sultan Qaboos opened the new port.",
                                                                       "1996-01-01")]


@pytest.mark.parametrize(("text", "country"), [
    ("Serbian Labour Minister Ana Petrovic signed the bill.", "SRB"),
    ("Kenyan Labour Minister John Otieno met the unions.", "KEN"),
])
def test_a_country_word_outranks_a_party_of_another_country(text: str, country: str) -> None:
    people = [(t, c) for t, c, _ in _actors(text, "2001-05-05") if "Minister" in t]
    assert people and people[0][1] == country, people
