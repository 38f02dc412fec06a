"""False events in real news, round 3: a conference held for reporters is no meeting (press_occasions), a
programme that 'yields results' gives no ground (figurative_objects 'yield'), and a business that 'protests' a
measure complains rather than marches (complaint_sectors BUS). Each with the true reading kept."""

from __future__ import annotations

import pytest

from dateline.models import Document
from dateline.pipeline import analyse_document


def _events(text: str) -> list[tuple[str, str]]:
    doc = analyse_document(Document(id="t", text=text, published="2016-05-01", published_source="input"))
    return [(e.event_type, e.evidence.trigger) for e in doc.events]


@pytest.mark.parametrize("text", [
    "Governor Cuomo held a news conference in Albany on Monday.",
    "The Chilean president's news conference ran late on Thursday.",
    "Mayor Lena Ortiz held a brief press conference outside the flooded depot in Tulsa.",
])
def test_press_conference_is_no_consultation(text: str) -> None:
    assert "CONSULT" not in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Merkel and Putin held a joint news conference after their talks in Sochi.",
    "Ministers from Chile and Peru held a conference on fishing rights in Lima.",
    "Kenya's foreign minister attended a conference of regional leaders in Kampala.",
])
def test_joint_or_diplomatic_conference_stays_consultation(text: str) -> None:
    assert "CONSULT" in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Washington's costly campaign in Somalia has yielded disappointing results.",
    "Several state-funded vaccine programs in India yielded breakthroughs against malaria.",
    "Brazil's new farm subsidies have yielded modest gains for small growers.",
])
def test_yielding_results_is_no_concession(text: str) -> None:
    assert "CONCEDE" not in {t for t, _ in _events(text)}, _events(text)


def test_talks_that_yield_progress_stay_talks() -> None:
    kinds = {t for t, _ in _events("The Kenyan government's talks with the unions yielded little progress.")}
    assert "CONSULT" in kinds and "CONCEDE" not in kinds


@pytest.mark.parametrize("text", [
    "The rebels yielded to government pressure and left the town.",
    "The junta yielded power to a civilian council.",
])
def test_yielding_ground_stays_concession(text: str) -> None:
    assert "CONCEDE" in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Several oil companies protested the new export tax.",
    "Banks protested the rule in a letter to regulators.",
])
def test_business_protest_is_a_complaint(text: str) -> None:
    kinds = {t for t, _ in _events(text)}
    assert "PROTEST" not in kinds and "ACCUSE" in kinds, _events(text)


def test_workers_protest_stays_street_protest() -> None:
    kinds = {t for t, _ in _events("Hundreds of factory workers protested outside the plant in Dhaka.")}
    assert "PROTEST" in kinds


@pytest.mark.parametrize("text", [
    "Senator Baldwin locked up the nomination on Tuesday.",
    "The governor has all but locked up enough delegates to win.",
])
def test_locking_up_a_race_is_no_arrest(text: str) -> None:
    assert "COERCE" not in {t for t, _ in _events(text)}, _events(text)


def test_locking_up_people_stays_arrest() -> None:
    assert "COERCE" in {t for t, _ in _events("Police locked up three opposition activists in Minsk.")}


@pytest.mark.parametrize("text", [
    "Governor Hale is seeking re-election in 2022.",
    "Mayor Diaz will seek re-election next year.",
])
def test_seeking_re_election_is_no_request(text: str) -> None:
    assert "REQUEST" not in {t for t, _ in _events(text)}, _events(text)


def test_seeking_early_elections_stays_request() -> None:
    assert "REQUEST" in {t for t, _ in _events("The opposition in Togo is seeking early elections.")}


@pytest.mark.parametrize("text", [
    "Senator Kline held a campaign rally in Dayton on Friday.",
    "The Republican nominee will hold a reelection rally in Tampa.",
])
def test_held_campaign_rally_is_no_protest(text: str) -> None:
    assert not {t for t, _ in _events(text)} & {"PROTEST", "THREATEN"}, _events(text)


def test_opposition_rally_stays_protest() -> None:
    assert "PROTEST" in {t for t, _ in _events("Opposition leader Tsvangirai held a rally in Harare on Sunday.")}


@pytest.mark.parametrize("text", [
    "Senator Cole called the bribery probe a hoax.",
    "Senator Cole called the Senate inquiry a waste of time.",
])
def test_naming_an_inquiry_is_not_holding_it(text: str) -> None:
    assert not [e for e in _events(text) if e[0] == "ACCUSE" and e[1] in ("probe", "inquiry")], _events(text)


@pytest.mark.parametrize("text", [
    "Unions called a general strike on Monday.",
    "The opposition in Dhaka called a nationwide strike for Friday.",
])
def test_calling_a_strike_stays_the_callers_act(text: str) -> None:
    assert "PROTEST" in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "The administration protested the ruling.",
    "The ministry protested the arrest of its diplomat.",
])
def test_unnamed_government_protest_is_a_complaint(text: str) -> None:
    kinds = {t for t, _ in _events(text)}
    assert "PROTEST" not in kinds and "ACCUSE" in kinds, _events(text)


@pytest.mark.parametrize("text", [
    "Farmers protested the new tariffs outside parliament.",
    "Hundreds of students protested the tuition increase in Santiago.",
])
def test_crowds_protesting_a_measure_stay_street_protest(text: str) -> None:
    assert "PROTEST" in {t for t, _ in _events(text)}, _events(text)


@pytest.mark.parametrize("text", [
    "Voters in Maine voted for him twice.",
    "Rural voters will vote against the incumbent governor.",
])
def test_a_ballot_cast_is_no_support_or_opposition(text: str) -> None:
    assert not {t for t, _ in _events(text)} & {"SUPPORT", "ACCUSE"}, _events(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("The Senate voted against the trade bill.", "ACCUSE"),
    ("Lawmakers in Kiev voted for closer ties with the EU.", "SUPPORT"),
])
def test_a_bodys_vote_stays(text: str, kind: str) -> None:
    assert kind in {t for t, _ in _events(text)}, _events(text)
