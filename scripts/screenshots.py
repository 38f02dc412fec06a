"""Take the web page's screenshots for docs/screenshots/ with headless system Chromium.

The data: --db (a store from `dateline ingest`), else a fresh store of examples/ run through the pipeline
(--examples), else the made-up test articles in tests/demo_articles.py.

    .venv/bin/python scripts/screenshots.py --examples
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_store(path: Path, examples: bool) -> None:
    from dateline.store import Store

    with Store(path) as store:
        if examples:
            from dateline.ingest import read_path

            raws = [raw for f in sorted((ROOT / "examples").glob("*")) if f.suffix in (".txt", ".html", ".jsonl")
                    for raw in read_path(str(f))]
            store.ingest(raws)
        else:
            sys.path.insert(0, str(ROOT / "tests"))
            from demo_articles import demo_documents

            store.add_documents(demo_documents())


def serve(db: Path) -> tuple[str, object]:
    import uvicorn

    from dateline.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, extract_workers=0), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}/", server


def shoot(url: str, out: Path, event_text: str | None) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_timeout(400)
        page.click("#map-fit")
        page.wait_for_timeout(200)
        page.screenshot(path=str(out / "01_overview.png"))
        row = page.locator(f"#events tbody tr[data-id]:has-text('{event_text}')" if event_text
                           else "#events tbody tr[data-id]").first
        row.click()
        page.wait_for_selector("#detail:not([hidden]) #d-sentence")
        page.wait_for_timeout(400)
        page.locator("#detail").screenshot(path=str(out / "02_event_detail.png"))
        page.click("text=open the article")
        page.wait_for_selector("#article:not([hidden]) #a-text")
        page.wait_for_timeout(400)
        page.locator("#article").screenshot(path=str(out / "03_article.png"))
        page.screenshot(path=str(out / "04_full_page.png"), full_page=True)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="An existing store.")
    parser.add_argument("--examples", action="store_true", help="Ingest examples/ into a fresh store.")
    parser.add_argument("--event", help="Open the first event row containing this text (default: the first row).")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "shots.duckdb"
            build_store(db, args.examples)
        url, server = serve(db)
        try:
            shoot(url, args.output, args.event)
        finally:
            server.should_exit = True  # type: ignore[attr-defined]
    print(f"screenshots written to {args.output}")


if __name__ == "__main__":
    main()
