"""Refusals, defiance, violations and force build-up (session 15): going back on a promise is a refusal, not the
promise; a ban, curfew or court order broken is defied (CAMEO 128); breaking a ceasefire *agreement* breaks the
ceasefire (196); a party training its own fighters builds up its force (MOBILIZE 154) while training another's is
aid (072); an army readying an attack makes a military move (MOBILIZE), not the attack."""

from __future__ import annotations

import pytest

from dateline.models import Document, Event
from dateline.pipeline import analyse_document


def _coded(text: str) -> list[Event]:
    return analyse_document(Document(id="t", text=text, published="2011-03-01", published_source="input")).events


def _main(text: str) -> Event:
    events = _coded(text)
    assert events, text
    return max(events, key=lambda e: (e.salience, e.confidence))


def _codes(parties: list) -> set[str | None]:
    return {p.country for p in parties}


# --- going back on a commitment ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Ghanaian finance minister has reneged on his pledge to cut fuel prices.",
    "The Ugandan government went back on its promise to free the jailed opposition leaders.",
    "Nepal's Maoist rebels have reneged on their commitment to the Indian mediators.",
])
def test_going_back_on_a_promise_is_a_refusal(text: str) -> None:
    events = _coded(text)
    assert _main(text).event_type == "REJECT", [(e.event_type, e.evidence.trigger) for e in events]
    assert "AGREE" not in {e.event_type for e in events}  # the promise gone back on is no new promise


def test_the_party_let_down_is_the_target() -> None:
    event = _main("The Bolivian junta has reneged on its commitment to the Paraguayan government.")
    assert (event.event_type, _codes(event.actors), _codes(event.recipients)) == ("REJECT", {"BOL"}, {"PRY"})


def test_a_pledge_made_stays_a_promise() -> None:
    assert _main("The Ghanaian finance minister pledged to meet the union leaders.").event_type == "AGREE"


# --- defying a ban, a curfew, a court order ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Thousands of Bangladeshi students violated the curfew in Dhaka on Friday night.",
    "The Zimbabwean opposition disobeyed the court order and marched to the stadium.",
    "A Tunisian weekly breached the ban on reporting the trial.",
    "Belarusian traders contravened the embargo on Polish meat.",
])
def test_breaking_a_ban_or_an_order_defies_it(text: str) -> None:
    event = _main(text)
    assert (event.event_type, event.cameo) == ("REJECT", "128"), text


def test_the_bans_imposer_is_the_target() -> None:
    event = _main("A Lebanese weekly violated a ban by the Syrian government on coverage of the talks.")
    assert (event.event_type, _codes(event.actors), _codes(event.recipients)) == ("REJECT", {"LBN"}, {"SYR"})


def test_violating_a_law_in_general_is_no_defiance() -> None:
    # mostly an accusation's words ('violated international law'): left to the accusation
    assert "REJECT" not in {e.event_type for e in _coded("Egypt violated the law of the sea, Ethiopia said.")}


# --- breaking a ceasefire agreement -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Eritrean troops violated the ceasefire agreement with Ethiopia on Sunday.",
    "Sudan breached the truce deal with the southern rebels, the army said.",
    "Both the Sudanese army and the rebel militia are guilty of violating the armistice accord, monitors said.",
])
def test_breaking_a_ceasefire_agreement_breaks_the_ceasefire(text: str) -> None:
    event = _main(text)
    assert (event.event_type, event.cameo) == ("ASSAULT", "196"), text


def test_accused_of_breaking_it_is_the_accusation() -> None:
    assert _main("Sudan accused Chad of violating the ceasefire agreement.").event_type == "ACCUSE"


# --- training a force -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Iran has trained thousands of fighters, the Saudi defence ministry said.",
    "Russia trained 300 new recruits for its navy last year.",
    "Pakistan has trained 2,000 commandos, Indian officials said.",
])
def test_training_ones_own_force_builds_it_up(text: str) -> None:
    event = _main(text)
    assert (event.event_type, event.cameo) == ("MOBILIZE", "154"), text


def test_a_force_trained_against_a_party_is_aimed_at_it() -> None:
    event = _main("Iran has trained 300 drone pilots able to fly missions against Israel, an Israeli general said.")
    assert (event.event_type, _codes(event.recipients)) == ("MOBILIZE", {"ISR"})


