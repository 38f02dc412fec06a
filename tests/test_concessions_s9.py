"""Halting a contested programme (enrichment, tests, settlement building) is a concession when promised, as
freezing it already was (made-up sentences)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract


@pytest.mark.parametrize("text", [
    "Iran agreed on Monday to halt uranium enrichment at two sites.",
    "North Korea promised to suspend missile tests during the talks.",
    "The Serbian government pledged to end construction of the disputed dam.",
])
def test_a_promise_to_halt_a_contested_programme_is_a_concession(text: str) -> None:
    types = [e.event_type for e in extract(text, published="2021-01-01").events]
    assert types == ["CONCEDE"]


def test_work_that_stops_is_not_a_concession() -> None:
    assert extract("Workers halted construction of the new bridge because of rain.", published="2021-01-01").events == []
