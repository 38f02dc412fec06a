"""Stage: find temporal expressions and resolve them against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import TimeExpr


def tag_times(text: str, published: str | None, sdoc: Doc | None = None) -> list[TimeExpr]:
    """Every date/time/duration/set expression in `text`, resolved against `published` (YYYY-MM-DD)."""
    return []
