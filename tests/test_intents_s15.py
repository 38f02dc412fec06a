"""Session 15 (issue #6, PETR2 roots), on sentences we wrote: CAMEO files a declared or promised act under 03
('express intent to') by what is promised, while agreeing to another party's terms is the yielding itself."""

from __future__ import annotations

import copy

import pytest

from dateline import lexicon
from dateline.lexicon import LexiconError, load_plover, validate_plover
from dateline.models import Event
from dateline.pipeline import extract


def _one(text: str, event_type: str) -> Event:
    events = [e for e in extract(text, published="2023-05-05").events if e.event_type == event_type]
    assert events, [(e.event_type, e.cameo, e.evidence.trigger) for e in extract(text, published="2023-05-05").events]
    return events[0]


@pytest.mark.parametrize(("code", "intent"), [
    ("0841", "0353"),  # release persons -> intent to release
    ("081", "0351"),  # ease administrative sanctions
    ("0874", "0356"),  # retreat militarily -> intent to de-escalate
    ("0831", "0341"),  # accede to a change of leader -> intent to change leadership
    ("073", "0333"),  # humanitarian aid
    ("042", "036"),  # a visit -> intent to meet
    ("190", None),  # CAMEO has no intent code for force: a declared attack is a threat (13x)
])
def test_intent_code_parallels_the_act_code(code: str, intent: str | None) -> None:
    assert lexicon.intent_code(code) == intent


def test_intent_to_yield_is_a_promised_concession_in_the_crosswalk() -> None:
    # the 2023 codebook files 'a promise of future concessions' under CONCEDE (the 2021 table said AGREE)
    assert lexicon.plover_for_cameo("0353") == ("CONCEDE", None)
    assert lexicon.plover_for_cameo("036") == ("AGREE", None)


def test_intent_table_must_map_to_intent_codes() -> None:
    data = copy.deepcopy(load_plover().data)
    data["cameo_intents"]["084"] = "0841"
    with pytest.raises(LexiconError, match=r"cameo_intents\['084'\]"):
        validate_plover(data)


@pytest.mark.parametrize(("text", "cameo"), [
    ("Ghana said on Tuesday it would free the detained fishermen next week.", "0353"),
    ("Togo announced that it will lift the night curfew in Lome.", "0351"),
    ("The Malian junta pledged to release the jailed mayors.", "0353"),
])
def test_a_declared_or_pledged_concession_has_the_intent_code(text: str, cameo: str) -> None:
    assert _one(text, "CONCEDE").cameo == cameo


def test_agreeing_to_yield_keeps_the_yielding_code() -> None:
    # 'agreed to free' accedes to what the other side wants: CAMEO 0841, as PETRARCH files 'agreed to lift' under 08
    assert _one("Ghana agreed to free the detained Togolese fishermen.", "CONCEDE").cameo == "0841"


def test_a_declared_refusal_to_attack_is_an_intent_to_de_escalate() -> None:
    assert _one("Benin's army chief said his troops will not attack Niger.", "CONCEDE").cameo == "0356"


def test_declared_aid_is_an_intent_to_give_that_aid() -> None:
    assert _one("Norway will send humanitarian aid to Chad.", "AGREE").cameo == "0333"


def test_declared_help_for_a_named_state_is_coded() -> None:
    # the pre-filter used to skip the sentence: the lexicon's object class (a named party) is no surface word
    ev = _one("Japan will help Tonga.", "AGREE")
    assert ev.cameo == "033" and [r.country for r in ev.recipients] == ["TON"]
