"""Made-up articles with hand-coded events, for the API tests, browser tests and screenshots.

Every span is found in the text by search, so offsets are right by construction. The places, dates and
numbers are invented for testing; one article carries markup and a <script> to prove it renders as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.clean import content_id
from dateline.models import (
    Actor,
    Count,
    DateInfo,
    Document,
    Event,
    EventDocument,
    Evidence,
    Location,
    Place,
    TimeExpr,
)

XSS_MARK = "window.__xss_ran = true"


@dataclass
class A:  # an actor mention
    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str = "state"
    org: str | None = None


@dataclass
class P:  # a place mention
    text: str
    name: str
    country: str
    lat: float
    lon: float
    kind: str = "city"


@dataclass
class E:  # an event
    type: str
    trigger: str
    mode: str | None = None
    actors: list[A] = field(default_factory=list)
    recipients: list[A] = field(default_factory=list)
    date: tuple[str, str] | None = None  # (text, YYYY-MM-DD)
    place: P | None = None
    size: tuple[str, int, str] | None = None  # (text, value, what)
    confidence: float = 0.8
    cameo: str | None = None


def _span(text: str, needle: str, lo: int = 0) -> tuple[int, int]:
    i = text.find(needle, lo)
    if i < 0:
        raise ValueError(f"{needle!r} not in text")
    return i, i + len(needle)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in re.finditer(r"[.!?]\s+", text) if m.end() <= pos]
    lo = starts[-1] if starts else 0
    m = re.compile(r"[.!?](\s|$)").search(text, pos)
    hi = m.start() + 1 if m else len(text)
    return lo, hi


def article(title: str, published: str, url: str, text: str, events: list[E], source: str = "Example Wire") -> EventDocument:
    out = EventDocument(document=Document(id=content_id(url, text), url=url, title=title, published=published,
                                          published_source="input", text=text, source=source))
    seen_actor: set[tuple[int, int]] = set()
    for n, e in enumerate(events, 1):
        t0, t1 = _span(text, e.trigger)
        s0, s1 = _sentence(text, t0)

        def actor(a: A, role: str, s0: int = s0) -> Actor:
            a0, a1 = _span(text, a.text, s0)
            coded = Actor(text=a.text, name=a.name, country=a.country, sector=a.sector,
                          sectors=[a.sector] if a.sector else [], org=a.org, kind=a.kind, role=role,  # type: ignore[arg-type]
                          start=a0, end=a1)
            if (a0, a1) not in seen_actor:
                seen_actor.add((a0, a1))
                out.actors.append(coded)
            return coded

        date = None
        if e.date:
            d0, d1 = _span(text, e.date[0], s0)
            out.times.append(TimeExpr(text=e.date[0], start=d0, end=d1, type="DATE", value=e.date[1],
                                      precision="day", anchor="publication", tense="past"))
            date = DateInfo(text=e.date[0], value=e.date[1], start=e.date[1], end=e.date[1], precision="day",
                            source="clause")
        loc = None
        if e.place:
            p0, p1 = _span(text, e.place.text, s0)
            out.places.append(Place(text=e.place.text, start=p0, end=p1, name=e.place.name, country=e.place.country,
                                    lat=e.place.lat, lon=e.place.lon, kind=e.place.kind))
            loc = Location(text=e.place.text, name=e.place.name, country=e.place.country, lat=e.place.lat,
                           lon=e.place.lon, precision="sentence", kind=e.place.kind)
        size: dict[str, int] = {}
        if e.size:
            c0, c1 = _span(text, e.size[0], s0)
            out.counts.append(Count(value=e.size[1], what=e.size[2], text=e.size[0], start=c0, end=c1))
            size = {e.size[2]: e.size[1]}
        out.events.append(Event(
            id=f"ev{n}", event_type=e.type, mode=e.mode, cameo=e.cameo,
            actors=[actor(a, "actor") for a in e.actors], recipients=[actor(a, "recipient") for a in e.recipients],
            date=date, location=loc, size=size, confidence=e.confidence,
            evidence=Evidence(sentence=text[s0:s1], start=s0, end=s1, trigger=e.trigger, trigger_start=t0, trigger_end=t1),
        ))
    return out


LYON = P("Lyon", "Lyon", "FRA", 45.76, 4.84)
FARMERS = A("farmers", "farmers", "FRA", "AGR", "group")
POLICE = A("Riot police", "French police", "FRA", "COP", "org")


def demo_documents() -> list[EventDocument]:
    """Eight invented articles over one week, 2024-05-05 .. 2024-05-11, on four continents."""
    return [
        article(
            "Farmers march through Lyon against fuel tax", "2024-05-06", "https://news.example/lyon-farmers",
            "LYON — Thousands of farmers marched through Lyon on Monday against the government's planned fuel tax. "
            "Organisers said about 4,000 people took part. "
            "Riot police fired tear gas at farmers near the town hall in Lyon on Monday evening.",
            [E("PROTEST", "marched", "demonstrate", [FARMERS], [A("the government", "France", "FRA", "GOV")],
               ("on Monday", "2024-05-06"), LYON, ("about 4,000 people", 4000, "people"), 0.86, "141"),
             E("COERCE", "fired tear gas", "crowd-control", [POLICE], [FARMERS], ("on Monday evening", "2024-05-06"),
               P("Lyon", "Lyon", "FRA", 45.76, 4.84), None, 0.74, "175")],
        ),
        article(
            "Kenya and Ethiopia agree to share river water", "2024-05-08", "https://news.example/river-accord",
            "Kenya and Ethiopia signed an agreement in Nairobi on Wednesday to share the waters of a border river. "
            "Officials said the accord ends two years of talks.",
            [E("AGREE", "signed an agreement", "settle", [A("Kenya", "Kenya", "KEN", "GOV")],
               [A("Ethiopia", "Ethiopia", "ETH", "GOV")], ("on Wednesday", "2024-05-08"),
               P("Nairobi", "Nairobi", "KEN", -1.29, 36.82), None, 0.9, "057")],
        ),
        article(
            "Brazilian and Indonesian ministers discuss trade in Jakarta", "2024-05-07", "https://news.example/jakarta-talks",
            "Brazil's foreign minister met his Indonesian counterpart in Jakarta on Tuesday to discuss trade in nickel "
            "and soybeans. Both sides said the talks were constructive.",
            [E("CONSULT", "met", "visit", [A("Brazil's foreign minister", "Brazil", "BRA", "GOV", "person")],
               [A("his Indonesian counterpart", "Indonesia", "IDN", "GOV", "person")], ("on Tuesday", "2024-05-07"),
               P("Jakarta", "Jakarta", "IDN", -6.21, 106.85), None, 0.82, "040")],
        ),
        article(
            "Gunmen attack police post in northern Mali", "2024-05-06", "https://news.example/mali-attack",
            "Gunmen attacked a police post near Gao on Sunday, killing three officers, the army said. "
            "No group has claimed the attack.",
            [E("ASSAULT", "attacked", "firearms", [A("Gunmen", "unidentified gunmen", None, "REB", "group")],
               [A("a police post", "Malian police", "MLI", "COP", "org")], ("on Sunday", "2024-05-05"),
               P("Gao", "Gao", "MLI", 16.27, -0.04), ("three officers", 3, "killed"), 0.78, "190")],
        ),
        article(
            "Chile accuses mining firm of polluting rivers", "2024-05-09", "https://news.example/chile-mining",
            "The Chilean government accused a mining company of polluting rivers near Antofagasta on Thursday. "
            "The company denied the claim.",
            [E("ACCUSE", "accused", "allege", [A("The Chilean government", "Chile", "CHL", "GOV")],
               [A("a mining company", "mining company", "CHL", "BUS", "org")], ("on Thursday", "2024-05-09"),
               P("Antofagasta", "Antofagasta", "CHL", -23.65, -70.4), None, 0.7, "112"),
             E("REJECT", "denied", "deny", [A("The company", "mining company", "CHL", "BUS", "org")],
               [], None, None, None, 0.55, "120")],
        ),
        article(
            "<img src=x onerror=alert(1)> Students rally in Santiago", "2024-05-10", "https://news.example/santiago-students",
            "Students protested outside the education ministry in Santiago on Friday. "
            f"<script>{XSS_MARK}</script> <b>bold?</b> Organisers said 300 people joined the rally.",
            [E("PROTEST", "protested", "demonstrate", [A("Students", "students", "CHL", "EDU", "group")],
               [A("the education ministry", "Chilean education ministry", "CHL", "GOV", "org")],
               ("on Friday", "2024-05-10"), P("Santiago", "Santiago", "CHL", -33.45, -70.67), None, 0.8, "141")],
        ),
        article(
            "EU announces sanctions on Belarus officials", "2024-05-11", "https://news.example/eu-sanctions",
            "The European Union announced new sanctions against Belarus on 10 May, diplomats in Brussels said. "
            "The measures freeze the assets of eight officials.",
            [E("SANCTION", "announced new sanctions", "economic", [A("The European Union", "European Union", None, "IGO", "igo", "EU")],
               [A("Belarus", "Belarus", "BLR", "GOV")], ("on 10 May", "2024-05-10"),
               P("Brussels", "Brussels", "BEL", 50.85, 4.35), None, 0.88, "163")],
        ),
        article(
            "Japan sends flood aid to the Philippines", "2024-05-09", "https://news.example/manila-aid",
            "Japan sent emergency supplies to the Philippines on Thursday after floods near Manila displaced "
            "12,000 people. A second flight is due next week.",
            [E("AID", "sent emergency supplies", "humanitarian", [A("Japan", "Japan", "JPN", "GOV")],
               [A("the Philippines", "Philippines", "PHL", "GOV")], ("on Thursday", "2024-05-09"),
               P("Manila", "Manila", "PHL", 14.6, 120.98), ("12,000 people", 12000, "displaced"), 0.84, "073")],
        ),
    ]
