"""News prose that is not a political event: a reporter's exchange with a party, and politicians 'attacking' each
other in words. Sentences are ours."""

from __future__ import annotations

import pytest

from event_helpers import events_of, main_of


@pytest.mark.parametrize("text", [
    "The Pentagon declined to comment.",
    "The Nigerian army declined comment.",
    "Ugandan police refused to be interviewed by the BBC.",
    "Kenya's foreign ministry did not return messages seeking comment.",
    "The Peruvian embassy has not answered a request for comment.",
])
def test_a_reporters_exchange_with_a_party_is_no_event(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize("text, event_type", [
    ("Kenya declined to sign the border treaty.", "REJECT"),
    ("Peru asked Chile for help with the floods.", "REQUEST"),
])
def test_refusals_and_requests_of_substance_are_still_coded(text: str, event_type: str) -> None:
    assert main_of(text).event_type == event_type


@pytest.mark.parametrize("text", [
    "Senator Maria Lopez attacked the governor's budget plan on Monday.",
    "Democrats attacked Republicans over the tax bill.",
    "President Ruto attacked the opposition leader on Sunday.",
])
def test_politicians_attacking_each_other_criticise(text: str) -> None:
    ev = main_of(text)
    assert (ev.event_type, ev.mode) == ("ACCUSE", "disapprove")


@pytest.mark.parametrize("text", [
    "Russia attacked Ukraine in February.",
    "Gunmen attacked the governor's convoy near Kandahar.",
    "Prime Minister Netanyahu attacked Hamas positions in Gaza.",
])
def test_attacks_with_states_armed_groups_or_targets_on_the_ground_stay_assaults(text: str) -> None:
    assert main_of(text).event_type == "ASSAULT"


@pytest.mark.parametrize("text", [
    "The senator has been the governor's attack dog for years.",
    "Two of her nominees were stalled over their work on the sexual assault issue.",
])
def test_an_act_noun_that_only_classifies_its_head_is_no_event(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize("text, event_type", [
    ("Qatar's emir launched a mediation effort between Bahrain and Oman.", "CONSULT"),
])
def test_an_act_noun_before_a_frame_or_its_outcome_is_still_the_act(text: str, event_type: str) -> None:
    assert main_of(text).event_type == event_type


def test_blowing_up_at_someone_is_an_outburst_not_a_bombing() -> None:
    ev = main_of("Kenya's foreign minister blew up at a BBC reporter on Monday.")
    assert (ev.event_type, ev.mode) == ("ACCUSE", "disapprove")
    assert main_of("Rebels blew up a bridge near Goma.").mode == "explosives"


@pytest.mark.parametrize("text", [
    "Nigeria is weighing a prisoner swap with the rebels.",
    "The EU is considering sanctions against Belarus.",
    "Sanctions against Belarus are being considered in Brussels.",
])
def test_an_option_weighed_is_no_act(text: str) -> None:
    assert events_of(text) == []


def test_a_headline_that_weighs_an_option_states_no_act() -> None:
    from dateline.pipeline import extract

    doc = extract("Officials said on Monday they would respond soon.", title="Kenya Mulls Troop Withdrawal From Somalia",
                  published="2020-01-01")
    assert doc.events == []


def test_an_act_done_is_still_coded() -> None:
    assert main_of("The EU imposed sanctions on Belarus.").event_type == "SANCTION"


def test_a_headline_act_the_parser_compounds_onto_its_predicate_still_names_the_story() -> None:
    # 'Student Protest Target of Police Crackdown': the headline drops its copula and the parser makes 'protest'
    # a compound of 'target'; the headline's act is the protest, not a classifier of a thing
    from dateline.events.ranking import main_event
    from dateline.pipeline import extract

    doc = extract("Police in Accra broke up a student march on Tuesday, detaining nine people. The students had "
                  "marched peacefully to parliament.", title="Student Protest Target of Police Crackdown",
                  published="2020-01-01")
    main = main_event(doc.events)
    assert main is not None and main.event_type == "PROTEST"


@pytest.mark.parametrize("text, kept", [
    ("Instead of arresting the protesters, police escorted them to the square.", []),
    ("Kenya chose talks rather than sanctions against Uganda.", []),
    ("Rather than negotiate, the army shelled the rebel town.", ["ASSAULT"]),
    ("Police arrested the protesters instead of escorting them.", ["COERCE"]),
])
def test_an_act_named_as_the_one_not_taken_is_no_event(text: str, kept: list[str]) -> None:
    assert [e.event_type for e in events_of(text)] == kept
