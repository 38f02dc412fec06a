"""The HTTP API and web page: extract events from an article, browse the store, review coded events."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import __version__
from .ingest import InputError, RawArticle, looks_like_html
from .models import Document, Event, EventDocument
from .urlfetch import FetchFailed, URLRefused, fetch_url

MAX_BODY_BYTES = 2 * 1024 * 1024  # an article's HTML fits; anything bigger is refused before it is read
MAX_PAGE = 500
WEB_DIR = Path(str(importlib.resources.files("dateline") / "web"))
DATE = r"^\d{4}-\d{2}-\d{2}$"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# ---------- request and response models (built from models.py) ----------

class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExtractRequest(_In):
    """One article: exactly one of text, html or url."""

    text: str | None = Field(None, description="Plain (scraped) article text; HTML is detected and cleaned too.")
    html: str | None = Field(None, description="The article page's HTML.")
    url: str | None = Field(None, max_length=2048, description="Fetch this page (public addresses only).")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=DATE, description="Publication date YYYY-MM-DD.")

    @model_validator(mode="after")
    def _one_source(self) -> ExtractRequest:
        given = [k for k in ("text", "html", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    db: str | None
    events: int | None = None
    detail: str | None = None


class Review(_In):
    """An analyst's verdict on one coded event; 'correct' carries the corrected fields."""

    verdict: Literal["confirm", "correct", "reject"]
    event_type: str | None = Field(None, pattern=r"^[A-Z_]{2,20}$", description="Corrected PLOVER event type.")
    mode: str | None = Field(None, max_length=40)
    date: str | None = Field(None, pattern=DATE, description="Corrected event date YYYY-MM-DD.")
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, max_length=100)


class StoredReview(Review):
    model_config = ConfigDict(extra="ignore")
    event_id: str
    created_at: str | None = None


class EventRow(Event):
    """A coded event with the article it came from and its latest review."""

    model_config = ConfigDict(extra="ignore")
    document_id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    review: StoredReview | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventRow]


class Mention(BaseModel):
    """One coded field of an event, tied to its characters in document.text."""

    kind: Literal["actor", "recipient", "trigger", "date", "place", "size"]
    text: str
    start: int
    end: int
    label: str | None = None


class EventDetail(BaseModel):
    event: EventRow
    document: Document
    mentions: list[Mention]
    reviews: list[StoredReview]


