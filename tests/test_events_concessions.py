"""Promised concessions (PLOVER CONCEDE) and finalised agreements (SUPPORT), on sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str, title: str | None = None) -> list[Event]:
    return extract(text, title=title, published="2023-05-05").events


def _main(text: str, title: str | None = None) -> Event:
    ev = main_event(_events(text, title))
    assert ev is not None, f"no event in {text!r}"
    return ev


@pytest.mark.parametrize("text", [
    "The Kenyan government pledged on Monday to ease travel restrictions on opposition politicians.",
    "Kenya's labour minister agreed to meet the nurses' demands for safer hospitals.",
    "The Kenyan government agreed to consider the demands of the teachers' union.",
    "The Ghanaian cabinet promised to compensate the families of the flood victims.",
    "The Kenyan government vowed to allow greater press freedom.",
    "Kenya has promised to scale back its military presence along the border.",
    "The Kenyan government promised to review the controversial finance law.",
])
def test_promised_yielding_act_is_a_concession(text: str) -> None:
    ev = _main(text)
    assert ev.event_type == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in _events(text)]
    assert ev.actors and ev.actors[0].country in ("KEN", "GHA")


def test_yielding_needs_a_yielding_object() -> None:
    # Easing traffic or reviewing troops gives nothing up: the promise stays a promise.
    assert _main("The Kenyan government promised to ease traffic in Nairobi.").event_type != "CONCEDE"
    # Asked for, not promised: the request is the event.
    assert _main("Amnesty International urged Kenya to lift the curfew in Nairobi.").event_type == "REQUEST"


def test_yielding_predicate() -> None:
    from dateline import nlp
    from dateline.events.concessions import yielding

    doc = nlp.parse("Officials will relax the rules and relax the mood.")
    relax = [t for t in doc if t.lemma_ == "relax"]
    assert [yielding(t) for t in relax] == [True, False]


def test_plans_to_lift_is_the_planner_conceding() -> None:
    events = _events("The Kenyan government announced plans to lift the curfew in Nairobi.")
    assert [e.event_type for e in events] == ["CONCEDE"]  # the curfew is in the plan's clause, not announced
    assert events[0].actors[0].country == "KEN"
    assert _main("Kenya made a promise to lift the curfew in Nairobi.").event_type == "CONCEDE"


def test_prepared_to_lift_takes_the_speaker() -> None:
    ev = _main("In a conciliatory move, the Kenyan government said it was prepared to lift the ban on rallies.")
    assert ev.event_type == "CONCEDE" and ev.actors[0].country == "KEN"


def test_agentless_concession_declared_by_the_speaker() -> None:
    ev = _main("Kenya's interior minister announced that the curfew would be lifted next week.")
    assert ev.event_type == "CONCEDE" and ev.actors and ev.actors[0].country == "KEN"
    # Past and told, not declared: the speaker is not thereby the one who did it.
    done = _events("Kenyan police said three protesters were killed in Nairobi on Tuesday.")
    assert not [e for e in done if e.event_type == "CONCEDE"]


def test_series_of_concessions() -> None:
    ev = _main("The Kenyan government agreed to a series of concessions, including the release of detained students.")
    assert ev.event_type == "CONCEDE"


def test_headline_names_the_main_event() -> None:
    text = ("Kenyan police fired tear gas at protesters in Nairobi on Monday. "
            "The government later promised to lift the curfew imposed last week.")
    assert _main(text).event_type != "CONCEDE"  # without a headline the lead act is the story
    assert _main(text, title="Kenya Promises To Lift Nairobi Curfew").event_type == "CONCEDE"


def test_headline_type_reads_the_main_verb() -> None:
    from dateline import nlp
    from dateline.events import _headline_type, default_index

    def headline(title: str) -> str | None:
        return _headline_type(nlp.parse(title), default_index())

    assert headline("Human Rights Group Accuses Kenyan Police Of Killing Protesters") == "ACCUSE"
    assert headline("Kenya to lift curfew in Nairobi after protests") == "CONCEDE"
    assert headline("Weather stays dry in Nairobi") is None
    assert headline("Kenyan Government Agrees To Meet Teachers' Demands") == "CONCEDE"  # Title Case


def test_role_noun_placed_in_a_country_is_its_actor() -> None:
    events = _events("Prosecutors in Kenya charged two police officers with murder.")
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse and accuse[0].actors[0].country == "KEN" and accuse[0].actors[0].sector == "JUD"
    # A student in Nairobi speaks for no state.
    from dateline import nlp
    from dateline.events.coding import MentionIndex, _placed_role

    doc = nlp.parse("A student in Nairobi was shot.")
    assert _placed_role(doc[1], MentionIndex([])) is None


def test_executed_act_is_its_object_noun() -> None:
    raid = _main("Kenyan police launched a raid on a suspected militant hideout in Mombasa.")
    assert (raid.event_type, raid.mode) == ("COERCE", "seize")
    hack = [e for e in _events("Hackers launched a cyber attack on Estonian government websites on Monday.")]
    assert hack and hack[0].event_type == "COERCE" and hack[0].mode == "cyber"
    # An attack launched stays an assault.
    assert _main("Ethiopian troops launched an attack on rebel positions in Tigray.").event_type == "ASSAULT"


@pytest.mark.parametrize("text", [
    "Chile and Peru reached a deal on fishing rights on Monday.",
    "Kenya and Uganda struck a deal to boost cross-border trade.",
    "Kenya and Uganda sealed an agreement on border security on Tuesday.",
])
def test_finalising_an_agreement_is_support(text: str) -> None:
    assert _main(text).event_type == "SUPPORT"


def test_promise_to_agree_stays_agree() -> None:
    assert _main("Kenya and Uganda agreed to hold talks on border security next month.").event_type == "AGREE"


def test_ending_a_strike_is_a_concession() -> None:
    ev = _main("Kenyan doctors ended their strike on Monday after the government raised their pay.")
    assert ev.event_type == "CONCEDE"


@pytest.mark.parametrize("text", [
    "Botswana's president promised concessions to the opposition in return for an end to the boycott.",
    "The Kenyan government pledged concessions to the striking doctors on Monday.",
    "The Ghanaian government made concessions to the teachers' union on Tuesday.",
])
def test_promised_or_made_concessions_are_concede(text: str) -> None:
    ev = _main(text)
    assert ev.event_type == "CONCEDE", [(e.event_type, e.evidence.trigger) for e in _events(text)]
    assert ev.actors and ev.actors[0].country in ("BWA", "KEN", "GHA")


def test_promised_cooperation_stays_agree() -> None:
    assert _main("Kenya promised cooperation to Uganda in the fight against smuggling.").event_type == "AGREE"
