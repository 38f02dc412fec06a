"""Stage: find temporal expressions and resolve them against the publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc

from ..models import Interval, TimeExpr
from ..nlp import ents_of, text_of
from .rules import Candidate, Grammar, grammar
from .tense import Tense, TenseFinder
from .values import (
    add_months,
    day_value,
    interval_of,
    last_day,
    month_value,
    parse_day,
    precision_of,
    shift_day,
    week_value,
)

__all__ = ["tag_times", "interval_of", "precision_of"]

SEASON_ORDER = ["SP", "SU", "FA", "WI"]
POD_LATE = "NI"
POD_EARLY = "MO"
# Ambiguous month names count as months only after these words (or with a day/year, handled by longer rules).
_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|to|through|of|during|before|after|early|late|mid|between|and|last|next|this|"
    r"that|or|each|every|since|late|end|beginning|start|middle)\s*-?)$"
)
_ROLE_CUES = [
    (re.compile(r"(?i:\bsince\s+(?:the\s+)?)$"), "since"),
    (re.compile(r"(?i:\bby\s+(?:the\s+)?)$"), "deadline"),
    (re.compile(r"(?i:\b(?:until|till|through)\s+)$"), "until"),
    (re.compile(r"(?i:\bbefore\s+)$"), "before"),
    (re.compile(r"(?i:\bafter\s+)$"), "after"),
]
_NOUN_AFTER = re.compile(r"\s+([a-z]+)")
_OPEN_WORDS = {
    "in", "at", "on", "for", "to", "and", "or", "since", "until", "from", "by", "with", "but", "over", "through",
    "after", "before", "when", "while", "as", "that", "the", "a", "of", "into", "across", "is", "was", "are",
    "were", "will", "said", "says", "has", "had", "have", "so", "then", "than", "because", "which", "who",
}
_SET_BEFORE = re.compile(r"(?i:(?:\d|%|\bbillion|\bmillion|\bthousand|\bdollars|\beuros|\bpounds|\btimes|\bonce|\btwice)\s*)$")


class _Context:
    """What resolution needs: publication date, tense lookup and the last date mentioned."""

    def __init__(self, text: str, published: str | None, sdoc: Doc | None, g: Grammar) -> None:
        self.text = text
        self.g = g
        self.dct: dt.date | None = None
        if published:
            try:
                self.dct = dt.date.fromisoformat(published[:10])
            except ValueError:
                self.dct = None
        self.tenses = TenseFinder(text, sdoc)
        self.prev: dt.date | None = self.dct  # the last day-precise date mentioned ("the next day")
        self.prev_any: dt.date | None = self.dct  # the last date of any precision ("that year")
        self.prev_end: int | None = None  # where the last day-precise date ended
        self.told_day = False  # whether `prev` is a day the text named (else it is the publication date)

    def base(self, unit: str, ahead: bool = False) -> dt.date | None:
        """What "the following <unit>" counts from: a day-level mention for days, any mention for longer units.
        `ahead` ('a day later', 'the next day'): with no day named yet, none; the publication date is no event's day,
        and the day after it, in a story that tells the past, is a wrong date (better none)."""
        if unit.lower().startswith(("day", "morning", "night", "evening", "afternoon", "hour", "minute", "second")):
            return self.prev if self.told_day or not ahead else None
        return self.prev_any


def tag_times(text: str, published: str | None, sdoc: Doc | None = None) -> list[TimeExpr]:
    """Every date/time/duration/set expression in `text`, resolved against `published` (YYYY-MM-DD)."""
    if not text:
        return []
    g = grammar()
    ctx = _Context(text, published, sdoc, g)
    cands = [c for c in g.candidates(text) if _valid(c, text, g)]
    if sdoc is not None and text_of(sdoc) == text:
        cands = _veto_names(cands, sdoc)
    out: list[TimeExpr] = []
    for cand in _select(cands):
        try:
            exprs = list(_normalise(cand, ctx))
        except OverflowError:  # resolves outside years 1-9999: 'next week' under a 9999-12-31 date line
            continue
        for expr in exprs:
            out.append(expr)
            day = parse_day(expr.value) if expr.type in ("DATE", "TIME") else None
            if day is not None and expr.precision in ("day", "time"):
                ctx.prev = day
                ctx.prev_end = expr.end
                ctx.told_day = True
            if day is not None and expr.precision not in ("decade", "century"):
                ctx.prev_any = day
    return out


# spaCy entities that make a calendar word part of a name: "May" (PERSON), "Today" (the show), "Black Friday" (EVENT).
_NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "NORP", "LAW", "EVENT", "LOC"}
_NAME_PRONE_RULES = {
    "month", "weekday", "holiday", "relseason", "set_adv", "dayword", "weekday_set", "relunit", "duration", "plural",
}
# A holiday is itself an EVENT entity; only other names ("the National Christmas Tree") veto it.
_RULE_NAME_LABELS = {"holiday": _NAME_LABELS - {"EVENT"}}


def _veto_names(cands: list[Candidate], sdoc: Doc) -> list[Candidate]:
    """Drop calendar words the parser reads as part of a name; spaCy's DATE/TIME spans are not used as candidates
    because on news they add mostly ages and bare numbers that the rules already reject."""
    names = [(e.start_char, e.end_char, e.label_) for e in ents_of(sdoc) if e.label_ in _NAME_LABELS]
    if not names:
        return cands
    return [
        c for c in cands
        if c.rule not in _NAME_PRONE_RULES
        or not any(
            s <= c.start and c.end <= e and label in _RULE_NAME_LABELS.get(c.rule, _NAME_LABELS) for s, e, label in names
        )
    ]


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest candidates win; an overlapping shorter one is dropped. Returned in text order."""
    taken: list[Candidate] = []
    starts: list[int] = []  # accepted spans are disjoint, so sorted starts find the neighbours
    ends: list[int] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect.bisect_left(starts, c.start)
        if i < len(starts) and starts[i] < c.end or i > 0 and ends[i - 1] > c.start:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"(\S+)\s*$", text[max(0, start - 30) : start])
    return m.group(1) if m else ""


