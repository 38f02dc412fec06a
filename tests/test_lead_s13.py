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


@pytest.mark.parametrize(("text", "cameo"), [
    ("Peru's electoral court allowed the exiled candidate to run in the April vote.", "0812"),
    # session 15: declared, it is CAMEO's intent to ease administrative sanctions
    ("The junta will permit opposition parties to contest the elections.", "0351"),
])
def test_letting_a_candidate_or_party_take_part_is_a_concession(text: str, cameo: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "CONCEDE"
    assert ev.cameo == cameo


@pytest.mark.parametrize("text", [
    "IAEA inspectors inspected two uranium plants near Tabriz on Monday.",
    "Monitors from the OPCW will examine the chemical depot next week.",
])
def test_inspecting_sites_is_an_investigation(text: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.mode) == ("ACCUSE", "investigate")


def test_an_official_inspecting_troops_investigates_nothing() -> None:
    assert not [e for e in events_of("The president inspected the honour guard in Accra.") if e.event_type == "ACCUSE"]


@pytest.mark.parametrize("text, actor, target", [
    ("Chile is opposed to the Bolivian plan.", "CHL", "BOL"),
    ("Mali is firmly opposed to Algerian mediation between the factions.", "MLI", "DZA"),
    ("Kenya opposed Ugandan mediation in the border row.", "KEN", "UGA"),
])
def test_opposing_talks_mediation_or_a_plan_rejects_it(text: str, actor: str, target: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "REJECT"
    assert [a.country for a in ev.actors] == [actor]
    assert [r.country for r in ev.recipients] == [target]


def test_opposing_a_person_stays_a_criticism() -> None:
    assert not [e for e in events_of("Bolivia's president opposed the Chilean ambassador.") if e.event_type == "REJECT"]


def test_a_refused_membership_is_aimed_at_the_member() -> None:
    ev = main_of("Cyprus rejected Turkey's membership of the customs union.")
    assert [r.country for r in ev.recipients] == ["TUR"]


@pytest.mark.parametrize("text", [
    "Ghana is strongly opposed to the deployment of foreign troops.",
    "Police in Dubai detained foreign workers on Monday.",
])
def test_foreign_groups_are_not_flagged_by_the_place_or_the_actor(text: str) -> None:
    ev = main_of(text)
    assert [r.country for r in ev.recipients] == [None]


def test_unmarked_groups_are_still_flagged_by_the_place() -> None:
    ev = main_of("Police in Dubai detained workers on Monday.")
    assert [r.country for r in ev.recipients] == ["ARE"]


@pytest.mark.parametrize("text, sanction", [
    ("France banned all arms sales to Chad.", True),
    ("The court banned the opposition party.", False),
])
def test_banning_arms_sales_is_a_sanction_banning_a_party_coercion(text: str, sanction: bool) -> None:
    assert (main_of(text).event_type == "SANCTION") is sanction


@pytest.mark.parametrize("text, actor, target", [
    ("The African Union may suspend aid to Guinea if the junta delays the vote, Senegal's foreign minister said.",
     "IGO", "GIN"),
    ("Russia could cut gas supplies to Moldova, the Kremlin said on Friday.", "RUS", "MDA"),
])
def test_a_hedged_act_of_a_named_party_reported_by_another_is_that_partys_threat(
        text: str, actor: str, target: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "THREATEN"
    assert {a.country or a.kind.upper() for a in ev.actors} == {actor}
    assert [r.country for r in ev.recipients] == [target]
    assert ev.modality.claimed


def test_an_analysts_guess_is_no_threat() -> None:
    assert not [e for e in events_of("Venezuela could expel the envoys, an analyst said.") if e.event_type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "Kenya halted its mediation efforts between the factions.",
    "Qatar ended its mediation efforts in the border dispute.",
])
def test_a_mediation_effort_halted_is_mediation_halted(text: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.cameo) == ("SANCTION", "165")


@pytest.mark.parametrize("text, actor, target", [
    ("Cuba sent 200 doctors to Haiti after the earthquake.", "CUB", "HTI"),
    ("Turkey dispatched rescuers to the quake zone in Syria.", "TUR", "SYR"),
])
def test_doctors_and_rescuers_sent_are_aid(text: str, actor: str, target: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "AID"
    assert [a.country for a in ev.actors] == [actor]
    assert [r.country for r in ev.recipients] == [target]


@pytest.mark.parametrize("text, org", [
    ("The International Labour Organization urged Qatar to scrap the exit permits.", "ILO"),
    ("The Organisation of African Unity condemned the coup in the Comoros.", "OAU"),
    ("Gunmen attacked UNIFIL peacekeepers near the border.", "UNIFIL"),
])
def test_un_agencies_missions_and_regional_bodies_are_known(text: str, org: str) -> None:
    ev = main_of(text)
    assert org in {a.org for a in [*ev.actors, *ev.recipients]}


@pytest.mark.parametrize("text", [
    "Young men threw stones at soldiers during a funeral in Hebron.",
    "Students hurled rocks at riot police during the march on parliament.",
])
def test_stones_thrown_in_the_course_of_a_gathering_are_a_riot(text: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.mode) == ("PROTEST", "riot")


def test_stones_thrown_outside_any_gathering_stay_an_assault() -> None:
    assert main_of("Villagers threw stones at the convoy near the border.").event_type == "ASSAULT"


@pytest.mark.parametrize("text", [
    "Turkish police prevented the demonstration planned by teachers in Izmir.",
    "Riot police thwarted a planned march by opposition supporters in Minsk.",
])
def test_keeping_a_demonstration_from_happening_restricts_it(text: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.cameo) == ("COERCE", "1721")


def test_protesters_blocking_a_road_still_protest() -> None:
    assert main_of("Protesters blocked the main road to the airport.").event_type == "PROTEST"


@pytest.mark.parametrize("text, target", [
    ("IAEA inspectors will examine two reactors in Pakistan next month.", "PAK"),
    ("Israel will evacuate its outposts in the Gaza Strip by August.", "PSE"),
])
def test_sites_acted_on_in_another_state_name_it(text: str, target: str) -> None:
    ev = main_of(text)
    assert target in {r.country for r in ev.recipients}


@pytest.mark.parametrize("text, host, guest", [
    ("Peru's president extended a warm welcome to the Chilean foreign minister.", "PER", "CHL"),
    ("Ghana's president gave a red-carpet reception to the visiting Malian premier in Accra.", "GHA", "MLI"),
])
def test_a_welcome_given_to_a_visitor_is_hosting(text: str, host: str, guest: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.mode) == ("CONSULT", "visit")
    assert [a.country for a in ev.actors] == [host]
    assert [r.country for r in ev.recipients] == [guest]


@pytest.mark.parametrize("text, kind", [
    ("The two senators exchanged barbs on the floor on Tuesday.", "ACCUSE"),
    ("Armenian and Azerbaijani troops exchanged fire along the frontier overnight.", "ASSAULT"),
])
def test_what_is_exchanged_decides_the_act(text: str, kind: str) -> None:
    assert main_of(text).event_type == kind


def test_the_line_of_control_is_no_chinese_town() -> None:
    ev = main_of("Indian and Pakistani troops exchanged fire across the Line of Control.")
    assert "CHN" not in {r.country for r in ev.recipients}


def test_ammunition_passed_between_politicians_is_a_figure_of_speech() -> None:
    text = "Senator Warren failed to contain the row over the leaked memos, giving new ammunition to Donald Trump."
    assert not [e for e in events_of(text) if e.event_type == "AID"]


def test_arms_given_by_a_state_to_a_group_are_aid() -> None:
    ev = main_of("Iran gave weapons to Hezbollah.")
    assert (ev.event_type, ev.cameo) == ("AID", "072")


def test_a_state_named_with_its_article_does_not_flag_those_it_arms() -> None:
    ev = main_of("The United States gave arms to the Kurdish fighters.")
    assert [r.country for r in ev.recipients] == [None]


def test_he_after_an_unnamed_person_in_his_own_sentence_is_not_a_person_named_before() -> None:
    text = ("President Joe Biden spoke about the crime figures on Sunday. "
            "In the second case, a gunman in Tulsa shot four guards before he was arrested by police.")
    for ev in events_of(text):
        assert "Joe Biden" not in {r.name for r in ev.recipients}


@pytest.mark.parametrize("text, accuser, accused", [
    ("Kenya's president faces criticism from Uganda over the border closure.", "UGA", "KEN"),
    ("The Chilean minister faced accusations from Bolivia of spying.", "BOL", "CHL"),
])
def test_one_who_faces_criticism_or_charges_is_the_accused(text: str, accuser: str, accused: str) -> None:
    ev = main_of(text)
    assert ev.event_type == "ACCUSE"
    assert [a.country for a in ev.actors] == [accuser]
    assert [r.country for r in ev.recipients] == [accused]


def test_the_accused_is_never_coded_as_the_accuser() -> None:
    for ev in events_of("The Peruvian minister faces charges of corruption."):
        assert "PER" not in {a.country for a in ev.actors if ev.event_type == "ACCUSE"}
