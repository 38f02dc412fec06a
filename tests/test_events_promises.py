"""A promise's purpose clause and 'cease' as a yielding verb (PLOVER CONCEDE), on sentences we wrote."""

from __future__ import annotations

import pytest

from dateline.events.ranking import main_event
from dateline.models import Event
from dateline.pipeline import extract


def _main(text: str) -> Event | None:
    return main_event(extract(text, published="2023-05-05").events)


@pytest.mark.parametrize("text", [
    "Kenya promised on Monday to work with Uganda to lift old restrictions on cross-border traders.",
    "The Ethiopian government promised to end its crackdown on the opposition.",
])
def test_promised_yielding_purpose_is_a_concession(text: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type == "CONCEDE"


@pytest.mark.parametrize("text", [
    "Kenya promised to work with Uganda to build a new railway.",  # the purpose gives nothing up
    "Kenyan police raided the offices to scrap the evidence.",  # no promise
])
def test_purpose_without_promised_yielding_is_no_concession(text: str) -> None:
    ev = _main(text)
    assert ev is not None and ev.event_type != "CONCEDE"
