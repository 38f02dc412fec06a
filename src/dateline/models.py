"""The document model: the one contract every stage reads and writes.

JSON Schema (docs/schema.json), the API models and every export derive from these classes.
All ``start``/``end`` offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Precision = Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Caption(_Model):
    """A photo caption or credit line, or an embedded social-media post, found beside the body; kept out of the
    coded text."""

    text: str
    kind: Literal["caption", "credit", "embed"] = "caption"


class Document(_Model):
    id: str = Field(description="Stable content hash of url + text (hex).")
    url: str | None = None
    title: str | None = None
    standfirst: str | None = Field(None, description="The summary line under the headline, if any.")
    published: str | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")
    published_source: str | None = Field(
        None, description="Where the publication date came from: input, metadata, dateline, htmldate, none."
    )
    language: str | None = "en"
    text: str = Field("", description="The body events are coded from; all offsets point into it (save an event's "
                      "marked evidence.in_title, coded from the headline).")
    captions: list[Caption] = Field(default_factory=list)
    source: str | None = Field(None, description="Outlet or site name when known.")


class Entity(_Model):
    text: str
    start: int
    end: int
    label: str


class Interval(_Model):
    start: str | None = None
    end: str | None = None


class TimeExpr(_Model):
    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = Field(None, description="TIMEX3 value, e.g. 2022-01-13, 2022-W01, P2W, XXXX-WXX-7.")
    interval: Interval | None = None
    precision: Precision | None = None
    anchor: str | None = Field(None, description="What the value was resolved against: publication, previous, absolute.")
    tense: Literal["past", "present", "future"] | None = None
    role: str | None = Field(None, description="Deadline ('by'), open interval ('since'), etc.")


class Place(_Model):
    text: str
    start: int
    end: int
    name: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-3.")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = Field(None, description="country, admin1, admin2, city, feature, region.")
    population: int | None = None


class Actor(_Model):
    text: str = Field(description="The words in the text that name the actor.")
    name: str = Field(description="Canonical name (person's full name, country or organisation name).")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3.")
    sector: str | None = Field(None, description="Primary PLOVER/CAMEO sector code: GOV, MIL, COP, REB, ...")
    sectors: list[str] = Field(default_factory=list)
    org: str | None = Field(None, description="Organisation acronym such as CSTO, NATO, UN.")
    kind: Literal["state", "person", "igo", "ngo", "group", "org", "unknown"] = "unknown"
    role: str | None = None
    start: int | None = None
    end: int | None = None


class DateInfo(_Model):
    text: str | None = None
    value: str | None = None
    start: str | None = None
    end: str | None = None
    precision: Precision | None = None
    inferred: bool = Field(False, description="True when no expression governs the event and a fallback was used.")
    source: str | None = Field(None, description="clause, sentence, previous, publication.")


class Location(_Model):
    text: str | None = None
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str | None = Field(None, description="clause, sentence, dateline, country, document.")
    kind: str | None = None


class Modality(_Model):
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    claimed: bool = False
    source: str | None = Field(None, description="Who claims it, for reported events.")


class Evidence(_Model):
    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    in_title: bool = Field(False, description="The act is coded from the headline: these offsets, and the event's "
                                              "actors' offsets, point into document.title, not document.text.")


class Event(_Model):
    id: str
    event_type: str = Field(description="PLOVER event type, e.g. PROTEST, ASSAULT.")
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    actors: list[Actor] = Field(default_factory=list)
    recipients: list[Actor] = Field(default_factory=list)
    date: DateInfo | None = None
    location: Location | None = None
    size: dict[str, int] = Field(default_factory=dict)
    modality: Modality = Field(default_factory=Modality)
    evidence: Evidence
    confidence: float = 0.5
    salience: float | None = Field(
        None, description="How central the event is to the story, 0-1; 1.0 marks the article's main event.")


class Quote(_Model):
    speaker: str | None = None
    speaker_actor: Actor | None = None
    text: str
    start: int
    end: int
    partial: bool = False


class Count(_Model):
    value: int
    what: str
    text: str
    start: int
    end: int
    approximate: bool = False


class EventDocument(_Model):
    """What `dateline extract` writes: one article and everything coded from it."""

    schema_version: str = SCHEMA_VERSION
    document: Document
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