class ActorCount(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    kind: str | None = None
    events: int = 0


class TimelineRow(BaseModel):
    day: str
    event_type: str
    count: int


class Timeline(BaseModel):
    days: list[TimelineRow]


class Stats(BaseModel):
    model_config = ConfigDict(extra="allow")
    documents: int = 0
    events: int = 0
    event_types: dict[str, int] = Field(default_factory=dict)


# ---------- provenance: every coded field back to its characters ----------

def _find_in(text: str, needle: str | None, lo: int, hi: int) -> tuple[int, int] | None:
    if not needle:
        return None
    i = text.find(needle, lo, hi)
    return (i, i + len(needle)) if i >= 0 else None


def _actor_label(name: str, *codes: str | None) -> str:
    code = "/".join(c for c in codes if c)
    return f"{name} [{code}]" if code else name


def event_mentions(out: EventDocument, ev: Event) -> list[Mention]:
    """The spans of an event's trigger, actors, date, place and sizes, found in its evidence sentence.

    Actors carry their own offsets; date, place and size are matched to the document's tagged spans
    inside the sentence (falling back to the first occurrence of the words there).
    """
    text = out.document.text
    lo, hi = ev.evidence.start, ev.evidence.end
    found: list[Mention] = [Mention(kind="trigger", text=ev.evidence.trigger, start=ev.evidence.trigger_start,
                                    end=ev.evidence.trigger_end, label=f"{ev.event_type}{'/' + ev.mode if ev.mode else ''}")]
    for kind, actors in (("actor", ev.actors), ("recipient", ev.recipients)):
        for a in actors:
            if a.start is not None and a.end is not None:
                found.append(Mention(kind=kind, text=text[a.start:a.end], start=a.start, end=a.end,
                                     label=_actor_label(a.name, a.country, a.org, a.sector)))
    if ev.date and ev.date.text:
        span = next(((t.start, t.end) for t in out.times if t.text == ev.date.text and lo <= t.start < hi), None)
        span = span or _find_in(text, ev.date.text, lo, hi)
        if span:
            found.append(Mention(kind="date", text=text[span[0]:span[1]], start=span[0], end=span[1],
                                 label=ev.date.value or ev.date.start))
    if ev.location and ev.location.text:
        span = next(((p.start, p.end) for p in out.places if p.text == ev.location.text and lo <= p.start < hi), None)
        span = span or _find_in(text, ev.location.text, lo, hi)
        if span:
            found.append(Mention(kind="place", text=text[span[0]:span[1]], start=span[0], end=span[1],
                                 label=", ".join(x for x in (ev.location.name, ev.location.country) if x)))
    sizes = set(ev.size.values())
    for c in out.counts:
        if lo <= c.start < hi and c.value in sizes:
            found.append(Mention(kind="size", text=c.text, start=c.start, end=c.end, label=f"{c.value} {c.what}"))
    return sorted(found, key=lambda m: (m.start, m.end))


# ---------- request size limit ----------

class BodyLimit:
    """Refuse request bodies over the limit with 413, whether or not Content-Length is sent.

    A plain ASGI middleware because it must act before FastAPI reads and parses the body; hand-written
    because FastAPI's own max_body_size is newer than the fastapi>=0.110 this project supports.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # Read the whole body first (it is small by definition): chunked uploads declare no length, and an
        # error raised while FastAPI parses would come out as a 400 instead of a 413.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse({"detail": f"request body over the {self.max_bytes}-byte limit"}, status_code=413)
        await response({"type": "http"}, _empty_receive, send)


async def _empty_receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


_SECURITY_HEADERS = {
    # The page needs nothing from elsewhere; article text can never become script even if a bug slipped through.
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


# ---------- the app ----------

def _store(request: Request) -> Any:
    """The app's one Store, opened on first use."""
    state = request.app.state
    if not state.db_path:
        raise HTTPException(503, "no database: start the server with --db")
    with state.store_lock:
        if state.store is None:
            from .store import Store

            state.store = Store(state.db_path)
        return state.store


StoreDep = Annotated[Any, Depends(_store)]


def create_app(db_path: str | Path | None, allow_private_urls: bool = False, *,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """Build the app over one store. db_path=None serves /extract and the page only."""
    app = FastAPI(
        title="dateline",
        version=__version__,
        summary="PLOVER-coded political events read from news articles, each field tied to its text span.",
        openapi_tags=[{"name": "extract"}, {"name": "events"}, {"name": "articles"}, {"name": "meta"}],
    )
    app.state.db_path = str(db_path) if db_path else None
    app.state.allow_private_urls = allow_private_urls
    # spaCy and the stages share caches; one analysis at a time keeps them safe (it is CPU-bound under the GIL anyway).
    nlp_lock = threading.Lock()
    app.state.store = None
    app.state.store_lock = threading.Lock()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Any]]) -> Any:
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):
            for k, v in _SECURITY_HEADERS.items():
                response.headers.setdefault(k, v)
        return response

    @app.exception_handler(InputError)
    async def input_error(_: Request, exc: InputError) -> JSONResponse:
        status = 400 if isinstance(exc, URLRefused) else 502 if isinstance(exc, FetchFailed) else 422
        return JSONResponse({"detail": str(exc)}, status_code=status)

    # ----- meta -----

    @app.get("/health", response_model=Health, tags=["meta"])
    def health(request: Request) -> Health:
        if not app.state.db_path:
            return Health(status="ok", version=__version__, db=None)
        try:
            stats = _store(request).stats()
            return Health(status="ok", version=__version__, db=app.state.db_path, events=_get(stats, "events"))
        except Exception as exc:  # health must answer even when the store does not
            return Health(status="degraded", version=__version__, db=app.state.db_path,
                          detail=f"{type(exc).__name__}: {exc}")

    # ----- extract -----

    @app.post("/extract", response_model=EventDocument, tags=["extract"],
              responses={400: {"description": "URL refused"}, 413: {"description": "body too large"},
                         502: {"description": "URL could not be fetched"}})
    def extract(req: ExtractRequest) -> EventDocument:
        """Code the events of one article given as text, HTML or a URL to fetch."""
        if req.url:
            page = fetch_url(req.url, allow_private=app.state.allow_private_urls)
            raw = RawArticle(content=page.text, is_html="html" in page.content_type or looks_like_html(page.text),
                             url=page.final_url, title=req.title, published=req.published, origin=req.url)
        elif req.html is not None:
            raw = RawArticle(content=req.html, is_html=True, title=req.title, published=req.published)
        else:
            raw = RawArticle.from_text(req.text or "", title=req.title, published=req.published)
        from . import pipeline  # imported on first use: loading the stages pulls in spaCy

        with nlp_lock:
            return pipeline.analyse(raw)

    # ----- events -----

    @app.get("/events", response_model=EventPage, tags=["events"])
    def list_events(
        store: StoreDep,
        type: Annotated[str | None, Query(max_length=40, description="PLOVER event type, e.g. PROTEST.")] = None,
        mode: Annotated[str | None, Query(max_length=40)] = None,
        actor: Annotated[str | None, Query(max_length=200, description="Actor name, country or code (source side).")] = None,
        recipient: Annotated[str | None, Query(max_length=200)] = None,
        country: Annotated[str | None, Query(max_length=3, description="ISO3 of actor, recipient or place.")] = None,
        near: Annotated[str | None, Query(pattern=r"^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?$", description="lat,lon")] = None,
        radius: Annotated[float, Query(gt=0, le=20000, description="km around near.")] = 100.0,
        since: Annotated[dt.date | None, Query()] = None,
        until: Annotated[dt.date | None, Query()] = None,
        text: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence.")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> EventPage:
        """Coded events, newest first, filtered like `dateline events`."""
        filters = _filters(type, mode, actor, recipient, country, near, radius, since, until, text)
        page = store.query_events(**filters, limit=limit, offset=offset)
        items, total = _page(page)
        return EventPage(total=total, limit=limit, offset=offset, items=[_row(store, x) for x in items])

    @app.get("/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={404: {"description": "no such event"}})
    def get_event(store: StoreDep, event_id: str) -> EventDetail:
        """One event with its article, every mention's text span, and its reviews."""
        found = store.get_event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        row = _row(store, found)
        out = _document(store, row.document_id)
        if out is None:
            raise HTTPException(404, f"the article of event {event_id!r} is missing")
        ev = next((e for e in out.events if e.id == event_id), row)
        return EventDetail(event=row, document=out.document, mentions=event_mentions(out, ev),
                           reviews=_reviews(store, event_id))

    @app.post("/events/{event_id}/review", response_model=StoredReview, status_code=201, tags=["events"],
              responses={404: {"description": "no such event"}})
    def review_event(store: StoreDep, event_id: str, review: Review) -> StoredReview:
        """Record an analyst's verdict or correction; the coded event itself is kept as it was."""
        if store.get_event(event_id) is None:
            raise HTTPException(404, f"no event {event_id!r}")
        if review.verdict == "correct" and not (review.event_type or review.mode or review.date):
            raise HTTPException(422, "a correction needs at least one corrected field (event_type, mode or date)")
        saved = store.add_review(event_id, **review.model_dump(exclude_none=True))
        return StoredReview.model_validate(_as_dict(saved) if saved is not None else {**review.model_dump(), "event_id": event_id})

    # ----- articles, actors, stats -----

    @app.get("/articles/{doc_id}", response_model=EventDocument, tags=["articles"],
             responses={404: {"description": "no such article"}})
    def get_article(store: StoreDep, doc_id: str) -> EventDocument:
        """The article's text and everything coded from it, with offsets into document.text."""
        out = _document(store, doc_id)
        if out is None:
            raise HTTPException(404, f"no article {doc_id!r}")
        return out

    @app.get("/actors", response_model=list[ActorCount], tags=["articles"])
    def list_actors(store: StoreDep, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> list[ActorCount]:
        """Actors by number of events they take part in."""
        return [ActorCount.model_validate(_as_dict(a)) for a in list(store.actors(limit=limit))[:limit]]

    @app.get("/stats/timeline", response_model=Timeline, tags=["events"])
    def timeline(
        store: StoreDep,
        type: Annotated[str | None, Query(max_length=40)] = None,
        mode: Annotated[str | None, Query(max_length=40)] = None,
        actor: Annotated[str | None, Query(max_length=200)] = None,
        recipient: Annotated[str | None, Query(max_length=200)] = None,
        country: Annotated[str | None, Query(max_length=3)] = None,
        near: Annotated[str | None, Query(pattern=r"^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?$")] = None,
        radius: Annotated[float, Query(gt=0, le=20000)] = 100.0,
        since: Annotated[dt.date | None, Query()] = None,
        until: Annotated[dt.date | None, Query()] = None,
        text: Annotated[str | None, Query(max_length=200)] = None,
    ) -> Timeline:
        """Event counts by day and event type (same filters as /events)."""
        filters = _filters(type, mode, actor, recipient, country, near, radius, since, until, text)
        rows = store.timeline(**filters)
        return Timeline(days=[TimelineRow.model_validate(_as_dict(r)) for r in rows])

    @app.get("/stats", response_model=Stats, tags=["meta"])
    def stats(store: StoreDep) -> Stats:
        """Totals: documents, events, events per type."""
        return Stats.model_validate(_as_dict(store.stats()))

    # ----- the page -----

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)  # type: ignore[arg-type]
    return app


# ---------- adapters between the store's return values and the API models ----------

def _filters(type: str | None, mode: str | None, actor: str | None, recipient: str | None, country: str | None,
             near: str | None, radius: float, since: dt.date | None, until: dt.date | None,
             text: str | None) -> dict[str, Any]:
    filters: dict[str, Any] = {
        "type": type, "mode": mode, "actor": actor, "recipient": recipient,
        "country": country.upper() if country else None,
        "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
        "text": text,
    }
    if near:
        lat, lon = (float(x) for x in near.split(","))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise HTTPException(422, "near must be lat,lon within -90..90, -180..180")
        filters["near"] = (lat, lon)
        filters["radius_km"] = radius
    return {k: v for k, v in filters.items() if v is not None}


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, BaseModel):
        return obj.model_dump()
    if isinstance(obj, dict):
        return obj
    if hasattr(obj, "_asdict"):
        return dict(obj._asdict())
    return dict(vars(obj))


def _get(obj: Any, key: str) -> Any:
    return _as_dict(obj).get(key) if obj is not None else None


def _page(page: Any) -> tuple[list[Any], int]:
    if isinstance(page, tuple):
        items, total = page
        return list(items), int(total)
    d = _as_dict(page) if not isinstance(page, list) else {"items": page, "total": len(page)}
    return list(d["items"]), int(d["total"])


def _row(store: Any, found: Any) -> EventRow:
    return EventRow.model_validate(_as_dict(found))


def _document(store: Any, doc_id: str) -> EventDocument | None:
    out = store.get_document(doc_id)
    if out is None or isinstance(out, EventDocument):
        return out
    return EventDocument.model_validate(_as_dict(out))


def _reviews(store: Any, event_id: str) -> list[StoredReview]:
    getter = getattr(store, "reviews", None)
    if getter is None:
        return []
    return [StoredReview.model_validate(_as_dict(r)) for r in getter(event_id)]
