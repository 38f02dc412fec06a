"""Session 16, on sentences we wrote: fire launched from one place at another. The launch site is the attackers'
side (never the party attacked, never where the attack happened), the projectile is the weapon (not the party
attacked), and 'the second such attack' points back at the attack the sentence already told."""

from __future__ import annotations

import pytest

from dateline.models import Event
from dateline.pipeline import extract


def _assaults(text: str, published: str = "2021-06-14") -> list[Event]:
    return [e for e in extract(text, published=published).events if e.event_type == "ASSAULT"]


@pytest.mark.parametrize(("text", "attacker", "target"), [
    ("Militants fired mortar shells at Kilis from inside Syria on Sunday.", "SYR", "TUR"),
    ("Fighters fired rockets at Israel from southern Lebanon.", "LBN", "ISR"),
    ("Two drones were launched at Jizan from Yemen, the coalition said.", "YEM", "SAU"),
])
def test_fire_from_a_place_is_by_that_place_s_side(text: str, attacker: str, target: str) -> None:
    ev = _assaults(text)[0]
    assert {a.country for a in ev.actors} == {attacker}, [(a.text, a.country) for a in ev.actors]
    assert {r.country for r in ev.recipients} == {target}, [(r.text, r.country) for r in ev.recipients]


def test_the_launch_site_is_not_where_the_attack_happened() -> None:
    ev = _assaults("Fighters fired rockets at Israel from southern Lebanon.")[0]
    assert ev.location is None or ev.location.country != "LBN"


def test_the_projectile_is_not_the_party_attacked() -> None:
    ev = _assaults("Rockets were fired at Kharkiv overnight.", published="2022-03-02")[0]
    assert [r.text for r in ev.recipients] == ["Kharkiv"]
    assert not any(a.country == "UKR" for a in ev.actors)  # the city fired at is no home of the attackers


def test_a_launched_drone_attack_is_coded_but_a_drone_service_is_not() -> None:
    ev = _assaults("The Houthis launched drones at Jizan.")[0]
    assert {r.country for r in ev.recipients} == {"SAU"}
    assert not extract("The company launched a drone delivery service.", published="2021-06-14").events


def test_abducted_from_a_place_is_not_fire_from_it() -> None:
    ev = _assaults("Gunmen abducted 20 students from a school in Kaduna.")[0]
    assert {a.country for a in ev.actors} == {"NGA"}
    assert [r.text for r in ev.recipients] == ["students"]


def test_such_an_attack_is_the_one_already_told() -> None:
    evs = _assaults("Police said a grenade was thrown at the mayor's office on Friday in the second such attack "
                    "within a week.")
    assert len(evs) == 1 and evs[0].evidence.trigger != "attack"


def test_such_attacks_alone_keep_their_reading() -> None:
    assert _assaults("Such attacks have killed dozens of farmers this year.")


def test_a_claim_of_a_passive_attack_blames_the_agent_not_the_victims() -> None:
    doc = extract("Kenya said two of its soldiers were killed by al-Shabaab militants.", published="2019-02-11")
    claim = next(e for e in doc.events if e.event_type == "ACCUSE")
    assert {r.country for r in claim.recipients} == {"SOM"}, [(r.text, r.country) for r in claim.recipients]


def test_a_claim_of_fire_from_a_place_blames_that_place() -> None:
    doc = extract("Armenia said shells were fired at it from Azerbaijan on Sunday.", published="2021-06-14")
    claim = next(e for e in doc.events if e.event_type == "ACCUSE")
    assert {r.country for r in claim.recipients} == {"AZE"}


def test_the_story_s_country_as_launch_site_is_not_the_attack_s_place() -> None:
    ev = _assaults("Armenian positions were shelled from Azerbaijan overnight.")[0]
    assert {a.country for a in ev.actors} == {"AZE"} and {r.country for r in ev.recipients} == {"ARM"}
    assert ev.location is None or ev.location.country != "AZE"


@pytest.mark.parametrize(("text", "country", "org"), [
    ("Kenya said its soldiers were killed by al-Shabaab militants.", "KEN", None),
    ("Kenya said two of its soldiers were killed by a roadside bomb on the border road.", "KEN", None),
    ("NATO said its troops had left the base.", None, "NATO"),
])
def test_the_speaker_s_its_or_their_gives_the_party_to_the_speaker(text: str, country: str | None,
                                                                   org: str | None) -> None:
    doc = extract(text, published="2019-02-11")
    parties = [p for e in doc.events for p in (*e.actors, *e.recipients) if "soldiers" in p.text or "troops" in p.text]
    assert parties and all(p.country == country and p.org == org for p in parties), [
        (p.text, p.country, p.org) for p in parties]


def test_its_own_is_the_clause_subject_s_not_the_speaker_s() -> None:
    doc = extract("The US said Iraq had attacked its own towns.", published="2003-02-11")
    towns = [r for e in doc.events for r in e.recipients if "towns" in r.text]
    assert towns and all(r.country != "USA" for r in towns)
