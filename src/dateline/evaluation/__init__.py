"""Evaluation against public gold sets: one module per suite, shared scorers, and the runner that ties them up."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence
from typing import Any

from .base import Context, DataMissing, Progress, Row, Stopwatch, SuiteResult, Table

# suite name -> module (each module has run(ctx) -> SuiteResult); this order is the scoreboard's order
SUITES = {
    "extraction": "extraction",
    "pubdate": "pubdate",
    "time": "timex",
    "geo": "geo",
    "events": "events",
    "seed": "seed",
}


def run_suite(name: str, ctx: Context) -> SuiteResult:
    """Run one suite; missing data gives a skipped result rather than an error."""
    module = importlib.import_module(f".{SUITES[name]}", __name__)
    watch = Stopwatch()
    try:
        result: SuiteResult = module.run(ctx)
    except DataMissing as err:
        result = SuiteResult(name, skipped=str(err))
    result.seconds = watch.seconds
    return result


def run_suites(names: Sequence[str], ctx: Context, command: str = "dateline eval") -> dict[str, Any]:
    """Run the named suites and return the JSON report that `--json` writes and the docs are rendered from."""
    from .. import __version__

    watch = Stopwatch()
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    suites = {name: run_suite(name, ctx).to_json() for name in names}
    return {
        "dateline_version": __version__,
        "command": command,
        "date": started.isoformat().replace("+00:00", "Z"),
        "data": str(ctx.data),
        "limit": ctx.limit,
        "seconds": watch.seconds,
        "suites": suites,
    }


__all__ = ["SUITES", "Context", "DataMissing", "Progress", "Row", "SuiteResult", "Table", "run_suite", "run_suites"]
