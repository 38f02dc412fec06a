"""A plural sector noun alone as an event's argument, and overlapping phrase triggers (our own sentences)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract


def coded(text: str) -> list[tuple[str, list[tuple[str, str | None]], list[tuple[str, str | None]]]]:
    out = extract(text, published="2024-03-05")
    return [(e.event_type, [(a.name, a.sector) for a in e.actors], [(a.name, a.sector) for a in e.recipients])
            for e in out.events]


@pytest.mark.parametrize("text, source", [
    ("Students marched through the old town of Velmora on Saturday.", ("students", "EDU")),
    ("Workers marched to the harbour office in Corvana.", ("workers", "LAB")),
])
def test_a_plural_sector_noun_alone_is_the_acting_group(text: str, source: tuple[str, str]) -> None:
    events = coded(text)
    assert [e[0] for e in events] == ["PROTEST"]
    assert events[0][1] == [source]


def test_a_plural_sector_noun_alone_is_the_group_acted_on_and_of_the_place() -> None:
    (event,) = extract("Police detained workers outside the shipyard in Lagos on Friday.", published="2024-03-05").events
    assert event.event_type == "COERCE"
    assert [(r.name, r.sector, r.country) for r in event.recipients] == [("workers", "LAB", "NGA")]


def test_a_noun_the_knowledge_base_does_not_list_codes_no_group() -> None:
    events = coded("Cyclists marched through the old town of Velmora on Saturday.")
    assert all(not sources for _, sources, _ in events)  # no sector noun: nothing says who they were


def test_a_phrase_inside_a_longer_phrase_of_the_same_type_is_one_act() -> None:
    events = coded("Teachers went on strike in Nairobi over unpaid wages.")
    assert [(t, sources) for t, sources, _ in events] == [("PROTEST", [("teachers", "EDU")])]
