"""Shared by the event tests: code one sentence we wrote, as of a fixed publication date."""

from __future__ import annotations

from dateline.events.ranking import main_event
from dateline.models import Event
from dateline.pipeline import extract

PUBLISHED = "2023-05-05"


def events_of(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


def main_of(text: str) -> Event:
    """The sentence's main event; a sentence that codes none fails the test."""
    ev = main_event(events_of(text))
    assert ev is not None, f"no event in {text!r}"
    return ev


def type_and_mode(text: str) -> tuple[str, str | None]:
    """The main event's type and mode, to compare with one expected pair."""
    ev = main_of(text)
    return ev.event_type, ev.mode
