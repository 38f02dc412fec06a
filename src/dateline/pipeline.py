"""Orchestrates the stages over one article: raw record in, EventDocument out. Holds no logic of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import actors, clean, events, guards, kb, nlp, places, prefilter, quotes, times
from .ingest import RawArticle
from .models import Document, Entity, Event, EventDocument
from .prefilter import ParseMode


def entities_of(sdoc: Doc) -> list[Entity]:
    return [Entity(text=e.text, start=e.start_char, end=e.end_char, label=e.label_) for e in nlp.ents_of(sdoc)]


def analyse(raw: RawArticle, sdoc: Doc | None = None, *, parse: ParseMode | None = None) -> EventDocument:
    """Run every stage over one raw article."""
    document, warnings = clean.clean(raw)
    return analyse_document(document, warnings, sdoc, parse=parse)


def _codable(document: Document) -> bool:
    return bool(document.text.strip()) and not (document.language and not document.language.startswith("en"))


def analyse_document(document: Document, warnings: list[str] | None = None, sdoc: Doc | None = None, *,
                     parse: ParseMode | None = None) -> EventDocument:
    """Run the NLP stages over a cleaned document.

    `parse` ("lean" by default, or $DATELINE_PARSE) says what spaCy reads: only the sentences the pre-filter
    keeps (the rest blanked, offsets unchanged), the recogniser only those that may tell an event; with
    "candidates" the recogniser reads every kept sentence, with "full" spaCy reads the whole text. A given `sdoc`
    is used as it is; its text must be the document text or a blanked copy of it."""
    out = EventDocument(document=document, warnings=list(warnings or []))
    if not document.text.strip():
        out.warnings.append("empty body: nothing to code")
        return out
    if document.language and not document.language.startswith("en"):
        return out  # the clean stage said why; an English model must not code another language
    if sdoc is None:
        plan = prefilter.plan(document.text, parse or prefilter.mode_from_env())
        sdoc = nlp.parse(plan.text, plan.ner_text, plan.names)
    parsed = nlp.text_of(sdoc)
    # The stages read offsets into `parsed`, which equal offsets into document.text (blanking keeps lengths).
    out.entities = entities_of(sdoc)
    out.times = times.tag_times(parsed, document.published, sdoc)
    out.places = places.find_places(sdoc, document)
    out.actors = actors.find_actors(sdoc, document, out.places)
    out.counts = events.find_counts(sdoc, out.times)
    out.quotes = quotes.find_quotes(sdoc, out.actors)
    out.events = events.code_events(sdoc, out)
    kb.date_states(out, document.published)  # Juba before July 2011 is Sudan's
    if parsed != document.text:
        out.events = [_trim_evidence(e, parsed, document.text) for e in out.events]
        guards.drop_blanked_spans(out)  # mentions run across a blanked stretch are not the document's words
    return out


def _trim_evidence(event: Event, parsed: str, text: str) -> Event:
    """spaCy may hang a blanked stretch on a kept sentence; the evidence keeps only the sentence's own words."""
    ev = event.evidence
    if ev.in_title or parsed[ev.start : ev.end] == text[ev.start : ev.end]:
        return event
    inner = parsed[ev.start : ev.end]
    start = ev.start + len(inner) - len(inner.lstrip())
    end = ev.start + len(inner.rstrip())
    if end <= start:
        return event
    return event.model_copy(update={"evidence": ev.model_copy(update={"start": start, "end": end, "sentence": text[start:end]})})


def analyse_many(raws: Iterable[RawArticle], batch_size: int = 16, *, parse: ParseMode | None = None
                 ) -> Iterator[EventDocument]:
    """Batch the spaCy pass with nlp.pipe; everything else runs per article."""
    mode = parse or prefilter.mode_from_env()
    batch: list[RawArticle] = []
    for raw in raws:
        batch.append(raw)
        if len(batch) >= batch_size:
            yield from _run_batch(batch, mode)
            batch = []
    if batch:
        yield from _run_batch(batch, mode)


def _run_batch(batch: list[RawArticle], mode: ParseMode) -> Iterator[EventDocument]:
    cleaned = [clean.clean(r) for r in batch]
    # Documents the stages will not read (empty, not English) are not parsed at all.
    plans = [prefilter.plan(d.text, mode) if _codable(d) else None for d, _ in cleaned]
    texts = [p.text if p else "" for p in plans]
    # Titles go through the same batch (the event coder reads them; one by one they cost a pipeline call each),
    # a Title Case one sentence-cased as well (the coder reads its verbs from that copy; see nlp.sentence_cased).
    titles = [title_text(d) if _codable(d) else "" for d, _ in cleaned]
    wanted = [t for t in titles if t]
    cased = [nlp.title_case(t) for t in wanted]
    lowered = [nlp.sentence_cased(t) for t, c in zip(wanted, cased, strict=True) if c]
    ner_texts = [p.ner_text if p else None for p in plans]
    extra: list[str | None] = [None] * (len(wanted) + len(lowered))
    parsed = nlp.parse_many(texts + wanted + lowered, ner_texts=ner_texts + extra,
                            names=[p.names if p else () for p in plans] + [()] * len(extra))
    sdocs, title_docs = parsed[: len(texts)], iter(zip(parsed[len(texts):], cased, strict=False))
    lowered_docs = iter(parsed[len(texts) + len(wanted):])
    for (document, warnings), sdoc, title in zip(cleaned, sdocs, titles, strict=True):
        if title:
            title_doc, is_cased = next(title_docs)
            nlp.attach_title(sdoc, title_doc, next(lowered_docs) if is_cased else None)
        yield analyse_document(document, warnings, sdoc, parse=mode)


def title_text(document: Document) -> str:
    """The part of the title the stages parse."""
    return (document.title or "").strip()[: nlp.TITLE_CHARS]


def extract(text: str, *, title: str | None = None, published: str | None = None, url: str | None = None) -> EventDocument:
    """Code one article given as text (plain or HTML)."""
    return analyse(RawArticle.from_text(text, title=title, published=published, url=url))
