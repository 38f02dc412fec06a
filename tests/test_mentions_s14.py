"""False events in real news, round 4 (session 14): a party that 'takes control of the House' wins a vote
(electoral_party_sectors), an attack verb whose unplaced doer is a rival or pundit is one of words
(verbal_attacker_nouns, verbal_attack_objects), an act noun that 'dragged on' or 'dominated' is the topic
(background_verbs), 'backed out of' gives way, 'struck up a friendship' strikes no one, a vow 'to respond in
kind' threatens (retaliation_phrases), 'X should', said by a person the KB cannot place, is advice, a trip
at home visits no one and one party 'talking impeachment' consults no one. Each
with the true reading kept."""

from __future__ import annotations

import pytest

from dateline.models import Document
from dateline.pipeline import analyse_document


def _events(text: str) -> list[tuple[str, str]]:
    doc = analyse_document(Document(id="t", text=text, published="2016-05-01", published_source="input"))
    return [(e.event_type, e.evidence.trigger) for e in doc.events]


def _types(text: str) -> set[str]:
    return {t for t, _ in _events(text)}


@pytest.mark.parametrize("text", [
    "Democrats took control of the House in 2018 after a wave of suburban victories.",
    "Republicans hope to retake the Senate next year.",
    "The Liberal Democrats took control of three county councils in the May elections.",
])
def test_party_taking_control_wins_a_vote(text: str) -> None:
    assert "COERCE" not in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "Rebels took control of the parliament building in the capital on Sunday.",
    "Troops seized control of the state broadcaster in Niamey.",
    "Houthi fighters took control of the airport in Sanaa.",
])
def test_armed_seizure_stays_a_seizure(text: str) -> None:
    assert "COERCE" in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "The Republican hopefuls repeatedly attacked Pelosi during the forum, saying her tax plan would hurt families.",
    "Several conservative commentators now attack the governor at every turn.",
    "The Tories are focused on attacking Starmer's record on crime.",
    "Rival candidates attacked Macron over pension reform.",
])
def test_unplaced_attack_of_words_is_no_assault(text: str) -> None:
    assert "ASSAULT" not in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "A man attacked the congressman outside his office on Monday.",
    "Gunmen attacked the mayor's convoy over the weekend.",
    "Unknown assailants attacked the senator with knives in Lagos.",
])
def test_physical_attack_on_a_politician_stays_an_assault(text: str) -> None:
    assert "ASSAULT" in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "The crackdown on dissent has dragged on for months.",
    "The bombing dominated the campaign for weeks.",
    "The massacre in the valley still haunts the village.",
])
def test_act_noun_as_the_topic_is_no_event(text: str) -> None:
    assert _events(text) == [], _events(text)


@pytest.mark.parametrize("text", [
    "The bombing killed nine people in the market.",
    "An airstrike killed 12 civilians in Idlib on Friday.",
])
def test_act_noun_that_does_harm_stays_an_event(text: str) -> None:
    assert "ASSAULT" in _types(text), _events(text)


def test_backing_out_gives_way() -> None:
    # session 15: backing out of an agreement goes back on it (REJECT); backing off a position still gives way
    assert _events("Britain backed out of the agreement in March.") == [("REJECT", "backed out of the agreement")]
    assert _types("Britain backed off the plan in March.") == {"CONCEDE"}


def test_plain_backing_stays_support() -> None:
    assert "SUPPORT" in _types("The unions backed the strike.")


@pytest.mark.parametrize("text", [
    "Greek leaders struck up a warm rapport with the Turkish premier.",
    "The opposition leader offered mixed messages about the budget.",
])
def test_figures_of_speech_are_no_events(text: str) -> None:
    assert _events(text) == [], _events(text)


@pytest.mark.parametrize("text", [
    "Beijing vowed to respond in kind to any new tariffs.",
    "The Iranian foreign ministry pledged to reply in kind to the expulsions.",
])
def test_vow_to_respond_in_kind_threatens(text: str) -> None:
    kinds = _types(text)
    assert "THREATEN" in kinds and "AGREE" not in kinds, _events(text)


def test_vow_to_respond_to_concerns_stays_a_pledge() -> None:
    kinds = _types("Ottawa vowed to respond to the concerns of farmers.")
    assert "AGREE" in kinds and "THREATEN" not in kinds


