"""Session 16, on sentences we wrote after reading coded news: a named victim before an act of killing or arrest
is its patient whatever the tagger calls the name; a state attacked is no home of unnamed attackers; tear gas
shot is crowd control; words of politics ('fight for a third term', 'hijacked the debate', 'executed the plan',
'took over the editing process') are no violence."""

from __future__ import annotations

import pytest

from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str, published: str = "2018-11-01") -> list[Event]:
    return extract(text, published=published).events


def test_a_named_victim_owning_the_killing_is_its_patient() -> None:
    evs = _events("Boris Nemtsov, a Russian opposition leader, was a fierce critic of the Kremlin. Nemtsov's killing "
                  "near the Kremlin shocked his supporters.")
    killing = next(e for e in evs if e.evidence.trigger == "killing")
    assert "Nemtsov" in {r.text for r in killing.recipients}
    assert "Nemtsov" not in {a.text for a in killing.actors}


def test_a_known_state_owning_an_execution_still_does_it() -> None:
    ev = next(e for e in _events("Iran's execution of three protesters angered the opposition.")
              if e.event_type == "ASSAULT")
    assert {a.country for a in ev.actors} == {"IRN"}


@pytest.mark.parametrize("text", [
    "Missile strikes on Syria are the likely response to the chemical attack.",
    "Why are they still attacking Syria, the envoy asked.",
])
def test_the_state_attacked_is_no_home_of_unnamed_attackers(text: str) -> None:
    for ev in _events(text, published="2013-08-27"):
        if ev.event_type == "ASSAULT" and "SYR" in {r.country for r in ev.recipients}:
            assert "SYR" not in {a.country for a in ev.actors}


def test_tear_gas_shot_is_crowd_control_and_not_the_target() -> None:
    ev = next(e for e in _events("Police shot tear gas at crowds across the capital, witnesses said."))
    assert (ev.event_type, ev.mode, ev.cameo) == ("ASSAULT", "crowd-control", "175")
    assert not any("gas" in r.text for r in ev.recipients)


@pytest.mark.parametrize("text", [
    "Nigeria's president vowed to fight for a second term.",
    "The Kenyan senator vowed to fight for workers' rights.",
    "The Kenyan opposition hijacked the debate on Tuesday.",
    "Kenya's army chief executed the plan flawlessly.",
    "Kenya's interior minister took over the editing process.",
])
def test_words_of_politics_are_no_violence(text: str) -> None:
    assert not [e for e in _events(text) if e.event_type in ("ASSAULT", "COERCE", "THREATEN")]


@pytest.mark.parametrize("text", [
    "The rebels vowed to fight for independence.",
    "Gunmen hijacked a bus carrying 40 passengers.",
    "Rebels took over the town on Sunday.",
    "Iran executed three protesters on Monday.",
])
def test_the_acts_themselves_stay(text: str) -> None:
    assert [e for e in _events(text) if e.event_type in ("ASSAULT", "COERCE", "THREATEN")]


def test_an_act_joined_to_a_conditional_verb_is_under_the_condition() -> None:
    evs = _events("The kidnappers said they would free no one if the army storms the camp or shells their positions.")
    assert not [e for e in evs if e.event_type == "ASSAULT"], [(e.event_type, e.evidence.trigger) for e in evs]


def test_to_demonstrate_how_is_to_show() -> None:
    evs = _events("The Kenyan protests demonstrate how deep the anger at the tax runs.")
    assert not [e for e in evs if e.evidence.trigger == "demonstrate"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A weekly roundup of defence and security news from our Nairobi desk.", None),
    ("Police carried out a roundup of 40 suspects in Mombasa on Monday.", "COERCE"),
    ("The freed dissident walked out of prison in Nairobi to cheers from his supporters.", None),
    ("Kenya's delegation walked out of the Geneva talks on Friday.", "REJECT"),
    ("Opposition lawmakers in Nairobi walked out of parliament on Tuesday.", "PROTEST"),
])
def test_roundups_and_walkouts(text: str, expected: str | None) -> None:
    types = {e.event_type for e in _events(text) if e.evidence.trigger.split()[0] in ("roundup", "walked")}
    assert types == ({expected} if expected else set()), types


