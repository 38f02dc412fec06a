"""Session 16, on sentences we wrote: 'X helped Y do Z'. The parser makes the one helped the subject of the bare
infinitive, so the helping verb read no party and nothing was coded. The one helped is the recipient of aid (PLOVER
AID, CAMEO 070; declared for later, AGREE 033), and what Y is helped to do, or helped with, says which aid it is
(071 economic, 072 military, 073 humanitarian). Helping a thing ('the economy') or a pronoun stays uncoded."""

from __future__ import annotations

import pytest

from dateline.models import Event
from dateline.pipeline import extract


def _events(text: str) -> list[Event]:
    return extract(text, published="2023-05-05").events


def _of_type(text: str, event_type: str) -> list[Event]:
    return [e for e in _events(text) if e.event_type == event_type]


@pytest.mark.parametrize(("text", "actor", "recipient", "cameo"), [
    ("Norway helped Chile rebuild the harbour after the storm.", "NOR", "CHL", "071"),
    ("The Netherlands is helping Bangladesh repay its foreign debts.", "NLD", "BGD", "071"),
    ("Canada helped Honduras shelter thousands of displaced villagers.", "CAN", "HND", "073"),
    ("Portugal helped Angola feed drought-stricken farmers last spring.", "PRT", "AGO", "073"),
    ("Ghana assisted Togo in retaking the border post.", "GHA", "TGO", "072"),
    ("Spain helped Morocco to contain the locust swarms.", "ESP", "MAR", "070"),
])
def test_a_party_helped_to_act_receives_aid_of_the_kind_named(text: str, actor: str, recipient: str,
                                                              cameo: str) -> None:
    aid = _of_type(text, "AID")
    assert aid, [(e.event_type, e.evidence.trigger) for e in _events(text)]
    assert aid[0].cameo == cameo
    assert actor in {a.country for a in aid[0].actors}
    assert [r.country for r in aid[0].recipients] == [recipient]


@pytest.mark.parametrize(("text", "recipient", "cameo"), [
    ("Estonia helped Finland with tents and blankets.", "FIN", "073"),
    ("Kuwait helped Jordan with a large loan.", "JOR", "071"),
])
def test_the_with_object_says_which_aid(text: str, recipient: str, cameo: str) -> None:
    aid = _of_type(text, "AID")
    assert aid and aid[0].cameo == cameo
    assert [r.country for r in aid[0].recipients] == [recipient]


def test_help_declared_for_later_is_an_agreement_to_give_that_aid() -> None:
    agree = _of_type("Sweden will help Latvia defend itself.", "AGREE")
    assert agree and agree[0].cameo == "0332"
    assert [a.country for a in agree[0].actors] == ["SWE"]
    assert [r.country for r in agree[0].recipients] == ["LVA"]


def test_help_reported_by_a_speaker_keeps_the_speaker() -> None:
    agree = _of_type("The spokesman said Egypt would help Libya rebuild its roads.", "AGREE")
    assert agree and agree[0].cameo == "0331"
    assert agree[0].modality.claimed
    assert [r.country for r in agree[0].recipients] == ["LBY"]


def test_helping_an_armed_group_attack_is_military_aid_and_the_attack_stays() -> None:
    events = _events("Syria helped the militia attack the garrison.")
    aid = [e for e in events if e.event_type == "AID"]
    assert aid and aid[0].cameo == "072"
    assert [a.country for a in aid[0].actors] == ["SYR"]
    assert [r.text for r in aid[0].recipients] == ["militia"]
    assert any(e.event_type == "ASSAULT" and e.evidence.trigger == "attack" for e in events)


def test_a_named_organisation_is_a_party_helped() -> None:
    aid = _of_type("Qatar helped Hezbollah.", "AID")
    assert aid and aid[0].recipients and aid[0].recipients[0].text == "Hezbollah"
    agree = _of_type("Denmark will help the African Union pay its monitors.", "AGREE")
    assert agree and agree[0].cameo == "0331"
    assert agree[0].recipients and agree[0].recipients[0].kind == "igo"


def test_refusing_to_help_names_the_party_refused() -> None:
    reject = _of_type("Egypt has refused to help Sudan repay its debts.", "REJECT")
    assert reject and [r.country for r in reject[0].recipients] == ["SDN"]


def test_troops_sent_to_help_a_state_defend_itself_are_for_that_state() -> None:
    moves = _of_type("Poland sent troops to help Lithuania guard its border.", "MOBILIZE")
    assert moves and [r.country for r in moves[0].recipients] == ["LTU"]


@pytest.mark.parametrize("text", [
    "Cheap credit helped the economy grow last year.",
    "The cold snap helped prices fall in March.",
    "The televised debate helped him win the election.",
    "Good weather helped the harvest recover.",
])
def test_helping_a_thing_or_a_pronoun_is_no_aid(text: str) -> None:
    assert not any(e.event_type in ("AID", "AGREE") for e in _events(text)), [
        (e.event_type, e.evidence.trigger) for e in _events(text)]


def test_fighting_what_is_no_enemy_is_no_military_aid() -> None:
    aid = _of_type("Chile helped Peru fight the forest fires.", "AID")
    assert aid and aid[0].cameo == "070"


def test_a_party_named_in_several_words_is_the_one_helped() -> None:
    # the entry matches a word inside the subject's phrase ('Slovak'); the whole subject is the recipient
    aid = _of_type("Austria helped the Slovak Republic modernise its railways.", "AID")
    assert aid and [r.country for r in aid[0].recipients] == ["SVK"]
