"""Cross-article dedup: group event mentions that report the same real-world event into clusters."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class DedupOptions:
    """The knobs of the matcher; defaults are documented in docs/corpus.md."""

    date_slack_days: int = 1  # reports of one event may date it a day apart (time zones, "yesterday")
    max_interval_days: int = 2  # an event dated only to a week, month or year is too vague to merge on
    max_distance_km: float = 100.0  # further apart than this, two places are two events
    near_km: float = 25.0  # closer than this counts as the same place
    name_ratio: float = 90.0  # rapidfuzz token_set_ratio for two actor names to be one actor
    threshold: float = 0.55  # support needed to join a cluster (see support())
    short_sentence_words: int = 6  # fewer content words than this and wording counts proportionally less
    same_copy_text: float = 0.85  # evidence this similar is the same wire copy, whatever the actors
    same_copy_min_words: int = 5  # ... if the shorter sentence has at least this many content words


@dataclass
class Mention:
    id: str
    document_id: str
    event_type: str
    negated: bool
    start: date | None
    end: date | None
    lat: float | None  # only for a point-like place (city, feature); a country's centroid says nothing
    lon: float | None
    country: str | None
    actors: tuple[str, ...]
    actor_countries: frozenset[str]
    recipients: tuple[str, ...]
    recipient_countries: frozenset[str]
    sentence: str
    confidence: float
    published: date | None
    source: str
    words: frozenset[str] = field(default=frozenset(), repr=False)
    name_words: frozenset[str] = field(default=frozenset(), repr=False)


@dataclass
class Cluster:
    seed: Mention
    members: list[Mention]
    end: date


# Places too large for distances to mean anything: two events "in the United States" (the centroid) are
# not near each other, and one in Minneapolis is not 1,000 km from one placed only in the country.
AREA_KINDS = frozenset({"country", "admin1", "region", "continent"})
_PUNCT = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"[^\W_]{3,}")


def _norm(name: str | None) -> str:
    return _PUNCT.sub(" ", (name or "").lower()).strip()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _names_match(a: tuple[str, ...], b: tuple[str, ...], ratio: float) -> bool:
    # token_set_ratio lets "Trump" match "Donald Trump" and "the Senate" match "Senate".
    return any(x and y and (x == y or fuzz.token_set_ratio(x, y) >= ratio) for x in a for y in b)


def conflicts(a: Mention, b: Mention, opt: DedupOptions) -> bool:
    """Hard evidence that two mentions are different events."""
    if a.event_type != b.event_type or a.negated != b.negated:
        return True
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return True
    if (a.end - a.start).days > opt.max_interval_days or (b.end - b.start).days > opt.max_interval_days:
        return True
    slack = timedelta(days=opt.date_slack_days)
    if a.start > b.end + slack or b.start > a.end + slack:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        if haversine_km(a.lat, a.lon, b.lat, b.lon) > opt.max_distance_km:  # type: ignore[arg-type]
            return True
    elif a.country and b.country and a.country != b.country:
        return True
    a_countries = a.actor_countries | a.recipient_countries
    b_countries = b.actor_countries | b.recipient_countries
    if a_countries and b_countries and not (a_countries & b_countries) and not _names_match(
            a.actors + a.recipients, b.actors + b.recipients, opt.name_ratio):
        return True
    return False


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(sentence.lower()) if w not in STOP_WORDS)


def text_similarity(a: Mention, b: Mention) -> float:
    """Share of the shorter sentence's content words that the other sentence also uses.

    Not a rapidfuzz ratio: character-edit ratios give two unrelated sentences on one story about 0.45 and
    the same fact in two outlets' words hardly more; shared content words tell them apart far better.
    The actors' own names are left out: they already count as actor support, and every sentence of a story
    repeats them whatever it reports."""
    names = a.name_words | b.name_words
    wa, wb = a.words - names, b.words - names
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _role_score(a_names: tuple[str, ...], b_names: tuple[str, ...], a_countries: frozenset[str],
                b_countries: frozenset[str], match: float, mismatch: float, country: float, ratio: float) -> float:
    """Same named actor: `match`. Both named, no name in common: `mismatch` (two outlets rarely name different
    people for one act). Otherwise a shared country gives `country`."""
    if a_names and b_names:
        return match if _names_match(a_names, b_names, ratio) else mismatch
    return country if a_countries & b_countries else 0.0


def support(a: Mention, b: Mention, opt: DedupOptions) -> float:
    """How strongly two compatible mentions look like one event: wording, actors by role, place."""
    text = text_similarity(a, b)
    # "X declined to comment": a few shared words in a short sentence identify no event.
    shortest = min(len(a.words - a.name_words - b.name_words), len(b.words - a.name_words - b.name_words))
    text *= min(1.0, shortest / opt.short_sentence_words)
    if text >= opt.same_copy_text and min(len(a.words - b.name_words - a.name_words),
                                          len(b.words - a.name_words - b.name_words)) >= opt.same_copy_min_words:
        return 1.0
    score = 0.6 * text
    score += _role_score(a.actors, b.actors, a.actor_countries, b.actor_countries, 0.25, -0.15, 0.1, opt.name_ratio)
    score += _role_score(a.recipients, b.recipients, a.recipient_countries, b.recipient_countries, 0.15, -0.1, 0.05,
                         opt.name_ratio)
    if None not in (a.lat, a.lon, b.lat, b.lon):
        if haversine_km(a.lat, a.lon, b.lat, b.lon) <= opt.near_km:  # type: ignore[arg-type]
            score += 0.15
    elif a.country and a.country == b.country:
        score += 0.05
    return score


def cluster_mentions(mentions: list[Mention], opt: DedupOptions | None = None) -> list[list[Mention]]:
    """Greedy, order-fixed clustering: mentions sorted by (type, date, id) join the best cluster whose seed
    they do not contradict. Comparing against the seed (not any member) stops chains drifting away."""
    opt = opt or DedupOptions()
    for m in mentions:
        m.words = content_words(m.sentence)
        m.name_words = content_words(" ".join(m.actors + m.recipients))
    ordered = sorted(mentions, key=lambda m: (m.event_type, m.negated, m.start or date.max, m.end or date.max,
                                              m.published or date.max, m.id))
    done: list[Cluster] = []
    active: list[Cluster] = []
    block: tuple[str, bool] | None = None
    slack = timedelta(days=opt.date_slack_days)
    for m in ordered:
        if (m.event_type, m.negated) != block:
            done += active
            active, block = [], (m.event_type, m.negated)
        if m.start is not None:
            # Sorted by start date: a cluster that ended before this mention's window can take nothing more.
            still = [c for c in active if c.end + slack >= m.start]
            done += [c for c in active if c.end + slack < m.start]
            active = still
        best: Cluster | None = None
        best_score = opt.threshold
        for c in active:
            if conflicts(c.seed, m, opt):
                continue
            compatible = [x for x in c.members if not conflicts(x, m, opt)]
            score = max(support(x, m, opt) for x in compatible) if compatible else 0.0
            if score >= best_score and (best is None or score > best_score):
                best, best_score = c, score
        if best is None:
            active.append(Cluster(seed=m, members=[m], end=m.end or m.start or date.min))
        else:
            best.members.append(m)
            best.end = max(best.end, m.end or best.end)
    done += active
    return [c.members for c in done]


def cluster_id(members: list[Mention]) -> str:
    """Named after the earliest-sorted member, so the same data always gives the same ids."""
    return "c" + hashlib.sha1(members[0].id.encode()).hexdigest()[:16]


def _representative(members: list[Mention]) -> Mention:
    return sorted(members, key=lambda m: (-m.confidence, m.published or date.max, m.id))[0]


def cluster_row(members: list[Mention]) -> dict[str, Any]:
    rep = _representative(members)
    countries = Counter(m.country for m in members if m.country)
    country = sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if countries else None
    starts = [m.start for m in members if m.start]
    ends = [m.end for m in members if m.end]
    published = [m.published for m in members if m.published]
    sources = sorted({m.source for m in members})
    return {
        "id": cluster_id(members), "event_type": rep.event_type,
        "date_start": min(starts) if starts else None, "date_end": max(ends) if ends else None,
        "country": country, "lat": rep.lat, "lon": rep.lon,
        "num_events": len(members), "num_articles": len({m.document_id for m in members}),
        "num_sources": len(sources),
        "first_seen": min(published) if published else None, "last_seen": max(published) if published else None,
        "representative_event": rep.id,
        "actor_countries": sorted(set().union(*(m.actor_countries | m.recipient_countries for m in members))),
        "sources": sources,
    }


_LOAD_SQL = """
SELECT e.id, e.document_id, upper(e.event_type), coalesce(e.negated, FALSE), e.date_start, e.date_end, e.lat, e.lon,
       upper(e.country), e.actor_names, e.actor_countries, e.recipient_names, e.recipient_countries,
       coalesce(e.sentence, ''), coalesce(e.confidence, 0.5), d.published,
       coalesce(lower(d.source), d.host, d.id), lower(e.location_kind)
