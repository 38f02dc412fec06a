"""Suite `seed`: the seed article(s) through the shared event scorer, tools/score_events.py, run as given."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .base import Context, DataMissing, Row, SuiteResult, Table, failed_row

COLUMNS = ["recall", "precision", "date_accuracy", "location_accuracy", "published_ok", "title_ok", "body_leaks",
           "required_found", "required_total", "predicted"]


def score_file(scorer: Path, gold: Path, output: Path) -> dict[str, object]:
    """Run the shared scorer in its own interpreter, as the project's CI and reviewers run it."""
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(output), "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"score_events.py exited {done.returncode}: {done.stderr.strip()[:200]}")
    return json.loads(done.stdout)


def _metrics(report: dict[str, object]) -> dict[str, float | int | None]:
    out: dict[str, float | int | None] = {}
    for key in COLUMNS:
        value = report.get(key)
        if key == "body_leaks":
            out[key] = len(value) if isinstance(value, list) else None
        elif isinstance(value, bool):
            out[key] = int(value)
        elif isinstance(value, int | float) or value is None:
            out[key] = value
    return out


def _analyse(source: Path) -> str:
    from ..ingest import read_path
    from ..pipeline import analyse

    return analyse(next(iter(read_path(str(source))))).model_dump_json()


def run(ctx: Context) -> SuiteResult:
    scorer = ctx.shared / "tools" / "score_events.py"
    golds = sorted((ctx.shared / "gold").glob("*.gold.json"))
    if not scorer.exists() or not golds:
        raise DataMissing(f"{scorer} or {ctx.shared / 'gold'}/*.gold.json is missing")
    golds = list(ctx.take(golds))
    table = Table("seed", COLUMNS, n=len(golds), unit="articles",
                  notes=["Figures printed by ../shared/tools/score_events.py GOLD OUTPUT --json on "
                         "`dateline.pipeline.analyse` output; published_ok/title_ok are 1/0."])
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp:
        for gold in ctx.track(golds, len(golds), "seed: articles"):
            name = gold.name.removesuffix(".gold.json")
            document = json.loads(gold.read_text(encoding="utf-8")).get("document")
            source = ctx.shared / document if document else None
            if source is None or not source.exists():
                table.rows.append(Row(name, "dateline", {}, note=f"article for {gold.name} not found"))
                continue
            try:
                output = Path(tmp) / f"{name}.json"
                output.write_text(_analyse(source), encoding="utf-8")
                report = score_file(scorer, gold, output)
            except Exception as err:  # a stage under construction must not hide the others' figures
                table.rows.append(failed_row(name, err))
                continue
            missed = report.get("missed_required") or []
            note = f"missed: {', '.join(map(str, missed))}" if missed else None
            table.rows.append(Row(name, "dateline", _metrics(report), note=note))
    return SuiteResult("seed", [table])
