"""Recognisers: regular expressions over the raw text that find candidate time expressions and their parts."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .lexicon import load_lexicon

# Characters either side of an anchor word searched for an expression; the longest rule spans fewer.
WINDOW = 80
_WORD_OR_DIGIT = re.compile(r"(\d)\d*|([A-Za-z]+)")


def _alt(words: list[str]) -> str:
    """A regex alternation, longest first so "Sept" wins over "Sep"; spaces match any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    need: re.Pattern[str] | None = None  # a cheap test: the rule cannot match a text without it


# Words some rule cannot match without; checked once per text so most rules are skipped on most articles.
_NEEDS = {
    "theday": r"(?i:the\s+day\b)",
    "weekend": r"(?i:weekend)",
    "decade": r"\d0'?s\b",
    "decade_bare": r"\d0s\b",
    "century": r"(?i:century)",
    "century_w": r"(?i:century)",
    "weekday_set": r"(?:day|DAY)S?\b",
    "dayword": r"(?i:today|yesterday|tomorrow|tonight|overnight)",
    "daypart": r"(?i:morning|afternoon|evening|night|noon|dawn|dusk|daybreak|lunchtime|midday)",
    "edge": r"(?i:\bthe\s+(?:end|beginning|start|middle|turn|close)\s+of)",
    "earlyrel": r"(?i:\b(?:early|late|earlier|later|mid)[\s-]+(?:this|last|next)\b)",
    "quarter": r"(?i:quarter|half)",
    "qcode": r"\b[QH][1-4]\b",
    "ago": r"(?i:\b(?:ago|earlier|later|before)\b)",
    "unitlong": r"(?i:-long\b)",
    "range": r"\s(?:to|or|and|-)\s",
    "clock": r"(?i:\d\s*[ap]\.?m)",
    "clock24": r"\d[:.]?[0-5]\d",
    "clock24b": r"\d:[0-5]\d",
    "hms": r"\d:[0-5]\d:[0-5]\d",
    "yy": r"\d\d[-–]\d\d",
    "noon": r"(?i:noon|midnight|midday)",
    "set_every": r"(?i:\b(?:every|each)\s)",
    "set_freq": r"(?i:\b(?:once|twice|times)\s)",
    "numeric": r"\d/\d",
    "numeric_dot": r"\d\.\d\d?\.\d",
    "numeric2": r"\d/\d",
    "iso": r"\d-\d\d-\d",
}

@dataclass
class Candidate:
    start: int
    end: int
    rule: str
    groups: dict[str, Any]


