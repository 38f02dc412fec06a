"""False events in political prose: verbs of force whose object or preposition shows a figure of speech
(event_grammar.json figurative_objects, figurative_preps), with the literal readings kept."""

from __future__ import annotations

import pytest

from dateline.models import Document
from dateline.pipeline import analyse_document


def _events(text: str) -> list[tuple[str, str]]:
    doc = analyse_document(Document(id="t", text=text, published="2016-05-01", published_source="input"))
    return [(e.event_type, e.evidence.trigger) for e in doc.events]


@pytest.mark.parametrize("text", [
    "Governor Lena Marsh tried to strike a softer tone with the teachers' union on Friday.",
    "The Carpenters Association, the largest building trades group, struck a hopeful note, saying the rule was overdue.",
    "Old curfew ordinances were struck down in 1981 by a Nevada judge.",
    "Officials from the Commerce Department rang the opening bell on Wall Street.",
    "Republicans have seized on what they call a reckless spending binge in the capital.",
    "Conservative groups seized upon the mayor's remarks about property taxes.",
    "Democrats are targeting vulnerable Republican incumbents in Arizona and Iowa.",
    "The Air Force has targeted three of its training wings for closure.",
    "Senator Ames charged ahead with the vote despite objections.",
    "Mayor Dan Ortiz pulled out a narrow win in the runoff against his challenger.",
    "Judge Maria Reyes on Tuesday struck down the Bush administration's plan to cap rents.",
    "The Supreme Court struck down the Trump administration's decision to end the program.",
    "Pension funds have shelled out billions on the new bonds this year.",
])
def test_figure_of_speech_is_no_event(text: str) -> None:
    kinds = {t for t, _ in _events(text)}
    assert not kinds & {"ASSAULT", "COERCE", "CONSULT", "RETREAT", "ACCUSE"}, _events(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("Rebels struck an army convoy near the northern border on Sunday.", "ASSAULT"),
    ("Soldiers seized the provincial airport at dawn.", "COERCE"),
    ("Police seized rifles and cash in a raid on the compound.", "COERCE"),
    ("Militants targeted a police station in Jalalabad with rockets.", "ASSAULT"),
    ("Government troops pulled out of the besieged town on Monday.", "RETREAT"),
    ("Insurgents targeted the garrison for weeks with mortars.", "ASSAULT"),
    ("Prosecutors charged the former mayor with bribery.", "ACCUSE"),
    ("Airstrikes hit a bridge and struck a fuel depot outside the city.", "ASSAULT"),
])
def test_literal_act_is_kept(text: str, kind: str) -> None:
    assert kind in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Chinese hackers compromised the agency's email servers last year.",
    "Iranian hackers compromised dozens of routers at American universities, officials said.",
])
def test_compromised_systems_are_a_cyber_attack(text: str) -> None:
    kinds = {t for t, _ in _events(text)}
    assert "COERCE" in kinds and "CONCEDE" not in kinds, _events(text)


def test_compromise_over_a_bill_is_still_a_concession_or_deal() -> None:
    assert "AGREE" in {t for t, _ in _events("The two parties reached a compromise on the budget.")}


@pytest.mark.parametrize("text", [
    "Senator Hale told an audience of union members in Toledo that the plant would stay open.",
    "Mayor Grant kept her audience laughing for twenty minutes.",
    "President Ward delivered the jokes to an audience of journalists at the annual dinner.",
])
def test_a_speakers_audience_is_no_meeting(text: str) -> None:
    assert "CONSULT" not in {t for t, _ in _events(text)}, _events(text)


def test_an_audience_with_a_leader_is_a_meeting() -> None:
    text = "Pope Francis held an audience with President Emmanuel Macron at the Vatican."
    assert "CONSULT" in {t for t, _ in _events(text)}


@pytest.mark.parametrize("text", [
    "Many Republicans are talking about the cost of the new tariffs.",
    "I'd be surprised if that wasn't one of the things we talk about, Senator Blunt said.",
])
def test_one_party_talking_about_a_topic_consults_no_one(text: str) -> None:
    assert "CONSULT" not in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Kerry and Lavrov talked about Syria for two hours in Geneva.",
    "Obama talked with Putin about Ukraine on Friday.",
    "Artillery shelled the outskirts of Donetsk overnight.",
])
def test_talks_between_parties_and_shelling_are_kept(text: str) -> None:
    assert {t for t, _ in _events(text)} & {"CONSULT", "ASSAULT"}, _events(text)


@pytest.mark.parametrize("text", [
    "The senators debated how the country should respond to mass shootings.",
    "Voters in both parties worry about terrorist attacks.",
    "Lawmakers argued over drone strikes for a third day.",
])
def test_violence_as_a_topic_is_no_attack(text: str) -> None:
    assert "ASSAULT" not in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Airstrikes killed nine civilians near Idlib on Sunday.",
    "Rebels launched attacks on three army posts.",
    "The minister spoke about the recent bombings in the capital.",
    "Villagers hid in cellars during airstrikes by government jets.",
    "Militias carried out ethnic cleansing in the valley, the envoy said.",
])
def test_acts_that_happened_are_kept(text: str) -> None:
    assert "ASSAULT" in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Governor Haley launched a scathing attack on the spending bill.",
    "The Teamsters leadership unleashed a blistering attack on the trade pact.",
])
def test_an_attack_of_words_is_criticism(text: str) -> None:
    kinds = {t for t, _ in _events(text)}
    assert "ACCUSE" in kinds and "ASSAULT" not in kinds, _events(text)


@pytest.mark.parametrize("text", [
    "The senator has faced partisan attacks from both sides.",
    "Senator Pryor's rally in Little Rock drew a large crowd.",
    "Thousands attended a campaign rally for Senator Ortiz in El Paso.",
])
def test_personal_attacks_and_campaign_rallies_are_no_violence_or_protest(text: str) -> None:
    assert not {t for t, _ in _events(text)} & {"ASSAULT", "PROTEST"}, _events(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("Teachers held a rally outside the statehouse against pay cuts.", "PROTEST"),
    ("Hong Kong's rally for democracy drew thousands.", "PROTEST"),
    ("Militants launched an attack on the police station.", "ASSAULT"),
])
def test_protest_rallies_and_armed_attacks_are_kept(text: str, kind: str) -> None:
    assert kind in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Senator Jason Vance has fought the surveillance program for years.",
    "Mayor Ruth Ellis is fighting to keep the shipyard open.",
    "Governor Ames is battling the legislature over the budget.",
])
def test_a_politicians_struggle_is_no_violence(text: str) -> None:
    assert "ASSAULT" not in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Government troops fought rebels near Aleppo on Monday.",
    "Police fought with protesters outside parliament.",
    "Kurdish fighters battled Islamic State militants for the town.",
])
def test_armed_fighting_is_kept(text: str) -> None:
    assert "ASSAULT" in {t for t, _ in _events(text)}, _events(text)
