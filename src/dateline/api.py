"""The HTTP API and web page: extract events from an article, browse the store, review coded events."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.resources
import multiprocessing
import threading
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import __version__
from .ingest import InputError, RawArticle, looks_like_html
from .models import Actor, DateInfo, Document, Event, EventDocument, Evidence, Location, Modality
from .store import StoreError
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
    """An analyst's verdict on one coded event.

    confirm: the coding is right; reject: not a real event (it leaves the default queries);
    correct: give the corrected fields. The machine's coding is always kept beside the review.
    """

    verdict: Literal["confirm", "correct", "reject"]
    event_type: str | None = Field(None, pattern=r"^[A-Z_]{2,20}$", description="PLOVER event type.")
    mode: str | None = Field(None, max_length=40)
    cameo: str | None = Field(None, pattern=r"^\d{2,4}$")
    date_start: str | None = Field(None, pattern=DATE)
    date_end: str | None = Field(None, pattern=DATE)
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO3 of the event location.")
    location_name: str | None = Field(None, max_length=200)
    actor: str | None = Field(None, max_length=200, description="Replaces the coded actors.")
    actor_country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    recipient: str | None = Field(None, max_length=200, description="Replaces the coded recipients.")
    recipient_country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, max_length=100)

    def corrections(self) -> dict[str, str]:
        skip = {"verdict", "note", "reviewer"}
        return {k: v for k, v in self.model_dump(exclude_none=True).items() if k not in skip}


class StoredReview(BaseModel):
    event_id: str
    field: str
    value: str | None = None
    reviewer: str | None = None
    at: str | None = None
    note: str | None = None


class EventRow(BaseModel):
    """One event as it stands now: the machine's coding with any reviewer's corrections applied."""

    id: str
    document_id: str
    event_type: str
    mode: str | None = None
    cameo: str | None = None
    date: DateInfo | None = None
    location: Location | None = None
    actor_names: list[str] = Field(default_factory=list)
    actor_countries: list[str] = Field(default_factory=list)
    actor_sectors: list[str] = Field(default_factory=list)
    recipient_names: list[str] = Field(default_factory=list)
    recipient_countries: list[str] = Field(default_factory=list)
    recipient_sectors: list[str] = Field(default_factory=list)
    modality: Modality = Field(default_factory=Modality)
    evidence: Evidence
    confidence: float = 0.5
    valid: bool = True
    reviewed: bool = False
    cluster_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventRow]


class Span(BaseModel):
    """One coded field of the event, tied to its characters in document.text."""

    kind: Literal["actor", "recipient", "trigger", "date", "place", "size"]
    text: str
    start: int
    end: int
    label: str | None = None


class Mention(BaseModel):
    """Where an article reports this event (the event itself, or another in its cluster)."""

    event_id: str
    document_id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    in_title: bool = False


class StoredActor(Actor):
    role: Literal["actor", "recipient"]


class EventDetail(BaseModel):
    event: EventRow
    coded: Event | None = Field(None, description="The machine's coding, before any review.")
    actors: list[StoredActor]
    spans: list[Span] = Field(description="This event's trigger, actors, date, place and size in its article.")
    mentions: list[Mention] = Field(description="Every report of the same real-world event, with its text span.")
    reviews: list[StoredReview]
    document: Document


class ReviewResult(BaseModel):
    saved: list[StoredReview]
    event: EventRow


class ArticleView(EventDocument):
    """The article and everything coded from it; event_ids[i] is the stored id of events[i]."""

    event_ids: list[str] = Field(default_factory=list)
    status: str | None = None
    reason: str | None = None


class ActorCount(BaseModel):
    name: str | None
    country: str | None = None
    sector: str | None = None
    events: int = 0
    as_actor: int = 0
    as_recipient: int = 0


class TimelineRow(BaseModel):
    day: str
    event_type: str
    count: int


class Timeline(BaseModel):
    days: list[TimelineRow]


class Stats(BaseModel):
    documents: int = 0
    events: int = 0
    reviews: int = 0
    clusters: int = 0
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


def event_spans(out: EventDocument, ev: Event) -> list[Span]:
    """The spans of an event's trigger, actors, date, place and sizes.

    Actors carry their own offsets; date, place and size are matched to the document's tagged spans
    inside the evidence sentence (falling back to the first occurrence of the words there).
    """
    in_title = ev.evidence.in_title  # coded from the headline: every offset points into the title
    text = (out.document.title or "") if in_title else out.document.text
    lo, hi = ev.evidence.start, ev.evidence.end
    found: list[Span] = [Span(kind="trigger", text=ev.evidence.trigger, start=ev.evidence.trigger_start,
                              end=ev.evidence.trigger_end, label=f"{ev.event_type}{'/' + ev.mode if ev.mode else ''}")]
    for kind, actors in (("actor", ev.actors), ("recipient", ev.recipients)):
        for a in actors:
            if a.start is not None and a.end is not None:
                found.append(Span(kind=kind, text=text[a.start:a.end], start=a.start, end=a.end,
                                  label=_actor_label(a.name, a.country, a.org, a.sector)))
    if ev.date and ev.date.text:
        span = None if in_title else next(
            ((t.start, t.end) for t in out.times if t.text == ev.date.text and lo <= t.start < hi), None)
        span = span or _find_in(text, ev.date.text, lo, hi)
        if span:
            found.append(Span(kind="date", text=text[span[0]:span[1]], start=span[0], end=span[1],
                              label=ev.date.value or ev.date.start))
    if ev.location and ev.location.text:
        span = None if in_title else next(
            ((p.start, p.end) for p in out.places if p.text == ev.location.text and lo <= p.start < hi), None)
        span = span or _find_in(text, ev.location.text, lo, hi)
        if span:
            found.append(Span(kind="place", text=text[span[0]:span[1]], start=span[0], end=span[1],
                              label=", ".join(x for x in (ev.location.name, ev.location.country) if x)))
    sizes = set(ev.size.values())
    for c in [] if in_title else out.counts:
        if lo <= c.start < hi and c.value in sizes:
            found.append(Span(kind="size", text=c.text, start=c.start, end=c.end, label=f"{c.value} {c.what}"))
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


# ---------- the store, shared by the server's threads ----------

class SharedStore:
    """One Store shared by the server's threads: calls are serialised, reads memoised until the next write.

    A DuckDB connection must not be used by two threads at once, hence the lock. DuckDB also lets one
    process only hold a file open for writing, so while the server runs every write comes through here
    and dropping the memo on each write keeps it exact. Each read of the events_current view recomputes
    the review overlay, so repeated dashboard queries are worth keeping.
    """

    READS = frozenset({"query_events", "count_events", "get_event", "get_document", "event_document", "actors",
                       "stats", "counts", "reviews"})
    MEMO_SIZE = 1024

    def __init__(self, store: Any) -> None:
        self._store = store
        self._lock = threading.RLock()  # re-entrant: remember() builds its value through the other calls
        self._memo: OrderedDict[Any, Any] = OrderedDict()

    def peek(self, key: Any) -> Any | None:
        """A remembered value without taking the lock (a dict lookup is atomic), for the event loop's fast path."""
        try:
            return self._memo.get(("remember", key))
        except RuntimeError:  # the memo changed size under us: treat as a miss
            return None

    def remember(self, key: Any, build: Callable[[], Any]) -> Any:
        """A value derived from reads (a whole response), kept until the next write like the reads are."""
        with self._lock:
            key = ("remember", key)
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
            value = build()
            self._memo[key] = value
            if len(self._memo) > self.MEMO_SIZE:
                self._memo.popitem(last=False)
            return value

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            key = (name, args, tuple(sorted(kwargs.items())))
            memoise = name in self.READS and kwargs.get("limit", 0) is not None  # unbounded reads stay out
            with self._lock:
                if memoise:
                    try:
                        if key in self._memo:
                            self._memo.move_to_end(key)
                            return self._memo[key]
                    except TypeError:  # an unhashable argument: just run it
                        memoise = False
                result = attr(*args, **kwargs)
                if memoise:
                    self._memo[key] = result
                    if len(self._memo) > self.MEMO_SIZE:
                        self._memo.popitem(last=False)
                elif name not in self.READS:
                    self._memo.clear()  # a write (or an unknown call): nothing remembered may still hold
                return result

        return call


