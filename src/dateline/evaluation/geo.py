"""Suite `geo`: toponym recognition and resolution on EUPEG's LGL, GeoWebNews, TR-News and GeoVirus."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from .base import Context, Row, SuiteResult, Table, failed_row, gather
from .scorers import Span, geo_scores, make_span

SETS = ("LGL", "GeoWebNews", "TR-News", "GeoVirus")
COLUMNS = ["f1", "precision", "recall", "acc161", "mean_km", "median_km", "auc", "matched"]
_PUBLISHED_KEYS = {"P": "precision", "R": "recall", "F1": "f1", "n_res": "matched", "Acc161": "acc161",
                   "meanKm": "mean_km", "medKm": "median_km", "AUC": "auc"}


def parse_line(line: str) -> list[Span]:
    """One EUPEG annotation line: `name,,surface,,lat,,lon,,start,,end[,,extra]||…`.

    Toponyms without coordinates are dropped, as EUPEG's scorer drops them on both sides.
    """
    spans = []
    for item in line.rstrip("\n").split("||"):
        if len(item) <= 1:
            continue
        fields = item.split(",,")
        if len(fields) < 6 or not fields[2] or not fields[3] or "null" in (fields[2].lower(), fields[3].lower()):
            continue
        spans.append(make_span(int(fields[4]), int(fields[5]), name=fields[0], surface=fields[1],
                               lat=float(fields[2]), lon=float(fields[3])))
    return spans


def read_annotations(path: Path) -> list[list[Span]]:
    return [parse_line(line) for line in path.read_text(encoding="utf-8").splitlines()]


def published_scores(path: Path) -> dict[tuple[str, str], dict[str, float]]:
    """(set, parser) -> figures from anchor-scores.txt."""
    out: dict[tuple[str, str], dict[str, float]] = {}
    if not path.exists():
        return out
    current, header = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^== ([\w-]+):", line):
            current = m[1]
        elif line.startswith("parser"):
            header = line.split()[1:]
        elif current and header and (parts := line.split()) and len(parts) == len(header) + 1:
            try:
                values = [float(v) for v in parts[1:]]
            except ValueError:
                continue
            out[(current, parts[0])] = {_PUBLISHED_KEYS[h]: v for h, v in zip(header, values, strict=True)
                                        if h in _PUBLISHED_KEYS and h != "n_res"}
    return out


def _dateline_spans(ctx: Context, texts: Sequence[str], label: str) -> list[list[Span]]:
    from .. import nlp
    from ..clean import content_id
    from ..models import Document
    from ..places import find_places

    out = []
    parsed = nlp.load().pipe(texts, batch_size=32)
    for text, sdoc in ctx.track(zip(texts, parsed, strict=True), len(texts), label):
        places = find_places(sdoc, Document(id=content_id(None, text), text=text))
        out.append([make_span(p.start, p.end, name=p.name, lat=p.lat, lon=p.lon)
                    for p in places if p.lat is not None and p.lon is not None])
    return out


def run_set(ctx: Context, name: str, published: dict[tuple[str, str], dict[str, float]]) -> Table:
    root = ctx.path("geo", "eupeg")
    gold = read_annotations(ctx.path("geo", "eupeg", "gold", f"{name}_gold.txt"))
    whole = ctx.whole(len(gold))
    n = len(ctx.take(gold))
    gold = gold[:n]
    texts = [(root / "corpora" / name / str(i)).read_text(encoding="utf-8") for i in range(n)]
    table = Table(
        dataset=f"eupeg-{name}", columns=COLUMNS, n=n,
        notes=[f"{sum(map(len, gold))} gold toponyms with coordinates. A prediction matches an unused gold toponym "
               "whose character span it overlaps; distances over matched toponyms (EUPEG metrics: Acc@161 km, "
               "mean/median km, AUC of log error)."],
    )
    try:
        table.rows.append(Row("dateline", "dateline", geo_scores(zip(gold, _dateline_spans(ctx, texts, f"geo: {name}"),
                                                                     strict=True))))
    except Exception as err:  # a stage under construction must not take the anchors' rows down
        table.rows.append(failed_row("dateline", err))
    for path in sorted((root / "anchors").glob(f"{name}_*.txt")):
        parser = path.stem.removeprefix(f"{name}_")
        predicted = read_annotations(path)[:n]
        table.rows.append(Row(parser, "anchor", geo_scores(zip(gold, predicted, strict=True)),
                              published=published.get((name, parser), {}) if whole else {}))
    return table


def run(ctx: Context) -> SuiteResult:
    published = published_scores(ctx.path("geo", "eupeg") / "anchor-scores.txt")
    return gather("geo", [lambda name=name: run_set(ctx, name, published) for name in SETS])  # type: ignore[misc]
