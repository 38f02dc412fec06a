"""Session 10: material cooperation (PLOVER COOPERATE) and mobilisation (MOBILIZE) told in words the lexicon missed,
on sentences and headlines we wrote ourselves."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.pipeline import extract
from event_helpers import PUBLISHED, events_of, type_and_mode


def _story_type(title: str, text: str) -> str | None:
    ev = main_event(extract(text, title=title, published=PUBLISHED).events)
    return ev.event_type if ev is not None else None


@pytest.mark.parametrize(("text", "mode"), [
    # calling up the reserves, by another verb
    ("The Zambian army on Monday called upon reservists to report to their units.", "troops"),
    ("The Malawian defence ministry called on conscripts to return to their barracks.", "troops"),
    # a force sent to a place
    ("The governor of Lusaka ordered police to the city centre on Friday.", "police"),
    ("Zambian police were called to the border town after the clashes.", "police"),
    ("The Malawian president called in the army after two days of looting.", "troops"),
    # recruiting fighters and raising readiness are moves short of force
    ("The rebel militia recruited hundreds of fighters in northern Zambia, residents said.", "militia"),
    ("Zambia increased the readiness of its armed forces on Monday after the border incidents.", None),
    # raising a new armed group
    ("Zambian opposition leaders formed a militia in the north of the country on Tuesday.", "militia"),
    ("Residents of Malawi's border villages established a paramilitary force last month.", "militia"),
])
def test_mobilising_words(text: str, mode: str | None) -> None:
    assert type_and_mode(text) == ("MOBILIZE", mode), [(e.event_type, e.evidence.trigger) for e in events_of(text)]


@pytest.mark.parametrize(("mobilising", "other"), [
    # calling up the reserves, but asking the army to do something else is a request
    ("Malawi called on reservists to report for duty.", "Malawi called on the army to respect the constitution."),
    # an order to go somewhere, but an order to act is a request
    ("Zambia's president ordered troops to the border town.", "Zambia's president ordered troops to withdraw from the border town."),
    # a force made ready, but readiness to talk is a promise
    ("Zambia increased the readiness of its armed forces.", "Zambia expressed its readiness to resume talks with Malawi."),
])
def test_the_same_verb_mobilises_only_a_force(mobilising: str, other: str) -> None:
    assert type_and_mode(mobilising)[0] == "MOBILIZE"
    assert type_and_mode(other)[0] != "MOBILIZE"


def test_police_called_to_the_capital_outranks_the_violence_the_story_tells() -> None:
    title = "Riot Police Called to Lusaka After Looting"
    text = "Several shops were looted and two men were shot in Lusaka on Sunday."
    assert _story_type(title, text) == "MOBILIZE"


@pytest.mark.parametrize("text", [
    # trade in goods is economic exchange
    "Zambia has begun importing goods from Malawi, the trade ministry said.",
    "Malawi started exporting farm products to Zambia on Wednesday.",
    # more investment
    "Malawian companies increased their investment in Zambia last year, officials said.",
    # monetary integration
    "Zambia and Malawi announced a common currency on Monday.",
    # a joint body created: the creators do the act
    "Zambian firms created a joint venture with Malawian factories on Monday.",
    "Rebel groups in eastern Congo formed a joint command on Tuesday.",
])
def test_material_cooperation_words(text: str) -> None:
    assert type_and_mode(text)[0] == "COOPERATE", [(e.event_type, e.evidence.trigger) for e in events_of(text)]


def test_a_joint_venture_has_both_parties() -> None:
    ev = main_event(events_of("Zambian firms created a joint venture with Malawian factories on Monday."))
    assert ev is not None
    assert {a.country for a in ev.actors} == {"ZMB"}
    assert {r.country for r in ev.recipients} == {"MWI"}


@pytest.mark.parametrize(("title", "text"), [
    # headlines drop the passive's 'were': the subject is what was called or sent
    ("Extra Police Called In to Blantyre",
     "Several shops were looted and two men were shot in Blantyre on Sunday."),
    ("Troops sent to Zambian border after clashes", "Two villagers were killed near the border on Sunday."),
])
def test_a_headline_passive_without_its_auxiliary(title: str, text: str) -> None:
    assert _story_type(title, text) == "MOBILIZE"


def test_an_active_headline_verb_keeps_its_subject_as_actor() -> None:
    # 'has called' is active: the police are the caller, nobody is called up
    title = "Zambian police have called for calm after clashes in Lusaka"
    text = "Two men were shot in Lusaka on Sunday."
    assert _story_type(title, text) != "MOBILIZE"
    assert _story_type("Zambian police called to Lusaka after clashes", text) == "MOBILIZE"
