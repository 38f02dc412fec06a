"""The headline states the story's act: it decides the main event, and is coded itself when the body has no event
of its type (evidence.in_title: offsets into the title). Headlines and bodies are made up for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.api import event_spans
from dateline.export import export
from dateline.guards import span_errors
from dateline.models import EventDocument
from dateline.pipeline import extract
from dateline.store import Store

QUIET_BODY = ("The weather in the capital was mild on Tuesday. Shops reopened and traffic returned to normal "
              "in the old town.")


def _headline_events(out: EventDocument) -> list:
    return [e for e in out.events if e.evidence.in_title]


@pytest.fixture(scope="module")
def eased() -> EventDocument:
    return extract(QUIET_BODY, title="Peru Eases Curfew In Northern Provinces", published="2021-05-04")


def test_an_act_only_the_headline_names_is_coded_from_the_headline(eased: EventDocument) -> None:
    (ev,) = _headline_events(eased)
    title = eased.document.title or ""
    assert ev.event_type == "CONCEDE"
    assert ev.salience == 1.0  # the story's main event
    # its words as the title writes them (the coder read a lower-cased copy of a Title Case headline)
    assert ev.evidence.sentence == title
    assert title[ev.evidence.trigger_start:ev.evidence.trigger_end] == ev.evidence.trigger
    assert ev.evidence.trigger.startswith("Eases")
    assert [a.country for a in ev.actors] == ["PER"]
    assert all(title[a.start:a.end] == a.text for a in ev.actors)
    assert span_errors(eased) == []  # the offset contract holds: title events are checked against the title


def test_a_body_event_of_the_headline_type_is_main_and_no_headline_event_is_added() -> None:
    body = ("Police in Lima arrested twelve people on Monday after a night of looting. "
            "The government of Peru lifted the curfew in the northern provinces on Tuesday.")
    out = extract(body, title="Peru has lifted the curfew in its northern provinces", published="2021-05-04")
    assert not _headline_events(out)
    main = max(out.events, key=lambda e: e.salience or 0)
    assert main.event_type == "CONCEDE" and main.salience == 1.0
    assert all((e.salience or 0) < 1.0 for e in out.events if e is not main)


def test_without_the_headline_the_earlier_act_leads() -> None:
    body = ("Police in Lima arrested twelve people on Monday after a night of looting. "
            "The government of Peru lifted the curfew in the northern provinces on Tuesday.")
    out = extract(body, published="2021-05-04")
    main = max(out.events, key=lambda e: e.salience or 0)
    assert main.event_type != "CONCEDE"  # so the test above shows the headline deciding


@pytest.mark.parametrize("title", [
    "Will Peru ease the curfew in northern provinces?",      # a yes/no question reports nothing
    "Why the talks between Peru and Chile are a risk",       # the act is what a copula describes
    "Peru minister says weather mild after curfew is eased",  # the act is in a subordinate clause
])
def test_headlines_that_report_no_act_add_no_event(title: str) -> None:
    out = extract(QUIET_BODY, title=title, published="2021-05-04")
    assert not _headline_events(out)


def test_an_as_clause_tells_a_second_act_happening() -> None:
    out = extract(QUIET_BODY, title="Crowds Celebrate as Peru Agrees to Lift Curfew", published="2021-05-04")
    assert [(e.event_type, [a.country for a in e.actors]) for e in _headline_events(out)] == [("CONCEDE", ["PER"])]


def test_a_wh_question_presupposes_its_act() -> None:
    out = extract(QUIET_BODY, title="Why is Chile threatening to expel Peru's ambassador?", published="2021-05-04")
    assert [e.event_type for e in _headline_events(out)] == ["THREATEN"]


def test_headline_event_spans_point_into_the_title(eased: EventDocument) -> None:
    (ev,) = _headline_events(eased)
    title = eased.document.title or ""
    spans = event_spans(eased, ev)
    assert {s.kind for s in spans} >= {"trigger", "actor"}
    assert all(title[s.start:s.end] == s.text for s in spans)


def test_headline_events_are_stored_and_exported_as_such(eased: EventDocument, tmp_path: Path) -> None:
    with Store(":memory:") as store:
        assert store.add_documents([eased]) == 1
        rows = store.con.execute("SELECT in_title, trigger FROM events").fetchall()
        assert (True, _headline_events(eased)[0].evidence.trigger) in rows
        path = tmp_path / "events.jsonl"
        export(store, "plover", path)
        records = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["eventText_in_title"] for r in records if r["event"] == "CONCEDE"] == [True]


@pytest.mark.parametrize("title", ["OPINION: Peru's curfew must end", "Analysis | Chile threatens to expel envoys"])
def test_headlines_labelled_comment_add_no_event(title: str) -> None:
    out = extract(QUIET_BODY, title=title, published="2021-05-04")
    assert not _headline_events(out)


def test_an_act_on_no_object_did_not_happen() -> None:
    out = extract("The government offered no concessions to the striking miners on Monday.", published="2021-05-04")
    assert not [e for e in out.events if e.event_type in ("CONCEDE", "AGREE")]


@pytest.mark.parametrize(("title", "country"), [
    ("Kenya Condemns Shelling Of Border Villages", "KEN"),   # capitals made 'Kenya Condemns Shelling' one name
    ("Chad Leader Condemns Attacks On Shipping", "TCD"),      # and 'Condemns Attacks' a person
])
def test_a_title_case_headline_is_read_with_the_lower_cased_syntax_and_its_own_names(title: str, country: str) -> None:
    out = extract(QUIET_BODY, title=title, published="2021-05-04")
    (ev,) = _headline_events(out)
    assert ev.event_type == "ACCUSE" and ev.evidence.trigger == "Condemns"
    assert [a.country for a in ev.actors] == [country]
    assert span_errors(out) == []


@pytest.mark.parametrize(("text", "actor"), [
    ("The opposition listed the arrests carried out by the police in Nairobi.", "police"),
    ("There were new attacks carried out by the rebels near Goma on Monday.", "rebels"),
])
def test_the_agent_of_a_participle_on_an_act_noun_is_its_actor(text: str, actor: str) -> None:
    (ev,) = [e for e in extract(text, published="2021-05-04").events if e.evidence.trigger in ("arrests", "attacks")]
    assert [a.text for a in ev.actors] == [actor]


def test_the_subject_of_declare_does_the_declared_act() -> None:
    """'declare' is a light verb: the declarer acts ('declares cease-fire', 'declared a truce')."""
    out = extract(QUIET_BODY, title="Mali declares cease-fire with rebels in the north", published="2021-05-04")
    (ev,) = _headline_events(out)
    # a declared ceasefire is a verbal concession (CONCEDE), however 'cease-fire' is spelled
    assert ev.event_type == "CONCEDE" and [a.country for a in ev.actors] == ["MLI"]
