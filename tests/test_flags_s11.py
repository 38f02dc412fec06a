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


def test_a_place_in_a_partys_own_phrase_is_not_where_the_act_happens() -> None:
    doc = extract("The Kenyan ambassador in Somalia held talks with President Paul Mbeki during a visit to Pretoria.",
                  published="2019-05-01")
    (talks,) = [e for e in doc.events if e.event_type == "CONSULT"]
    assert talks.location is not None and talks.location.country == "ZAF"
    assert [r.country for r in talks.recipients] == ["ZAF"]


def test_a_weapon_noun_split_from_its_act_by_the_parser_names_the_attacker() -> None:
    doc = extract("Three farmers were killed in Turkish tank shelling near the Syrian town of Afrin, medics said.",
                  published="2019-05-01")
    attacks = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert len(attacks) == 1  # the killing and the shelling are one act
    assert [a.country for a in attacks[0].actors] == ["TUR"]


def test_one_act_told_twice_in_a_sentence_keeps_the_doer_and_the_target() -> None:
    doc = extract("Ugandan forces launched rocket fire against Congolese rebel bases, killing or wounding forty.",
                  published="2019-05-01")
    attacks = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert len(attacks) == 1
    assert [a.country for a in attacks[0].actors] == ["UGA"] and attacks[0].recipients


def test_a_counted_object_after_up_to_is_the_target() -> None:
    actors, recipients = _main("Nigerian troops killed up to 30 Cameroonian fishermen near Lake Chad.")
    assert actors == ["NGA"] and recipients == ["CMR"]
