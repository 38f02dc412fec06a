"""Recipients held outside the trigger's own object (events/recipients.py), on sentences we wrote."""

from __future__ import annotations

import pytest

from event_helpers import main_of as _main


@pytest.mark.parametrize(("text", "event_type", "target"), [
    # the proposer of what is rejected or accepted
    ("Kenya rejected a Ugandan proposal to share the lake's fishing grounds.", "REJECT", "UGA"),
    ("Kenya rejected calls by Ethiopia for a new water-sharing treaty.", "REJECT", "ETH"),
    ("The Ugandan cabinet accepted demands from Kenyan traders to cut the border fees.", "CONCEDE", "KEN"),
    # the target of a threatened, refused or offered act
    ("Kenya threatened to cut off electricity supplies to Uganda over unpaid bills.", "THREATEN", "UGA"),
    ("Ghana threatened to impose tariffs on goods from Nigeria.", "THREATEN", "NGA"),
    ("Tanzania threatened to break off diplomatic relations with Kenya.", "THREATEN", "KEN"),
    ("Kenya refused to meet Somalia's foreign minister in Nairobi.", "REJECT", "SOM"),
    ("Ethiopia has offered to hand over the suspects to Kenya.", "AGREE", "KEN"),
    # the addressee of a demand made through a that-clause
    ("Uganda demanded that Kenya withdraw its troops from the island.", "REQUEST", "KEN"),
    ("Amnesty International demanded that the Kenyan government release the detained journalists.", "REQUEST", "KEN"),
])
def test_target_outside_the_trigger(text: str, event_type: str, target: str) -> None:
    ev = _main(text)
    assert ev.event_type == event_type
    assert target in [r.country for r in ev.recipients], [(r.name, r.country) for r in ev.recipients]
    assert target not in [a.country for a in ev.actors]


@pytest.mark.parametrize("text", [
    "Kenya rejected the proposal.",  # nobody is named as the proposer
    "Kenya threatened to retaliate.",  # the threatened act has no target
])
def test_no_target_is_invented(text: str) -> None:
    assert _main(text).recipients == []


def test_owner_of_a_proposal_is_not_taken_from_its_topic() -> None:
    from dateline import nlp
    from dateline.events.recipients import proposal_owners

    doc = nlp.parse("Kenya rejected an offer from Uganda for talks about Somalia.")
    offer = next(t for t in doc if t.lemma_ == "offer")
    assert [t.text for t in proposal_owners(offer)] == ["Uganda"]


@pytest.mark.parametrize(("text", "event_type", "target"), [
    # a trigger phrase that includes its object: people named as the object are the target
    ("Kenya expelled two Ugandan diplomats for spying.", "SANCTION", "UGA"),
    ("The Ghanaian foreign minister summoned Nigeria's ambassador to complain about the border closure.", "ACCUSE",
     "NGA"),
])
def test_people_object_of_a_trigger_phrase_is_the_target(text: str, event_type: str, target: str) -> None:
    ev = _main(text)
    assert ev.event_type == event_type
    assert target in [r.country for r in ev.recipients]


def test_protest_is_aimed_at_what_its_purpose_clause_names() -> None:
    ev = _main("Kenyan students marched in Nairobi to demand the resignation of the Ugandan trade minister.")
    assert ev.event_type == "PROTEST"
    assert "UGA" in [r.country for r in ev.recipients]
    # its own government is a target too ('demanding that the Kenyan education minister resign')
    own = _main("Kenyan teachers started a hunger strike in front of parliament, demanding that the Kenyan "
                "education minister resign.")
    assert own.event_type == "PROTEST" and [r.country for r in own.recipients] == ["KEN"]


@pytest.mark.parametrize(("text", "target"), [
    ("Uganda demanded the withdrawal of Kenyan troops from the island.", "KEN"),
    ("Kenya demanded an apology from Tanzania over the remarks.", "TZA"),
])
def test_demand_is_addressed_to_the_party_of_the_demanded_act(text: str, target: str) -> None:
    ev = _main(text)
    assert ev.event_type == "REQUEST"
    assert target in [r.country for r in ev.recipients]


def test_lifted_restriction_is_borne_by_the_place() -> None:
    ev = _main("Morocco lifted an overnight curfew in Western Sahara on Sunday.")
    assert ev.event_type == "CONCEDE"
    assert [a.country for a in ev.actors] == ["MAR"] and [r.country for r in ev.recipients] == ["ESH"]


def test_visitor_arriving_in_a_capital_visits_its_country() -> None:
    ev = _main("The Ugandan president arrived in Nairobi on Monday for a two-day visit.")
    assert ev.event_type == "CONSULT"
    assert [a.country for a in ev.actors] == ["UGA"] and [r.country for r in ev.recipients] == ["KEN"]
