"""Session 12, PETRARCH-2 actors and roots: deaths nobody caused, the seat of a reporting party, transnational
armed groups coded as CAMEO codes them. Sentences are our own."""

from __future__ import annotations

import pytest

from dateline.evaluation.events import _actor_codes
from dateline.models import Event
from dateline.pipeline import extract

PUBLISHED = "2021-03-01"


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


def _main(text: str) -> Event:
    events = _events(text)
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.salience or 0)


@pytest.mark.parametrize("text", [
    "Three passengers were killed in a bus crash near Ibadan on Sunday.",
    "A train collision killed 30 passengers in southern Egypt.",
    "The flood killed 40 villagers in northern Bangladesh last week.",
    "Seven pilgrims were killed in a stampede at a shrine in Iraq.",
    "Four soldiers were killed when their helicopter crashed in central Mali.",
    "Rescuers found the bodies of hikers killed by the avalanche in the Alps.",
])
def test_a_death_caused_by_an_accident_or_a_disaster_is_no_assault(text: str) -> None:
    assert not [e for e in _events(text) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "Rebels killed ten villagers in northern Mali on Friday.",
    "Five passengers died when gunmen attacked a bus near Ibadan.",
    "Gunmen killed two guards after the earthquake in Haiti.",
])
def test_deaths_someone_caused_are_still_assaults(text: str) -> None:
    assert _main(text).event_type == "ASSAULT"


def test_a_crash_that_follows_an_attack_keeps_the_attack() -> None:
    events = _events("Two soldiers were killed when their helicopter crashed after insurgents fired a rocket at it.")
    assert any(e.event_type == "ASSAULT" for e in events)


@pytest.mark.parametrize("text", [
    "A Paris-based press freedom watchdog said police arrested three journalists.",
    "The Doha-based broadcaster said troops opened fire on protesters.",
    "The war monitor, a London-based charity, said government forces shelled two towns in the north.",
])
def test_the_seat_of_a_reporting_party_does_not_flag_the_act(text: str) -> None:
    ev = _main(text)
    seats = {"FRA", "QAT", "GBR"}
    assert not seats & {a.country for a in ev.actors + ev.recipients}
    assert ev.location is None or ev.location.country not in seats


def test_a_place_named_in_its_own_right_still_flags_the_act() -> None:
    ev = _main("A New York-based rights group said soldiers detained 40 villagers in Myanmar.")
    assert [a.country for a in ev.actors] == ["MMR"]
    ev = _main("Police in Lyon arrested three men on Monday.")
    assert [a.country for a in ev.actors] == ["FRA"]


def test_a_transnational_armed_group_answers_to_the_cameo_code_img() -> None:
    ev = _main("Islamic State fighters attacked an army post in eastern Syria.")
    assert "IMG" in _actor_codes(ev.actors)
    ev = _main("US drones killed two al-Qaeda commanders in Yemen on Friday.")
    assert "IMG" in _actor_codes(ev.recipients)


def test_a_stateless_group_the_kb_does_not_name_is_not_img() -> None:
    ev = _main("Militants attacked an army post on Tuesday.")
    assert "IMG" not in _actor_codes(ev.actors)
    ev = _main("Hezbollah fighters attacked an army post near the border.")
    assert _actor_codes(ev.actors) == {"LBN"}  # a group with a home state is coded by it


@pytest.mark.parametrize(("text", "wanted"), [
    ("A Peruvian judge on Monday issued arrest warrants for three Bolivian smugglers, police said.", "BOL"),
    ("Judges in Ghana issued an arrest warrant on Monday for a Togolese businessman.", "TGO"),
])
def test_an_arrest_warrant_targets_the_party_it_is_issued_for(text: str, wanted: str) -> None:
    ev = _main(text)
    assert (ev.event_type, ev.mode) == ("THREATEN", "arrest")
    assert wanted in [r.country for r in ev.recipients]


