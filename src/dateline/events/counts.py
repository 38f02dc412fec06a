"""Counts in the text: '2,000 troops', 'at least 12 people were killed', 'hundreds of protesters'."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable

from spacy.attrs import LIKE_NUM, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..models import Count, TimeExpr

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "thousand": 1000, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
    "million": 1_000_000, "millions": 2_000_000, "scores": 40,
}
_WORD_NUMBER_IDS = frozenset(get_string_id(w) for w in WORD_NUMBERS)
MAX_COUNT = 10_000_000_000
SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
APPROX = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "more",
                    "least", "up", "estimated", "hundreds", "thousands", "dozens", "scores", "millions"})
NOT_COUNTED = frozenset({"year", "day", "week", "month", "hour", "minute", "percent", "%", "time", "point",
                         "dollar", "euro", "pound", "yuan", "ruble", "rouble", "cent", "mile", "kilometre",
                         "kilometer", "km", "metre", "meter", "page", "vote", "age"})


def number_value(tokens: list[Token]) -> int | None:
    """'2,000' -> 2000; 'two' -> 2; '1.6 million' -> 1600000; 'hundreds' -> 200 (approximate)."""
    value: float | None = None
    for tok in tokens:
        low = tok.lower_.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", low):
            value = float(low) if value is None else value * float(low)
        elif low in SCALE and value is not None:
            value *= SCALE[low]
        elif low in WORD_NUMBERS:
            value = WORD_NUMBERS[low] if value is None else value * WORD_NUMBERS[low]
    # A 400-digit run is float('inf'); nothing above everyone alive is a count of people or things in the news.
    return int(value) if value is not None and value <= MAX_COUNT else None


def _counted_noun(num: Token) -> Token | None:
    if num.dep_ in ("nummod", "quantmod", "compound") and num.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        head = num.head
        return head if head.dep_ != "nummod" else head.head
    if num.pos_ == "NOUN" and num.lower_ in WORD_NUMBERS:  # "hundreds of protesters"
        for prep in num.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
        return num
    return None


def _number_positions(doc: Doc) -> list[int]:
    """Where a number word or numeral is: read from arrays, without building a Token per word."""
    arr = doc.to_array([LIKE_NUM, LOWER])
    return [i for i, (like_num, lower) in enumerate(arr.tolist()) if like_num or lower in _WORD_NUMBER_IDS]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is `pos` inside one of the sorted, non-overlapping (start, end) spans?"""
    k = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def find_counts(sdoc: Doc, times: Iterable[TimeExpr] = ()) -> list[Count]:
    """Counted things; a number inside a time expression the times stage found, or one the recogniser calls a
    date, sum or rank, counts nothing ('the 2016 election', 'March 3')."""
    out: list[Count] = []
    seen: set[int] = set()
    spans = sorted((t.start, t.end) for t in times)
    for i in _number_positions(sdoc) if len(sdoc) else []:
        tok = sdoc[i]
        if i in seen:
            continue
        if tok.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL") or _inside(tok.idx, spans):
            continue
        number_tokens = [tok]
        nxt = tok.i + 1
        while nxt < len(sdoc) and (sdoc[nxt].like_num or sdoc[nxt].lower_ in SCALE) and sdoc[nxt].head == tok.head:
            number_tokens.append(sdoc[nxt])
            nxt += 1
        seen.update(t.i for t in number_tokens)
        value = number_value(number_tokens)
        noun = _counted_noun(number_tokens[-1])
        if value is None or noun is None or noun.lemma_.lower() in NOT_COUNTED:
            continue
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i and c.i not in seen]
        what_tokens = [*mods, noun] if noun is not number_tokens[-1] else [noun]
        what = " ".join(t.text for t in sorted(what_tokens, key=lambda t: t.i))
        words = {t.lower_ for t in tok.head.children} | {tok.doc[max(0, tok.i - 2)].lower_, tok.doc[max(0, tok.i - 1)].lower_}
        start = min(t.idx for t in number_tokens)
        end = max(t.idx + len(t.text) for t in [*number_tokens, noun])
        out.append(Count(value=value, what=what, text=sdoc[min(t.i for t in number_tokens) : noun.i + 1].text if noun.i >= tok.i else sdoc[tok.i : tok.i + 1].text, start=start, end=end,
                         approximate=bool(words & APPROX) or tok.lower_ in APPROX))
    return out