_TITLE_PRONE_RULES = {"relunit", "duration", "plural", "dayword", "daypart"}


def _looks_like_title(c: Candidate, text: str, before: str) -> bool:
    """"appeared on This Week", "told 60 Minutes": capitalised calendar words inside a lower-case sentence."""
    words = re.findall(r"[A-Za-z]+", text[c.start : c.end])
    if not words or not all(w[:1].isupper() for w in words) or re.search(r"(?:^|[.!?:\"“‘\n(]|[.!?][\"”’])\s*$", before):
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line = re.findall(r"[A-Za-z]+", text[line_start : line_end if line_end >= 0 else len(text)])
    capitalised = sum(1 for w in line if w[:1].isupper())
    return capitalised < 0.6 * len(line)  # a headline capitalises everything; a sentence does not


def _valid(c: Candidate, text: str, g: Grammar) -> bool:
    before = text[max(0, c.start - 40) : c.start]
    after = text[c.end : c.end + 30]
    gr = c.groups
    if c.rule in _TITLE_PRONE_RULES and _looks_like_title(c, text, before):
        return False
    if c.rule == "month":
        word = gr["month"].rstrip(".").lower()
        if gr["month"].isupper() and len(gr["month"]) > 1:
            return False
        if gr.get("rel") or gr.get("mod") or gr.get("mod2"):
            return True
        prev = _prev_word(text, c.start)
        if prev[:1].isupper() and not re.search(r"[.!?\"'“‘]\s*$", before) and prev.lower() not in ("in", "since", "by", "until"):
            return False  # "Theresa May", "Brian June": a name, not a month
        if not gr["month"].endswith(".") and re.match(r"[ \t]+[A-Z][a-z]", after):
            return False
        if word in g.ambiguous_months or not gr["month"].endswith(".") and len(word) <= 4 and word != "june" and word != "july":
            return bool(_MONTH_CUE.search(before))
        return True
    if c.rule == "weekday" and _prev_word(text, c.start).lower() in g.lex.get("named_days", []):
        return False  # "Black Monday", "Super Tuesday": a name
    if c.rule == "year":
        if re.search(r"[-–]$", before) and not re.search(r"\b(?:1[5-9]|20)\d\d[-–]$", before):
            return False  # "B-2012", "covid-2019": a code, not a year
        m = _NOUN_AFTER.match(after)
        prev = _prev_word(text, c.start).lower()
        if gr.get("mod") or gr.get("fiscal"):
            return True
        if (
            prev[:1].isalpha() and _prev_word(text, c.start)[:1].isupper() and re.match(r" [A-Z][a-z]", after)
            and not re.search(r"[.!?\"“]\s*\S+\s*$", before) and prev not in g.months
        ):
            return False  # "Russell 2000 Index", "Windows 2000 Server": part of a name
        if m and m.group(1).endswith("s") and m.group(1) not in _OPEN_WORDS and prev not in {
            "in", "since", "of", "by", "until", "from", "to", "and", "before", "after", "during", "between"
        }:
            return False  # "1500 people"
        return True
    if c.rule in ("duration", "plural", "hyphen", "range"):
        if re.search(r"(?i:\b(?:age|ages|aged)\s+)$", before):
            return False  # an age, not a period
        if gr.get("unit") and gr["unit"].lower() in ("quarter", "quarters") and (gr.get("num") or "").lower() in ("a", "an", "one", "three"):
            return False  # "a quarter of voters": a fraction
        if c.rule == "duration" and (gr.get("num") or "").lower() in ("a", "an", "one") and (gr["unit"].lower() in ("second", "minute")):
            return bool(re.match(r"\s*(?:[.,;)]|$|later|earlier|ago|before|after|or|and)", after))
        if c.rule == "plural" and re.search(r"\d\s*$", before):
            return False
        if c.rule == "plural" and re.search(r"(?i:\b(?:early|small|wee|late)\s+)$", before):
            return False  # "the early hours of Sunday": a part of that day, not a period
        return True
    if c.rule == "set_adv" and gr["adv"][:1].isupper() and re.match(r" [A-Z]", after):
        return False  # "Daily Newsletters", "Weekly Standard": a title
    if c.rule == "dayword" and gr["w"].lower() == "overnight" and not _night_before(c, text, g):
        return False
    if c.rule == "dayword" and gr["w"][:1].isupper() and _prev_word(text, c.start)[:1].isupper() and not re.search(
        r"[.!?:\"“”]\s*$", before
    ):
        return False  # "USA Today": a title
    if c.rule == "refs":
        if gr["ref"].lower() == "now" and re.match(r"-[a-z]", after):
            return False  # "now-defunct"
        return True
    if c.rule == "clock24b":
        # a bare 17:30 is a time only near time words; scores and ratios look the same
        return bool(re.search(r"(?i:\bat|\bby|\buntil|\bfrom|\bbefore|\bafter|\baround)\s*$", before))
    if c.rule == "relseason":
        if not (gr.get("rel") or gr.get("year") or gr.get("mod")):
            if gr["season"].lower() == "fall":
                return False
            return bool(re.search(r"(?i:\b(?:in|during|by|until|since|this|through|over)\s+)$", before))
        if gr["season"].lower() == "fall" and (gr.get("rel") or "").lower() == "the" and not gr.get("year"):
            return bool(re.search(r"(?i:\b(?:in|during|by|until|since|through|over)\s+)$", before))
        if gr["season"][:1].isupper() and not gr.get("year") and (gr.get("rel") or "").lower() == "the":
            return False  # "the Arab Spring"
        return True
    if c.rule == "quarter" and gr["q"].lower() == "half":
        return bool(gr.get("year") or gr.get("rel"))
    return True