@pytest.mark.parametrize(("text", "side", "foe"), [
    ("Chadian soldiers pushed into the valley during clashes with Sudanese militias.", "TCD", "SDN"),
    ("Kenya closed the border after clashes with Somali militias.", "KEN", "SOM"),
])
def test_fighting_with_a_foe_before_the_clause_act_is_the_subjects(text: str, side: str, foe: str) -> None:
    fight = next(e for e in _events(text) if e.event_type == "ASSAULT")
    assert [a.country for a in fight.actors] == [side]
    assert foe in [r.country for r in fight.recipients]


def test_people_who_fled_after_fighting_did_not_fight() -> None:
    fight = next(e for e in _events("Villagers abandoned their farms after clashes with bandits in Zambia.")
                 if e.event_type == "ASSAULT")
    assert not any("Villagers" in a.text for a in fight.actors)


@pytest.mark.parametrize(("text", "target"), [
    ("Armenia says artillery shells were fired at it overnight.", "ARM"),
    ("Lebanon said two rockets had been launched at it by unknown groups.", "LBN"),
])
def test_it_in_a_reported_attack_is_the_speaker_as_target(text: str, target: str) -> None:
    ev = next(e for e in _events(text) if e.event_type == "ASSAULT")
    assert [(r.country, r.kind) for r in ev.recipients] == [(target, "state")]  # the state, not its shells


def test_the_by_party_of_an_attack_is_not_also_its_target() -> None:
    for text in ("The Yemeni Rights Monitor said six fishermen were wounded overnight in a drone strike by government "
                 "forces off Hodeidah.",
                 "The Sudan Monitor, a Nairobi-based group, said four farmers were hurt on Sunday in an air raid by "
                 "government forces."):
        ev = _main(text)
        assert [a.text for a in ev.actors] == ["government forces"]
        assert "government forces" not in [r.text for r in ev.recipients]


@pytest.mark.parametrize(("text", "actor", "victims"), [
    ("The Iraqi Observatory said four civilians died in shelling by government troops in the city's northern suburbs.",
     "troops", "civilians"),
    ("Three villagers died in shelling by Ugandan rebels near the border.", "Ugandan rebels", "villagers"),
])
def test_the_by_party_of_a_gerund_act_acts_and_the_dead_are_its_targets(text: str, actor: str, victims: str) -> None:
    ev = _main(text)
    assert ev.event_type == "ASSAULT"
    assert [a.text for a in ev.actors] == [actor]
    assert [r.text for r in ev.recipients] == [victims]


@pytest.mark.parametrize(("text", "target"), [
    ("Mexico offered asylum to two Cuban doctors stranded in Caracas since the coup.", "CUB"),
    ("Chile offered asylum to three Peruvian journalists on Monday.", "PER"),
])
def test_the_preposition_of_a_nominal_act_may_hang_on_its_light_verb(text: str, target: str) -> None:
    ev = _main(text)
    assert ev.event_type == "AID"
    assert [r.country for r in ev.recipients] == [target]


@pytest.mark.parametrize("text", [
    "Norway sent relief supplies on Monday.",
    "Sweden sent relief supplies by ship.",
])
def test_the_acting_states_own_name_is_no_place_the_act_falls_on(text: str) -> None:
    ev = _main(text)
    assert ev.event_type == "AID"
    assert ev.recipients == []


@pytest.mark.parametrize(("text", "actor"), [
    ("France accelerated the withdrawal of its troops from Mali.", "FRA"),
    ("Kenya hastened the deportation of 40 Somali traders.", "KEN"),
])
def test_who_sets_the_pace_of_an_act_does_it(text: str, actor: str) -> None:
    ev = _main(text)
    assert [a.country for a in ev.actors] == [actor]


@pytest.mark.parametrize(("text", "patients"), [
    ("The arrest of two Ugandan journalists drew protests.", "UGA"),
    ("The deportation of 40 Somali traders began on Monday.", "SOM"),
])
def test_the_of_party_of_an_act_done_to_someone_is_its_target(text: str, patients: str) -> None:
    ev = _main(text)
    assert ev.event_type == "COERCE"
    assert patients not in [a.country for a in ev.actors]
    assert [r.country for r in ev.recipients] == [patients]


