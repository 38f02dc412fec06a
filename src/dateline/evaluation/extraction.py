"""Suite `extraction`: main-text extraction on scrapinghub's article-extraction-benchmark, 4-gram overlap."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .base import Context, Row, SuiteResult, Table, failed_row
from .scorers import shingle_counts, shingle_prf

DATASET = ("extraction", "scrapinghub-aeb")
# Output files named differently from the benchmark's results table.
_ALIASES = {"newspaper": "newspaper4k", "readability": "readability-lxml"}
_RESULT_LINE = re.compile(
    r"^\s{2,}(?P<name>[\w.-]+)\s+\S+\s+(?P<f1>0\.\d+)\s*±\s*[\d.]+\s+(?P<p>0\.\d+)\s*±\s*[\d.]+\s+(?P<r>0\.\d+)"
)


def published_figures(readme: Path) -> dict[str, dict[str, float]]:
    """F1/P/R per library from the benchmark's README tables; the most recent table wins."""
    figures: dict[str, dict[str, float]] = {}
    if not readme.exists():
        return figures
    for line in readme.read_text(encoding="utf-8").splitlines():
        m = _RESULT_LINE.match(line)
        if m and m["name"] not in figures:
            figures[m["name"]] = {"f1": float(m["f1"]), "precision": float(m["p"]), "recall": float(m["r"])}
    return figures


def _load_output(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["output"] if isinstance(data, dict) and "output" in data else data
    return {key: (value or {}).get("articleBody") or "" for key, value in items.items()}


def _dateline_bodies(ctx: Context, root: Path, keys: list[str]) -> dict[str, str]:
    from ..clean import clean
    from ..ingest import RawArticle, decode

    bodies = {}
    for key in ctx.track(keys, len(keys), "extraction: dateline clean"):
        html = decode((root / "html" / f"{key}.html.gz").read_bytes(), key)
        document, _ = clean(RawArticle(content=html, is_html=True))
        bodies[key] = document.text
    return bodies


def run(ctx: Context) -> SuiteResult:
    root = ctx.path(*DATASET)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = list(ctx.take(sorted(truth)))
    gold = {k: truth[k].get("articleBody") or "" for k in keys}
    published = published_figures(root / "README.rst")

    def score(bodies: dict[str, str]) -> dict[str, float]:
        return shingle_prf([shingle_counts(gold[k], bodies.get(k, "")) for k in keys])

    table = Table(
        dataset="scrapinghub-aeb", columns=["f1", "precision", "recall"], n=len(keys), unit="pages",
        notes=["4-gram shingle P/R per page, averaged over pages; F1 of the averages (the benchmark's evaluate.py)."],
    )
    try:
        table.rows.append(Row("dateline", "dateline", score(_dateline_bodies(ctx, root, keys)),
                              note="dateline.clean (trafilatura) document.text"))
    except Exception as err:  # a broken clean stage must not hide the anchors' figures
        table.rows.append(failed_row("dateline", err))
    for path in sorted((root / "output").glob("*.json")):
        name = _ALIASES.get(path.stem, path.stem)
        ref = published.get(name) or published.get(path.stem, {})
        table.rows.append(Row(name, "anchor", score(_load_output(path)), published=ref if ctx.whole(len(truth)) else {}))
    return SuiteResult("extraction", [table])
