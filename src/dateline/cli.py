"""The `dateline` command line: thin commands that orchestrate the stages; no logic lives here."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .ingest import InputError, read_path
from .models import EventDocument

app = typer.Typer(
    help="dateline: read news and write down what it reports — PLOVER-coded events with provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    input: Annotated[str, typer.Argument(help="HTML file, text file, JSON object/array, JSON Lines (.gz ok), or - for stdin.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="json: one object per document; jsonl; table.")] = OutputFormat.json,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD, when the input has none.")] = None,
    title: Annotated[str | None, typer.Option(help="Headline, when the input has none.")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL of the article.")] = None,
) -> None:
    """Code the events of one article (or of each record of a JSON Lines file).

    Example: dateline extract examples/01_mongolia_mine_protests.txt --format table
    """
    from . import pipeline

    failures = 0
    try:
        raws = list(read_path(input))
    except InputError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    for raw in raws:
        raw.published = raw.published or published
        raw.title = raw.title or title
        raw.url = raw.url or url
        try:
            out = pipeline.analyse(raw)
        except Exception as exc:  # one bad article must not lose the others: report it and go on
            failures += 1
            err.print(f"[red]error:[/red] {raw.origin or input}: {type(exc).__name__}: {exc}")
            continue
        for warning in out.warnings:
            err.print(f"[yellow]warning:[/yellow] {raw.origin or input}: {warning}")
        _emit(out, format)
    if failures:
        raise typer.Exit(1)


def _emit(out: EventDocument, format: OutputFormat) -> None:
    if format is OutputFormat.json:
        sys.stdout.write(out.model_dump_json(indent=2) + "\n")
    elif format is OutputFormat.jsonl:
        sys.stdout.write(out.model_dump_json() + "\n")
    else:
        Console().print(events_table(out))


def events_table(out: EventDocument) -> Table:
    doc = out.document
    table = Table(title=f"{doc.title or doc.url or doc.id} ({doc.published or 'undated'})", show_lines=False)
    for col in ("type", "mode", "actor", "recipient", "date", "place", "trigger", "conf"):
        table.add_column(col, overflow="fold")
    for ev in out.events:
        table.add_row(
            ev.event_type,
            ev.mode or "",
            "; ".join(_actor_label(a) for a in ev.actors),
            "; ".join(_actor_label(a) for a in ev.recipients),
            (ev.date.value or ev.date.start or "") if ev.date else "",
            (ev.location.name or ev.location.country or "") if ev.location else "",
            ev.evidence.trigger,
            f"{ev.confidence:.2f}",
        )
    return table


def _actor_label(actor) -> str:  # type: ignore[no-untyped-def]
    bits = [actor.name]
    code = "/".join(x for x in (actor.country, actor.org, actor.sector) if x)
    return f"{bits[0]} [{code}]" if code else bits[0]


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the schema here instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of the event document (generated from the pydantic models)."""
    text = json.dumps(EventDocument.model_json_schema(), indent=2) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def version() -> None:
    """Print dateline's version and the spaCy model in use."""
    from . import __version__, nlp

    typer.echo(f"dateline {__version__}; spaCy model {nlp.model_name()}")


def _register_commands() -> None:
    """Commands that live in their own modules; listed here so `dateline --help` shows one place for all."""
    from . import cli_corpus, cli_eval, cli_serve

    for name, fn in (
        ("ingest", cli_corpus.ingest_command), ("events", cli_corpus.events_command), ("sql", cli_corpus.sql_command),
        ("timeline", cli_corpus.timeline_command), ("stats", cli_corpus.stats_command),
        ("export", cli_corpus.export_command), ("review", cli_corpus.review_command),
        ("retry", cli_corpus.retry_command), ("eval", cli_eval.eval_command), ("serve", cli_serve.serve_command),
    ):
        app.command(name)(fn)


_register_commands()


if __name__ == "__main__":
    app()
