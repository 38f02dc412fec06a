"""Promises and agreements that commit no one to another party (session 15): a candidate's campaign pledge to
voters or to no one, and agreeing with a view (CAMEO 019, no PLOVER event). Promises to another state or body,
governments' pledges and agreements to or on something stay AGREE. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import events_of


def _agrees(text: str) -> list[str]:
    return [e.evidence.trigger for e in events_of(text) if e.event_type == "AGREE"]


# --- campaign promises: no event


@pytest.mark.parametrize("text", [
    "During the campaign, Mayor Dana Cole promised to build a tram line to the airport.",
    "Joe Biden pledged on the campaign trail to expand Medicare to every retiree.",
    "Ted Cruz repeated his campaign promise to abolish the federal tax agency.",
    "The Republican nominee Mitt Romney promised voters a balanced budget within four years.",
    "Elizabeth Warren vowed to rebuild rural hospitals if she is elected.",
    "Every Democratic candidate promises to fix the broken immigration courts.",
])
def test_a_campaign_pledge_is_no_agreement(text: str) -> None:
    assert _agrees(text) == [], text


@pytest.mark.parametrize("text, recipient", [
    ("Japan pledged $10 million to Haiti after the hurricane.", "HTI"),
    ("Jacinda Ardern pledged to visit China if she is re-elected.", "CHN"),  # a promise to another state
    ("The Kenyan foreign minister promised Uganda a new border post at Busia.", "UGA"),
])
def test_a_promise_to_another_state_stays_an_agreement(text: str, recipient: str) -> None:
    evs = [e for e in events_of(text) if e.event_type == "AGREE"]
    assert evs and recipient in {r.country for e in evs for r in e.recipients}, text


@pytest.mark.parametrize("text", [
    "Volodymyr Zelensky promised to run a transparent inquiry into the gas company.",  # no run for office
    "The Serbian president promised to reform the courts as he took office.",
    "Vietnam pledged to open its banking sector to foreign investors.",
])
def test_a_promise_outside_a_campaign_stays_an_agreement(text: str) -> None:
    assert _agrees(text), text


# --- agreeing with a view: no event


@pytest.mark.parametrize("text", [
    "Senator Kamala Harris agreed.",
    "Marco Rubio agreed that the payroll tax cut should be extended.",
    "John McCain agreed with Lindsey Graham that the farm bill was badly flawed.",
    "Most Ohio legislators agree that the county jails are overcrowded.",
])
def test_agreeing_with_a_view_is_no_agreement(text: str) -> None:
    assert _agrees(text) == [], text


@pytest.mark.parametrize("text", [
    "Kenya agreed to meet the rebel leaders in Arusha.",
    "Iran and Iraq agreed that the Shalamcheh crossing would reopen next week.",  # two states settle terms
    "Chile agreed on Tuesday.",  # a state's assent
    "Senator Susan Collins agreed to a vote on the dairy subsidy plan.",
])
def test_agreeing_to_something_stays_an_agreement(text: str) -> None:
    assert _agrees(text), text


@pytest.mark.parametrize("text", [
    "Chuck Schumer and Mitch McConnell agreed they would schedule a debate on the pipeline permit.",  # an act agreed
    "The Paraguayan accord was agreed by both rebel factions.",  # the thing agreed is the passive subject
])
def test_an_act_agreed_in_a_clause_or_a_passive_stays_an_agreement(text: str) -> None:
    assert _agrees(text), text


# --- offering or accepting no cooperation: a candidate's alternative, a nomination, a role, a donation


@pytest.mark.parametrize("text", [
    "Senator Marco Rubio accepted the Republican nomination in Tampa.",
    "Senator Ted Cruz accepted a donation from the oil lobby.",
    "Governor Jerry Brown offered an alternative to the Senate plan.",
    "Governor Jerry Brown offered voters something new.",
])
def test_offering_or_accepting_no_cooperation_is_no_agreement(text: str) -> None:
    assert _agrees(text) == [], text


@pytest.mark.parametrize("text", [
    "Kenya accepted the Ugandan proposal for talks.",
    "Kenya offered aid to Haiti after the floods.",
])
def test_offers_and_acceptances_of_cooperation_stay(text: str) -> None:
    assert _agrees(text), text


# --- a trip at home announced for later: no promised meeting


@pytest.mark.parametrize("text", [
    "Senator Bernie Sanders will travel to Iowa, Nevada and Ohio next week.",
    "Governor Gavin Newsom is set to travel to Fresno on Friday.",
])
def test_a_trip_at_home_announced_for_later_is_no_agreement(text: str) -> None:
    assert _agrees(text) == [], text


def test_a_visit_abroad_announced_for_later_stays_an_agreement_to_meet() -> None:
    evs = [e for e in events_of("Emmanuel Macron will travel to Nairobi on Monday.") if e.event_type == "AGREE"]
    assert evs and {r.country for r in evs[0].recipients} == {"KEN"}


# --- a verbal habit or a lasting stance: no event; routine abuses stay


@pytest.mark.parametrize("text, event_type", [
    ("Senator Rand Paul, who speaks with the governor regularly, voted against the bill.", "CONSULT"),
    ("The Kenyan opposition has long opposed the new electoral map.", "ACCUSE"),
    ("Bolivian farmers' unions have long demanded land titles from the government.", "REQUEST"),
])
def test_a_verbal_habit_is_no_event(text: str, event_type: str) -> None:
    assert not [e for e in events_of(text) if e.event_type == event_type], text


@pytest.mark.parametrize("text, event_type", [
    ("Libyan guards routinely beat migrants at the Tripoli prison, a UN report said.", "ASSAULT"),
    ("Eritrean police routinely arrest young men who evade conscription, rights groups say.", "COERCE"),
    ("The Kenyan opposition repeatedly criticised the new electoral map.", "ACCUSE"),
    ("The Kenyan opposition criticised the new electoral map.", "ACCUSE"),
])
def test_routine_abuse_and_repeated_acts_stay(text: str, event_type: str) -> None:
    assert [e for e in events_of(text) if e.event_type == event_type], text


# --- a promise or proposal noun that names no act and no party: a plan or a prospect, no event


@pytest.mark.parametrize("text", [
    "Senator Cory Booker unveiled his proposal on Monday.",
    "For many farmers, the promise of Brazil feels remote.",
    "Governor Mike DeWine defended his proposal in Columbus on Tuesday.",
    "Senator Ron Wyden's proposal drew praise from unions.",
])
def test_a_bare_promise_or_proposal_noun_is_no_agreement(text: str) -> None:
    assert _agrees(text) == [], text


@pytest.mark.parametrize("text", [
    "Japan kept its pledge of aid to Haiti.",  # a state's pledge, its act named
    "Senator Cory Booker made a promise to meet the Mexican president.",  # its act named
])
def test_a_promise_noun_with_its_act_or_a_state_stays(text: str) -> None:
    assert _agrees(text), text


def test_a_candidate_proposal_in_a_headline_is_no_agreement() -> None:
    from dateline.pipeline import extract

    doc = extract("Jay Inslee spoke in Seattle on Monday. He said the climate was changing.",
                  title="U.S. presidential candidate Jay Inslee proposes agency to fight wildfires",
                  published="2019-05-05")
    assert not [e for e in doc.events if e.event_type == "AGREE"]


# --- a readiness denied, questioned or supposed: no agreement


@pytest.mark.parametrize("text", [
    "Few senators were willing to work with Governor Andrew Cuomo.",
    "Senator Deb Fischer is not ready to endorse the bill.",
    "Will Texas lawmakers be willing to lose federal highway funding?",
    "Unless Ohio Republicans are willing to cross their voters, nothing will change.",
    "Iran is not willing to negotiate with France.",
])
def test_a_readiness_denied_questioned_or_supposed_is_no_agreement(text: str) -> None:
    assert _agrees(text) == [], text


@pytest.mark.parametrize("text", [
    "A few senators were willing to work with Governor Andrew Cuomo.",
    "Iran is ready to resume talks with France.",
    "Iran stated that it stood ready to restart talks with the European Union if sanctions were lifted.",
])
def test_an_asserted_readiness_stays_an_agreement(text: str) -> None:
    assert _agrees(text), text
