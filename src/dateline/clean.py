"""Stage: turn a raw article (HTML or scraped text) into a Document with a clean body."""

from __future__ import annotations

from .ingest import RawArticle
from .models import Document


def clean(raw: RawArticle) -> tuple[Document, list[str]]:
    return Document(id="0", text=raw.content, title=raw.title, published=raw.published, url=raw.url), []
