"""Readings found on the PETRARCH-2 sentences the coder missed (session 14). Sentences are our own."""

from __future__ import annotations

from dateline.models import Event
from event_helpers import events_of, main_of


def _sources(ev: Event) -> set[str | None]:
    return {a.country for a in ev.actors}


def _targets(ev: Event) -> set[str | None]:
    return {r.country for r in ev.recipients}


# --- a text put out with no author on its noun: the participle's agent, else the place it came out in


def test_a_report_released_in_a_city_speaks_for_that_country() -> None:
    ev = main_of("A report released on Monday in Nairobi alleged that Uganda had armed the rebels.")
    assert (ev.event_type, ev.mode) == ("ACCUSE", "allege")
    assert _sources(ev) == {"KEN"} and _targets(ev) == {"UGA"}
    # with neither an agent nor a place, nothing says whose the report is
    ev = main_of("A report released on Monday alleged that Uganda had armed the rebels.")
    assert not (ev.event_type == "ACCUSE" and _sources(ev) - {None})


def test_a_statement_issued_in_a_flagged_capital_speaks_for_its_country() -> None:
    ev = main_of("A statement issued late on Friday in the Chilean capital condemned Bolivia's seizure of the trucks.")
    assert ev.event_type == "ACCUSE" and _sources(ev) == {"CHL"} and _targets(ev) == {"BOL"}
    # a declaration or joint statement is adopted by those who met, not by the state hosting them
    for text in ("A final declaration signed in Lusaka demanded that Malawi free the opposition leader.",
                 "A joint statement released in Hanoi condemned the seizure of the fishing boats."):
        assert all("ZMB" not in _sources(e) and "VNM" not in _sources(e) for e in events_of(text))


def test_a_letter_published_by_an_agent_speaks_for_the_agent() -> None:
    ev = main_of("An open letter published last week by Norway accused Denmark of overfishing the cod stocks.")
    assert ev.event_type == "ACCUSE" and _sources(ev) == {"NOR"} and _targets(ev) == {"DNK"}



# --- a single state organ placed by a town: the town's state ('a court in Lagos' as 'a court in Nigeria')


def test_a_court_or_judge_in_a_town_is_that_states() -> None:
    ev = main_of("A court in Lagos sentenced two British sailors to five years in prison.")
    assert ev.event_type == "SANCTION" and _sources(ev) == {"NGA"} and _targets(ev) == {"GBR"}
    assert {a.sector for a in ev.actors} == {"JUD"}
    ev = main_of("A prosecutor in Milan charged three Albanian men with fraud.")
    assert ev.event_type == "ACCUSE" and _sources(ev) == {"ITA"} and _targets(ev) == {"ALB"}


def test_a_singular_noun_that_is_no_organ_is_still_no_placed_party() -> None:
    # 'a report in Kenya' may be a newspaper's: only organs of a state take the town's state
    ev = main_of("A judge in Lagos convicted two British sailors of smuggling.")
    assert _sources(ev) == {"NGA"} and ev.actors[0].kind == "person"
    events = events_of("A report in Kenya alleged that Uganda had armed the rebels.")
    assert not any(e.event_type == "ACCUSE" and "KEN" in _sources(e) for e in events)
