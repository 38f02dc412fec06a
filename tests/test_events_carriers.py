"""Who did a nominal act under a verb that carries it out (session 7), on sentences we wrote."""

from __future__ import annotations

import pytest

from event_helpers import events_of
from event_helpers import main_of as _main


@pytest.mark.parametrize(("text", "etype", "actor"), [
    ("Kenya reimposed blockades on the border towns on Friday.", "COERCE", "KEN"),
    ("The Malian army imposed a curfew on the northern towns.", "COERCE", "MLI"),
])
def test_the_subject_of_a_carrier_verb_does_the_nominal_act(text: str, etype: str, actor: str) -> None:
    ev = _main(text)
    assert ev.event_type == etype, [(e.event_type, e.evidence.trigger) for e in events_of(text)]
    assert actor in [a.country for a in ev.actors], [(a.name, a.country) for a in ev.actors]


def test_a_mediation_effort_is_the_mediator_s_and_its_parties_are_between() -> None:
    text = "The Ghanaian foreign minister launched a mediation effort between Togo and Benin on Saturday."
    ev = _main(text)
    assert ev.event_type == "CONSULT"
    assert [a.country for a in ev.actors] == ["GHA"]
    assert {r.country for r in ev.recipients} == {"TGO", "BEN"}



@pytest.mark.parametrize(("text", "actor"), [
    ("Burundian troops were involved in the massacre at the market, aid workers said.", "BDI"),
    ("Ugandan militias participated in the raid on Kenyan positions.", "UGA"),
])
def test_who_takes_part_in_a_nominal_act_does_it(text: str, actor: str) -> None:
    assert actor in [a.country for a in _main(text).actors], [(a.name, a.country) for a in _main(text).actors]


def test_a_victim_of_a_nominal_act_is_still_no_doer() -> None:
    ev = _main("Two Kenyan farmers died in an attack near the border on Monday.")
    assert "KEN" not in [a.country for a in ev.actors]


@pytest.mark.parametrize(("text", "stance"), [
    ("An anti-Kenya columnist was shot dead in Kampala on Monday.", "KEN"),
    ("Pro-Iranian militias attacked the convoy near Basra.", "IRN"),
])
def test_anti_and_pro_name_a_stance_not_a_nationality(text: str, stance: str) -> None:
    ev = _main(text)
    assert stance not in [a.country for a in ev.actors + ev.recipients], [
        (a.name, a.country) for a in ev.actors + ev.recipients]
