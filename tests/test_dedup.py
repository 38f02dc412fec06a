"""Dedup tests: which mentions become one event cluster, and that clustering is deterministic."""

from __future__ import annotations

import random
from typing import Any

import pytest

from dateline.dedup import DedupOptions, haversine_km
from dateline.models import EventDocument
from dateline.store import Store
from test_store import LYON, make_doc

TEXT = "Farmers marched through Lyon on Tuesday against fuel prices. Police watched the crowd."


def mention(url: str, source: str, text: str = TEXT, **spec: Any) -> EventDocument:
    base = {"type": "PROTEST", "trigger": "marched", "actor": ("Farmers", "FRA", "AGR"),
            "recipient": ("Police", "FRA", "COP"), "date": "2024-03-05", "place": LYON}
    base.update(spec)
    return make_doc(text, url=url, source=source, events=[base])


def clusters_of(docs: list[EventDocument], **opts: Any) -> list[tuple[int, int, int]]:
    with Store(":memory:") as s:
        s.add_documents(docs)
        s.recluster(options=DedupOptions(**opts)) if opts else s.recluster()
        return [(c["num_events"], c["num_articles"], c["num_sources"])
                for c in s.query_clusters(limit=None)]


def test_dedup_same_event_from_two_outlets_is_one_cluster() -> None:
    other = "Hundreds of farmers marched in Lyon on Tuesday, angry at fuel prices, as police looked on."
    got = clusters_of([mention("https://one.example/a", "One"), mention("https://two.example/b", "Two", text=other)])
    assert got == [(2, 2, 2)]


def test_dedup_counts_sources_by_outlet_not_article() -> None:
    got = clusters_of([mention("https://one.example/a", "One"), mention("https://one.example/b", "One")])
    assert got == [(2, 2, 1)]


def test_dedup_counts_sources_by_host_when_outlet_unknown() -> None:
    docs = [make_doc(TEXT, url=u, events=[{"type": "PROTEST", "trigger": "marched", "date": "2024-03-05",
                                           "actor": ("Farmers", "FRA", None), "place": LYON}])
            for u in ("https://www.one.example/a", "https://one.example/b", "https://two.example/c")]
    assert clusters_of(docs) == [(3, 3, 2)]


@pytest.mark.parametrize("change", [
    {"type": "ASSAULT"},  # another kind of event
    {"date": "2024-03-08"},  # three days later
    {"place": ("Marseille", "FRA", 43.30, 5.37)},  # ~280 km away
    {"place": ("Geneva", "CHE", 46.20, 6.14), "actor": ("Farmers", "CHE", "AGR"),
     "recipient": ("Police", "CHE", "COP")},  # other country
    {"actor": ("Teachers", "BEL", "EDU"), "recipient": ("Government", "BEL", "GOV"), "place": None},
    {"date": "2024-03", "precision": "month", "date_end": "2024-03"},  # too vague to merge on
])
def test_dedup_keeps_different_events_apart(change: dict[str, Any]) -> None:
    got = clusters_of([mention("https://one.example/a", "One"), mention("https://two.example/b", "Two", **change)])
    assert sorted(got) == [(1, 1, 1), (1, 1, 1)]


def test_dedup_allows_a_day_of_slack() -> None:
    got = clusters_of([mention("https://one.example/a", "One"), mention("https://two.example/b", "Two",
                                                                         date="2024-03-06")])
    assert got == [(2, 2, 2)]


def test_dedup_is_deterministic_whatever_the_insert_order() -> None:
    docs = [mention(f"https://s{i}.example/{i}", f"S{i % 4}", date=f"2024-03-0{1 + i % 4}") for i in range(12)]
    docs += [mention(f"https://t{i}.example/{i}", f"T{i}", type="ACCUSE") for i in range(3)]
    results = []
    for seed in (1, 2, 3):
        random.Random(seed).shuffle(docs)
        with Store(":memory:") as s:
            s.add_documents(docs)
            s.recluster()
            results.append(sorted(s.con.execute("SELECT id, cluster_id FROM events").fetchall()))
    assert results[0] == results[1] == results[2]
    assert all(cid is not None for _, cid in results[0])


def test_dedup_ignores_events_a_reviewer_rejected() -> None:
    with Store(":memory:") as s:
        s.add_documents([mention("https://one.example/a", "One"), mention("https://two.example/b", "Two")])
        s.recluster()
        first = s.query_events()[0]["id"]
        s.add_review(first, "valid", "false")
        assert s.clusters_stale
        s.recluster()
        assert [c["num_events"] for c in s.query_clusters()] == [1]
        assert s.get_event(first) is not None


def test_haversine_km() -> None:
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)


def test_dedup_country_level_place_is_not_a_point() -> None:
    # One outlet places the march in Lyon, the other only in France (the country's centroid, ~200 km away):
    # that is no contradiction, and two country-level places are no evidence of being near each other.
    france = ("France", "FRA", 46.6, 2.4)
    got = clusters_of([mention("https://one.example/a", "One"),
                       mention("https://two.example/b", "Two", place=france, kind="country")])
    assert got == [(2, 2, 2)]
