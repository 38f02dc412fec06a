"""Orchestrates the stages over one article: raw record in, EventDocument out. Holds no logic of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import actors, clean, events, nlp, places, quotes, times
from .ingest import RawArticle
from .models import Document, Entity, EventDocument


def entities_of(sdoc: Doc) -> list[Entity]:
    return [Entity(text=e.text, start=e.start_char, end=e.end_char, label=e.label_) for e in sdoc.ents]


def analyse(raw: RawArticle, sdoc: Doc | None = None) -> EventDocument:
    """Run every stage over one raw article."""
    document, warnings = clean.clean(raw)
    return analyse_document(document, warnings, sdoc)


def analyse_document(document: Document, warnings: list[str] | None = None, sdoc: Doc | None = None) -> EventDocument:
    """Run the NLP stages over a cleaned document."""
    out = EventDocument(document=document, warnings=list(warnings or []))
    if not document.text.strip():
        out.warnings.append("empty body: nothing to code")
        return out
    if document.language and not document.language.startswith("en"):
        return out  # the clean stage said why; an English model must not code another language
    if sdoc is None:
        sdoc = nlp.parse(document.text)
    out.entities = entities_of(sdoc)
    out.times = times.tag_times(document.text, document.published, sdoc)
    out.places = places.find_places(sdoc, document)
    out.actors = actors.find_actors(sdoc, document, out.places)
    out.counts = events.find_counts(sdoc)
    out.quotes = quotes.find_quotes(sdoc, out.actors)
    out.events = events.code_events(sdoc, out)
    return out


def analyse_many(raws: Iterable[RawArticle], batch_size: int = 16) -> Iterator[EventDocument]:
    """Batch the spaCy pass with nlp.pipe; everything else runs per article."""
    batch: list[RawArticle] = []
    for raw in raws:
        batch.append(raw)
        if len(batch) >= batch_size:
            yield from _run_batch(batch)
            batch = []
    if batch:
        yield from _run_batch(batch)


def _run_batch(batch: list[RawArticle]) -> Iterator[EventDocument]:
    cleaned = [clean.clean(r) for r in batch]
    sdocs = nlp.load().pipe((d.text for d, _ in cleaned), batch_size=len(batch))
    for (document, warnings), sdoc in zip(cleaned, sdocs, strict=True):
        yield analyse_document(document, warnings, sdoc)


def extract(text: str, *, title: str | None = None, published: str | None = None, url: str | None = None) -> EventDocument:
    """Code one article given as text (plain or HTML)."""
    return analyse(RawArticle.from_text(text, title=title, published=published, url=url))
