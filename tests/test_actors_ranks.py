"""Rank words before an office title belong to the title (session 5), on sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract


@pytest.mark.parametrize(("text", "country"), [
    ("Nigerian junior foreign minister Dubem Okafor met the envoy on Monday.", "NGA"),
    ("Kenyan junior health minister Jane Wambui met the envoy on Monday.", "KEN"),
])
def test_a_rank_word_does_not_cut_the_country_off(text: str, country: str) -> None:
    people = [a for a in extract(text, published="2023-05-05").actors if a.kind == "person"]
    assert people and people[0].country == country, [(a.name, a.country) for a in people]