@pytest.mark.parametrize("text", [
    "Tokyo should not agree to the terms, said Harriet Vallon, a fellow at a Geneva institute.",
    "Washington should lift the embargo, said Tomas Reyes, who teaches at a Madrid university.",
])
def test_unplaced_commentators_advice_is_no_demand(text: str) -> None:
    assert "REQUEST" not in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "Merkel said Greece must repay the loans.",
    "The Kenyan foreign minister said Uganda must withdraw its troops.",
])
def test_officials_demand_stays_a_request(text: str) -> None:
    assert "REQUEST" in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "Biden traveled to Ohio on Monday.",
    "The Canadian premier traveled to Alberta on Tuesday.",
    "Marta Lind, a nurse, had traveled home to Oregon to vote.",
])
def test_trip_at_home_is_no_visit(text: str) -> None:
    assert "CONSULT" not in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "The Chinese premier visited Nairobi on Monday.",
    "Kerry arrived in Cairo on Tuesday.",
])
def test_visit_abroad_stays_a_visit(text: str) -> None:
    assert "CONSULT" in _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "Some Republicans have talked impeachment for months.",
    "Labour MPs talked strategy at the conference.",
])
def test_talking_a_topic_is_no_consultation(text: str) -> None:
    assert "CONSULT" not in _types(text), _events(text)


def test_two_parties_talking_a_topic_consult() -> None:
    assert "CONSULT" in _types("Kerry and Lavrov talked trade in Geneva.")


@pytest.mark.parametrize("text", [
    "Reformers in Ohio want a cap on prison sentences.",
    "The mayor faces pressure to take action on deportations.",
    "None of the tycoons on the list were targets of sanctions.",
])
def test_sanctions_and_coercion_as_a_category_are_no_events(text: str) -> None:
    assert _events(text) == [], _events(text)


@pytest.mark.parametrize("text", [
    "A Cairo court handed down prison sentences to three journalists.",
    "The EU imposed sanctions on Minsk on Monday.",
    "Police carried out raids on two mosques in Lyon.",
])
def test_sanctions_and_coercion_done_stay_events(text: str) -> None:
    assert {"SANCTION", "COERCE"} & _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "The number of people killed by the new virus rose by 40 on Sunday.",
    "Cholera has killed 90 people in Yemen this month.",
    "The flu epidemic killed 300 people in Lima.",
])
def test_deaths_from_disease_are_no_assault(text: str) -> None:
    assert "ASSAULT" not in _types(text), _events(text)


def test_killing_by_gunmen_stays_an_assault() -> None:
    assert "ASSAULT" in _types("Gunmen killed 12 villagers in Borno.")


@pytest.mark.parametrize("text", [
    "The mayor fired her chief of staff on Friday.",
    "Trump fired his campaign manager on Monday.",
])
def test_staff_fired_are_dismissed_not_shot(text: str) -> None:
    assert "ASSAULT" not in _types(text), _events(text)


def test_shots_fired_stay_an_assault() -> None:
    assert "ASSAULT" in _types("Troops fired on the crowd in Khartoum.")


@pytest.mark.parametrize("text", [
    "In the US-Chile Free Trade Agreement, the share was lowered to 40 percent.",
    "Under the Japan-Mexico Free Trade Agreement, the quota was raised to 60 percent.",
])
def test_an_accords_name_is_no_event(text: str) -> None:
    assert _events(text) == [], _events(text)


@pytest.mark.parametrize("text", [
    "Kenya Signs Free Trade Agreement With Uganda",
    "Ghana and Togo signed a new regional free trade agreement on Friday.",
])
def test_an_accord_concluded_stays_an_event(text: str) -> None:
    assert {"COOPERATE", "SUPPORT"} & _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "Conservative lawmakers had attacked the report as a threat to press freedom.",
    "Opposition MPs attacked the ruling in parliament on Tuesday.",
])
def test_politicians_attacking_words_criticise(text: str) -> None:
    kinds = _types(text)
    assert "ACCUSE" in kinds and "ASSAULT" not in kinds, _events(text)


def test_lawmakers_attacking_a_thing_stay_an_assault() -> None:
    assert "ASSAULT" in _types("Rioting lawmakers attacked the speaker's podium.")


@pytest.mark.parametrize("text", [
    "The governor was briefed about the shooting on Friday.",
    "Villagers voiced fury over the massacre in the valley.",
])
def test_act_noun_as_what_is_talked_about_is_no_event(text: str) -> None:
    assert "ASSAULT" not in _types(text), _events(text)


def test_act_noun_as_backdrop_leaves_the_act_told() -> None:
    assert _events("Students rallied amid the crackdown on the press in Dhaka.") == [("PROTEST", "rallied")]


@pytest.mark.parametrize("text", [
    "Dana Whitcombe supports some of the new rules but warns they cost too much.",
    "The new pact is a milestone, agrees Lena Marsh, a historian in Leeds.",
])
def test_unplaced_persons_stance_to_no_one_is_no_event(text: str) -> None:
    assert not {"SUPPORT", "AGREE"} & _types(text), _events(text)


@pytest.mark.parametrize("text", [
    "Merkel supports the new rules.",
    "The Kenyan president backed the new rules.",
])
def test_placed_persons_stance_stays(text: str) -> None:
    assert "SUPPORT" in _types(text), _events(text)
