"""Stage: find actor mentions and code them (country, sector, organisation)."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Actor, Document, Place


def find_actors(sdoc: Doc, document: Document, places: list[Place]) -> list[Actor]:
    """Every actor mention in the body, with start/end offsets, coded and coreferred."""
    return []