def _night_before(c: Candidate, text: str, g: Grammar) -> bool:
    """Whether 'overnight' tells when ('rebels shelled the city overnight', 'Overnight, police ...'), not 'suddenly'
    ('almost overnight', 'prices will not fall overnight', 'the mood changed overnight') nor a kind of thing
    ('overnight rates', 'an overnight stay'): as an adjective it is no date, so a noun after it vetoes."""
    cues = g.lex["sudden_overnight"]
    sentence = re.split(r"[.!?\n]", text[max(0, c.start - 120) : c.start])[-1].lower()
    words = re.findall(r"[a-z']+", sentence)
    if words and (words[-1] in cues["before"] or words[-1].endswith("n't")):
        return False
    if any(w in cues["verbs"] for w in words) or re.search(r"\b(?:not|never)\b|n't\b", sentence) and any(
        w in ("will", "would", "can", "could", "won't", "can't", "cannot") for w in words
    ):
        return False
    m = re.match(r"\s*([A-Za-z]+)", text[c.end : c.end + 30])
    return m is None or m.group(1)[:1].isupper() or m.group(1).lower() in g.lex["overnight_followers"]


# ---------------------------------------------------------------------------------------------- resolution


def _num(g: Grammar, raw: str | None) -> float | None:
    """A spelled or written number; None for vague quantities ("several", "a few")."""
    if raw is None:
        return None
    word = re.sub(r"\s+", " ", raw.lower().replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in g.numbers:
        return float(g.numbers[word])
    parts = re.split(r"[-\s]", word)
    if len(parts) == 2 and parts[0] in g.numbers and parts[1] in g.numbers:
        return float(g.numbers[parts[0]] + g.numbers[parts[1]])
    return None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration(g: Grammar, unit_word: str, n: float | None) -> str:
    code = g.units.get(unit_word.lower(), "D")
    if code in ("S", "MIN", "H"):
        letter = {"S": "S", "MIN": "M", "H": "H"}[code]
        return f"PT{_fmt(n) if n is not None else 'X'}{letter}"
    scale = {"Q": (1, "Q"), "DE": (10, "Y"), "CE": (100, "Y"), "2W": (2, "W"), "WE": (1, "WE")}
    if code in scale:
        k, letter = scale[code]
        if n is None:
            return "PX" + {"Q": "Q", "DE": "DE", "CE": "CE", "2W": "W", "WE": "WE"}[code]
        return f"P{_fmt(n * k)}{letter}"
    return f"P{_fmt(n) if n is not None else 'X'}{code}"


def _role(text: str, start: int) -> str | None:
    before = text[max(0, start - 20) : start]
    for pattern, role in _ROLE_CUES:
        if pattern.search(before):
            return role
    return None


def _make(
    ctx: _Context,
    c: Candidate,
    typ: str,
    value: str | None,
    *,
    anchor: str | None = "publication",
    tense: Tense | None = None,
    start: int | None = None,
    end: int | None = None,
) -> TimeExpr:
    s = c.start if start is None else start
    e = c.end if end is None else end
    role = _role(ctx.text, s) if typ in ("DATE", "TIME") else None
    interval = None
    precision = None
    if typ in ("DATE", "TIME") and value:
        span = interval_of(value)
        precision = precision_of(value)
        if span:
            interval = Interval(start=span[0], end=span[1])
            if role == "since" and ctx.dct is not None and span[0] <= ctx.dct.isoformat():
                interval = Interval(start=span[0], end=ctx.dct.isoformat())
    return TimeExpr(
        text=ctx.text[s:e], start=s, end=e, type=typ, value=value, interval=interval, precision=precision,  # type: ignore[arg-type]
        anchor=anchor if value and typ in ("DATE", "TIME") else None, tense=tense, role=role,
    )


def _pick_year(ctx: _Context, month: int, day: int | None, tense: Tense | None, rel: str | None = None,
               role: str | None = None) -> int | None:
    """Year for a month (and day) given without one: by "last/next/this", then tense, then nearness."""
    dct = ctx.dct
    if dct is None:
        return None
    key_now = (dct.month, dct.day if day is not None else 0)
    key = (month, day if day is not None else 0)
    rel = (rel or "").lower()
    if rel in ("last", "past"):
        return dct.year if key < key_now else dct.year - 1
    if rel in ("next", "coming"):
        return dct.year if key > key_now else dct.year + 1
    if rel == "this":
        return dct.year

    def distance(y: int) -> int:
        d = (y - dct.year) * 12 * 31 + (month - dct.month) * 31 + ((day or 15) - (dct.day if day else 15))
        return d

    options = [dct.year - 1, dct.year, dct.year + 1]
    nearest = min(options, key=lambda y: (abs(distance(y)), -y))
    if role in ("deadline", "until"):
        tense = "future" if tense != "past" or abs(distance(nearest)) < 62 else tense
    if tense == "past":
        best = max(y for y in options if distance(y) <= 0)
    elif tense == "future":
        best = min(y for y in options if distance(y) >= 0)
    else:
        return nearest
    # a date within a month of publication on the "wrong" side of it is a slip of tense, not a year away
    # ("On January 19 he said" in a paper of January 14)
    return nearest if abs(distance(nearest)) <= 31 and abs(distance(best)) > 6 * 31 else best


def _weekday_date(ctx: _Context, wd: int, tense: Tense | None, rel: str | None) -> dt.date | None:
    dct = ctx.dct
    if dct is None:
        return None
    delta = wd - dct.isoweekday()
    rel = (rel or "").lower()
    if rel in ("last", "past", "previous"):
        return shift_day(dct, delta - 7 if delta >= 0 else delta)
    if rel in ("next", "coming", "following"):
        return shift_day(dct, delta + 7 if delta <= 0 else delta)
    if rel == "this":
        return shift_day(dct, delta)
    if delta == 0:
        return dct  # "said Friday" in a paper dated Friday is that day
    if tense == "future":
        return shift_day(dct, delta if delta > 0 else delta + 7)
    # present tense in news mostly reports the recent past ("Tuesday's results show", "says Monday")
    return shift_day(dct, delta if delta < 0 else delta - 7)


def _deadline_tense(ctx: _Context, c: Candidate, tense: Tense | None) -> Tense | None:
    """"postponed until Saturday", "must leave by Friday": a deadline lies ahead of the clause,
    unless the clause is a past perfect ("by Saturday the rallies had spread"), which looks back."""
    role = _role(ctx.text, c.start)
    if role == "since":
        return "past"  # "since Thursday" counts from a day gone, whatever the clause's tense
    if role not in ("deadline", "until"):
        return tense
    window = ctx.text[max(0, c.start - 80) : c.start + 80]
    if tense == "past" and _PLUPERFECT.search(window) and not _MODAL.search(window):
        return tense
    if (tense == "past" and role == "until" and _NEGATED.search(ctx.text[max(0, c.start - 80) : c.start])
            and not _MODAL.search(window)):
        return tense  # "did not reach a deal until Friday": it was reached on Friday, a day gone
    return "future"


_PLUPERFECT = re.compile(r"\bhad\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never)\b|n't\b", re.I)
_MODAL = re.compile(r"\b(?:will|would|must|shall|'ll|going to)\b", re.I)


def _x_value(month: int | None = None, day: int | None = None) -> str:
    if month and day:
        return f"XXXX-{month:02d}-{day:02d}"
    if month:
        return f"XXXX-{month:02d}"
    return "XXXX"


def _unit_shift(ctx: _Context, base: dt.date | None, unit: str, n: int) -> str | None:
    """The value of the `unit`-sized period n units from `base`."""
    if base is None:
        return None
    u = unit.lower()
    if u.startswith("day"):
        return day_value(shift_day(base, n))
    if u.startswith("week") and not u.startswith("weekend"):
        return week_value(shift_day(base, 7 * n))
    if u.startswith("weekend"):
        return week_value(shift_day(base, 7 * n)) + "-WE"
    if u.startswith("fortnight"):
        return week_value(shift_day(base, 14 * n))
    if u.startswith("month"):
        return month_value(*add_months(base.year, base.month, n))
    if u.startswith("quarter"):
        y, m = add_months(base.year, base.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if u.startswith("year"):
        return f"{base.year + n:04d}"
    if u.startswith("decade"):
        return f"{base.year // 10 + n:03d}"
    if u.startswith("centur"):
        return f"{base.year // 100 + n:02d}"
    if u.startswith(("hour", "minute", "second")):
        return day_value(base)
    if u.startswith("season"):
        return _season_value(base, 0)
    return None


def _season_of(day: dt.date) -> tuple[int, int]:
    idx = {12: 3, 1: 3, 2: 3, 3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2}[day.month]
    year = day.year - 1 if day.month in (1, 2) else day.year
    return year, idx


def _season_value(day: dt.date, shift: int) -> str:
    y, i = _season_of(day)
    k = y * 4 + i + shift
    return f"{k // 4:04d}-{SEASON_ORDER[k % 4]}"


def _pod(g: Grammar, word: str | None) -> str | None:
    return g.lex["parts_of_day"].get(word.lower()) if word else None


def _normalise(c: Candidate, ctx: _Context) -> list[TimeExpr]:
    handler = _HANDLERS.get(c.rule)
    if handler is None:
        return []
    res = handler(c, ctx)
    if res is None:
        return []
    return res if isinstance(res, list) else [res]


def _tense(ctx: _Context, c: Candidate) -> Tense | None:
    return ctx.tenses.at(c.start, c.end)


def _month_no(ctx: _Context, raw: str) -> int:
    return ctx.g.months[raw.rstrip(".").lower()]


def _h_full(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    month = int(gr["mon"]) if gr.get("mon") else _month_no(ctx, gr["month"])
    day = int(gr["day"]) if gr.get("day") else None
    year = int(gr["year"]) if gr.get("year") else None
    if gr.get("yy"):
        yy = int(gr["yy"])
        this = ctx.dct.year if ctx.dct else 2000
        year = 2000 + yy if 2000 + yy <= this + 10 else 1900 + yy
    tense = _tense(ctx, c)
    anchor = "absolute"
    if year is None and gr.get("yrel") and ctx.dct:
        anchor = "publication"  # "October of next year"
        year = ctx.dct.year + {"next": 1, "last": -1}.get(gr["yrel"].lower(), 0)
    if year is None and day is not None and not gr.get("rel") and (named := _named_day(ctx, c, month, day)):
        # 'the September 11 attacks': the name of a day of the past, not this year's September 11
        return _make(ctx, c, "DATE", named, anchor="named", tense=tense)
    if year is None:
        anchor = "publication"
        year = _pick_year(ctx, month, day, tense, gr.get("rel"), _role(ctx.text, c.start))
    if day is not None:
        if day > last_day(year or 2000, month):
            return None
        value = f"{year:04d}-{month:02d}-{day:02d}" if year else _x_value(month, day)
        if gr.get("hh"):
            return _make(ctx, c, "TIME", f"{value}T{gr['hh']}:{gr['mi']}", anchor=anchor, tense=tense)
        return _make(ctx, c, "DATE", value, anchor=anchor, tense=tense)
    value = month_value(year, month) if year else _x_value(month)
    return _make(ctx, c, "DATE", value, anchor=anchor, tense=tense)


def _named_day(ctx: _Context, c: Candidate, month: int, day: int) -> str | None:
    """The date a month and day name when a noun of the event named by them follows ('the Sept. 11 attacks')."""
    named = ctx.g.lex["named_dates"]
    value = named["month_days"].get(f"{month:02d}-{day:02d}")
    if value is None:
        return None
    for raw in re.findall(r"\S+", ctx.text[c.end : c.end + 60])[:3]:
        word = raw.strip(".,;:!?\"'()“”‘’").lower()
        if word in named["nouns"]:
            return _named_value(ctx, value)
        if word not in named["modifiers"]:
            return None
    return None


def _h_year(c: Candidate, ctx: _Context) -> TimeExpr | None:
    year = int(c.groups["year"])
    if ctx.dct and year > ctx.dct.year + 50:
        return None
    return _make(ctx, c, "DATE", f"{year:04d}", anchor="absolute", tense=_tense(ctx, c))


def _h_decade(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    if gr.get("dec"):
        value = gr["dec"][:3]
    elif gr.get("dd"):
        dd = int(gr["dd"])
        century = 19 if ctx.dct is None or dd > ctx.dct.year % 100 else 20
        value = f"{century}{dd // 10}"
    else:
        digit = ctx.g.lex["decade_words"][gr["dword"].lower()]
        cent = gr.get("cent")
        century = "19" if not cent or cent.lower().startswith("nineteen") or cent == "19" else "20"
        value = f"{century}{digit}"
    return _make(ctx, c, "DATE", value, anchor="absolute", tense=_tense(ctx, c))


def _h_century(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    n = int(gr["n"]) if gr.get("n") else ctx.g.lex["ordinals"].get(gr["ord"].lower(), 0)
    if n < 1 or n > 21:
        return None
    return _make(ctx, c, "DATE", f"{n - 1:02d}", anchor="absolute")


def _h_weekday(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    wd = ctx.g.weekdays[gr["wd"].lower()]
    tense = _tense(ctx, c)
    day = _weekday_date(ctx, wd, _deadline_tense(ctx, c, tense), gr.get("rel"))
    if _prev_word(ctx.text, c.start).lower() in ("a", "any") and re.match(
        r"\s*(?:[.,;:)]|$|(?:in|of|at|when|and|or|for|to|that)\b)", ctx.text[c.end : c.end + 8]
    ):
        day = None  # "falls on a Sunday": no particular one
    value = day_value(day) if day else f"XXXX-WXX-{wd}"
    pod = _pod(ctx.g, gr.get("pod")) or ("NI" if gr.get("over") else None)  # 'overnight Tuesday': that night
    mod = (gr.get("mod") or "").lower()
    if not pod and mod:
        pod = POD_LATE if mod == "late" else POD_EARLY
    if pod:
        return _make(ctx, c, "TIME", f"{value}T{pod}", tense=tense)
    return _make(ctx, c, "DATE", value, tense=tense)


def _h_weekday_set(c: Candidate, ctx: _Context) -> TimeExpr | None:
    wd = ctx.g.weekdays[c.groups["wd"].lower()]
    return _make(ctx, c, "SET", f"XXXX-WXX-{wd}")


def _h_dayword(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    w = gr["w"].lower()
    offset = ctx.g.lex["day_words"].get(w, 0)
    if w in ("this", "last"):
        offset = -1 if w == "last" else 0  # "last night" is the evening before publication
    day = shift_day(ctx.dct, offset) if ctx.dct else None
    value = day_value(day) if day else None
    pod = _pod(ctx.g, gr.get("pod"))
    if w in ("tonight", "overnight"):
        # 'overnight' in a story is the night that ended on the morning it was filed: the publication day's night
        # (TimeML: a part of the reference day), as 'tonight' is the night starting that day
        pod = pod or "NI"
    mod = (gr.get("mod") or "").lower()
    if not pod and mod in ("early", "late"):
        pod = POD_LATE if mod == "late" else POD_EARLY
    if pod:
        return _make(ctx, c, "TIME", f"{value or 'XXXX-XX-XX'}T{pod}", tense=_tense(ctx, c))
    return _make(ctx, c, "DATE", value, tense=_tense(ctx, c))


def _h_relunit(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    rel = re.sub(r"^this\s+", "", gr["rel"].lower()) if " " in gr["rel"].strip() else gr["rel"].lower()
    rel = {"past": "last"}.get(rel, rel) if " " in gr["rel"].strip() else rel  # "this past weekend" is the last one
    unit = gr["unit"].lower()
    the = bool(gr.get("the"))
    tense = _tense(ctx, c)
    if unit in ("morning", "night", "evening", "afternoon"):
        pod = _pod(ctx.g, unit)
        if the or rel in ("previous", "following", "same"):
            shift = {"previous": -1, "last": -1, "next": 1, "following": 1}.get(rel, 0)
            base = ctx.base(unit, shift > 0)
            anchor = "previous"
            if base is None and ctx.dct is not None:
                return _make(ctx, c, "TIME", None, anchor=None, tense=tense)  # 'The next morning, ...' in a lead
        else:
            base = ctx.dct
            shift = -1 if rel in ("last", "past", "previous") and unit in ("night", "evening") else 0
            if rel == "last" and unit in ("morning", "afternoon"):
                shift = -1
            if rel == "next":
                shift = 1
            anchor = "publication"
        if base is None:
            return None
        return _make(ctx, c, "TIME", f"{day_value(shift_day(base, shift))}T{pod}", anchor=anchor, tense=tense)
    if the and rel in ("past", "coming") and unit not in ("day", "weekend"):
        return _make(ctx, c, "DURATION", _duration(ctx.g, unit, 1), tense=tense)
    if unit == "season":
        if ctx.dct is None:
            return None
        return _make(ctx, c, "DATE", _season_value(ctx.dct, {"last": -4, "next": 4}.get(rel, 0)), tense=tense)
    if rel in ("previous", "following", "same") or (the and rel == "next"):
        if the and rel in ("next", "following") and unit in ("decade", "century"):
            return _make(ctx, c, "DURATION", _duration(ctx.g, unit, 1), tense=tense)
        n = {"previous": -1, "following": 1, "next": 1}.get(rel, 0)
        return _make(ctx, c, "DATE", _unit_shift(ctx, ctx.base(unit, n > 0), unit, n), anchor="previous", tense=tense)
    if unit == "day":
        return None  # "this day", "last day": not a calendar reference
    n = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit in ("week", "weekend") and rel == "past" and not the:
        n = -1
    return _make(ctx, c, "DATE", _unit_shift(ctx, ctx.dct, unit, n), tense=tense)


def _h_that_unit(c: Candidate, ctx: _Context) -> TimeExpr | None:
    unit = c.groups["unit"].lower()
    if unit in ("morning", "night", "evening", "afternoon"):
        if ctx.prev is None:
            return None
        return _make(ctx, c, "TIME", f"{day_value(ctx.prev)}T{_pod(ctx.g, unit)}", anchor="previous")
    return _make(ctx, c, "DATE", _unit_shift(ctx, ctx.base(unit), unit, 0), anchor="previous", tense=_tense(ctx, c))


def _h_edge(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    rel = (gr.get("rel") or "the").lower()
    n = {"last": -1, "next": 1}.get(rel, 0)
    tense = _tense(ctx, c)
    value = _unit_shift(ctx, ctx.dct, gr["unit"], n)
    if rel in ("the",) and ctx.dct is not None and value:
        # "peaked by the end of the year" written in March: the year that has already ended
        edge = gr["mod"].lower().split()[1]
        span = interval_of(value)
        if span and edge in ("end", "close") and tense == "past" and span[1] > ctx.dct.isoformat():
            value = _unit_shift(ctx, ctx.dct, gr["unit"], -1)
        elif span and edge in ("beginning", "start") and tense == "future" and span[0] < ctx.dct.isoformat():
            value = _unit_shift(ctx, ctx.dct, gr["unit"], 1)
    return _make(ctx, c, "DATE", value, tense=tense)


def _h_relseason(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    code = ctx.g.lex["seasons"][gr["season"].lower()]
    if gr.get("year"):
        return _make(ctx, c, "DATE", f"{gr['year']}-{code}", anchor="absolute")
    if ctx.dct is None:
        return _make(ctx, c, "DATE", f"XXXX-{code}")
    y, i = _season_of(ctx.dct)
    now = y * 4 + i
    target = SEASON_ORDER.index(code)
    rel = (gr.get("rel") or "").lower()
    tense = _tense(ctx, c)
    options = [(y + k) * 4 + target for k in (-1, 0, 1)]
    if rel in ("last", "past"):
        k = max(o for o in options if o < now)
    elif rel in ("next", "coming"):
        k = min(o for o in options if o > now)
    elif rel == "this":
        k = y * 4 + target if target >= i or tense == "past" else (y + 1) * 4 + target
    elif tense == "past":
        k = max(o for o in options if o <= now)
    elif tense == "future":
        k = min(o for o in options if o >= now)
    else:
        k = min(options, key=lambda o: abs(o - now))
    return _make(ctx, c, "DATE", f"{k // 4:04d}-{SEASON_ORDER[k % 4]}", tense=tense)


def _h_quarter(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    ordw = (gr.get("ord") or "").lower()
    half = gr["q"].lower() == "half"
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(ordw)
    if n is None:
        n = 2 if half else 4
    if half and n > 2:
        return None
    letter = "H" if half else "Q"
    tense = _tense(ctx, c)
    if gr.get("year"):
        return _make(ctx, c, "DATE", f"{gr['year']}-{letter}{n}", anchor="absolute", tense=tense)
    if ctx.dct is None:
        return _make(ctx, c, "DATE", f"XXXX-{letter}{n}")
    rel = (gr.get("rel") or "").lower()
    year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if not rel:
        current = (ctx.dct.month - 1) // (6 if half else 3) + 1
        if tense == "past" and n > current:
            year -= 1
        elif tense == "future" and n < current:
            year += 1
    return _make(ctx, c, "DATE", f"{year:04d}-{letter}{n}", tense=tense)


def _h_qcode(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    c.groups = {**gr, "ord": gr["qn"], "q": "half" if gr["q"] == "H" else "quarter"}
    c.groups["ord"] = {"1": "first", "2": "second", "3": "third", "4": "fourth"}[gr["qn"]]
    return _h_quarter(c, ctx)


def _h_ago(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    n = _num(ctx.g, gr.get("num"))
    unit = gr["unit"].lower()
    direction = re.sub(r"\s+", " ", gr["dir"].lower())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    ahead = sign > 0 and n is not None and not unit.startswith(("hour", "minute", "second"))  # hours keep the day
    base = ctx.dct if direction in ("ago", "from now", "hence") else ctx.base(unit, ahead)
    anchor = "publication" if base is ctx.dct else "previous"
    if base is None and ctx.dct is not None:
        return _make(ctx, c, "DATE", None, anchor=None, tense=_tense(ctx, c))  # 'A day later, ...' in a lead
    if n is None or base is None:
        return _make(ctx, c, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor=anchor)
    k = int(n) * sign
    if n != int(n):
        return None
    value = _unit_shift(ctx, base, unit, k)
    if unit.startswith("week") and not unit.startswith("weekend"):
        value = day_value(shift_day(base, 7 * k))  # "a week ago" names a day more often than a calendar week
    if unit.startswith(("hour", "minute", "second")):
        value = day_value(base)
    return _make(ctx, c, "DATE", value, anchor=anchor, tense=_tense(ctx, c))


def _h_duration(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    n = _num(ctx.g, gr.get("num"))
    if n is not None and (gr.get("half") or gr.get("half2")):
        n += 0.5
    if c.rule == "duration" and (gr.get("num") or "").lower() in ("a", "an") and _SET_BEFORE.search(ctx.text[max(0, c.start - 12) : c.start]):
        return _make(ctx, c, "SET", _duration(ctx.g, gr["unit"], 1))
    start = c.start
    if gr.get("num") and re.search(r"\w-\w", ctx.text[c.start : c.end]):
        # "a week-long visit", "the 24-hour strike": the hyphenated adjective is the expression, not its article
        if gr["num"].lower() in ("a", "an"):
            start = c.start + len(gr["num"]) + 1
        elif gr.get("the") and not gr.get("rel"):
            start = ctx.text.index(gr["num"], c.start)
    return _make(ctx, c, "DURATION", _duration(ctx.g, gr["unit"], n), start=start, tense=None)


def _h_unitlong(c: Candidate, ctx: _Context) -> TimeExpr | None:
    unit = c.groups["unit"].lower()
    plural = unit.endswith("s") or unit == "centuries"
    return _make(ctx, c, "DURATION", _duration(ctx.g, unit, None if plural else 1))


def _h_range(c: Candidate, ctx: _Context) -> TimeExpr | None:
    n = _num(ctx.g, c.groups["num1"])
    if n is None:
        return None
    return _make(ctx, c, "DURATION", _duration(ctx.g, c.groups["unit"], n))


def _h_plural(c: Candidate, ctx: _Context) -> TimeExpr | None:
    if c.groups.get("ago"):
        return _make(ctx, c, "DATE", "PAST_REF", anchor=None)  # "years ago"
    return _make(ctx, c, "DURATION", _duration(ctx.g, c.groups["unit"], None))


def _clock_day(c: Candidate, ctx: _Context) -> str:
    gr = c.groups
    if gr.get("wd"):
        day = _weekday_date(ctx, ctx.g.weekdays[gr["wd"].lower()], _deadline_tense(ctx, c, _tense(ctx, c)), None)
    elif ctx.prev_end is not None and re.fullmatch(r"(?i:,?\s*(?:at|by|from|around|before|after)?\s*)", ctx.text[ctx.prev_end : c.start]):
        day = ctx.prev  # "Jan. 31, 2022 at 5 p.m.": the clock belongs to the date just before it
    else:
        day = ctx.dct
    return day_value(day) if day else "XXXX-XX-XX"


def _h_clock(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    hh = int(gr["hh"])
    mi = int(gr["mi"] or 0)
    ap = (gr.get("ap") or "").lower()
    if ap.startswith("p") and hh < 12:
        hh += 12
    elif ap.startswith("a") and hh == 12:
        hh = 0
    # TIMEX3 marks a time given in UTC/GMT with "Z"; other zones stay local
    zone = "Z" if (gr.get("tz") or "") in ("UTC", "GMT") else ""
    return _make(ctx, c, "TIME", f"{_clock_day(c, ctx)}T{hh:02d}:{mi:02d}{zone}", tense=_tense(ctx, c))


def _h_noon(c: Candidate, ctx: _Context) -> TimeExpr | None:
    hh = "00" if c.groups["w"].lower() == "midnight" else "12"
    return _make(ctx, c, "TIME", f"{_clock_day(c, ctx)}T{hh}:00", tense=_tense(ctx, c))


def _h_hms(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    return _make(ctx, c, "DURATION", f"PT{int(gr['h'])}H{int(gr['m'])}M{int(gr['s'])}S")


def _h_yy(c: Candidate, ctx: _Context) -> TimeExpr | None:
    first = ctx.text[c.start - 5 : c.start - 1]
    value = first[:2] + c.groups["yy"]
    if value <= first:
        return None  # "1998-03" is a month, not a year range
    return _make(ctx, c, "DATE", value, anchor="absolute")


def _h_theday(c: Candidate, ctx: _Context) -> TimeExpr | None:
    start = c.end - len(c.groups["the"])
    if ctx.prev is None:
        return None
    return _make(ctx, c, "DATE", day_value(ctx.prev), start=start, anchor="previous")


def _h_day_rel(c: Candidate, ctx: _Context) -> TimeExpr | None:
    """"the day before the vote": a day fixed by an event, not a calendar date we can name."""
    return _make(ctx, c, "DATE", "XXXX-XX-XX", anchor=None)


def _h_day_two(c: Candidate, ctx: _Context) -> TimeExpr | None:
    if ctx.dct is None:
        return None
    n = -2 if c.groups["w"].lower().startswith("before") else 2
    return _make(ctx, c, "DATE", day_value(shift_day(ctx.dct, n)), tense=_tense(ctx, c))


def _h_weekend(c: Candidate, ctx: _Context) -> TimeExpr | None:
    start = c.end - len("the weekend")
    if ctx.dct is None:
        return None
    tense = _tense(ctx, c)
    n = 0
    if tense == "past" and ctx.dct.isoweekday() < 6:
        n = -1
    return _make(ctx, c, "DATE", _unit_shift(ctx, ctx.dct, "weekend", n), start=start, tense=tense)


def _h_nthweek(c: Candidate, ctx: _Context) -> TimeExpr | None:
    """"the first week of March": the ISO week holding that month's 1st, 8th, ... day (last: its last days)."""
    gr = c.groups
    month = _month_no(ctx, gr["month"])
    tense = _tense(ctx, c)
    year = int(gr["year"]) if gr.get("year") else _pick_year(ctx, month, None, tense)
    if year is None:
        return None
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(gr["ord"].lower())
    day = dt.date(year, month, 1 + 7 * (n - 1)) if n else dt.date(year, month, last_day(year, month) - 3)
    anchor = "absolute" if gr.get("year") else "publication"
    return _make(ctx, c, "DATE", week_value(day), anchor=anchor, tense=tense)


_SET_UNITS = {
    "day": "XXXX-XX-XX", "night": "XXXX-XX-XXTNI", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "year": "XXXX", "quarter": "XXXX-QX", "season": "XXXX-XX", "decade": "XXX", "morning": "XXXX-XX-XXTMO",
    "afternoon": "XXXX-XX-XXTAF", "evening": "XXXX-XX-XXTEV", "summer": "XXXX-SU", "winter": "XXXX-WI",
    "spring": "XXXX-SP", "autumn": "XXXX-FA", "hour": "PT1H", "minute": "PT1M", "second": "PT1S",
}


def _h_set_every(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    if gr.get("wd"):
        return _make(ctx, c, "SET", f"XXXX-WXX-{ctx.g.weekdays[gr['wd'].lower()]}")
    if gr.get("month"):
        return _make(ctx, c, "SET", f"XXXX-{_month_no(ctx, gr['month']):02d}")
    what = gr["what"].lower()
    n = _num(ctx.g, gr.get("num"))
    if gr.get("other"):
        n = 2
    if n is not None or what.endswith("s"):
        unit = what if what in ctx.g.units else "day"
        return _make(ctx, c, "SET", _duration(ctx.g, unit, n or 1))
    return _make(ctx, c, "SET", _SET_UNITS.get(what, "XXXX"))


def _h_set_freq(c: Candidate, ctx: _Context) -> TimeExpr | None:
    return _make(ctx, c, "SET", _duration(ctx.g, c.groups["what"], 1))


# TimeML gives frequency adverbs the period they repeat with ("weekly" -> P1W).
_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "nightly": "P1D", "quarterly": "P3M", "biannually": "P6M", "biweekly": "P2W", "fortnightly": "P2W",
}


def _h_set_adv(c: Candidate, ctx: _Context) -> TimeExpr | None:
    return _make(ctx, c, "SET", _ADVERBS[c.groups["adv"].lower()])


def _h_refs(c: Candidate, ctx: _Context) -> TimeExpr | None:
    raw = re.sub(r"\s+", " ", c.groups["ref"].lower())
    value = ctx.g.lex["refs"][raw]
    span = ctx.g.lex.get("ref_spans", {}).get(raw)
    start = c.start
    if span:
        start = c.end - len(span)
    return _make(ctx, c, "DATE", value, start=start, anchor=None, tense=_tense(ctx, c))


def _h_holiday(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    name = re.sub(r"\s+", " ", gr["holiday"].lower())
    mm, dd = (int(x) for x in ctx.g.lex["holidays"][name].split("-"))
    if gr.get("year"):
        return _make(ctx, c, "DATE", f"{gr['year']}-{mm:02d}-{dd:02d}", anchor="absolute")
    tense = _tense(ctx, c)
    year = _pick_year(ctx, mm, dd, tense, gr.get("rel"))
    value = f"{year:04d}-{mm:02d}-{dd:02d}" if year else _x_value(mm, dd)
    return _make(ctx, c, "DATE", value, tense=tense)


def _h_earlyrel(c: Candidate, ctx: _Context) -> TimeExpr | None:
    gr = c.groups
    n = {"last": -1, "next": 1}.get(gr["rel"].lower(), 0)
    return _make(ctx, c, "DATE", _unit_shift(ctx, ctx.dct, gr["unit"], n), tense=_tense(ctx, c))


def _named_value(ctx: _Context, value: str) -> str | None:
    """A named day's date ('9/11'), unless the story was filed before it (then the name means something else)."""
    return value if ctx.dct is None or value <= ctx.dct.isoformat() else None


def _h_named(c: Candidate, ctx: _Context) -> TimeExpr | None:
    value = _named_value(ctx, ctx.g.lex["named_dates"]["names"][c.groups["name"]])
    return _make(ctx, c, "DATE", value, anchor="named") if value else None


_HANDLERS: dict[str, Any] = {
    "iso": _h_full, "numeric": _h_full, "md": _h_full, "dm": _h_full, "my": _h_full, "month": _h_full,
    "year": _h_year, "decade": _h_decade, "decade_bare": _h_decade, "decade_w": _h_decade, "century": _h_century, "century_w": _h_century,
    "weekday": _h_weekday, "weekday_set": _h_weekday_set, "dayword": _h_dayword, "daypart": _h_dayword,
    "relunit": _h_relunit, "relseason": _h_relseason, "that_unit": _h_that_unit, "edge": _h_edge,
    "earlyrel": _h_earlyrel, "quarter": _h_quarter, "qcode": _h_qcode, "ago": _h_ago, "duration": _h_duration,
    "hyphen": _h_duration, "unitlong": _h_unitlong, "range": _h_range, "plural": _h_plural, "clock": _h_clock,
    "clock24": _h_clock, "clock24b": _h_clock, "noon": _h_noon, "set_every": _h_set_every, "set_freq": _h_set_freq,
    "set_adv": _h_set_adv, "day_rel": _h_day_rel, "day_two": _h_day_two, "numeric_dot": _h_full, "nthweek": _h_nthweek, "theday": _h_theday, "weekend": _h_weekend, "numeric2": _h_full, "hms": _h_hms, "yy": _h_yy, "refs": _h_refs, "holiday": _h_holiday,
    "named": _h_named,
}
