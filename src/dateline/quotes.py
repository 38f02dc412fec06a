"""Stage: direct and partial quotes with their speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Actor, Quote


def find_quotes(sdoc: Doc, actors: list[Actor]) -> list[Quote]:
    return []
