"""Suite `pubdate`: publication date of news pages (htmldate's mediacloud-2020 test set), accuracy."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

from .base import Context, Row, SuiteResult, Table

DATASET = ("pubdate", "mediacloud-2020")


def gold_date(value: object) -> str | None:
    """The gold date as YYYY-MM-DD, or None for pages the gold marks undated (NaN or empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text[:10] if text and text.lower() != "nan" else None


def date_accuracy(pairs: list[tuple[str | None, str | None]]) -> dict[str, float]:
    """htmldate's comparison: a right date or a rightly absent date counts; wrong or missing dates do not."""
    right = sum(g == p for g, p in pairs)
    found = sum(p is not None for _, p in pairs)
    found_right = sum(p is not None and g == p for g, p in pairs)
    return {
        "accuracy": right / len(pairs) if pairs else 0.0,
        "precision": found_right / found if found else 0.0,
        "coverage": found / len(pairs) if pairs else 0.0,
    }


def _read_html(root: Path, file: str) -> str:
    from ..ingest import decode

    path = root / "html" / f"{file}.gz"
    if not path.exists():
        path = root / "html" / file
    return decode(path.read_bytes(), file)


def run(ctx: Context) -> SuiteResult:
    from htmldate import find_date

    from ..clean import clean
    from ..ingest import RawArticle

    root = ctx.path(*DATASET)
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    items = list(ctx.take(sorted(gold.items(), key=lambda kv: kv[1]["file"])))

    def htmldate_with(extensive: bool) -> Callable[[str, str], str | None]:
        def find(html: str, url: str) -> str | None:
            try:
                return find_date(html, url=url, extensive_search=extensive, original_date=True, outputformat="%Y-%m-%d")
            except Exception:  # htmldate raises on a few malformed pages: count it as no date
                return None
        return find

    systems: dict[str, list[tuple[str | None, str | None]]] = {"dateline": [], "htmldate (extensive)": [],
                                                                 "htmldate (fast)": []}
    finders = {"htmldate (extensive)": htmldate_with(True), "htmldate (fast)": htmldate_with(False)}
    for url, rec in ctx.track(items, len(items), "pubdate: pages"):
        want = gold_date(rec.get("date"))
        html = _read_html(root, rec["file"])
        # the URL is given to every system alike: dates in URLs are part of the task
        document, _ = clean(RawArticle(content=html, is_html=True, url=url))
        systems["dateline"].append((want, document.published))
        for name, find in finders.items():
            systems[name].append((want, find(html, url)))

    table = Table(
        dataset="mediacloud-2020", columns=["accuracy", "precision", "coverage"], n=len(items), unit="pages",
        notes=[
            "accuracy = (right date + rightly no date) / pages, as htmldate's comparison script counts it; "
            "precision over pages given a date; coverage = share of pages given a date.",
            "htmldate rows: htmldate run here on the same pages (original_date=True); its published 0.903/0.863 "
            "are on the full 1,000-page set, so they are not comparable figures.",
        ],
    )
    for name, pairs in systems.items():
        table.rows.append(Row(name, "dateline" if name == "dateline" else "anchor", date_accuracy(pairs)))
    return SuiteResult("pubdate", [table])
