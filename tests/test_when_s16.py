"""Session 16, on sentences we wrote: time words news uses for days the story does not name by date —
'overnight', the day named '9/11', 'a day later' with no day told before it, and an act some days after or
before another act whose day is given ('two days after the rally on Monday')."""

from __future__ import annotations

import pytest

from dateline.models import Event, TimeExpr
from dateline.nlp import load
from dateline.times import tag_times
from event_helpers import date_span, event_with_trigger

PUBLISHED = "2023-05-12"  # a Friday


def _times(text: str, published: str = PUBLISHED) -> list[TimeExpr]:
    return tag_times(text, published, load()(text))


def _values(text: str, published: str = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in _times(text, published)]


def _event(text: str, trigger: str) -> Event:
    return event_with_trigger(text, trigger, PUBLISHED)


def _span(text: str, trigger: str) -> tuple[str | None, str | None]:
    return date_span(text, trigger, PUBLISHED)


# --- 'overnight': the night before the story was filed, a part of its day (TimeML TNI)


@pytest.mark.parametrize(("text", "expected"), [
    ("Militants fired mortars at the airbase overnight, the army said.", [("overnight", "2023-05-12TNI")]),
    ("Overnight, riot police cleared the square in front of the parliament.", [("Overnight", "2023-05-12TNI")]),
    ("Drones hit a fuel depot near Odesa overnight and set it ablaze.", [("overnight", "2023-05-12TNI")]),
    # a named day takes the night
    ("Gunmen raided a village in Zamfara overnight Tuesday.", [("overnight Tuesday", "2023-05-09TNI")]),
    ("Looters ransacked shops in the port overnight on Sunday.", [("overnight on Sunday", "2023-05-07TNI")]),
])
def test_overnight_is_the_night_of_the_story(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    "The old mining town seemed to change almost overnight.",
    "Reforms of the pension system will not happen overnight, the minister warned.",
    "Her campaign became a national sensation virtually overnight.",
    "The central bank kept its overnight lending rate unchanged.",
    "Delegates booked an overnight stay in Geneva.",
])
def test_overnight_as_suddenly_or_a_kind_is_no_time(text: str) -> None:
    assert not [t for t in _times(text) if "overnight" in t.text.lower()]


def test_overnight_dates_the_act_not_an_earlier_sentence() -> None:
    text = ("Police arrested the opposition leader in Dhaka on Monday. "
            "Protesters burned two buses in the city overnight.")
    assert _span(text, "burned") == (PUBLISHED, PUBLISHED)


# --- '9/11' and 'the September 11 attacks': a day of 2001, not this year's


@pytest.mark.parametrize(("text", "value"), [
    ("Airport screening in Canada has grown stricter since 9/11.", "2001-09-11"),
    ("The post-9/11 security laws were extended by Congress.", "2001-09-11"),
    ("The senator voted for the war after the Sept. 11 attacks.", "2001-09-11"),
    ("A memorial to the September 11th victims opened in Boston.", "2001-09-11"),
    ("Relatives of those killed in the Sept. 11 attacks met the judge.", "2001-09-11"),
    # a plain date keeps the story's year, and so does a single attack on that day (a later one may be meant)
    ("Dutch police detained the smuggler on September 11.", "2022-09-11"),
    ("Ministers will meet again on Sept. 11 in Brussels.", "2023-09-11"),
])
def test_named_day_of_2001(text: str, value: str) -> None:
    assert [v for _, v in _values(text)] == [value]


def test_single_attack_on_the_day_is_not_the_named_one() -> None:
    assert _values("Senators questioned the envoy over the Sept. 11 attack against the compound in Tripoli.", "2012-10-20") \
        != [("Sept. 11", "2001-09-11")]


def test_named_day_dates_its_act_not_one_that_mentions_it() -> None:
    text = "The ministry said the 9/11 attacks changed its view."
    assert _span(text, "attacks") == ("2001-09-11", "2001-09-11")
    text = "The regime keeps jailing reporters who doubt the official story and spreads 9/11 conspiracy theories."
    assert _span(text, "jailing")[0] != "2001-09-11"


def test_named_day_not_before_it_happened() -> None:
    # a story filed in 1998 cannot mean the attacks of 2001
    assert [v for _, v in _values("Rebels staged the September 11 attacks on two garrisons.", "1998-10-02")] \
        != ["2001-09-11"]
    assert _values("Voters in the 9/11 ward chose a new alderman.", "1998-10-02") == []


# --- 'a day later', 'the next day' with no day told before: no date (the day after the story is wrong)


@pytest.mark.parametrize("text", [
    "A day later, soldiers shot two protesters in Lahore.",
    "The next day, the governor dismissed the police chief.",
    "Two days later, the rebels released the hostages.",
    "The following morning, troops stormed the university.",
])
def test_later_with_no_day_told_has_no_value(text: str) -> None:
    found = _times(text)
    assert len(found) == 1 and found[0].value is None


def test_later_after_a_day_told_counts_from_it() -> None:
    text = "The army sealed the border on Tuesday. Two days later, it reopened the crossing at Rafah."
    assert _values(text) == [("Tuesday", "2023-05-09"), ("Two days later", "2023-05-11")]


# --- an act some days after or before another act whose day is given


@pytest.mark.parametrize(("text", "trigger", "span"), [
    ("Police detained the union leader two days after the strike on Monday.", "detained",
     ("2023-05-10", "2023-05-10")),
    ("Three days after the election on Sunday, militants attacked a polling office in Kano.", "attacked",
     ("2023-05-10", "2023-05-10")),
    ("Rebels ambushed an army convoy a day before the peace conference on Thursday.", "ambushed",
     ("2023-05-10", "2023-05-10")),
    # a month stays the act's frame: a week after a vote in March is still about then
    ("Troops fired on marchers a week after the referendum in March.", "fired", ("2023-03-01", "2023-03-31")),
])
def test_act_some_days_from_a_dated_act(text: str, trigger: str, span: tuple[str, str]) -> None:
    assert _span(text, trigger) == span


def test_act_an_unknown_span_from_a_dated_act_is_not_that_day() -> None:
    # 'weeks after' names no day: not Saturday, the rally's
    assert _span("Police arrested dozens of students weeks after the rally on Saturday.", "arrested")[0] \
        != "2023-05-06"
