"""Session 16, on sentences we wrote: a lone family name of a former head of state or government ('Sarkozy said'
in 2019) is that person when every KB namesake is of the same state; a name that only an office holder's
family name shares ('Johnson' before any Johnson in the KB held office) stays unknown."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _speaker(text: str, published: str) -> tuple[str | None, str | None]:
    ev = next(e for e in extract(text, published=published).events if e.event_type == "ACCUSE")
    return ev.actors[0].country, ev.actors[0].sector


@pytest.mark.parametrize(("name", "country"), [("Sarkozy", "FRA"), ("Obama", "USA"), ("Bush", "USA"),
                                               ("Blair", "GBR")])
def test_a_former_leader_s_lone_name_is_that_leader(name: str, country: str) -> None:
    assert _speaker(f"{name} criticized the government over the new tax on Tuesday.", "2019-05-01") == (
        country, "ELI")


def test_an_envoy_in_office_speaks_for_no_state() -> None:
    country, sector = _speaker("Blair criticized the government over the new tax on Tuesday.", "2012-05-01")
    assert country is None and sector == "IGO"


def test_a_common_family_name_out_of_office_stays_unknown() -> None:
    assert _speaker("Johnson criticized the government over the new tax on Tuesday.", "2005-01-01") == (None, None)
