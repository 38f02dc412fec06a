"""Session 10: concessions carried out (RETREAT), investigations and complaints (ACCUSE) and aid delivered (AID)
told in shapes the coder missed, on headlines and sentences we wrote ourselves."""

from __future__ import annotations

import pytest

from dateline import nlp
from dateline.events import _headline_type
from dateline.events.ranking import main_event
from dateline.events.triggers import default_index
from dateline.pipeline import extract
from event_helpers import PUBLISHED, events_of


def _story(title: str, text: str) -> tuple[str | None, list[str]]:
    ev = main_event(extract(text, title=title, published=PUBLISHED).events)
    return (ev.event_type if ev is not None else None), ([a.country or "" for a in ev.actors] if ev else [])


def _headline(title: str) -> str | None:
    doc = nlp.parse(title)
    if nlp.title_case(title):
        nlp.attach_title(doc, doc, nlp.parse(title.lower()))
    return _headline_type(doc, default_index())


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a headline that states its act names the story's event even when it names no party
    ("Inquiry begins into harbour blaze", "Two dock workers were arrested after the fire at the harbour in Mombasa "
     "on Sunday.", "ACCUSE"),
    ("Harbour director resigns over missing funds", "Police arrested two clerks at the port in Mombasa on Friday.",
     "RETREAT"),
    # relief that arrives somewhere is aid delivered, not a visit
    ("Relief supplies arrive in flooded towns of Malawi", "Floods killed twelve people in southern Malawi last "
     "week, officials said.", "AID"),
])
def test_headline_act_without_party(title: str, text: str, expected: str) -> None:
    assert _story(title, text)[0] == expected


@pytest.mark.parametrize(("title", "expected"), [
    # 'begins', 'stops', 'holds' with no object take the act that starts or stops as their subject
    ("Truce begins in eastern provinces", "RETREAT"),
    ("Ceasefire starts in the north", "RETREAT"),
    ("Hostilities briefly stop as envoys meet in Goma", "RETREAT"),
])
def test_aspectual_headline_verbs(title: str, expected: str) -> None:
    assert _headline(title) == expected
    # the same verb with an ordinary subject is not read so
    assert _headline("Talks begin in Geneva") == "CONSULT"


def test_convened_jury_is_an_investigation() -> None:
    text = "The Kenyan prosecutor convened a grand jury on Monday to hear evidence against port officials."
    assert [e.event_type for e in events_of(text)] == ["ACCUSE"]
    # a meeting convened is still a meeting
    assert "CONSULT" in [e.event_type for e in events_of("Kenya convened a meeting of regional ministers on Monday.")]


def test_brought_complaint_has_its_bringer() -> None:
    events = [e for e in events_of("Kenya brought a formal complaint against Uganda at the regional trade body on "
                                   "Monday.") if e.event_type == "ACCUSE"]
    assert events and [a.country for a in events[0].actors] == ["KEN"]
    assert [r.country for r in events[0].recipients] == ["UGA"]


def test_aid_convoy_arriving_is_aid() -> None:
    events = events_of("A Kenyan convoy of food aid arrived in Blantyre on Monday.")
    assert "AID" in [e.event_type for e in events]
    assert "CONSULT" not in [e.event_type for e in events]


def test_participle_on_counted_noun() -> None:
    # 'Scores of X freed': the participle hangs on the counted noun, not on the headline's quantity root
    title = "Scores of detained fishermen freed in Mombasa"
    assert _story(title, "Kenyan police had arrested the fishermen near Mombasa in March, their families said.")[0] \
        == "RETREAT"


@pytest.mark.parametrize("text", [
    "Kenya announced the transfer of medical supplies to Malawi on Monday.",
    "Kenya completed a transfer of weapons to the Ugandan army on Monday.",
])
def test_transfer_of_goods_is_aid(text: str) -> None:
    assert "AID" in [e.event_type for e in events_of(text)]
    # a transfer of anything else is no aid
    assert "AID" not in [e.event_type for e in events_of("The bank announced a transfer of shares to its new owners.")]


def test_truce_headline_over_the_fighting_it_ends() -> None:
    # the body tells the fighting the truce ends; the headline's act (a truce in force) is the story
    assert _story("Truce begins in eastern provinces", "Rebels shelled two villages in eastern Congo last week, "
                  "killing three people, residents said.")[0] == "RETREAT"