FROM events_current e JOIN documents d ON d.id = e.document_id
WHERE e.valid AND NOT coalesce(e.hypothetical, FALSE)
"""


def load_mentions(store: Store) -> list[Mention]:
    out = []
    for r in store.con.execute(_LOAD_SQL).fetchall():
        point = r[17] not in AREA_KINDS
        out.append(Mention(
            id=r[0], document_id=r[1], event_type=r[2] or "", negated=bool(r[3]), start=r[4], end=r[5],
            lat=r[6] if point else None, lon=r[7] if point else None, country=r[8] or None,
            actors=tuple(_norm(n) for n in (r[9] or []) if n), actor_countries=frozenset(c.upper() for c in r[10] or [] if c),
            recipients=tuple(_norm(n) for n in (r[11] or []) if n),
            recipient_countries=frozenset(c.upper() for c in r[12] or [] if c),
            sentence=r[13], confidence=float(r[14]), published=r[15], source=r[16],
        ))
    return out


def recluster(store: Store, options: DedupOptions | None = None) -> int:
    """Recompute every cluster from the stored events (with corrections) in one transaction."""
    from .store import _arrow

    groups = cluster_mentions(load_mentions(store), options)
    rows = [cluster_row(g) for g in groups]
    links = [{"event_id": m.id, "cluster_id": row["id"]} for g, row in zip(groups, rows, strict=True) for m in g]
    cluster_columns = ("id", "event_type", "date_start", "date_end", "country", "lat", "lon", "num_events",
                       "num_articles", "num_sources", "first_seen", "last_seen", "representative_event",
                       "actor_countries", "sources")
    with store.transaction() as con:
        con.execute("DELETE FROM clusters")
        con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
        if rows:
            batch = _arrow(rows, cluster_columns, con, "clusters")  # noqa: F841 - read by DuckDB by name
            con.execute(f"INSERT INTO clusters ({', '.join(cluster_columns)}) "
                        f"SELECT {', '.join(cluster_columns)} FROM batch")
            import pyarrow as pa

            link_table = pa.Table.from_pylist(links)  # noqa: F841 - read by DuckDB by name
            con.execute("UPDATE events SET cluster_id = l.cluster_id FROM link_table l WHERE events.id = l.event_id")
        store._set_meta(con, "clusters_stale", "0")
    return len(rows)
