"""Quotes: straight and curly marks, direct and partial, speakers through speech verbs and colons."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.models import Document, Quote
from dateline.quotes import find_quotes


def _quotes(nlp, text: str, published: str = "2019-06-01") -> list[Quote]:  # type: ignore[no-untyped-def]
    sdoc = nlp(text)
    actors = find_actors(sdoc, Document(id="t", text=text, published=published), [])
    return find_quotes(sdoc, actors)


def _one(quotes: list[Quote], contains: str) -> Quote:
    found = [q for q in quotes if contains in q.text]
    assert found, f"{contains!r} not among {[q.text for q in quotes]}"
    return found[0]


def test_quotes_offsets_point_into_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '\u201cWe will rebuild the bridge,\u201d the mayor said. Officials called it "a first step".'
    for q in _quotes(nlp, text):
        assert text[q.start:q.end] == q.text


def test_quotes_speaker_after_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not back down," Ghanaian President Kwame Boateng told reporters on Monday.'
    q = _one(_quotes(nlp, text), "We will not back down")
    assert q.speaker == "Kwame Boateng"
    assert q.speaker_actor is not None and q.speaker_actor.country == "GHA"
    assert q.partial is False
    assert q.text == "We will not back down"


def test_quotes_title_only_speaker_resolved_through_kb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cThe forest belongs to Brazil,\u201d the Brazilian president said on Tuesday."
    q = _one(_quotes(nlp, text, "2019-08-20"), "forest belongs")
    assert q.speaker == "Jair Bolsonaro"


def test_quotes_adding_that_climbs_to_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kwame Asante, Ghana's finance minister, said the budget was balanced, adding that critics were "
            "\u201csimply wrong about the numbers.\u201d")
    q = _one(_quotes(nlp, text), "simply wrong")
    assert q.speaker == "Kwame Asante" and q.partial is True


def test_quotes_saying_comma_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Prime Minister Jacinda Ardern thanked the rescuers, saying, "They ran towards danger when others ran away."'
    q = _one(_quotes(nlp, text), "ran towards danger")
    assert q.speaker == "Jacinda Ardern"
    assert q.speaker_actor is not None and q.speaker_actor.country == "NZL"


def test_quotes_colon_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mexican President Andres Manuel Lopez Obrador was blunt: \u201cWe will not pay for any wall.\u201d"
    q = _one(_quotes(nlp, text), "pay for any wall")
    assert q.speaker == "Andrés Manuel López Obrador"


def test_quotes_scare_quote_takes_reporting_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tanzanian Foreign Minister Palamagamba Kabudi described the activists as \u201cagitators\u201d."
    q = _one(_quotes(nlp, text), "agitators")
    assert q.partial is True
    assert q.speaker == "Palamagamba Kabudi"


def test_quotes_scare_quote_without_reporter_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The so-called \u201cpeace dividend\u201d never arrived in the northern provinces."
    q = _one(_quotes(nlp, text), "peace dividend")
    assert q.partial is True and q.speaker is None


def test_quotes_single_curly_quotes_and_apostrophes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tanzania\u2019s opposition said the reforms were \u2018long overdue\u2019, and the party\u2019s leader agreed."
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["long overdue"]


def test_quotes_continuation_inherits_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"The border will stay open," Rwandan President Paul Kagame said. '
            '"Trade is the only way forward for the region."')
    quotes = _quotes(nlp, text)
    assert [q.speaker for q in quotes] == ["Paul Kagame", "Paul Kagame"]


def test_quotes_unclosed_quote_runs_to_paragraph_end(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('The minister spoke at length.\n\n"We have a plan for the farmers and for the cities\n\n'
            '"And we will deliver it," she said.')
    quotes = _quotes(nlp, text)
    assert quotes[0].text == "We have a plan for the farmers and for the cities"
    assert len(quotes) == 2


def test_quotes_inverted_said_prefers_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Attacks on clinics are rising," said Dana Kellerby, the director of the Amnesty International office.'
    q = _one(_quotes(nlp, text), "Attacks on clinics")
    assert q.speaker == "Dana Kellerby"


def test_quotes_passive_subject_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The governor was accused of "misusing public funds for private travel" last year.'
    q = _one(_quotes(nlp, text), "misusing public funds")
    assert q.speaker is None


def test_quotes_quoted_title_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Kagame told the BBC programme "Focus Africa" that the border would reopen.'
    q = _one(_quotes(nlp, text), "Focus Africa")
    assert q.speaker is None and q.partial is True


def test_quotes_stray_closing_mark_starts_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The plan would merge the agencies." Officials were unavailable for comment.'
    assert _quotes(nlp, text) == []


def test_quotes_quoted_title_does_not_inherit_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will keep talking," Kagame said. He leads a group known as "The Elders" this year.'
    quotes = _quotes(nlp, text)
    assert [q.speaker for q in quotes] == ["Paul Kagame", None]


def test_quotes_unknown_speaker_text_stops_at_the_head(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"It still needs work," said Vornholt, who pointed to the costs of the plan.'
    q = _one(_quotes(nlp, text), "still needs work")
    assert q.speaker == "Vornholt"
