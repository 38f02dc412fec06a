"""Session 6 (issue #6, GSR/PETR2 types), on sentences we wrote: demands told with a noun or in an issued text,
aims told with 'want'/'seek', and cooperative acts declared not to be done."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str) -> list[Event]:
    return extract(text, published="2023-05-05").events


def _main(text: str) -> Event | None:
    return main_event(_events(text))


def _show(text: str) -> list[tuple[str, str, float | None]]:
    return [(e.event_type, e.evidence.trigger, e.salience) for e in _events(text)]


@pytest.mark.parametrize(("text", "speaker"), [
    # the possessive on the demand noun is the clause's subject
    ("The World Health Organization repeated its demand that Uganda lift restrictions on the movement of nurses.",
     None),
    ("Tanzania renewed its call for talks with Kenya.", "TZA"),
    # a participle on an issued text is the issuer's act
    ("The Kenyan opposition issued a statement demanding that the Ugandan government free its commanders.", "KEN"),
])
def test_demand_told_by_a_noun_or_a_text_is_the_main_event(text: str, speaker: str | None) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "REQUEST", _show(text)
    if speaker is not None:
        assert any(a.country == speaker for a in ev.actors), ev.actors


def test_act_inside_a_demand_noun_is_not_coded_as_done() -> None:
    # session 13: the act a demand's that-clause asks for has not happened; it is the demand's content
    text = "The World Health Organization repeated its demand that Uganda lift restrictions on nurses."
    assert [e.event_type for e in _events(text)] == ["REQUEST"], _show(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya wants to attack Somalia.", "THREATEN"),  # an intent to use force, not an attack
    ("Kenya and Tanzania are seeking to deepen their cooperation in trade.", "AGREE"),
])
def test_an_aim_with_an_infinitive_is_a_declaration(text: str, expected: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == expected, _show(text)


def test_aim_verb_with_an_object_is_still_a_request() -> None:
    ev = _main("Kenya sought help from Tanzania after the floods.")
    assert ev is not None and ev.event_type == "REQUEST"


@pytest.mark.parametrize(("text", "cameo_root"), [
    ("Kenya's leader said he would not send any aid to Somalia.", "12"),
    ("The Ugandan minister said Uganda would not supply weapons to the rebels.", "12"),
    ("Uganda will not send aid to South Sudan.", "12"),
])
def test_declared_refusal_of_cooperation_is_a_rejection(text: str, cameo_root: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "REJECT", _show(text)
    assert (ev.cameo or "").startswith(cameo_root)


def test_declared_non_attack_is_a_promise_to_refrain() -> None:
    # session 11: a coercive act declared not to be done is a verbal concession (the codebook's 'promise of
    # future concessions'; the PLOVER crosswalk's 0356 'express intent to de-escalate'); a done act negated is none
    (ev,) = _events("Kenya will not attack Somalia.")
    assert ev.event_type == "CONCEDE" and ev.modality.negated is False
    assert not _events("Kenya did not attack Somalia.")


@pytest.mark.parametrize("text", [
    "Uganda protested to Kenya over the seizure of its fishing boats.",
    "The Kenyan foreign ministry protested the arrest of its diplomat.",
])
def test_a_state_or_ministry_that_protests_complains(text: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "ACCUSE" and ev.mode == "disapprove", _show(text)
    assert not any(r.name.endswith("(authorities)") for r in ev.recipients)


@pytest.mark.parametrize("text", ["Kenyan teachers protested outside parliament.", "Kenyan farmers protested the new tax."])
def test_people_who_protest_stay_a_protest(text: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "PROTEST", _show(text)


@pytest.mark.parametrize(("text", "accused"), [
    ("Tanzania claimed that Kenyan troops had attacked its border posts.", "KEN"),
    ("Uganda alleged that Kenyan police had beaten Ugandan traders.", "KEN"),
    ("Kenya presented evidence against Uganda at the tribunal.", "UGA"),
])
def test_a_claim_about_an_attack_is_an_accusation(text: str, accused: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "ACCUSE", _show(text)
    assert any(r.country == accused for r in ev.recipients), ev.recipients


def test_a_report_of_an_attack_stays_the_attack() -> None:
    text = "Kenyan officials said Somali gunmen had attacked a police post near the border."
    ev = _main(text)
    assert ev is not None and ev.event_type == "ASSAULT", _show(text)


@pytest.mark.parametrize(("text", "country"), [
    ("Opposition groups in Uganda are demanding that President Museveni abandon his new land policy.", "UGA"),
    ("Traditional elders in Kenya have demanded that the ministry be handed to coastal politicians.", "KEN"),
])
def test_people_named_by_their_place_are_of_its_country(text: str, country: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "REQUEST", _show(text)
    assert ev.actors and ev.actors[0].country == country


@pytest.mark.parametrize(("text", "cameo"), [
    ("Tanzania ended its mediation between the Kenyan factions after the talks collapsed.", "165"),
    ("The World Food Programme reduced food supplies to the camps in northern Kenya.", "162"),
])
def test_stopping_mediation_or_cutting_supplies_is_a_sanction(text: str, cameo: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "SANCTION" and ev.cameo == cameo, _show(text)



def test_damage_done_by_a_lone_protestor_is_a_riot() -> None:
    ev = _main("The Kenyan office was burned down by a Somali protestor.")
    assert ev is not None and ev.event_type == "PROTEST" and ev.mode == "riot"


@pytest.mark.parametrize(("text", "cameo"), [
    ("The Kenyan air force launched an air strike overnight on militant hideouts in Somalia.", "195"),  # the noun tells the means
    ("Ugandan troops attacked rebel positions near the border.", "190"),  # an army's attack: conventional force
    ("Gunmen beat two traders in a Nairobi market.", "182"),  # unconventional violence keeps its own code
])
def test_cameo_code_of_an_assault_follows_its_means_and_parties(text: str, cameo: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "ASSAULT" and ev.cameo == cameo, _show(text)


def test_strengthening_forces_is_a_mobilisation() -> None:
    ev = _main("Uganda has strengthened its forces along the border with South Sudan.")
    assert ev is not None and ev.event_type == "MOBILIZE"


@pytest.mark.parametrize(("text", "expected"), [
    ("Tanzania granted permission to Kenyan ships to dock at Dar es Salaam.", "CONCEDE"),
    ("Kenya said it would not give permission to Uganda to build the pipeline.", "REJECT"),
])
def test_permission_given_is_a_concession_and_withheld_a_refusal(text: str, expected: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == expected, _show(text)


def test_a_reported_obligation_outranks_the_readiness_it_asks_for() -> None:
    text = "The Kenyan president said on Tuesday that Uganda must be ready to negotiate with the rebels."
    ev = _main(text)
    assert ev is not None and ev.event_type == "REQUEST", _show(text)
    assert any(r.country == "UGA" for r in ev.recipients)
