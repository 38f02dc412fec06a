"""Session 15, on sentences we wrote: an event's date must cover the day its act happened. A time that
dates something else in the sentence (where a span began, what the act is about, a person's past) or a
period running past the story's day does not date the act."""

from __future__ import annotations

import pytest

from dateline.models import Event
from event_helpers import date_span, event_with_trigger

PUBLISHED = "2021-03-10"  # a Wednesday


def _event(text: str, trigger: str) -> Event:
    return event_with_trigger(text, trigger, PUBLISHED)


def _span(text: str, trigger: str) -> tuple[str | None, str | None]:
    return date_span(text, trigger, PUBLISHED)


@pytest.mark.parametrize(("text", "trigger", "span"), [
    # a 'since' clause gives where the span of the main clause's act begins: that day up to the story's
    ("Since the governor declared an emergency on Monday, soldiers have arrested dozens of looters in Valparaiso.",
     "arrested", ("2021-03-08", PUBLISHED)),
    ("Since the junta dissolved parliament last month, police have detained hundreds of students in Mandalay.",
     "detained", ("2021-02-01", PUBLISHED)),
    # a 'since' phrase whose time lies deeper in it
    ("Chad has seen five coup attempts since the end of French rule in 1960.", "coup", ("1960-01-01", PUBLISHED)),
    ("The army has seized four towns since the collapse of the truce on Monday.", "seized",
     ("2021-03-08", PUBLISHED)),
    # ... while the act the 'since' clause tells keeps its own day
    ("Since the governor declared an emergency on Monday, soldiers have arrested dozens of looters in Valparaiso.",
     "declared", ("2021-03-08", "2021-03-08")),
])
def test_since_clause_opens_a_span(text: str, trigger: str, span: tuple[str, str]) -> None:
    assert _span(text, trigger) == span


@pytest.mark.parametrize(("text", "trigger"), [
    ("The riots were the worst unrest in Bolivia since the army seized power in 1980. "
     "Students marched on the presidential palace.", "marched"),
    ("Kerala has exported more rubber since the state lifted its quota in 2009. "
     "Protesters blocked the main highway to Kochi.", "blocked"),
])
def test_since_clause_year_is_not_the_next_sentences_frame(text: str, trigger: str) -> None:
    assert _span(text, trigger) == (PUBLISHED, PUBLISHED)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Canada imposed new sanctions on Nicaragua over its November 7 election.", "sanctions"),
    ("The Kenyan parliament opened an inquiry into the bombing of a Mombasa market last April.", "inquiry"),
    ("Thai police arrested two men over Friday's bombing in Bangkok.", "arrested"),
    ("Opposition senators criticized the Peruvian defence minister over the March 3 memo.", "criticized"),
])
def test_date_of_the_topic_is_not_the_acts(text: str, trigger: str) -> None:
    assert _span(text, trigger) == (PUBLISHED, PUBLISHED)


def test_act_dated_in_its_own_clause_beside_a_topic() -> None:
    text = "Police arrested three officers on Friday over the killing of a student in Quito."
    assert _span(text, "arrested") == ("2021-03-05", "2021-03-05")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Ramirez, who led the peace talks with the guerrillas in 2016, praised the Colombian army.", "praised"),
    ("Officials discussed the case of Lena Dorr, the aid worker freed by Mali's junta last summer.", "discussed"),
])
def test_a_persons_past_does_not_date_the_act(text: str, trigger: str) -> None:
    assert _span(text, trigger) == (PUBLISHED, PUBLISHED)


def test_a_day_in_a_describing_clause_is_the_same_episode() -> None:
    # 'protesters who gathered on Saturday' chant on that Saturday
    text = "Protesters who gathered on Saturday in Minsk denounced Lukashenko."
    assert _span(text, "denounced") == ("2021-03-06", "2021-03-06")


@pytest.mark.parametrize(("text", "trigger", "start"), [
    ("Troops shelled the border villages earlier this month, residents said.", "shelled", "2021-03-01"),
    ("Hackers attacked the Estonian tax office's servers this year, officials said.", "attacked", "2021-01-01"),
    ("Guerrillas ambushed two army convoys in Cauca this week.", "ambushed", "2021-03-08"),
])
def test_a_past_act_ends_by_the_story(text: str, trigger: str, start: str) -> None:
    assert _span(text, trigger) == (start, PUBLISHED)


def test_a_declared_act_keeps_its_period() -> None:
    text = "The Nepali army will hold joint drills with Indian troops this month."
    assert _span(text, "drills") == ("2021-03-01", "2021-03-31")