def test_an_agency_date_line_without_a_dash_is_no_subject() -> None:
    text = ("Nairobi (CNN) Kenyan police arrested 12 protesters outside parliament on Tuesday, officials said.\n\n"
            "The arrests followed a week of demonstrations against the new tax.")
    arrest = next(e for e in _events(text) if e.event_type == "COERCE")
    assert "Nairobi" not in {a.text for a in arrest.actors} and arrest.evidence.sentence.startswith("Kenyan police")


@pytest.mark.parametrize(("text", "released"), [
    ("Al-Shabaab released a video of its leader on Sunday.", False),
    ("The ministry released figures on the number of detainees.", False),
    ("Kenya released 20 prisoners on Monday.", True),
    ("The rebels released three of the hostages.", True),
])
def test_a_released_video_is_no_release_of_captives(text: str, released: bool) -> None:
    assert any(e.mode == "release" for e in _events(text)) is released


@pytest.mark.parametrize("text", [
    "Kenya's former finance minister signed a plea agreement with prosecutors.",
    "Kenya's former finance minister struck a plea deal with prosecutors.",
])
def test_a_plea_deal_is_a_defendant_s_answer_not_a_political_accord(text: str) -> None:
    assert not _events(text)


def test_a_plea_for_calm_is_still_a_request() -> None:
    assert {e.event_type for e in _events("Kenya's president made a plea for calm after the riots.")} == {"REQUEST"}


@pytest.mark.parametrize(("text", "doer", "act"), [
    ("Ukraine accused Russia of shelling the town of Bakhmut.", "RUS", "ASSAULT"),
    ("Kenya blamed the rebels for attacking the convoy near Garissa.", None, "ASSAULT"),
    ("Ukraine accused Russia of sending heavy weapons to the rebels.", "RUS", "AID"),
])
def test_the_accused_act_is_coded_as_the_accuser_s_claim(text: str, doer: str | None, act: str) -> None:
    evs = _events(text, published="2023-02-01")
    claim = max(evs, key=lambda e: e.salience)
    assert claim.event_type == "ACCUSE"  # the accusation stays the sentence's act
    alleged = next(e for e in evs if e.event_type == act)
    assert alleged.modality.claimed and alleged.actors and alleged.salience < claim.salience
    if doer:
        assert {a.country for a in alleged.actors} == {doer}
    else:
        assert alleged.actors[0].text == "rebels"


@pytest.mark.parametrize("text", [
    "Kenya's former president died of a heart attack last year.",
    "Kenya's former president suffered a cardiac arrest on Monday.",
    "Kenya's former president had a panic attack before the debate.",
])
def test_an_illness_is_no_act(text: str) -> None:
    assert not _events(text)


def test_a_weapons_test_is_aimed_at_no_one_by_the_tester_s_own_name() -> None:
    ev = next(e for e in _events("North Korea conducted two ballistic missile tests on Sunday.", "2017-03-06"))
    assert ev.event_type == "MOBILIZE" and not ev.recipients


def test_an_act_helped_for_later_is_later_and_below_the_help() -> None:
    evs = _events("Germany will help Ukraine fight Russia, the chancellor said.", "2023-02-01")
    fight = next(e for e in evs if e.evidence.trigger == "fight")
    help_ = next(e for e in evs if e.event_type == "AGREE")
    assert fight.modality.future and help_.salience > fight.salience


def test_a_caption_above_the_headline_is_passed_over_and_cleaning_twice_agrees() -> None:
    from dateline import clean
    from dateline.ingest import RawArticle

    page = ("(L) The two ministers at the border post on Monday\nKenya and Uganda sign border pact\n"
            "Kenya and Uganda signed a border agreement on Monday, officials in Nairobi said.\n"
            "The deal ends a dispute over an island in Lake Victoria.")
    first, _ = clean.clean(RawArticle(content=page))
    assert first.title == "Kenya and Uganda sign border pact"
    assert first.text.startswith("Kenya and Uganda signed") and first.captions[0].text.startswith("(L)")
    second, _ = clean.clean(RawArticle(content=first.text, title=first.title))
    assert second.text == first.text
