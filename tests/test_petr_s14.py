"""Readings found on the PETRARCH-2 sentences the coder missed (session 14). Sentences are our own."""

from __future__ import annotations

from dateline.models import Event
from event_helpers import main_of


def _sources(ev: Event) -> set[str | None]:
    return {a.country for a in ev.actors}


def _targets(ev: Event) -> set[str | None]:
    return {r.country for r in ev.recipients}


# --- a text put out with no author on its noun: the participle's agent, else the place it came out in


def test_a_report_released_in_a_city_speaks_for_that_country() -> None:
    ev = main_of("A report released on Monday in Nairobi alleged that Uganda had armed the rebels.")
    assert (ev.event_type, ev.mode) == ("ACCUSE", "allege")
    assert _sources(ev) == {"KEN"} and _targets(ev) == {"UGA"}


def test_a_statement_issued_in_a_flagged_capital_speaks_for_its_country() -> None:
    ev = main_of("A statement issued late on Friday in the Chilean capital condemned Bolivia's seizure of the trucks.")
    assert ev.event_type == "ACCUSE" and _sources(ev) == {"CHL"} and _targets(ev) == {"BOL"}


def test_a_letter_published_by_an_agent_speaks_for_the_agent() -> None:
    ev = main_of("An open letter published last week by Norway accused Denmark of overfishing the cod stocks.")
    assert ev.event_type == "ACCUSE" and _sources(ev) == {"NOR"} and _targets(ev) == {"DNK"}


def test_a_text_with_no_agent_or_place_names_no_author() -> None:
    # nothing says whose the report is: the accusation has no coded actor
    ev = main_of("A report released on Monday alleged that Uganda had armed the rebels.")
    assert not (ev.event_type == "ACCUSE" and _sources(ev) - {None})
