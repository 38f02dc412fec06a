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
    "How will they explain why they are attacking Syria?",
])
def test_the_state_attacked_is_no_home_of_unnamed_attackers(text: str) -> None:
    for ev in _events(text, published="2013-08-27"):
        if ev.event_type == "ASSAULT" and "SYR" in {r.country for r in ev.recipients}:
            assert "SYR" not in {a.country for a in ev.actors}


def test_tear_gas_shot_is_crowd_control_and_not_the_target() -> None:
    ev = next(e for e in _events("Police shot tear gas in some areas of the capital, witnesses said."))
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
