"""Tests for the time stage: recognition, offsets, tense-aware resolution, intervals and precision."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import nlp
from dateline.models import TimeExpr
from dateline.times import interval_of, precision_of, tag_times

# Friday 14 January 2022
PUB = "2022-01-14"


def tag(text: str, published: str | None = PUB, parsed: bool = True) -> list[TimeExpr]:
    sdoc = nlp.parse(text) if parsed else None
    return tag_times(text, published, sdoc)


def find(exprs: list[TimeExpr], surface: str) -> TimeExpr:
    for e in exprs:
        if e.text == surface:
            return e
    raise AssertionError(f"{surface!r} not tagged; got {[e.text for e in exprs]}")


def check_offsets(text: str, exprs: list[TimeExpr]) -> None:
    for e in exprs:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("parsed", [True, False])
def test_times_weekday_past_tense_is_the_last_one_before_publication(parsed: bool) -> None:
    text = "Riot police fired tear gas at the crowd on Thursday, and the ministry resigned on Monday."
    out = tag(text, parsed=parsed)
    check_offsets(text, out)
    thursday = find(out, "Thursday")
    assert (thursday.value, thursday.type, thursday.tense) == ("2022-01-13", "DATE", "past")
    assert thursday.start == text.index("Thursday")
    assert find(out, "Monday").value == "2022-01-10"
    assert thursday.interval is not None and thursday.interval.start == thursday.interval.end == "2022-01-13"
    assert thursday.precision == "day"


@pytest.mark.parametrize("parsed", [True, False])
def test_times_weekday_future_tense_is_the_next_one(parsed: bool) -> None:
    text = "The two foreign ministers will meet in Vienna on Wednesday to discuss the border."
    wednesday = find(tag(text, parsed=parsed), "Wednesday")
    assert wednesday.value == "2022-01-19"
    assert wednesday.tense == "future"


def test_times_weekday_of_publication_is_that_day() -> None:
    text = "The governor said Friday that the curfew would stay."
    assert find(tag(text), "Friday").value == PUB


def test_times_last_week_is_the_iso_week_before() -> None:
    text = "Last week the army moved two brigades to the frontier."
    out = tag(text)
    e = find(out, "Last week")
    assert e.value == "2022-W01"
    assert (e.interval.start, e.interval.end) == ("2022-01-03", "2022-01-09")
    assert e.precision == "week" and e.start == 0


def test_times_relative_to_publication() -> None:
    text = (
        "Earlier this month the court ruled. A year ago the party split. Yesterday crowds gathered, "
        "today they dispersed, and tonight the curfew starts. Elections are due next year."
    )
    out = tag(text)
    check_offsets(text, out)
    assert find(out, "Earlier this month").value == "2022-01"
    assert find(out, "A year ago").value == "2021"
    assert find(out, "Yesterday").value == "2022-01-13"
    assert find(out, "today").value == PUB
    tonight = find(out, "tonight")
    assert (tonight.type, tonight.value) == ("TIME", "2022-01-14TNI")
    assert find(out, "next year").value == "2023"


def test_times_deadline_by_a_date() -> None:
    text = "Parliament ordered the foreign contingent to leave by January 19."
    e = find(tag(text), "January 19")
    assert e.value == "2022-01-19"
    assert e.role == "deadline"


@pytest.mark.parametrize("text, value", [
    ("The two parties did not sign the pact until Tuesday.", "2022-01-11"),  # signed on Tuesday, a day gone
    ("The airport was not reopened until Wednesday.", "2022-01-12"),
    ("The vote was postponed until Tuesday.", "2022-01-18"),  # a deadline ahead
    ("The army will not withdraw until Tuesday.", "2022-01-18"),
    ("He said he would not resign until Tuesday.", "2022-01-18"),
])
def test_times_not_until_a_weekday_in_the_past_is_that_day(text: str, value: str) -> None:
    assert find(tag(text), "Tuesday" if "Tuesday" in text else "Wednesday").value == value


def test_times_absolute_dates_and_partial_dates() -> None:
    text = (
        "The treaty of 14 January 2022 replaced one signed on Jan. 6, 2020. Talks began on January 6. "
        "The file dated 2021-11-30 was leaked. In 1997 the border closed; in the 1990s trade grew; mid-2021 it reopened."
    )
    out = tag(text)
    check_offsets(text, out)
    assert find(out, "14 January 2022").value == "2022-01-14"
    assert find(out, "Jan. 6, 2020").value == "2020-01-06"
    assert find(out, "January 6").value == "2022-01-06"
    assert find(out, "2021-11-30").value == "2021-11-30"
    assert find(out, "1997").value == "1997"
    nineties = find(out, "the 1990s")
    assert nineties.value == "199" and nineties.precision == "decade"
    assert (nineties.interval.start, nineties.interval.end) == ("1990-01-01", "1999-12-31")
    assert find(out, "mid-2021").value == "2021"


def test_times_partial_month_uses_tense() -> None:
    out = tag("The strike ended in November.")
    assert find(out, "November").value == "2021-11"
    out = tag("The new parliament will convene in March.")
    assert find(out, "March").value == "2022-03"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The week-long siege ended.", "week-long", "P1W"),
        ("He ended a 30-year rule.", "30-year", "P30Y"),
        ("After two weeks of talks they agreed.", "two weeks", "P2W"),
        ("She began a two-week long tour.", "two-week", "P2W"),
        ("The mission lasted 18 months.", "18 months", "P18M"),
        ("The blockade lasted a decade.", "a decade", "P10Y"),
        ("Over the past three years prices rose.", "the past three years", "P3Y"),
        ("The vote took hours.", "hours", "PTXH"),
    ],
)
def test_times_durations_are_not_dates(text: str, surface: str, value: str) -> None:
    e = find(tag(text), surface)
    assert e.type == "DURATION"
    assert e.value == value
    assert e.interval is None


def test_times_age_is_not_a_duration() -> None:
    assert tag("A 45-year-old man and children aged 6 years were hurt.") == []


def test_times_since_is_an_open_interval() -> None:
    e = find(tag("The party has ruled since 1989."), "1989")
    assert e.role == "since"
    assert (e.interval.start, e.interval.end) == ("1989-01-01", PUB)


def test_times_previous_day_follows_the_last_date() -> None:
    text = "The summit opened on January 6, 2020. The previous day, delegates had arrived; the next day they left."
    out = tag(text)
    prev = find(out, "The previous day")
    assert prev.value == "2020-01-05" and prev.anchor == "previous"
    assert find(out, "the next day").value == "2020-01-06"


def test_times_times_of_day() -> None:
    text = "Late Thursday the rebels attacked, and at 10:30 p.m. the army answered."
    out = tag(text)
    late = find(out, "Late Thursday")
    assert (late.type, late.value) == ("TIME", "2022-01-13TNI")
    clock = find(out, "10:30 p.m.")
    assert clock.type == "TIME" and clock.value.endswith("T22:30")


def test_times_sets() -> None:
    text = "Every Sunday they march, and the council meets twice a month; the report is published annually."
    out = tag(text)
    assert find(out, "Every Sunday").value == "XXXX-WXX-7"
    assert find(out, "Every Sunday").type == "SET"
    assert find(out, "twice a month").type == "SET"
    assert find(out, "annually").value == "P1Y"


def test_times_references_and_names_are_not_confused() -> None:
    text = "Theresa May said the union is now stronger; Black Friday sales fell."
    out = tag(text)
    assert [e.text for e in out] == ["now"]
    assert out[0].value == "PRESENT_REF"


def test_times_without_publication_date_leaves_relative_values_open() -> None:
    out = tag("The rebels withdrew on Thursday, January 6.", published=None)
    assert find(out, "Thursday, January 6").value == "XXXX-01-06"


def test_times_empty_text() -> None:
    assert tag_times("", PUB) == []


@pytest.mark.parametrize(
    ("value", "interval", "precision"),
    [
        ("2022-01-13", ("2022-01-13", "2022-01-13"), "day"),
        ("2022-W01", ("2022-01-03", "2022-01-09"), "week"),
        ("2022-W01-WE", ("2022-01-08", "2022-01-09"), "week"),
        ("2022-02", ("2022-02-01", "2022-02-28"), "month"),
        ("2022-Q3", ("2022-07-01", "2022-09-30"), "quarter"),
        ("2021-WI", ("2021-12-01", "2022-02-28"), "season"),
        ("2022", ("2022-01-01", "2022-12-31"), "year"),
        ("199", ("1990-01-01", "1999-12-31"), "decade"),
        ("19", ("1900-01-01", "1999-12-31"), "century"),
        ("2022-01-13TNI", ("2022-01-13", "2022-01-13"), "time"),
        ("P2W", None, None),
        ("PRESENT_REF", None, None),
    ],
)
def test_times_interval_of_values(value: str, interval: tuple[str, str] | None, precision: str | None) -> None:
    assert interval_of(value) == interval
    assert precision_of(value) == precision


def test_times_weekend_and_this_past() -> None:
    out = tag("Protesters gathered over the weekend, and this past weekend the police stayed away.")
    assert find(out, "the weekend").value == "2022-W01-WE"
    e = find(out, "this past weekend")
    assert e.value == "2022-W01-WE"
    assert (e.interval.start, e.interval.end) == ("2022-01-08", "2022-01-09")


def test_times_names_holding_calendar_words_are_vetoed_by_the_parse() -> None:
    text = "She appeared on Saturday Night Live and told USA Today about it on Tuesday."
    out = tag(text)
    assert [e.text for e in out] == ["Tuesday"]
    assert out[0].value == "2022-01-11"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Voting closed at 18:00 GMT on Monday.", "18:00 GMT on Monday", "2022-01-10T18:00Z"),
        ("The decree expires in October of next year.", "October of next year", "2023-10"),
        ("The expedition of 1957-58 crossed the ice.", "58", "1958"),
        ("The ceasefire will start at noon.", "noon", "2022-01-14T12:00"),
        ("Shares fell for the past five trading days.", "the past five trading days", "P5D"),
        ("The economy shrank for two consecutive quarters.", "two consecutive quarters", "P2Q"),
    ],
)
def test_times_more_forms(text: str, surface: str, value: str) -> None:
    assert find(tag(text), surface).value == value


def test_times_fraction_and_counts_are_not_times() -> None:
    out = tag("About a quarter of voters and 2,000 CSTO troops backed the plan.")
    assert out == []


def test_times_following_year_counts_from_the_last_mention() -> None:
    out = tag("The coup happened in 2014. The following year, sanctions began; that year trade fell.")
    assert find(out, "The following year").value == "2015"
    assert find(out, "that year").value == "2015"


def test_times_clock_after_a_date_takes_that_date() -> None:
    out = tag("Nominations close on Jan. 31, 2022 at 5 p.m. EST.")
    assert find(out, "5 p.m. EST").value == "2022-01-31T17:00"


def test_times_hyphenated_adjective_drops_the_article() -> None:
    out = tag("The 24-hour strike and a three-day stoppage began.")
    assert [(e.text, e.value) for e in out] == [("24-hour", "PT24H"), ("three-day", "P3D")]


def test_times_week_of_a_month_and_holidays() -> None:
    out = tag("The law takes effect in the first week of March; crowds gathered on New Year's Day.")
    week = find(out, "the first week of March")
    assert week.value == "2022-W09" and week.precision == "week"
    assert find(out, "New Year's Day").value == "2022-01-01"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Protests will resume on Nov. 3.", "Nov. 3", "2022-11-03"),
        ("On January 19 he said it was over.", "January 19", "2022-01-19"),
        ('The senator wrote: "See you in November!"', "November", "2022-11"),
        ("Decades ago the town was small.", "Decades ago", "PAST_REF"),
        ("The decree was signed on 12.03.2021.", "12.03.2021", "2021-03-12"),
    ],
)
def test_times_year_of_partial_dates_and_vague_past(text: str, surface: str, value: str) -> None:
    assert find(tag(text), surface).value == value


def test_times_early_hours_are_not_a_duration() -> None:
    out = tag("The raid came in the early hours of Sunday.")
    assert [(e.text, e.value) for e in out] == [("Sunday", "2022-01-09")]


def test_times_capitalised_show_titles_inside_a_sentence_are_not_times() -> None:
    assert tag("The senator told 60 Minutes and This Week about the plan.", parsed=False) == []
    out = tag("Markets Fall for Three Days in a Row", parsed=False)
    assert [e.value for e in out] == ["P3D"]  # a headline capitalises everything


def test_times_day_before_an_event_and_before_yesterday() -> None:
    out = tag("The day before the vote, he fled; the day before yesterday he returned.")
    assert [(e.text, e.value) for e in out] == [("The day", "XXXX-XX-XX"), ("the day before yesterday", "2022-01-12")]
    assert out[0].interval is None


_WORDS = [
    "on", "Thursday", "last", "week", "January", "14", "2022", "by", "the", "previous", "day", "since", "1989",
    "two", "weeks", "ago", "a", "year", "-long", "every", "Sunday", "10:30", "p.m.", "May", "said", "will", "in",
    "1990s", "mid-", "early", "this", "month", ",", ".", "next", "quarter", "first", "of", "now", "today", "'s",
]


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), max_size=30), published=st.sampled_from([PUB, None, "2020-02-29"]))
def test_times_spans_and_intervals_are_consistent(words: list[str], published: str | None) -> None:
    text = " ".join(words)
    out = tag_times(text, published)
    check_offsets(text, out)
    for a, b in zip(out, out[1:], strict=False):
        assert a.end <= b.start  # disjoint, in text order
    for e in out:
        if e.interval is not None and e.interval.start and e.interval.end:
            assert e.interval.start <= e.interval.end
        if e.type == "DURATION":
            assert e.interval is None and (e.value or "").startswith("P")


def test_times_lexicon_is_extended_by_a_user_file(tmp_path) -> None:
    from dateline.times.lexicon import load_lexicon
    from dateline.times.rules import Grammar

    extra = tmp_path / "times.json"
    extra.write_text('{"holidays": {"nowruz": "03-21"}}', encoding="utf-8")
    lex = load_lexicon(str(extra))
    assert lex["holidays"]["nowruz"] == "03-21" and "christmas" in lex["holidays"]
    text = "Families gathered for Nowruz."
    cands = [c for c in Grammar(lex).candidates(text) if c.rule == "holiday"]
    assert [(c.start, c.end) for c in cands] == [(text.index("Nowruz"), text.index("Nowruz") + 6)]


def test_times_deadline_in_past_perfect_looks_back() -> None:
    # Published Sunday 2024-03-03: the rallies had spread by the Saturday just gone, not the next one.
    (t,) = [x for x in tag_times("By Saturday the rallies had spread to the capital.", "2024-03-03") if x.type == "DATE"]
    assert t.value == "2024-03-02"
    (u,) = [x for x in tag_times("Troops must leave by Saturday, the ministry said.", "2024-03-03") if x.type == "DATE"]
    assert u.value == "2024-03-09"


def test_times_year_zero_is_no_reference_day() -> None:
    from dateline.times.values import parse_day

    assert parse_day("0000-01-01") is None
