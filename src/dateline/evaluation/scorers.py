"""Scorers shared by every evaluation suite: pure functions over spans, labels, texts and coordinates."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

EARTH_RADIUS_KM = 6371.0  # EUPEG's HaversineAlgorithm uses the same mean radius
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error (EUPEG, Gritta et al.)


# ---------------------------------------------------------------- F1 arithmetic


@dataclass
class PRF:
    """Counts of one comparison and the precision/recall/F1 they give (0 when undefined)."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf_from_counts(correct: float, predicted: float, gold: float) -> PRF:
    """PRF from the number correct, the number predicted and the number in the gold."""
    return PRF(tp=correct, fp=predicted - correct, fn=gold - correct)


# ---------------------------------------------------------------- text overlap (scrapinghub-aeb)

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams; a text shorter than n gives one shorter shingle (as the benchmark does)."""
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """TP/FP/FN over shingles, normalised to sum to 1 so that long pages do not weigh more."""
    gold, sys = shingles(true, n), shingles(pred, n)
    tp = float(sum((gold & sys).values()))
    fp = float(sum((sys - gold).values()))
    fn = float(sum((gold - sys).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def shingle_prf(pages: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Precision averaged over pages that predicted something, recall over pages with gold text; F1 of the means.

    This is the article-extraction-benchmark definition: a page-level macro average, F1 taken last.
    """
    precisions = [_page_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in pages if c[0] + c[2] > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": f1(p, r)}


# ---------------------------------------------------------------- spans


@dataclass(frozen=True)
class Span:
    """A labelled character span; `attrs` carries what is compared once spans match (value, type, lat/lon...)."""

    start: int
    end: int
    attrs: tuple[tuple[str, object], ...] = field(default=())

    def get(self, key: str, default: object = None) -> object:
        return dict(self.attrs).get(key, default)


def make_span(start: int, end: int, **attrs: object) -> Span:
    return Span(start, end, tuple(sorted(attrs.items())))


def overlaps(a: Span, b: Span) -> bool:
    """True when the two half-open spans share at least one character."""
    return a.start < b.end and b.start < a.end


def exact(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], same: Callable[[Span, Span], bool] = overlaps
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): each gold span takes the first unused prediction that matches.

    Exact matches are paired first so that a sloppy neighbour cannot steal a gold span's exact partner.
    """
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for tier in (exact, same):
        for gi, g in enumerate(gold):
            if gi in pairs:
                continue
            for pi, p in enumerate(pred):
                if pi not in used and tier(g, p) and same(g, p):
                    pairs[gi] = pi
                    used.add(pi)
                    break
    return sorted(pairs.items())


def span_prf(gold: Sequence[Span], pred: Sequence[Span], same: Callable[[Span, Span], bool] = overlaps) -> PRF:
    tp = len(match_spans(gold, pred, same))
    return PRF(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


# ---------------------------------------------------------------- TIMEX3 (TempEval-3)

_DECADE = re.compile(r"^P(\d+(?:\.\d+)?)(DE|CE|ML)$")
_UNIT_YEARS = {"DE": 10, "CE": 100, "ML": 1000}


def normalise_timex_value(value: object) -> str:
    """TIMEX3 value in a canonical spelling: trimmed, upper case, decades/centuries as years.

    TempEval-3 compares values as strings; only spellings that TimeML itself declares equivalent
    (P1DE = P10Y, P1CE = P100Y, trailing time-zone Z) are folded, so no judgement is added.
    """
    text = str(value or "").strip().upper()
    m = _DECADE.match(text)
    if m:
        years = float(m[1]) * _UNIT_YEARS[m[2]]
        text = f"P{int(years) if years.is_integer() else years}Y"
    return text.removesuffix("Z") if re.match(r"^\d{4}-\d{2}-\d{2}T", text) else text


def _literal(value: object) -> str:
    return str(value or "").strip().upper()


def timex_scores(docs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, float]:
    """Micro-averaged TempEval-3 scores over documents of (gold, predicted) TIMEX3 spans.

    strict: exact extent; relaxed: any overlap; value/type: a relaxed match whose attribute is identical
    (as a string, as TempEval-3 compares it); value_norm: the same after `normalise_timex_value`.
    P counts over predicted timexes, R over gold ones, so value F1 = relaxed F1 x value accuracy.
    """
    n_gold = n_pred = strict = relaxed = value = value_norm = typ = 0
    for gold, pred in docs:
        n_gold += len(gold)
        n_pred += len(pred)
        strict += len(match_spans(gold, pred, exact))
        for gi, pi in match_spans(gold, pred, overlaps):
            relaxed += 1
            g, p = gold[gi], pred[pi]
            value += _literal(g.get("value")) == _literal(p.get("value"))
            value_norm += normalise_timex_value(g.get("value")) == normalise_timex_value(p.get("value"))
            typ += _literal(g.get("type")) == _literal(p.get("type"))
    out: dict[str, float] = {"gold": n_gold, "predicted": n_pred}
    for name, correct in (("strict", strict), ("relaxed", relaxed), ("value", value), ("value_norm", value_norm),
                          ("type", typ)):
        prf = prf_from_counts(correct, n_pred, n_gold)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = prf.precision, prf.recall, prf.f1
    out["value_accuracy"] = value / relaxed if relaxed else 0.0
    return out


# ---------------------------------------------------------------- geography


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def accuracy_at(errors: Sequence[float], km: float = 161.0) -> float:
    """Share of errors strictly under `km` (161 km = 100 miles, the usual geocoding threshold)."""
    return sum(e < km for e in errors) / len(errors) if errors else 0.0


def error_auc(errors: Sequence[float]) -> float:
    """Area under the curve of sorted log errors, scaled to [0, 1]; lower is better.

    EUPEG / Gritta et al.: trapezoid rule with unit steps over log(1 + error) / log(MAX_ERROR),
    divided by (n - 1); 0 when fewer than two errors.
    """
    if len(errors) < 2:
        return 0.0
    ys = [math.log1p(e) / math.log(MAX_ERROR_KM) for e in sorted(errors)]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False))
    return area / (len(ys) - 1)


def geo_scores(docs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, float]:
    """Toponym P/R/F1 by span overlap, then distance metrics over matched toponyms (spans carry lat/lon)."""
    total = PRF()
    errors: list[float] = []
    for gold, pred in docs:
        pairs = match_spans(gold, pred, overlaps)
        total = total + PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            errors.append(haversine_km(float(g.get("lat")), float(g.get("lon")),  # type: ignore[arg-type]
                                       float(p.get("lat")), float(p.get("lon"))))  # type: ignore[arg-type]
    return {
        "precision": total.precision, "recall": total.recall, "f1": total.f1,
        "gold": total.tp + total.fn, "predicted": total.tp + total.fp, "matched": len(errors),
        "acc161": accuracy_at(errors), "mean_km": statistics.fmean(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0, "auc": error_auc(errors),
    }


# ---------------------------------------------------------------- labels


def accuracy(pairs: Iterable[tuple[Hashable, Hashable]]) -> float:
    pairs = list(pairs)
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def per_label_f1(pairs: Iterable[tuple[Hashable, Hashable | None]]) -> dict[Hashable, PRF]:
    """Per gold label: TP = gold and predicted agree, FP = predicted this label wrongly, FN = missed it.

    A prediction of None (no answer) is a miss for the gold label and a false positive for nothing.
    """
    stats: dict[Hashable, PRF] = {}
    for gold, pred in pairs:
        stats.setdefault(gold, PRF())
        if pred is not None:
            stats.setdefault(pred, PRF())
        if gold == pred:
            stats[gold].tp += 1
        else:
            stats[gold].fn += 1
            if pred is not None:
                stats[pred].fp += 1
    return stats


def macro_f1(stats: dict[Hashable, PRF], labels: Iterable[Hashable] | None = None) -> float:
    """Unweighted mean F1 over `labels` (default: every label seen in the gold or the predictions)."""
    keys = list(labels) if labels is not None else list(stats)
    return statistics.fmean(stats.get(k, PRF()).f1 for k in keys) if keys else 0.0
