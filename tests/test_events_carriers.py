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

