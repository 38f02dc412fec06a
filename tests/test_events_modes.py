"""Modes the trigger word leaves open (session 7): from the act asked for, refused or threatened; from the force
mobilised; from who meets where. Sentences are our own."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.pipeline import extract
from event_helpers import PUBLISHED, events_of, main_of, type_and_mode


@pytest.mark.parametrize(("text", "event_type", "mode"), [
    ("Austria's cabinet on Tuesday rejected Hungary's plea for emergency food assistance.", "REJECT", "assist"),
    ("Poland declined the provision of food assistance for refugees in Ukraine.", "REJECT", "assist"),
    ("Kenya urged Somalia to pull its troops out of the border town.", "REQUEST", "yield"),
    ("Turkey's interior minister threatened on Friday to crush the riots in Izmir with military force.", "THREATEN",
     "violence"),
])
def test_a_request_refusal_or_threat_takes_the_mode_of_its_content(text: str, event_type: str, mode: str) -> None:
    assert type_and_mode(text) == (event_type, mode)


def test_a_refusal_with_no_act_in_its_content_keeps_no_mode() -> None:
    ev = main_of("The Austrian government rejected the report on Tuesday.")
    assert ev.event_type == "REJECT" and ev.mode is None


@pytest.mark.parametrize(("text", "mode"), [
    ("Kenyan police began patrolling the streets of Nairobi on Tuesday.", "police"),
    ("Nigerian soldiers began patrols in Maiduguri on Sunday.", "troops"),
    ("Armed pro-government militias began patrolling the streets of Bamako on Tuesday.", "militia"),
    ("A Thai paramilitary ranger unit started patrolling the southern district of Yala on Friday.", "militia"),
    ("Hezbollah mobilized thousands of fighters along the border on Sunday.", "militia"),
])
def test_a_mobilisation_takes_the_mode_of_the_force(text: str, mode: str) -> None:
    assert type_and_mode(text) == ("MOBILIZE", mode)


def test_a_state_deploying_warships_keeps_weapons() -> None:
    assert type_and_mode("India deployed two warships to the Andaman Sea on Friday.") == ("MOBILIZE", "weapons")


@pytest.mark.parametrize(("text", "mode"), [
    ("Representatives of Serbia and Bolivia began negotiations in Damascus on Sunday.", "third-party"),
    ("Envoys from the European Union and the African Union met in Geneva on Sunday.", "multilateral"),
])
def test_a_meeting_takes_its_mode_from_who_meets_where(text: str, mode: str) -> None:
    assert type_and_mode(text) == ("CONSULT", mode)


def test_talks_in_one_partys_capital_are_not_third_party() -> None:
    ev = main_of("Representatives of Serbia and Bolivia began negotiations in Belgrade on Sunday.")
    assert ev.event_type == "CONSULT" and ev.mode != "third-party"


@pytest.mark.parametrize(("text", "mode"), [
    ("Twelve traders were killed on Friday after an explosion wrecked stalls at a Mogadishu market.",
     "explosives"),
    ("Russian warplanes struck a village near Idlib on Tuesday and killed two farmers.", "aerial"),
    ("Gunmen killed four policemen in Maiduguri on Sunday.", "firearms"),
    ("A Kenyan lawmaker was killed on Tuesday in a targeted attack in Nairobi.", "targeted"),
])
def test_an_attack_takes_the_mode_of_the_instrument_in_its_clause(text: str, mode: str) -> None:
    assert type_and_mode(text) == ("ASSAULT", mode)


def test_a_participle_on_a_blast_takes_its_instrument() -> None:
    events = [e for e in events_of("A truck bomb went off outside the gate of Mogadishu port on Sunday, killing at "
                                   "least 30 people.") if e.event_type == "ASSAULT"]
    assert len(events) >= 1 and all(e.mode == "explosives" for e in events)


def test_an_attack_with_no_instrument_keeps_no_mode() -> None:
    ev = main_of("Four policemen were killed in Maiduguri on Sunday.")
    assert ev.event_type == "ASSAULT" and ev.mode is None


def test_a_march_that_blocks_a_road_is_an_obstruction() -> None:
    events = [e for e in events_of("Hundreds of demonstrators marched through Lagos on Thursday, blocking a main highway.")
              if e.event_type == "PROTEST"]
    assert events and all(e.mode == "obstruct" for e in events)


def test_a_march_alone_stays_a_demonstration() -> None:
    assert type_and_mode("Hundreds of demonstrators marched through Lagos on Thursday.") == ("PROTEST", "demo")


@pytest.mark.parametrize(("text", "mode"), [
    ("Turkey warned Greece that it will invade the island if the talks fail.", "territory"),
    ("Russia has threatened to annex the eastern province of Georgia.", "territory"),
    ("Russia said it would attack Georgia.", "violence"),
])
def test_a_threat_to_take_land_is_a_territorial_threat(text: str, mode: str) -> None:
    assert type_and_mode(text) == ("THREATEN", mode)


def test_protesters_who_will_occupy_a_square_threaten_no_territory() -> None:
    ev = main_of("Students said they would occupy the main square of Belgrade on Monday.")
    assert ev.mode != "territory"


def test_the_headline_lends_its_mode_to_a_main_event_of_its_type() -> None:
    events = extract("Four people were killed on Monday near Idlib, officials said.",
                     title="Four killed in air strike near Idlib", published=PUBLISHED).events
    ev = main_event(events)
    assert ev is not None and (ev.event_type, ev.mode) == ("ASSAULT", "aerial")


def test_the_headline_does_not_override_the_body_mode() -> None:
    events = extract("Rebels shot dead four soldiers near Idlib on Monday.",
                     title="Four killed in air strike near Idlib", published=PUBLISHED).events
    ev = main_event(events)
    assert ev is not None and (ev.event_type, ev.mode) == ("ASSAULT", "firearms")


@pytest.mark.parametrize("text", [
    "Kenyan schools were shut by a mass walkout of teachers on Monday in protest over unpaid wages.",
    "Thousands of Zambian miners protested in Kitwe on Monday and announced an indefinite walkout.",
])
def test_a_protest_told_with_a_strike_is_a_strike(text: str) -> None:
    events = [e for e in events_of(text) if e.event_type == "PROTEST"]
    assert events and all(e.mode == "strike" for e in events)