class Grammar:
    """The compiled recognisers for one lexicon."""

    def __init__(self, lex: dict[str, Any]) -> None:
        self.lex = lex
        self.months: dict[str, int] = lex["months"]
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.numbers: dict[str, float] = lex["numbers"]
        self.units: dict[str, str] = lex["units"]
        self.ambiguous_months = set(lex["ambiguous_months"])
        full_months = [m for m in self.months if (len(m) > 3 or m == "may") and m not in ("sept",)]
        abbr_months = [m for m in self.months if m not in full_months]
        # Month names are capitalised in news; abbreviations take an optional full stop ("Jan.", "Sept.").
        month = _alt([_cap(m) for m in full_months] + [m.upper() for m in full_months])
        abbr = _alt([_cap(m) for m in abbr_months])
        self.MONTH = rf"(?P<month>(?:{month})\b|(?:{abbr})(?:\.|\b))"
        wdays = [w for w in self.weekdays if len(w) > 4]
        self.WD = rf"(?P<wd>{_alt([_cap(w) for w in wdays] + [w.upper() for w in wdays])})"
        self.WD_ABBR = rf"(?:{_alt([_cap(w) for w in self.weekdays])})\.?"
        digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
        tens = [w for w, v in self.numbers.items() if isinstance(v, int) and 20 <= v <= 90 and " " not in w]
        ones = [w for w, v in self.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")]
        compound = rf"(?:{_alt(tens)})(?:[-\s](?:{_alt(ones)}))?"
        words = _alt([w for w in self.numbers if w not in tens])
        vague = _alt(lex["vague_numbers"])
        self.NUM = rf"(?P<num>{digits}|{compound}|(?i:{words})|(?i:{vague}))"
        self.NUMW = rf"(?P<num>{digits}|(?i:{compound})|(?i:{_alt([w for w in self.numbers if w not in tens and w not in ('a', 'an')])}))"
        sing = [u for u in self.units if u in ("second", "minute", "hour", "day", "week", "fortnight", "month",
                                               "quarter", "year", "decade", "century", "weekend")]
        plural = [u for u in self.units if u not in sing and u not in ("min", "hr")]
        self.UNIT = rf"(?P<unit>(?i:{_alt(plural + sing)}))"
        self.UNIT_S = rf"(?P<unit>(?i:{_alt(sing)}))"
        self.UNIT_P = rf"(?P<unit>(?i:{_alt([u for u in plural if u not in ('weekends', 'hrs', 'mins')])}))"
        seasons = _alt(list(lex["seasons"]))
        self.SEASON = rf"(?P<season>(?i:{seasons}))"
        pods = _alt(list(lex["parts_of_day"]))
        self.POD = rf"(?P<pod>(?i:{pods}))"
        self.YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d,.]\d|\s*%|-(?:year|month|old))"
        self.DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\s*(?:%|percent|per\s+cent))"
        self.MOD = r"(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|beginning|start|middle|turn|close)\s+of))(?:\s+|-)|(?P<mod2>mid-))"
        holidays = _alt([" ".join(_cap(p) for p in h.split()) for h in lex["holidays"]])
        self.HOLIDAY = rf"(?P<holiday>{holidays})\b"
        refs = _alt(list(lex["refs"]))
        tz = r"(?:\s+(?P<tz>GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|IST|local\s+time|(?:Moscow|Beijing|Paris|London)\s+time)\b)?"
        self.rules = []
        for name, p in self._patterns(refs, tz):
            try:
                need = re.compile(_NEEDS[name]) if name in _NEEDS else None
                self.rules.append(Rule(name, re.compile(p), need))
            except re.error as err:
                raise ValueError(f"time rule {name}: {err}") from err
        self.anchor_words = self._anchor_words() | {w for ws in self._anchor_groups().values() for w in ws}
        groups: dict[str, list[str]] = {}
        for name, ws in self._anchor_groups().items():
            for w in ws:
                groups.setdefault(w, ["any"]).append(name)
        self.groups_of = {w: tuple(names) for w, names in groups.items()}

    def _patterns(self, refs: str, tz: str) -> list[tuple[str, str]]:
        Y, M, D, WD, NUM, MOD = self.YEAR, self.MONTH, self.DAY, self.WD, self.NUM, self.MOD
        ADJ = _alt(self.lex["duration_adjectives"])
        on_wd = rf"(?:(?:on\s+)?{WD}|{self.WD_ABBR})"
        rel = r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|previous|following|current|same))"
        return [
            ("iso", r"\b(?P<year>(?:1[5-9]|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"
                    r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?"),
            ("numeric2", r"(?<![\d/])(?P<mon>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<yy>\d\d)(?![\d/])"),
            ("theday", r"(?i:\b(?:end(?:s|ed|ing)?|finish(?:es|ed|ing)?|clos(?:e|es|ed|ing)|start(?:s|ed|ing)?|for|later\s+in|earlier\s+in|late\s+in|early\s+in)\s+)(?P<the>(?i:the\s+day))\b"),
            ("day_two", r"\b(?i:the\s+day\s+(?P<w>before\s+yesterday|after\s+tomorrow))\b"),
            ("day_rel", r"\b(?P<the>(?i:the))\s+day(?=\s+(?:before|after|that|when)\b)"),
            ("weekend", r"\b(?P<the>(?i:the|over\s+the|during\s+the))\s+(?P<unit>(?i:weekend))\b"),
            ("numeric_dot", r"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<mon>1[0-2]|0?[1-9])\.(?P<year>(?:19|20)\d\d)\b(?!\.\d)"),
            ("numeric", r"\b(?P<mon>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d)\b"),
            ("md", rf"\b(?:{MOD})?(?:{WD},?[ \t]+|{self.WD_ABBR},?[ \t]+)?{M}\s+{D}(?:,?\s+{Y})?\b"),
            ("dm", rf"\b(?:{WD},?[ \t]+)?(?:the\s+)?{D}(?:\s+of)?\s+{M}(?:,?\s+{Y})?\b"),
            ("nthweek", rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+of\s+{M}(?:,?\s+{Y})?\b"),
            ("my", rf"\b(?:{MOD})?{M}(?:\s+of)?,?\s+{Y}\b"),
            ("month", rf"\b(?:{MOD})?(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?{M}"
                      r"(?:\s+(?:of\s+)?(?P<yrel>(?i:next|last|this))\s+(?i:year)\b)?"),
            ("year", rf"(?<![\d$£€.,#/])(?:{MOD})?(?:(?P<fiscal>(?i:fiscal|FY))\s?)?{Y}\b"),
            ("decade", r"(?i:\b(?:the\s+)?(?:(?P<mod>early|late|mid)(?:\s+|-))?)(?:(?P<dec>1[5-9]\d0|20\d0)|'(?P<dd>\d0))'?s\b"),
            ("decade_bare", r"(?:(?<=\bthe )|(?<=0s and )|(?<=0s or )|(?<=0s to )|(?<=0s-))(?P<dd>[2-9]0)s\b(?!\s+(?i:degrees|percent))"),
            ("decade_w", rf"(?i:\b(?:the\s+)?(?:(?P<mod>early|late|mid)(?:\s+|-))?)(?:(?P<cent>19|20)|(?i:nineteen|twenty\s+))?"
                         rf"(?P<dword>(?i:{_alt(list(self.lex['decade_words']))}))\b"),
            ("century", r"\b(?:(?P<mod>(?i:early|late|mid))(?:\s+|-))?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-](?i:century)\b"),
            ("century_w", rf"\b(?P<ord>(?i:{_alt(list(self.lex['ordinals']))}))[\s-](?i:century)\b"),
            ("weekday", rf"\b(?:(?P<over>(?i:overnight))\s+(?:(?i:on)\s+)?)?(?:(?P<mod>(?i:early|late))\s+)?(?:{rel}\s+)?{WD}(?!s\b)(?:\s+{self.POD})?\b(?!,?[ \t]+{M})"),
            ("weekday_set", rf"\b(?P<every>(?i:every|each)\s+)?{WD}s\b"),
            ("dayword", rf"\b(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<w>(?i:today|yesterday|tomorrow|tonight|overnight))(?:\s+{self.POD})?\b"),
            ("daypart", rf"\b(?P<w>(?i:this|last|yesterday|tomorrow))\s+{self.POD}\b"),
            ("relunit", rf"\b(?P<the>(?i:the)\s+)?(?:(?P<mod>(?i:early|late|earlier|later|mid))(?:\s+|-))?{rel}\s+"
                        rf"(?P<fiscal>(?i:fiscal|financial)\s+)?(?P<unit>(?i:week|month|year|decade|century|quarter|weekend|day|season|morning|night|evening|afternoon))\b"),
            ("relseason", rf"\b(?:(?P<mod>(?i:early|late|mid))(?:\s+|-))?(?:(?P<rel>(?i:last|next|this|past|coming|the))\s+)?{self.SEASON}(?:\s+(?:of\s+)?{Y})?\b"),
            ("that_unit", r"\b(?P<that>(?i:that|the\s+same))\s+(?P<unit>(?i:day|week|month|year|morning|night|evening|afternoon))\b"),
            ("edge", r"\b(?P<mod>(?i:the\s+(?:end|beginning|start|middle|turn|close)\s+of))\s+(?:(?P<rel>(?i:the|this|last|next))\s+)?"
                     r"(?P<unit>(?i:year|month|week|decade|century))\b"),
            ("earlyrel", r"\b(?P<mod>(?i:early|late|earlier|later|mid))(?:\s+|-)(?P<rel>(?i:this|last|next))\s+(?P<unit>(?i:week|month|year|decade))\b"),
            ("quarter", rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?P<q>(?i:quarter|half))"
                        rf"(?:\s+(?:of\s+)?(?:{Y}|(?P<rel>(?i:this|last|next|the))\s+year))?\b"),
            ("qcode", rf"\b(?P<q>[QH])(?P<qn>[1-4])(?:\s+{Y})?\b"),
            ("ago", rf"\b(?:(?P<pre>(?i:almost|nearly))\s+)?{NUM}\s+{self.UNIT}\s+(?P<dir>(?i:ago|earlier(?!\s+than)|later(?!\s+than)|before(?=\s*[.,;]|$)))"),
            ("duration", rf"\b(?P<pre>(?i:almost|nearly|a\s+mere|just\s+under)\s+)?(?P<the>(?i:the)\s+(?:(?P<rel>(?i:past|last|next|first|coming|following|previous|final|recent|ensuing))\s+)?)?"
                         rf"{NUM}(?P<half>\s+and\s+a\s+half)?(?:\s+(?i:{ADJ}))?(?:\s+|-){self.UNIT}(?P<half2>\s+and\s+a\s+half)?(?:(?P<poss>'(?!\w))|-long\b|\b)(?!-old|\s+old|-[a-z])"),
            ("hyphen", rf"(?<!-)\b{self.NUMW}-{self.UNIT_S}(?:-long)?(?!-old|-[a-z])\b"),
            ("unitlong", r"\b(?P<unit>(?i:day|week|month|year|decade|hour|minute|decades|years|months|weeks|days|centuries|century))-long\b"),
            ("range", rf"\b(?P<num1>\d+|(?i:{_alt([w for w in self.numbers if w not in ('a', 'an')])}))(?=\s+(?:to|or|and|-)\s+{NUM}\s+{self.UNIT_P}\b)"),
            ("plural", rf"\b(?P<rel>(?i:recent|the\s+past|the\s+last|the\s+coming|the\s+next|the\s+following|the\s+previous|coming|past)\s+)?{self.UNIT_P}\b(?P<ago>\s+(?i:ago))?(?!-old|\s+old)"),
            ("clock", rf"\b(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.m\b|[AaPp][Mm]\b){tz}(?:,?\s+{on_wd})?"),
            ("clock24", rf"(?<![\d,.])\b(?P<hh>[01]?\d|2[0-3])[:.]?(?P<mi>[0-5]\d)(?::\d\d)?\s*(?:(?P<tz>GMT|UTC|[ECMP][SD]?T|BST|CET|local\s+time)\b|(?P<hrs>hours|hrs|h)\b)(?:,?\s+{on_wd})?"),
            ("hms", r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![:\d])"),
            ("yy", r"(?<=\b(?:1[5-9]|20)\d\d[-–])(?P<yy>\d\d)\b(?![-–/]\d)"),
            ("clock24b", r"(?<![\d:])(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?![:\d])"),
            ("noon", rf"\b(?P<w>(?i:noon|midnight|midday))(?:\s+{on_wd})?\b"),
            ("set_every", rf"\b(?P<every>(?i:every|each))\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<num>\d+|(?i:two|three|four|five|six|few))\s+)?"
                          rf"(?P<what>(?i:second|minute|hour|day|night|week|weekend|month|year|decade|season|quarter|morning|afternoon|evening|"
                          rf"summer|winter|spring|autumn|seconds|minutes|hours|days|weeks|months|years)|{WD}|{M})\b"),
            ("set_freq", r"\b(?P<freq>(?i:once|twice|three\s+times|four\s+times|\d+\s+times|several\s+times))\s+(?P<per>(?i:a|an|per|every|each))\s+"
                         r"(?P<what>(?i:minute|hour|day|week|month|year|decade))\b"),
            ("set_adv", r"\b(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biannually|biweekly|fortnightly))\b"),
            ("refs", rf"\b(?P<ref>(?i:{refs}))\b"),
            ("holiday", rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?{self.HOLIDAY}(?:\s+{Y})?"),
            ("named", rf"(?<![\d/])(?P<name>{_alt(list(self.lex['named_dates']['names']))})(?![\d/])"),
        ]

    def _anchor_words(self) -> frozenset[str]:
        """Every expression holds a digit or one of these words; rules then run only in windows around them."""
        lex = self.lex
        words = [*self.months, *self.weekdays, *self.units, *lex["seasons"], *lex["parts_of_day"], *lex["day_words"],
                 *lex["refs"], *lex["decade_words"], *lex["holidays"],
                 "every", "each", "once", "twice", "times", "daily", "weekly", "monthly", "annually", "yearly", "hourly",
                 "nightly", "quarterly", "biannually", "biweekly", "fortnightly", "noon", "midnight", "half", "fiscal",
                 "ago", "century", "centuries", "nights", "mornings", "evening", "afternoon", "fy"]
        # multi-word entries ("at present") are anchored by their every word; a set lookup beats a regex alternation
        return frozenset(part for w in words for part in re.findall(r"[a-z]+", w.lower()))

    def _anchor_groups(self) -> dict[str, frozenset[str]]:
        """Rules that cannot match without a word of one kind search only near such words (most of the time saved)."""
        lex = self.lex
        units = {*self.units, "season", "morning", "night", "evening", "afternoon", "mornings", "nights"}
        return {
            "unit": frozenset(units),
            "month": frozenset(self.months),
            "weekday": frozenset([*self.weekdays, *(w + "s" for w in self.weekdays)]),
            "season": frozenset(lex["seasons"]),
            "dayword": frozenset([*lex["day_words"], *lex["parts_of_day"], "this", "last"]),
            "ref": frozenset(p for r in lex["refs"] for p in r.split()),
            "holiday": frozenset(p for h in lex["holidays"] for p in re.findall(r"[a-z]+", h)),
            "adverb": frozenset(["daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly",
                                 "biannually", "biweekly", "fortnightly"]),
            "decade_word": frozenset(lex["decade_words"]),
            "century": frozenset(["century"]),
            "quarter": frozenset(["quarter", "half"]),
            "noon": frozenset(["noon", "midnight", "midday"]),
            "every": frozenset(["every", "each"]),
        }

    def candidates(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        windows = self._windows(text)
        for rule in self.rules:
            spans = windows.get(_RULE_GROUP.get(rule.name, "any"))
            # no anchor word of the rule's group: no match, and no need to search the whole text for its `need`
            if not spans or rule.need is not None and not rule.need.search(text):
                continue
            for lo, hi in spans:
                for m in rule.pattern.finditer(text, lo, hi):
                    if m.end() > m.start():
                        out.append(Candidate(m.start(), m.end(), rule.name, m.groupdict()))
        return out

    def _windows(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Merged stretches of text around anchor words, per anchor group ("any" is every anchor); no expression
        reaches further than WINDOW from its anchor."""
        spans: dict[str, list[tuple[int, int]]] = {"any": []}
        words = self.anchor_words
        groups = self.groups_of
        n = len(text)
        for m in _WORD_OR_DIGIT.finditer(text):
            word = m.group(2)
            if word is None:
                names: tuple[str, ...] = ("any", "digit")
            else:
                low = word.lower()
                if low not in words:
                    continue
                names = groups.get(low, ("any",))
            lo, hi = max(0, m.start() - WINDOW), min(n, m.end() + WINDOW)
            # never cut a word: a window edge inside "weekly" would let "week" match
            while lo > 0 and text[lo - 1].isalnum():
                lo -= 1
            while hi < n and text[hi].isalnum():
                hi += 1
            for name in names:
                lst = spans.setdefault(name, [])
                if lst and lo <= lst[-1][1]:
                    lst[-1] = (lst[-1][0], hi)
                else:
                    lst.append((lo, hi))
        return spans


# Rules whose every match holds a word of one anchor group (see Grammar._anchor_groups).
_RULE_GROUP = {
    "duration": "unit", "hyphen": "unit", "ago": "unit", "range": "unit", "plural": "unit", "unitlong": "unit",
    "relunit": "unit", "earlyrel": "unit", "edge": "unit", "that_unit": "unit", "theday": "unit", "weekend": "unit",
    "set_freq": "unit", "day_rel": "unit", "day_two": "unit", "nthweek": "month", "md": "month", "dm": "month", "my": "month", "month": "month", "weekday": "weekday",
    "weekday_set": "weekday", "relseason": "season", "dayword": "dayword", "daypart": "dayword",
    "refs": "ref", "holiday": "holiday", "set_adv": "adverb", "decade_w": "decade_word", "century": "century",
    "century_w": "century", "quarter": "quarter", "noon": "noon", "set_every": "every",
    "iso": "digit", "numeric": "digit", "numeric_dot": "digit", "numeric2": "digit", "year": "digit", "decade": "digit", "decade_bare": "digit", "hms": "digit",
    "yy": "digit", "named": "digit", "clock": "digit", "clock24": "digit", "clock24b": "digit", "qcode": "digit",
}


@functools.lru_cache(maxsize=4)
def grammar(user_file: str | None = None) -> Grammar:
    return Grammar(load_lexicon(user_file))
