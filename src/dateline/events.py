"""Stage: PLOVER event coding from triggers and the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Count, Event, EventDocument


def find_counts(sdoc: Doc) -> list[Count]:
    return []


def code_events(sdoc: Doc, out: EventDocument) -> list[Event]:
    return []
