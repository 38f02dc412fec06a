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