def _open_store(request: Request) -> SharedStore:
    """The app's one Store, opened on first use."""
    state = request.app.state
    if not state.db_path:
        raise HTTPException(503, "no database: start the server with --db")
    with state.open_lock:
        if state.store is None:
            from .store import Store

            try:
                state.store = SharedStore(Store(state.db_path, read_only=state.read_only))
            except Exception as exc:  # locked by another writer, not a store, newer schema: say which
                raise HTTPException(503, f"cannot open the store {state.db_path}: {exc}") from None
        return state.store


async def _store(request: Request) -> SharedStore:
    # async so that FastAPI resolves it on the event loop, without a worker-thread hop per request
    return _open_store(request)


StoreDep = Annotated[SharedStore, Depends(_store)]
_LATLON = r"^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?$"


async def event_filters(
    type: Annotated[str | None, Query(max_length=200, description="PLOVER event type(s), e.g. PROTEST or PROTEST,ASSAULT.")] = None,
    mode: Annotated[str | None, Query(max_length=40)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Source actor: name, ISO3 or sector.")] = None,
    recipient: Annotated[str | None, Query(max_length=200, description="Target actor: name, ISO3 or sector.")] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO3 of the place or a source actor.")] = None,
    near: Annotated[str | None, Query(pattern=_LATLON, description="lat,lon")] = None,
    radius: Annotated[float, Query(gt=0, le=20000, description="km around near.")] = 100.0,
    since: Annotated[dt.date | None, Query()] = None,
    until: Annotated[dt.date | None, Query()] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence or title.")] = None,
    include_invalid: Annotated[bool, Query(description="Also events a reviewer rejected.")] = False,
) -> dict[str, Any]:
    """The filters of `dateline events`, as query parameters."""
    filters: dict[str, Any] = {
        "type": [t.strip() for t in type.split(",") if t.strip()] if type else None, "mode": mode, "actor": actor, "recipient": recipient, "country": country, "text": text,
        "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
    }
    if near:
        lat, lon = (float(x) for x in near.split(","))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise HTTPException(422, "near must be lat,lon within -90..90, -180..180")
        filters["near"] = (lat, lon)
        filters["radius_km"] = radius
    if include_invalid:
        filters["include_invalid"] = True
    return {k: v for k, v in filters.items() if v not in (None, "")}


FiltersDep = Annotated[dict[str, Any], Depends(event_filters)]


# ---------- the app ----------

def create_app(db_path: str | Path | None, allow_private_urls: bool = False, *,
               max_body_bytes: int = MAX_BODY_BYTES, extract_workers: int = 1, read_only: bool = False) -> FastAPI:
    """Build the app over one store. db_path=None serves /extract and the page only.

    read_only: open the store read-only (reviews are refused), so `dateline events` and other readers can
    open the same file while the server runs; DuckDB lets a file have one writer or many readers.

    extract_workers: processes that run the analysis for POST /extract (0: in the server process).
    Analysis is CPU-bound Python; in its own process it does not hold the GIL the API's other requests need.
    """
    analysis = _Analysis(extract_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        analysis.close()
        if app.state.store is not None:  # checkpoint and release the file for the next writer
            app.state.store.close()
            app.state.store = None

    app = _fastapi_class()(
        lifespan=lifespan,
        title="dateline",
        version=__version__,
        summary="PLOVER-coded political events read from news articles, each field tied to its text span.",
        openapi_tags=[{"name": "extract"}, {"name": "events"}, {"name": "articles"}, {"name": "meta"}],
    )
    app.state.db_path = str(db_path) if db_path else None
    app.state.allow_private_urls = allow_private_urls
    app.state.read_only = read_only
    app.state.store = None
    app.state.open_lock = threading.Lock()
    app.state.analysis = analysis

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Any]]) -> Any:
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):  # Swagger UI needs its own scripts
            for k, v in _SECURITY_HEADERS.items():
                response.headers.setdefault(k, v)
        return response

    @app.exception_handler(InputError)
    async def input_error(_: Request, exc: InputError) -> JSONResponse:
        status = 400 if isinstance(exc, URLRefused) else 502 if isinstance(exc, FetchFailed) else 422
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    # ----- meta -----

    @app.get("/health", response_model=Health, tags=["meta"])
    def health(request: Request) -> Health:
        if not app.state.db_path:
            return Health(status="ok", version=__version__, db=None)
        try:
            counts = _open_store(request).counts()
            return Health(status="ok", version=__version__, db=app.state.db_path, events=counts.get("events"))
        except Exception as exc:  # health must answer even when the store does not
            return Health(status="degraded", version=__version__, db=app.state.db_path,
                          detail=f"{type(exc).__name__}: {exc}")

    @app.get("/stats", response_model=Stats, tags=["meta"])
    def stats(store: StoreDep) -> Stats:
        """Totals: documents, events, reviews, clusters, events per type."""
        s = store.stats(top=100)
        return Stats(documents=s["documents"], events=s["events"], reviews=s["reviews"], clusters=s["clusters"],
                     event_types={r["event_type"]: r["events"] for r in s["top_types"] if r["event_type"]})

    # ----- extract -----

    @app.post("/extract", response_model=EventDocument, tags=["extract"],
              responses={400: {"description": "URL refused"}, 413: {"description": "body too large"},
                         502: {"description": "URL could not be fetched"}})
    async def extract(req: ExtractRequest) -> EventDocument:
        """Code the events of one article given as text, HTML or a URL to fetch. Nothing is stored."""
        raw = await run_in_threadpool(_raw_article, req, app.state.allow_private_urls)
        return await analysis.run(raw)

    # ----- events -----

    @app.get("/events", response_model=EventPage, tags=["events"])
    async def list_events(
        store: StoreDep,
        filters: FiltersDep,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        """Coded events (corrections applied) in date order, filtered like `dateline events`."""

        def build() -> bytes:
            rows = store.query_events(**filters, limit=limit, offset=offset)
            # A short page already tells the total; only a full one needs the count query.
            short = len(rows) < limit and (rows or offset == 0)
            total = offset + len(rows) if short else store.count_events(**filters)
            page = EventPage(total=total, limit=limit, offset=offset, items=[event_row(r) for r in rows])
            return page.model_dump_json().encode()

        # Serialised once per distinct query: building 50 rows costs more than the (memoised) query itself.
        # A remembered page is answered on the event loop; anything else goes to a worker thread.
        key = ("events", _key(filters), limit, offset)
        body = store.peek(key)
        return _json(body if body is not None else await run_in_threadpool(store.remember, key, build))

    @app.get("/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={404: {"description": "no such event"}})
    def get_event(store: StoreDep, event_id: str) -> EventDetail:
        """One event: its current and machine coding, the text span of each field, every report of it, reviews."""
        found = store.get_event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        out = store.event_document(found["document_id"])
        if out is None:
            raise HTTPException(404, f"the article of event {event_id!r} is missing")
        coded = Event.model_validate(found["event"]) if found.get("event") else None
        return EventDetail(
            event=event_row(found), coded=coded,
            actors=[_stored_actor(a) for a in found.get("actors", [])],
            spans=event_spans(out, coded) if coded else [],
            mentions=[Mention.model_validate(_jsonable(m)) for m in found.get("mentions", [])],
            reviews=[StoredReview.model_validate(_jsonable(r)) for r in found.get("reviews", [])],
            document=out.document,
        )

    @app.post("/events/{event_id}/review", response_model=ReviewResult, status_code=201, tags=["events"],
              responses={404: {"description": "no such event"}, 409: {"description": "server is read-only"},
                         422: {"description": "bad correction"}})
    def review_event(store: StoreDep, event_id: str, review: Review) -> ReviewResult:
        """Record an analyst's verdict or correction; the machine's coding is kept beside it."""
        if app.state.read_only:
            raise HTTPException(409, "the server was started read-only (--read-only): reviews are not saved")
        if store.get_event(event_id) is None:
            raise HTTPException(404, f"no event {event_id!r}")
        fields = review.corrections()
        if review.verdict == "correct" and not fields:
            raise HTTPException(422, "a correction needs at least one corrected field")
        if review.verdict != "correct" and fields:
            raise HTTPException(422, "corrected fields go with verdict 'correct'")
        if review.verdict != "correct":
            fields = {"valid": "true" if review.verdict == "confirm" else "false"}
        saved = [{"note": review.note, **store.add_review(event_id, field, value, reviewer=review.reviewer,
                                                          note=review.note)}
                 for field, value in fields.items()]
        current = store.get_event(event_id)
        return ReviewResult(saved=[StoredReview.model_validate(_jsonable(s)) for s in saved], event=event_row(current))

    # ----- articles, actors, timeline -----

    @app.get("/articles/{doc_id}", response_model=ArticleView, tags=["articles"],
             responses={404: {"description": "no such article"}})
    def get_article(store: StoreDep, doc_id: str) -> ArticleView:
        """The article's text and everything coded from it, with offsets into document.text."""
        row = store.get_document(doc_id, full=True)
        if row is None or not row.get("event_document"):
            raise HTTPException(404, f"no article {doc_id!r}")
        return ArticleView.model_validate({**row["event_document"], "event_ids": row.get("event_ids", []),
                                           "status": row.get("status"), "reason": row.get("reason")})

    @app.get("/actors", response_model=list[ActorCount], tags=["articles"])
    def list_actors(
        store: StoreDep,
        q: Annotated[str | None, Query(max_length=200, description="Part of the name.")] = None,
        country: Annotated[str | None, Query(max_length=3)] = None,
        role: Annotated[Literal["actor", "recipient"] | None, Query()] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[ActorCount]:
        """Actors by the number of events they take part in (corrections applied)."""
        rows = store.actors(q=q, country=country, role=role, limit=limit, offset=offset)
        return [ActorCount.model_validate(r) for r in rows]

    @app.get("/stats/timeline", response_model=Timeline, tags=["events"])
    async def timeline(store: StoreDep, filters: FiltersDep) -> Response:
        """Event counts by day and event type, with the same filters as /events."""

        def build() -> bytes:
            # Store.timeline takes one actor/country only; counting the filtered rows keeps chart and table in step.
            counts: Counter[tuple[str, str]] = Counter()
            for r in store.query_events(**filters, limit=None):
                if r.get("date_start") is not None:
                    counts[(str(r["date_start"]), r["event_type"] or "?")] += 1
            days = [TimelineRow(day=d, event_type=t, count=n) for (d, t), n in sorted(counts.items())]
            return Timeline(days=days).model_dump_json().encode()

        key = ("timeline", _key(filters))
        body = store.peek(key)
        return _json(body if body is not None else await run_in_threadpool(store.remember, key, build))

    # ----- the page -----

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)  # type: ignore[arg-type]
    return app


def _fastapi_class() -> Callable[..., FastAPI]:
    """FastAPI, with /docs and /redoc served from a package instead of a CDN when fastapi-offline is installed."""
    try:
        from fastapi_offline import FastAPIOffline
    except ImportError:  # optional: without it /docs needs internet, /openapi.json works either way
        return FastAPI
    return FastAPIOffline  # type: ignore[no-any-return]


def _analyse(raw: RawArticle) -> EventDocument:
    from . import pipeline  # imported on first use: loading the stages pulls in spaCy

    return pipeline.analyse(raw)


class _Analysis:
    """Runs pipeline.analyse for /extract, in worker processes or (workers=0) in this one."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock: asyncio.Lock | None = None

    async def run(self, raw: RawArticle) -> EventDocument:
        loop = asyncio.get_running_loop()
        if self.workers <= 0:
            # spaCy and the stages share caches: one analysis at a time. Waiting on the event loop, not in a
            # worker thread, keeps queued extractions from taking the threads /events needs.
            self._lock = self._lock or asyncio.Lock()
            async with self._lock:
                return await run_in_threadpool(_analyse, raw)
        if self._pool is None:
            # spawn, not fork: the server has threads, and forking a threaded process can deadlock the child.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        pool = self._pool
        try:
            return await loop.run_in_executor(pool, _analyse, raw)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start afresh for the next request, tell this one.
            if self._pool is pool:
                self._pool = None
            raise HTTPException(503, "the analysis worker died; try again") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _raw_article(req: ExtractRequest, allow_private: bool) -> RawArticle:
    if req.url:
        page = fetch_url(req.url, allow_private=allow_private)
        return RawArticle(content=page.text, is_html="html" in page.content_type or looks_like_html(page.text),
                          url=page.final_url, title=req.title, published=req.published, origin=req.url)
    if req.html is not None:
        return RawArticle(content=req.html, is_html=True, title=req.title, published=req.published)
    return RawArticle.from_text(req.text or "", title=req.title, published=req.published)


# ---------- store rows to API models ----------

def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """Dates and timestamps from DuckDB as ISO strings."""
    return {k: v.isoformat() if isinstance(v, dt.date | dt.datetime) else v for k, v in row.items()}


def _key(filters: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in filters.items()))


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _present(r: dict[str, Any], key: str) -> list[str]:
    return [x for x in r.get(key) or [] if x]


def event_row(r: dict[str, Any]) -> EventRow:
    r = _jsonable(r)
    has_place = any(r.get(k) is not None for k in ("location_name", "country", "lat"))
    return EventRow(
        id=r["id"], document_id=r["document_id"], event_type=r["event_type"] or "?", mode=r.get("mode"),
        cameo=r.get("cameo"),
        date=DateInfo(start=r.get("date_start"), end=r.get("date_end"), precision=r.get("date_precision"),
                      inferred=bool(r.get("date_inferred"))) if r.get("date_start") else None,
        location=Location(name=r.get("location_name"), country=r.get("country"), lat=r.get("lat"),
                          lon=r.get("lon")) if has_place else None,
        actor_names=_present(r, "actor_names"), actor_countries=_present(r, "actor_countries"),
        actor_sectors=_present(r, "actor_sectors"), recipient_names=_present(r, "recipient_names"),
        recipient_countries=_present(r, "recipient_countries"), recipient_sectors=_present(r, "recipient_sectors"),
        modality=Modality(negated=bool(r.get("negated")), future=bool(r.get("future")),
                          hypothetical=bool(r.get("hypothetical")), claimed=bool(r.get("claimed")),
                          source=r.get("claim_source")),
        evidence=Evidence(sentence=r.get("sentence") or "", start=r.get("sentence_start") or 0,
                          end=r.get("sentence_end") or 0, trigger=r.get("trigger") or "",
                          trigger_start=r.get("trigger_start") or 0, trigger_end=r.get("trigger_end") or 0,
                          in_title=bool(r.get("in_title"))),
        confidence=r.get("confidence") if r.get("confidence") is not None else 0.5,
        valid=bool(r.get("valid", True)), reviewed=bool(r.get("reviewed")), cluster_id=r.get("cluster_id"),
        title=r.get("title"), url=r.get("url"), source=r.get("source"), published=r.get("published"),
    )


def _stored_actor(a: dict[str, Any]) -> StoredActor:
    return StoredActor(role=a["role"], text=a.get("text") or a.get("name") or "", name=a.get("name") or "",
                       country=a.get("country"), sector=a.get("sector"), sectors=a.get("sectors") or [],
                       org=a.get("org"), kind=a.get("kind") or "unknown", start=a.get("start_char"),
                       end=a.get("end_char"))
