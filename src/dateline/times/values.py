"""TIMEX3 values as calendar intervals: the arithmetic the tagger and the events stage share."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..models import Precision

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
HALF_MONTHS = {1: (1, 6), 2: (7, 12)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) shifted by n months; stdlib has no month arithmetic and this is all we need of dateutil."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift_day(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def day_value(day: dt.date) -> str:
    return day.isoformat()


def _months_interval(year: int, first: int, last: int) -> tuple[str, str]:
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1).isoformat(), dt.date(end_year, last, last_day(end_year, last)).isoformat()


def interval_of(value: str | None) -> tuple[str, str] | None:
    """The inclusive ISO-day interval a TIMEX3 date value covers, or None for durations, sets and references."""
    if not value:
        return None
    try:
        return _interval(value)
    except ValueError:  # e.g. 2022-02-30 from a typo in the text
        return None


def _interval(value: str) -> tuple[str, str] | None:
    if m := _DAY.match(value):
        d = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        return d, d
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return shift_day(monday, 5).isoformat(), shift_day(monday, 6).isoformat()
        return monday.isoformat(), shift_day(monday, 6).isoformat()
    if m := _MONTH.match(value):
        return _months_interval(int(m[1]), int(m[2]), int(m[2]))
    if m := _QUARTER.match(value):
        return _months_interval(int(m[1]), *QUARTER_MONTHS[int(m[2])])
    if m := _HALF.match(value):
        return _months_interval(int(m[1]), *HALF_MONTHS[int(m[2])])
    if m := _SEASON.match(value):
        return _months_interval(int(m[1]), *SEASON_MONTHS[m[2]])
    if m := _YEAR.match(value):
        return f"{m[1]}-01-01", f"{m[1]}-12-31"
    if m := _DECADE.match(value):
        return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
    if m := _CENTURY.match(value):
        return f"{m[1]}00-01-01", f"{m[1]}99-12-31"
    return None


def precision_of(value: str | None) -> Precision | None:
    """How fine a TIMEX3 date value is: time, day, week, month, quarter, season, year, decade or century."""
    if not value:
        return None
    if m := _DAY.match(value):
        return "time" if m[4] else "day"
    if _WEEK.match(value):
        return "week"
    if _MONTH.match(value):
        return "month"
    if _QUARTER.match(value) or _HALF.match(value):
        return "quarter"
    if _SEASON.match(value):
        return "season"
    if _YEAR.match(value):
        return "year"
    if _DECADE.match(value):
        return "decade"
    if _CENTURY.match(value):
        return "century"
    return None


def parse_day(value: str | None) -> dt.date | None:
    """The first day of a resolved value (used as the reference for "the next day" and the like)."""
    span = interval_of(value)
    try:
        return dt.date.fromisoformat(span[0]) if span else None
    except ValueError:  # "year 0" and the like from odd text: no usable reference day
        return None
