"""Parties the coder lost or miscoded: a title set before a name as an apposition, an office of a city or
province, 'President X of Y', a state's people as another party than the state, a peoples list with home states,
a flag not taken from the target's own name, and the host of a visit. Sentences are our own."""

from __future__ import annotations

from dateline.events.coding import same_party
from dateline.models import Actor
from dateline.pipeline import extract
from event_helpers import events_of, main_of


def _event(text: str, event_type: str, trigger: str | None = None):  # noqa: ANN202 - an Event
    return next(e for e in events_of(text) if e.event_type == event_type
                and (trigger is None or trigger in e.evidence.trigger))


# --- a title before the name, with commas: the person carries the title's country and sector


def test_a_title_apposed_before_a_name_codes_the_person() -> None:
    for text, name, country in (
            ("Ghana's trade minister, Esi Boateng, accused Togo of dumping cement.", "Esi Boateng", "GHA"),
            ("The Chilean interior minister, Pablo Ortega, accused Bolivia of spying on Friday.", "Pablo Ortega",
             "CHL")):
        person = next(a for a in extract(text, published="2023-05-05").actors if a.name == name)
        assert (person.country, person.sector) == (country, "GOV"), text
        assert [a.country for a in main_of(text).actors] == [country], text


def test_the_later_surname_keeps_the_apposed_title_country() -> None:
    text = ("The Chilean interior minister, Pablo Ortega, met Bolivian officials on Friday. "
            "Ortega later accused Peru of breaking the fishing accord.")
    ev = _event(text, "ACCUSE")
    assert [a.country for a in ev.actors] == ["CHL"]


def test_a_title_with_its_own_phrase_before_the_apposed_name_codes_later_mentions() -> None:
    text = ("Norway's envoy to the peace talks, Lars Berg, met rebel leaders in Bogota. "
            "Berg later accused Venezuela of arming the rebels.")
    ev = _event(text, "ACCUSE")
    assert [a.country for a in ev.actors] == ["NOR"]


def test_a_list_after_a_title_is_not_an_apposition() -> None:  # a guard: held before too
    doc = extract("He thanked the Kenyan president, Tom Otieno and Ruth Wanjiru for the invitation.",
                  published="2023-05-05")
    assert not any(a.name == "Tom Otieno" and a.country == "KEN" for a in doc.actors)


def test_a_title_with_of_country_after_the_name_codes_the_person() -> None:
    text = ("Prime Minister Ichiro Tanaka of Japan met Korean envoys in Osaka. "
            "Tanaka later accused North Korea of breaking the missile accord.")
    ev = _event(text, "ACCUSE")
    assert [a.country for a in ev.actors] == ["JPN"]


# --- an office of a city or province is its state's; a state against its own people is an event


def test_an_office_of_a_city_is_its_states() -> None:
    for text, country in (
            ("Nigerian police arrested the former governor of Kano on Tuesday.", "NGA"),
            ("Spanish prosecutors charged the mayor of Valencia with fraud.", "ESP")):
        ev = main_of(text)
        assert country in {r.country for r in ev.recipients}, text


def test_an_office_of_a_city_set_after_the_name_codes_the_person() -> None:
    text = ("Peter Mwangi, the governor of Nakuru, said on Monday that the road was closed. "
            "Mwangi later accused Uganda of meddling in the county.")
    ev = _event(text, "ACCUSE")
    assert [a.country for a in ev.actors] == ["KEN"]


def test_a_state_body_acting_on_its_own_nationals_keeps_them() -> None:
    for text, country in (
            ("Kenyan police arrested three Kenyans at the airport in Mombasa.", "KEN"),
            ("Nigerian officials accused Nigerians living abroad of spreading rumours.", "NGA")):
        ev = main_of(text)
        assert [r.country for r in ev.recipients] == [country], text


def test_same_party_keeps_a_state_and_its_forces_together() -> None:
    kenya = Actor(text="Kenya", name="Kenya", country="KEN", kind="state")
    forces = Actor(text="Kenyan forces", name="Kenya", country="KEN", sector="MIL", sectors=["MIL"], kind="group")
    police = Actor(text="Kenyan police", name="Kenya", country="KEN", sector="COP", sectors=["COP"], kind="group")
    people = Actor(text="Kenyans", name="Kenya", country="KEN", kind="group")
    thing = Actor(text="Kenyan attack", name="Kenya", country="KEN", kind="group")
    assert same_party(forces, kenya)
    assert not same_party(people, police) and not same_party(people, kenya)
    assert same_party(thing, police)  # a thing coded by its flag is no people


# --- peoples with one home state (data/kb/peoples.json); peoples of several states are not guessed


def test_a_people_with_one_home_state_codes_it() -> None:
    for text, country in (
            ("Uighur activists accused China of abuses in the camps.", "CHN"),
            ("Oromo elders accused the federal government of neglect.", "ETH"),
            ("Maronite leaders criticised Syria over the border closures.", "LBN")):
        ev = main_of(text)
        assert [a.country for a in ev.actors] == [country], text


def test_a_people_abroad_is_coded_where_it_lives_but_not_by_the_state_it_addresses() -> None:
    ev = main_of("Two Chechen men attacked a policeman in Vienna.")
    assert [a.country for a in ev.actors] == ["AUT"]
    ev = main_of("Oromo elders accused Kenya of neglect.")
    assert [a.country for a in ev.actors] == ["ETH"]
    ev = main_of("Ethnic Albanians accused Serbia of discrimination.")  # the 'ethnic' residents rule is unchanged
    assert [a.country for a in ev.actors] == ["SRB"]


def test_a_people_of_several_states_is_not_given_one() -> None:  # a guard: held before too
    ev = main_of("Kurdish fighters attacked Turkish troops.")
    assert [a.country for a in ev.actors] == [None]


# --- the target's own name does not flag an unflagged official


def test_an_unflagged_official_is_not_the_accused_states() -> None:
    ev = main_of("The interior minister, Ali Hassan, accused Eritrea of arming the rebels.")
    assert [r.country for r in ev.recipients] == ["ERI"]
    assert all(a.country != "ERI" for a in ev.actors)


def test_an_official_acting_at_a_place_is_still_its_states() -> None:  # a guard: held before too
    ev = main_of("President Ali Hassan imposed a curfew in Mogadishu.")
    assert [a.country for a in ev.actors] == ["SOM"]


# --- the host of a visit: 'the president' met after an arrival is the host's


def test_the_leader_met_after_an_arrival_is_the_hosts() -> None:
    for text, country in (
            ("The Swedish foreign minister arrived in Hanoi on Monday. She held talks with the president about trade.",
             "VNM"),
            ("Portugal's prime minister visited Angola last week. He met the president in Luanda.", "AGO")):
        ev = _event(text, "CONSULT", trigger="talks" if "talks" in text else "met")
        assert [r.country for r in ev.recipients] == [country], text
