"""Session 15, on sentences we wrote: the owner of an ally, proxy or partner is the other side of the relation
('Moscow's ally Minsk' is Belarus, not Russia), and a country's name that ends another place's name ('New
South Wales', 'New Mexico') is not that country."""

from __future__ import annotations

import pytest

from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str) -> list[Event]:
    return extract(text, published="2021-03-09").events


def _countries(people: list) -> set[str | None]:
    return {a.country for a in people}


@pytest.mark.parametrize(("text", "actor", "patron"), [
    ("Russia's ally Belarus accused Lithuania of provocations on Tuesday.", "BLR", "RUS"),
    ("China's partner Pakistan condemned India over the dam project.", "PAK", "CHN"),
    ("Washington's close ally Denmark criticized Moscow for the cyber attacks.", "DNK", "USA"),
])
def test_a_named_ally_is_coded_as_itself(text: str, actor: str, patron: str) -> None:
    ev = next(e for e in _events(text) if e.event_type == "ACCUSE")
    assert actor in _countries(ev.actors)
    assert patron not in _countries(ev.actors)


@pytest.mark.parametrize("text", [
    "A commander of Armenia's militia ally in the mountains threatened Baku with reprisals.",
    "The spokesman of Turkey's proxy force in the north threatened Damascus with reprisals.",
])
def test_the_officer_of_an_ally_is_not_the_patron_s(text: str) -> None:
    patron = "ARM" if "Armenia" in text else "TUR"
    for ev in _events(text):
        assert patron not in _countries(ev.actors), (ev.event_type, [(a.text, a.country) for a in ev.actors])


def test_an_unnamed_ally_takes_no_country_from_its_patron() -> None:
    for ev in _events("Venezuela's allies condemned the new oil sanctions on Monday."):
        assert "VEN" not in _countries(ev.actors)


def test_a_politician_s_allies_stay_compatriots() -> None:
    ev = next(e for e in _events("Senator Okafor's allies criticized the Pentagon over the contract.")
              if e.event_type == "ACCUSE")
    assert _countries(ev.actors) == {"USA"}


def test_a_proxy_as_the_target_is_not_its_patron() -> None:
    ev = next(e for e in _events("Saudi jets bombed Iran's proxies in northern Yemen at dawn.") if e.event_type == "ASSAULT")
    assert "SAU" in _countries(ev.actors)
    assert "IRN" not in _countries(ev.recipients)


@pytest.mark.parametrize(("text", "wrong"), [
    ("New South Wales protested to Canberra over the water plan.", "GBR"),
    ("New Mexico sued Colorado over the river water.", "MEX"),
])
def test_a_country_name_ending_another_place_name_is_not_that_country(text: str, wrong: str) -> None:
    for ev in _events(text):
        assert wrong not in _countries(ev.actors) | _countries(ev.recipients)


def test_a_compass_word_keeps_the_country() -> None:
    ev = next(e for e in _events("Israeli troops invaded South Lebanon at dawn.") if e.event_type == "ASSAULT")
    assert _countries(ev.recipients) == {"LBN"}


def _dated(text: str, published: str) -> list[Event]:
    return extract(text, published=published).events


@pytest.mark.parametrize("text", [
    "Gunmen attacked a market in Juba on Tuesday, killing four traders.",
    "Troops shelled villages near Malakal overnight, residents said.",
])
def test_a_town_of_a_later_state_is_the_old_state_s_before_the_split(text: str) -> None:
    old = next(e for e in _dated(text, "2009-02-03") if e.event_type == "ASSAULT")
    new = next(e for e in _dated(text, "2015-02-03") if e.event_type == "ASSAULT")
    assert old.location is not None and old.location.country == "SDN"
    assert new.location is not None and new.location.country == "SSD"


def test_the_later_state_s_name_before_the_split_is_the_region_of_the_old_state() -> None:
    text = "Eritrea accused Addis Ababa of arresting its students."
    old = next(e for e in _dated(text, "1991-06-01") if e.event_type == "ACCUSE")
    new = next(e for e in _dated(text, "1999-06-01") if e.event_type == "ACCUSE")
    assert _countries(old.actors) == {"ETH"}
    assert _countries(new.actors) == {"ERI"}


@pytest.mark.parametrize(("text", "country"), [
    ("Kurds marched in Van against the new curfew on Sunday.", "TUR"),
    ("Druze villagers protested in Sweida against fuel shortages.", "SYR"),
    ("The Kurds of Iran accused Tehran of mass arrests.", "IRN"),
])
def test_a_people_of_several_states_placed_by_the_text_takes_that_state(text: str, country: str) -> None:
    ev = next(e for e in _events(text) if e.event_type in ("PROTEST", "ACCUSE"))
    assert country in _countries(ev.actors), [(a.text, a.country) for a in ev.actors]


@pytest.mark.parametrize("text", [
    "Druze clerics condemned the Israeli government.",
    "The Kurds accused Damascus of betrayal.",
])
def test_a_people_of_several_states_unplaced_takes_no_country(text: str) -> None:
    ev = next(e for e in _events(text) if e.event_type == "ACCUSE")
    people = [a for a in ev.actors if "Druze" in a.text or "Kurds" in a.text]
    assert people and all(a.country is None for a in people), [(a.text, a.country) for a in ev.actors]


@pytest.mark.parametrize(("text", "patron"), [
    ("Militants overran the U.S. ally's last outpost near the coast.", "USA"),
    ("Insurgents besieged the French ally in the northern desert town.", "FRA"),
])
def test_a_state_flag_on_an_ally_names_its_patron(text: str, patron: str) -> None:
    for ev in _events(text):
        assert patron not in _countries(ev.recipients) | _countries(ev.actors), (
            ev.event_type, [(a.text, a.country) for a in ev.recipients])


def test_a_state_and_its_allies_keep_the_state() -> None:
    ev = next(e for e in _events("Britain and Gulf allies launched air strikes on rebel bases in Libya.")
              if e.event_type == "ASSAULT")
    assert "GBR" in _countries(ev.actors)


@pytest.mark.parametrize(("text", "country"), [
    ("Norway's defence minister warned Sweden over the fishing dispute on Monday. Sweden rejected the claims. "
     "Defence Minister Ola Brekke issued the warning after talks in Stockholm failed.", "NOR"),
    ("Chile's interior minister toured the flooded towns. Interior Minister Rosa Vidal promised aid to the "
     "victims and accused Peru of hoarding relief supplies.", "CHL"),
])
def test_an_unknown_office_holder_takes_the_state_of_the_office_named_earlier(text: str, country: str) -> None:
    named = [a for e in _events(text) for a in e.actors if "Brekke" in a.text or "Vidal" in a.text]
    assert named and all(a.country == country for a in named), [(a.text, a.country) for a in named]


def test_two_states_holding_the_office_leave_the_name_open() -> None:
    text = ("Ghana's president met Togo's president in Lome. President Kwame Asare later accused smugglers "
            "of undermining the border deal.")
    named = [a for a in extract(text, published="2021-03-09").actors if "Asare" in a.text]
    assert named and all(a.country is None for a in named), [(a.text, a.country) for a in named]


def test_the_office_of_a_body_is_not_the_state_s() -> None:
    text = "President Biden spoke in Ohio on Monday. Teachers Union President Ray Boone denied the reports."
    named = [a for a in extract(text, published="2021-03-09").actors if "Boone" in a.text]
    assert named and all(a.country is None for a in named), [(a.text, a.country) for a in named]
