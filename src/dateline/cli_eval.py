"""The `dateline eval` command: run the evaluation suites, print the scoreboard, write the JSON report."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table as RichTable

from .evaluation import SUITES, Context, Progress, run_suites

T = TypeVar("T")
ENV_DATA = "DATELINE_EVAL_DATA"
DEFAULT_DATA = Path("..") / "shared" / "eval"


def data_dir(option: Path | None) -> Path:
    """--data, else $DATELINE_EVAL_DATA, else ../shared/eval relative to the working directory."""
    if option is not None:
        return option
    if os.environ.get(ENV_DATA):
        return Path(os.environ[ENV_DATA])
    return DEFAULT_DATA


class RichBars(Progress):
    """Suites' progress as rich bars on stderr, so stdout stays clean for the JSON report."""

    def __init__(self, bars: RichProgress) -> None:
        self.bars = bars

    def track(self, items: Iterable[T], total: int | None, description: str) -> Iterator[T]:
        task = self.bars.add_task(description, total=total)
        for item in items:
            yield item
            self.bars.advance(task)
        self.bars.update(task, completed=total if total is not None else self.bars.tasks[task].completed)


def format_value(key: str, value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if key.endswith("_km"):
            return f"{value:.0f}" if value >= 10 else f"{value:.1f}"
        return f"{value:.3f}" if abs(value) <= 1 else f"{value:.0f}"
    return str(value)


def agreement_label(row: dict[str, Any]) -> str:
    """'agrees' / which published figures differ, for anchor rows that have published figures."""
    agrees = row.get("agrees") or {}
    if not agrees:
        return ""
    wrong = [k for k, ok in agrees.items() if not ok]
    return "✓" if not wrong else "✗ " + ", ".join(wrong)


def anchor_agreement(report: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(anchors agreeing, anchors with published figures, names of those that differ) over the whole report."""
    agree, total, differ = 0, 0, []
    for suite in report["suites"].values():
        for table in suite.get("tables", []):
            for row in table["rows"]:
                if row.get("agrees"):
                    total += 1
                    if all(row["agrees"].values()):
                        agree += 1
                    else:
                        differ.append(f"{table['dataset']}/{row['system']}")
    return agree, total, differ


def scoreboard(report: dict[str, Any]) -> list[RichTable]:
    tables = []
    for name, suite in report["suites"].items():
        if suite.get("skipped"):
            t = RichTable(title=f"{name}: skipped")
            t.add_column("reason")
            t.add_row(suite["skipped"])
            tables.append(t)
            continue
        for table in suite["tables"]:
            t = RichTable(title=f"{name} · {table['dataset']} ({table['n']} {table['unit']})", title_justify="left")
            t.add_column("system", style="bold")
            for col in table["columns"]:
                t.add_column(col, justify="right")
            t.add_column("vs published / note", overflow="fold")
            for row in table["rows"]:
                style = "cyan" if row["kind"] == "dateline" else None
                cells = [format_value(c, row["metrics"].get(c)) for c in table["columns"]]
                extra = agreement_label(row) or row.get("note")
                t.add_row(row["system"], *cells, extra or "", style=style)
            tables.append(t)
    return tables


def eval_command(
    suites: Annotated[list[str] | None, typer.Argument(help=f"Suites to run (default all): {', '.join(SUITES)}.")] = None,
    data: Annotated[Path | None, typer.Option("--data", help=f"Evaluation data folder (default ${ENV_DATA} or ../shared/eval).")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the full report as JSON here ('-' for stdout).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N items of each dataset.")] = None,
) -> None:
    """Measure every stage against public gold, beside the anchors' stored outputs, with the same scorers.

    Example: dateline eval time geo --limit 20 --json /tmp/eval.json
    """
    err = Console(stderr=True)
    names = list(suites or SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        err.print(f"[red]error:[/red] unknown suite {', '.join(unknown)}; choose from {', '.join(SUITES)}")
        raise typer.Exit(2)
    folder = data_dir(data)
    if not folder.is_dir():
        err.print(f"[red]error:[/red] evaluation data not found at {folder} (use --data DIR or set {ENV_DATA})")
        raise typer.Exit(2)
    # the command as it would be typed, without the machine-specific paths
    command = " ".join(["dateline eval", *(suites or []), *([f"--limit {limit}"] if limit else [])])
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with RichProgress(*columns, console=err, transient=True) as bars:
        report = run_suites(names, Context(folder.resolve(), limit=limit, progress=RichBars(bars)), command=command)
    if json_out is not None and str(json_out) == "-":
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        out = Console()
        if not out.is_terminal:
            out = Console(width=160)  # piped output: keep the wide tables readable rather than 80 columns
        for table in scoreboard(report):
            out.print(table)
            out.print()
        for name, suite in report["suites"].items():
            for table in suite.get("tables", []):
                for note in table["notes"]:
                    out.print(f"[dim]{name} · {table['dataset']}: {note}[/dim]")
        agree, total, differ = anchor_agreement(report)
        if total:
            out.print(f"anchors re-scored within ±0.01 of their published figures: {agree}/{total}"
                      + (f" (differ: {', '.join(differ)})" if differ else ""))
        out.print(f"[dim]{report['seconds']:.0f} s; data {report['data']}[/dim]")
        if json_out is not None:
            json_out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
