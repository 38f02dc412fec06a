"""Whose flag an actor carries: a flag on a compound of the head, a patron's flag before '-backed', and named
groups the KB knows without a country. Sentences are our own."""

from __future__ import annotations

from dateline.pipeline import extract


def _main(text: str) -> tuple[list[str | None], list[str | None]]:
    ev = max(extract(text, published="2019-05-01").events, key=lambda e: e.salience or 0)
    return [a.country for a in ev.actors], [r.country for r in ev.recipients]


def test_a_flag_on_the_compound_of_an_attack_noun_names_the_attacker() -> None:
    actors, _ = _main("Recent US drone strikes have killed six militants in Somalia since June.")
    assert actors == ["USA"]


def test_a_flag_before_backed_names_the_patron_not_the_actor() -> None:
    actors, _ = _main("Turkish-backed militias shelled a Kurdish village near Afrin in Syria.")
    assert "TUR" not in actors
    led, _ = _main("Turkish-led forces shelled a Kurdish village near Afrin in Syria.")
    assert led == ["TUR"]  # a force led by Turkey is Turkey's


def test_a_stateless_named_group_is_not_given_the_place_of_the_act() -> None:
    _, recipients = _main("US drones killed two al-Qaeda commanders in Yemen on Friday.")
    assert "USA" not in recipients and "YEM" not in [r for r in recipients if r]  # al-Qaeda has no country
