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


def event_with_trigger(text: str, trigger: str, published: str = PUBLISHED) -> Event:
    """The first event whose trigger holds `trigger`; a sentence that codes none fails the test."""
    events = extract(text, published=published).events
    hits = [e for e in events if trigger in e.evidence.trigger]
    assert hits, [(e.event_type, e.evidence.trigger) for e in events]
    return hits[0]


def date_span(text: str, trigger: str, published: str = PUBLISHED) -> tuple[str | None, str | None]:
    """The start and end day of that event's date."""
    date = event_with_trigger(text, trigger, published).date
    assert date is not None
    return (date.start[:10] if date.start else None, date.end[:10] if date.end else None)
