"""The web page in headless Chromium (system package, driven by Playwright): filter, open, read, correct."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.api import create_app
from dateline.store import Store
from demo_articles import XSS_MARK, demo_documents

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no system Chromium (apt-get install chromium)")

# Everything that would make Chromium reach out to the network is off: CI has no internet.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("web") / "events.duckdb"
    with Store(db) as store:
        store.add_documents(demo_documents())
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object, server: str) -> Iterator[object]:
    # bypass_csp: Playwright's waits evaluate strings, which the page's CSP forbids; it also means the XSS
    # test proves the page's own DOM building is safe, not merely that the CSP caught it.
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)  # type: ignore[attr-defined]
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.goto(server)
    pg.wait_for_selector("body[data-ready='1']")
    pg.wait_for_function("document.querySelectorAll('#events tbody tr[data-id]').length > 0")
    yield pg
    assert errors == [], errors  # no script error, and no alert() from article content
    ctx.close()


def rows(pg: object) -> int:
    return int(pg.locator("#events tbody tr[data-id]").count())  # type: ignore[attr-defined]


def test_web_page_loads_table_timeline_and_map(page: object) -> None:
    assert rows(page) == 10
    assert "10 found" in page.text_content("#count")  # type: ignore[attr-defined]
    bars = page.evaluate("document.querySelector('#timeline')._bars.length")  # type: ignore[attr-defined]
    assert bars == 6  # six distinct event days in the demo week
    dots = page.evaluate("document.querySelector('#map')._dots.length")  # type: ignore[attr-defined]
    assert dots == 9  # every event with coordinates; the denial has no place
    assert page.evaluate("document.querySelectorAll('#legend .legend-item').length") == 9  # type: ignore[attr-defined]
    page.wait_for_selector("#actors li")  # type: ignore[attr-defined]


def test_web_actor_list_filters_the_table(page: object) -> None:
    page.wait_for_selector("#actors li button:text-is('Japan')")  # type: ignore[attr-defined]
    page.click("#actors li button:text-is('Japan')")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('1 ')")  # type: ignore[attr-defined]
    assert page.input_value("input[name=actor]") == "Japan"  # type: ignore[attr-defined]


def test_web_filter_by_type_and_country(page: object) -> None:
    page.select_option("#f-type", "PROTEST")  # type: ignore[attr-defined]
    page.click("#apply")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('2 ')")  # type: ignore[attr-defined]
    assert rows(page) == 2
    page.click("#clear")  # type: ignore[attr-defined]
    page.fill("input[name=country]", "CHL")  # type: ignore[attr-defined]
    page.click("#apply")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('3 ')")  # type: ignore[attr-defined]
    assert rows(page) == 3


def test_web_filters_round_trip_through_the_address(page: object, server: str) -> None:
    page.fill("input[name=country]", "CHL")  # type: ignore[attr-defined]
    page.click("#apply")  # type: ignore[attr-defined]
    page.wait_for_function("location.search.includes('country=CHL')")  # type: ignore[attr-defined]
    page.goto(f"{server}?type=AID")  # type: ignore[attr-defined]
    page.wait_for_selector("body[data-ready='1']")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('1 ')")  # type: ignore[attr-defined]
    assert page.input_value("#f-type") == "AID"  # type: ignore[attr-defined]


def test_web_open_event_shows_highlighted_spans(page: object) -> None:
    page.click("#events tbody tr:has-text('ASSAULT')")  # type: ignore[attr-defined]
    page.wait_for_selector("#detail:not([hidden]) #d-sentence .hl-trigger")  # type: ignore[attr-defined]
    sentence = page.locator("#d-sentence")  # type: ignore[attr-defined]
    assert sentence.locator(".hl-trigger").first.text_content() == "attacked"
    assert sentence.locator(".hl-actor").first.text_content() == "Gunmen"
    assert sentence.locator(".hl-recipient").first.text_content() == "a police post"
    assert sentence.locator(".hl-date").first.text_content() == "on Sunday"
    assert sentence.locator(".hl-place").first.text_content() == "Gao"
    assert page.locator("#d-mentions tbody tr").count() == 6  # type: ignore[attr-defined]
    assert "news.example/mali-attack" in page.text_content("#d-prov")  # type: ignore[attr-defined]
    page.click("text=open the article")  # type: ignore[attr-defined]
    page.wait_for_selector("#article:not([hidden]) #a-text .hl-trigger")  # type: ignore[attr-defined]
    assert page.locator("#a-text .hl-trigger").first.text_content() == "attacked"  # type: ignore[attr-defined]


def test_web_article_with_script_renders_as_text(page: object) -> None:
    page.fill("input[name=text]", "Students protested")  # type: ignore[attr-defined]
    page.click("#apply")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('1 ')")  # type: ignore[attr-defined]
    page.click("#events tbody tr[data-id]")  # type: ignore[attr-defined]
    page.wait_for_selector("#detail:not([hidden]) .hl-trigger")  # type: ignore[attr-defined]
    page.click("text=open the article")  # type: ignore[attr-defined]
    page.wait_for_selector("#article:not([hidden]) #a-text .hl-trigger")  # type: ignore[attr-defined]
    text = page.text_content("#a-text")  # type: ignore[attr-defined]
    assert f"<script>{XSS_MARK}</script>" in text  # shown to the reader as characters
    assert "<b>bold?</b>" in text
    assert page.locator("#a-text script, #a-text b, #article img").count() == 0  # type: ignore[attr-defined]
    assert page.evaluate("window.__xss_ran === undefined")  # type: ignore[attr-defined]
    title = page.text_content("#a-title")  # type: ignore[attr-defined]
    assert title.startswith("<img src=x onerror=alert(1)>")


def test_web_submit_a_correction(page: object) -> None:
    page.click("#events tbody tr:has-text('ACCUSE')")  # type: ignore[attr-defined]
    page.wait_for_selector("#detail:not([hidden]) .hl-trigger")  # type: ignore[attr-defined]
    page.select_option("#review select[name=verdict]", "correct")  # type: ignore[attr-defined]
    page.select_option("#r-type", "THREATEN")  # type: ignore[attr-defined]
    page.fill("#review input[name=note]", "a warning, not an accusation")  # type: ignore[attr-defined]
    page.fill("#review input[name=reviewer]", "browser-test")  # type: ignore[attr-defined]
    page.click("#review button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#r-status').textContent === 'saved'")  # type: ignore[attr-defined]
    reviews = page.text_content("#d-reviews")  # type: ignore[attr-defined]
    assert "event_type → THREATEN" in reviews and "browser-test" in reviews
    assert "machine: ACCUSE" in page.text_content("#d-fields")  # type: ignore[attr-defined]
    page.wait_for_selector("#events tbody tr:has-text('THREATEN')")  # type: ignore[attr-defined]


def test_web_try_an_article(page: object) -> None:
    page.fill("#extract textarea", "Thousands of nurses marched through the capital on Tuesday to demand higher pay, "  # type: ignore[attr-defined]
              "their union said. Police said the protest was peaceful.")
    page.fill("#extract input[name=published]", "2024-04-02")  # type: ignore[attr-defined]
    page.click("#extract button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_function("/\\d+ events/.test(document.querySelector('#x-status').textContent)",  # type: ignore[attr-defined]
                           timeout=120_000)
    assert page.text_content("#a-text").startswith("Thousands of nurses")  # type: ignore[attr-defined]
    assert page.locator("#a-text .hl-date").count() >= 1  # type: ignore[attr-defined]


def test_web_page_works_under_its_own_csp(browser: object, server: str) -> None:
    # The other tests bypass the CSP (Playwright's waits evaluate strings); this one keeps it on and checks
    # the page needs nothing it forbids: no inline script or style, nothing from another origin.
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    pg.goto(server)
    pg.wait_for_selector("body[data-ready='1']")
    pg.wait_for_selector("#events tbody tr[data-id]")
    pg.click("#events tbody tr[data-id]")
    pg.wait_for_selector("#detail:not([hidden]) .hl-trigger")
    assert pg.locator("#events tbody tr[data-id]").count() == 10
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    ctx.close()