def test_a_by_party_still_does_the_act_and_the_of_party_suffers_it() -> None:
    ev = _main("The killing of three protesters by Kenyan police sparked outrage.")
    assert ev.event_type == "ASSAULT"
    assert [a.text for a in ev.actors] == ["Kenyan police"]
    assert [r.text for r in ev.recipients] == ["protesters"]


def test_the_of_party_of_violence_is_who_uses_it() -> None:
    events = _events("Thousands protested against the violence of the police in Lagos.")
    violence = next(e for e in events if e.evidence.trigger == "violence")
    assert [a.text for a in violence.actors] == ["police"]


@pytest.mark.parametrize(("text", "country"), [
    ("Fighters loyal to the Libyan government shelled the port.", "LBY"),
    ("Soldiers attached to the Malian army detained two traders.", "MLI"),
    ("Some 20,000 nurses affiliated with the Kenyan health union walked off the job on Monday.", "KEN"),
])
def test_a_group_loyal_to_or_member_of_a_party_is_of_its_state(text: str, country: str) -> None:
    assert [a.country for a in _main(text).actors] == [country]


@pytest.mark.parametrize(("text", "target"), [
    ("Rockets were fired at Israel on Monday.", "ISR"),
    ("Mortars were fired into Lebanon on Sunday.", "LBN"),
])
def test_unnamed_attackers_are_not_of_the_state_they_aimed_at(text: str, target: str) -> None:
    ev = _main(text)
    assert [r.country for r in ev.recipients] == [target]
    assert target not in [a.country for a in ev.actors]


def test_unnamed_attackers_of_a_place_attacked_from_within_keep_its_country() -> None:
    ev = _main("A bomb exploded in Pakistan, killing five people.")
    assert [a.country for a in ev.actors] == ["PAK"]


@pytest.mark.parametrize("text", [
    "A roadside bomb killed one U.S. soldier on Sunday, the military said.",
    "A car bomb killed two Kenya Defence Forces soldiers on Friday.",
])
def test_the_victims_own_flag_is_no_home_of_unnamed_attackers(text: str) -> None:
    ev = _main(text)
    victims = {r.country for r in ev.recipients}
    assert victims and not victims & {a.country for a in ev.actors}


def test_unnamed_attackers_still_take_the_place_of_the_attack() -> None:
    ev = _main("A landmine explosion near Mosul killed three Iraqi children.")
    assert [a.country for a in ev.actors] == ["IRQ"]


@pytest.mark.parametrize("text", [
    "A fuel depot in Kharkiv was blown up by Russian missiles.",
    "An ammunition dump near Donetsk was blown up by rockets on Tuesday.",
])
def test_an_explosion_caused_by_a_fired_munition_is_heavy_weapons(text: str) -> None:
    ev = _main(text)
    assert (ev.event_type, ev.mode, ev.cameo) == ("ASSAULT", "heavy-weapons", "194")


def test_a_planted_explosive_stays_a_bombing() -> None:
    ev = _main("The tanker was blown up by a mine off Yemen.")
    assert (ev.mode, ev.cameo) == ("explosives", "1833")


@pytest.mark.parametrize(("text", "firer"), [
    ("The convoy was destroyed by rockets launched by militants.", "militants"),
    ("Two soldiers were killed by a shell fired by separatists.", "separatists"),
])
def test_whoever_fired_the_weapon_is_the_attacker(text: str, firer: str) -> None:
    assert [a.text for a in _main(text).actors] == [firer]


def test_a_claim_of_an_act_its_doer_only_tried_is_an_accusation() -> None:
    ev = _main("Kenya claimed that Somali militias tried to seize the border town.")
    assert (ev.event_type, [a.country for a in ev.actors], [r.country for r in ev.recipients]) == (
        "ACCUSE", ["KEN"], ["SOM"])


def test_an_allegation_names_the_doer_of_an_act_embedded_in_helping_verbs() -> None:
    ev = _main("Ghana alleged that Togolese soldiers had helped to organise and carry out the raid.")
    assert ev.event_type == "ACCUSE"
    assert [r.country for r in ev.recipients] == ["TGO"]
