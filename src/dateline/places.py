"""Stage: find place names and resolve them with the offline gazetteer."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Document, Place


def find_places(sdoc: Doc, document: Document) -> list[Place]:
    """Every toponym in the body, resolved (country ISO3, admin1, lat/lon, geonames id)."""
    return []


def resolve_name(name: str, countries: set[str] | None = None) -> Place | None:
    """Resolve a bare place name, preferring candidates in `countries`; offsets are 0."""
    return None