@pytest.mark.parametrize("text", [
    "France trained Malian soldiers.",
    "Britain trained troops for Sierra Leone.",
    "Germany trained Afghan police officers.",
])
def test_training_another_partys_force_stays_aid(text: str) -> None:
    event = _main(text)
    assert (event.event_type, event.cameo) == ("AID", "072"), text


# --- readying an attack -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mode"), [
    ("The Ukrainian army was preparing to resume shelling the rebel-held town.", "weapons"),
    ("Ethiopia is preparing to launch air strikes on Eritrea.", "weapons"),
    ("The Chadian army prepared an offensive against the rebels in the east.", "troops"),
    ("Kenyan troops were preparing for an assault on the Somali port.", "troops"),
])
def test_readying_an_attack_is_a_military_move(text: str, mode: str) -> None:
    events = _coded(text)
    assert (_main(text).event_type, _main(text).mode) == ("MOBILIZE", mode), text
    assert "ASSAULT" not in {e.event_type for e in events}


def test_being_prepared_to_attack_is_still_a_threat() -> None:
    # 'prepared to' after 'be' is willingness: the speaker's threat, not forces readied
    text = "We are prepared to attack Eritrea, the Ethiopian defence minister said."
    assert _main(text).event_type == "THREATEN"


def test_the_attack_made_stays_an_attack() -> None:
    assert _main("The Ukrainian army shelled the rebel-held town.").event_type == "ASSAULT"


def test_the_readied_attack_names_the_target() -> None:
    event = _main("Kenyan troops were preparing for an assault on the Somali port.")
    assert (event.event_type, _codes(event.actors), _codes(event.recipients)) == ("MOBILIZE", {"KEN"}, {"SOM"})


# --- an act declared impossible ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mode", "actor", "target"), [
    ("The Chilean government said lifting the tariffs on Peru is out of the question.", "yield", "CHL", "PER"),
    ("Talks with the Tamil rebels are out of the question, the Sri Lankan defence minister said.", "meet", "LKA",
     None),
    ("The Kenyan government said easing the curfew in Mombasa remains off the table.", "yield", "KEN", None),
    ("Japan said that a cut in its troop numbers is not on the table.", None, "JPN", None),
])
def test_an_act_declared_impossible_is_refused(text: str, mode: str | None, actor: str, target: str | None) -> None:
    events = _coded(text)
    event = _main(text)
    assert (event.event_type, event.mode, _codes(event.actors)) == ("REJECT", mode, {actor}), text
    if target:
        assert target in _codes(event.recipients)
    assert len(events) == 1  # the refused act is not done


@pytest.mark.parametrize("text", [
    "Colombia said a deal with the guerrillas is not out of the question.",
    "Britain said that it is out of the question.",
])
def test_an_act_called_possible_or_unnamed_is_no_refusal(text: str) -> None:
    assert "REJECT" not in {e.event_type for e in _coded(text)}


@pytest.mark.parametrize(("text", "mode"), [
    ("Venezuela walked away from the border agreement with Colombia.", None),
    ("North Korea walked away from the talks with Seoul.", "meet"),
    ("Iran backed out of the nuclear accord with France.", None),
])
def test_walking_away_from_a_deal_or_talks_goes_back_on_it(text: str, mode: str | None) -> None:
    event = _main(text)
    assert (event.event_type, event.mode) == ("REJECT", mode), text


def test_backing_away_from_a_threat_still_gives_way() -> None:
    assert _main("Russia backed away from its threat to cut gas supplies to Ukraine.").event_type == "CONCEDE"


def test_an_order_of_society_is_no_command_defied() -> None:
    assert "REJECT" not in {e.event_type for e in _coded("Zambian police said the strikers violated the public order.")}


def test_only_a_ceasefire_pact_stands_for_its_act() -> None:
    # a 'peace accord' is not peace made: only ceasefire, truce and armistice pacts are the act they name
    text = "The Grenadian cabinet made the statement as part of its peace accord with Cuba."
    assert not [e for e in _coded(text) if e.evidence.trigger == "made"]


def test_going_back_somewhere_for_talks_on_a_treaty_is_a_trip() -> None:
    # the treaty is in the phrase of 'for talks', not of the day's 'on': nothing is gone back on
    text = "Chilean envoys went back to Lima on Friday for talks on the fishing treaty."
    assert "REJECT" not in {e.event_type for e in _coded(text)}
