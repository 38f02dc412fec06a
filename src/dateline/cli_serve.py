"""`dateline serve`: run the API and web page with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True)


def serve_command(
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB store written by 'dateline ingest'.")] = Path("dateline.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to bind. Anything but loopback exposes the API to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    allow_private_urls: Annotated[bool, typer.Option(
        "--allow-private-urls", help="Let POST /extract fetch loopback/private/link-local URLs (off: SSRF guard).")] = False,
    read_only: Annotated[bool, typer.Option(
        "--read-only", help="Open the store read-only: no reviews, but other readers may open it meanwhile.")] = False,
    extract_workers: Annotated[int, typer.Option(
        min=0, help="Processes analysing POST /extract articles; 0 runs them in the server process.")] = 1,
) -> None:
    """Serve the REST API (/docs for OpenAPI) and the web page at http://HOST:PORT/.

    Example: dateline serve --db dateline.duckdb --port 8000
    """
    import uvicorn

    from .api import create_app

    db_path: Path | None = db
    if db is not None and not db.exists():
        err.print(f"[yellow]warning:[/yellow] {db} does not exist: serving /extract and the page only "
                  "(run 'dateline ingest' to build a store)")
        db_path = None
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] binding {host}: the API has no authentication")
    app = create_app(db_path, allow_private_urls=allow_private_urls, extract_workers=extract_workers,
                     read_only=read_only)
    uvicorn.run(app, host=host, port=port, log_level="info")
