"""The HTTP API over a store of made-up articles, and the safe URL fetcher behind POST /extract."""

from __future__ import annotations

import http.server
import ipaddress
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline import urlfetch
from dateline.api import create_app
from dateline.store import Store
from dateline.urlfetch import FetchFailed, URLRefused, check_url, fetch_url
from demo_articles import XSS_MARK, demo_documents


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    with Store(path) as store:
        store.add_documents(demo_documents())
    return path


@pytest.fixture()
def client(tmp_path: Path, db_path: Path) -> Iterator[TestClient]:
    # A fresh copy per test: reviews written by one test must not leak into another.
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db_path.read_bytes())
    with TestClient(create_app(copy)) as c:
        yield c


@pytest.fixture(scope="module")
def bare() -> Iterator[TestClient]:
    with TestClient(create_app(None)) as c:
        yield c


def _first(client: TestClient, **params: str) -> dict:
    return client.get("/events", params=params).json()["items"][0]


# ---------- meta ----------

def test_api_health_reports_event_count(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["events"] == 10


def test_api_without_db_serves_extract_only(bare: TestClient) -> None:
    assert bare.get("/health").json()["db"] is None
    assert bare.get("/events").status_code == 503


def test_api_unreadable_store_is_503(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_text("this is not a database")
    with TestClient(create_app(bad)) as c:
        assert c.get("/events").status_code == 503
        assert c.get("/health").json()["status"] == "degraded"


def test_api_serve_command_is_registered() -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--allow-private-urls" in result.output and "127.0.0.1" in result.output


def test_api_openapi_lists_every_endpoint(bare: TestClient) -> None:
    paths = bare.get("/openapi.json").json()["paths"]
    for path in ("/extract", "/events", "/events/{event_id}", "/events/{event_id}/review", "/articles/{doc_id}",
                 "/actors", "/stats/timeline", "/health"):
        assert path in paths
    assert "EventDocument" in bare.get("/openapi.json").json()["components"]["schemas"]


def test_api_page_is_served_with_a_strict_csp(bare: TestClient) -> None:
    page = bare.get("/")
    assert page.status_code == 200 and "<script src=\"static/app.js\">" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert bare.get("/static/app.js").status_code == 200
    basemap = bare.get("/static/basemap.json").json()
    assert len(basemap["countries"]) > 150


def test_api_page_never_uses_innerhtml() -> None:
    # The page builds every node from text; a single innerHTML would reopen the XSS door.
    from dateline.api import WEB_DIR

    js = (WEB_DIR / "app.js").read_text()
    sinks = re.compile(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\(|new Function\(")
    assert not sinks.findall(js)


# ---------- events ----------

@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 10),
        ({"type": "PROTEST"}, 2),
        ({"type": "protest"}, 2),
        ({"type": "PROTEST,ASSAULT"}, 3),
        ({"mode": "demonstrate"}, 2),
        ({"actor": "FRA"}, 2),
        ({"actor": "japan"}, 1),
        ({"recipient": "Belarus"}, 1),
        ({"country": "CHL"}, 3),
        ({"near": "45.7,4.8", "radius": "50"}, 2),
        ({"since": "2024-05-09", "until": "2024-05-09"}, 3),
        ({"text": "tear gas"}, 1),
    ],
)
def test_api_events_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    body = client.get("/events", params=params).json()
    assert body["total"] == expected
    assert len(body["items"]) == expected


def test_api_events_pagination(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 4}).json()
    second = client.get("/events", params={"limit": 4, "offset": 4}).json()
    assert first["total"] == second["total"] == 10
    ids = [e["id"] for e in first["items"]] + [e["id"] for e in second["items"]]
    assert len(set(ids)) == 8
    dates = [e["date"]["start"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize("params", [{"limit": "0"}, {"limit": "100000"}, {"near": "abc"}, {"near": "95,10"},
                                    {"since": "May 5"}, {"offset": "-1"}])
def test_api_events_rejects_bad_parameters(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/events", params=params).status_code == 422


def test_api_event_detail_spans_point_at_their_text(client: TestClient) -> None:
    ev = _first(client, type="ASSAULT")
    detail = client.get(f"/events/{ev['id']}").json()
    text = detail["document"]["text"]
    kinds = {s["kind"] for s in detail["spans"]}
    assert kinds == {"actor", "recipient", "trigger", "date", "place", "size"}
    for span in detail["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert detail["mentions"][0]["event_id"] == ev["id"]
    m = detail["mentions"][0]
    assert text[m["trigger_start"]:m["trigger_end"]] == m["trigger"] == "attacked"
    assert detail["coded"]["event_type"] == "ASSAULT"
    assert {a["role"] for a in detail["actors"]} == {"actor", "recipient"}


def test_api_event_detail_unknown_is_404(client: TestClient) -> None:
    assert client.get("/events/nope:ev1").status_code == 404


def test_api_article_view_lists_stored_event_ids(client: TestClient) -> None:
    ev = _first(client, type="COERCE")
    art = client.get(f"/articles/{ev['document_id']}").json()
    assert ev["id"] in art["event_ids"]
    assert len(art["event_ids"]) == len(art["events"]) == 2
    assert client.get("/articles/0000").status_code == 404


def test_api_article_with_script_comes_back_as_plain_text(client: TestClient) -> None:
    ev = _first(client, text="Students protested")
    art = client.get(f"/articles/{ev['document_id']}").json()
    assert f"<script>{XSS_MARK}</script>" in art["document"]["text"]  # kept verbatim, as data
    assert client.get(f"/articles/{ev['document_id']}").headers["content-type"].startswith("application/json")


# ---------- reviews ----------

def test_api_review_correct_changes_the_current_coding_and_keeps_the_machines(client: TestClient) -> None:
    ev = _first(client, type="ACCUSE")
    r = client.post(f"/events/{ev['id']}/review",
                    json={"verdict": "correct", "event_type": "THREATEN", "note": "it is a warning", "reviewer": "ana"})
    assert r.status_code == 201
    assert r.json()["event"]["event_type"] == "THREATEN" and r.json()["event"]["reviewed"]
    detail = client.get(f"/events/{ev['id']}").json()
    assert detail["event"]["event_type"] == "THREATEN"
    assert detail["coded"]["event_type"] == "ACCUSE"
    assert [(x["field"], x["value"], x["reviewer"]) for x in detail["reviews"]] == [("event_type", "THREATEN", "ana")]
    assert client.get("/events", params={"type": "THREATEN"}).json()["total"] == 1


def test_api_review_reject_hides_the_event_unless_asked(client: TestClient) -> None:
    ev = _first(client, type="REJECT")
    assert client.get("/events").json()["total"] == 10  # remembered by the server until the next write
    assert client.post(f"/events/{ev['id']}/review", json={"verdict": "reject"}).status_code == 201
    assert client.get("/events").json()["total"] == 9
    assert client.get("/events", params={"include_invalid": "true"}).json()["total"] == 10
    assert client.post(f"/events/{ev['id']}/review", json={"verdict": "confirm"}).status_code == 201
    assert client.get("/events").json()["total"] == 10


@pytest.mark.parametrize(
    "body",
    [
        {"verdict": "correct"},  # nothing corrected
        {"verdict": "confirm", "event_type": "AID"},  # fields only with 'correct'
        {"verdict": "maybe"},
        {"verdict": "correct", "event_type": "<b>x</b>"},
        {"verdict": "correct", "date_start": "yesterday"},
        {"verdict": "correct", "country": "France"},
        {"verdict": "correct", "mode": "x", "surprise": 1},
    ],
)
def test_api_review_rejects_bad_corrections(client: TestClient, body: dict) -> None:
    ev = _first(client)
    assert client.post(f"/events/{ev['id']}/review", json=body).status_code == 422


def test_api_read_only_server_refuses_reviews_and_shares_the_file(db_path: Path) -> None:
    with TestClient(create_app(db_path, read_only=True)) as c:
        ev = _first(c)
        assert c.post(f"/events/{ev['id']}/review", json={"verdict": "confirm"}).status_code == 409
        with Store(db_path, read_only=True) as reader:  # a second reader while the server has it open
            assert reader.count_events() == 10


def test_api_review_unknown_event_is_404(client: TestClient) -> None:
    assert client.post("/events/nope:ev1/review", json={"verdict": "confirm"}).status_code == 404


# ---------- actors, timeline, stats ----------

def test_api_actors_ranked_by_events(client: TestClient) -> None:
    actors = client.get("/actors").json()
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    farmers = next(a for a in actors if a["name"] == "farmers")
    assert (farmers["events"], farmers["as_actor"], farmers["as_recipient"]) == (2, 1, 1)
    assert [a["name"] for a in client.get("/actors", params={"country": "KEN"}).json()] == ["Kenya"]


def test_api_timeline_counts_by_day_and_type(client: TestClient) -> None:
    days = client.get("/stats/timeline").json()["days"]
    assert sum(d["count"] for d in days) == 10
    assert {"day": "2024-05-09", "event_type": "AID", "count": 1} in days
    only = client.get("/stats/timeline", params={"type": "PROTEST"}).json()["days"]
    assert [(d["day"], d["count"]) for d in only] == [("2024-05-06", 1), ("2024-05-10", 1)]


def test_api_stats_counts_types(client: TestClient) -> None:
    stats = client.get("/stats").json()
    assert stats["documents"] == 8 and stats["events"] == 10 and stats["event_types"]["PROTEST"] == 2


# ---------- extract, size limit, SSRF ----------

def test_api_extract_codes_plain_text(bare: TestClient) -> None:
    text = ("Hundreds of nurses protested outside the health ministry in Madrid on Tuesday, demanding higher pay.\n\n"
            "Union leaders said the strike would continue next week.")
    r = bare.post("/extract", json={"text": text, "title": "Nurses protest", "published": "2024-04-02"})
    assert r.status_code == 200
    out = r.json()
    assert out["document"]["text"].startswith("Hundreds of nurses")
    assert out["document"]["published"] == "2024-04-02"
    for ent in out["entities"]:
        assert out["document"]["text"][ent["start"]:ent["end"]] == ent["text"]


def test_api_extract_recovers_from_a_dead_worker(bare: TestClient) -> None:
    text = {"text": "Dockworkers walked off the job in a port city on Monday, their union said."}
    assert bare.post("/extract", json=text).status_code == 200
    pool = bare.app.state.analysis._pool  # type: ignore[attr-defined]
    for proc in list(pool._processes.values()):  # the executor keeps no public list of its workers
        proc.kill()
        proc.join()
    assert bare.post("/extract", json=text).status_code == 503
    assert bare.post("/extract", json=text).status_code == 200


def test_api_extract_html_is_cleaned(bare: TestClient) -> None:
    html = ("<html><head><title>Talks</title><script>var tracker = 1;</script></head><body><article>"
            "<p>Delegations from two neighbouring states met in Geneva on Monday for a second round of talks.</p>"
            "<p>Both said the meeting had been useful and agreed to meet again in June.</p></article></body></html>")
    out = bare.post("/extract", json={"html": html, "published": "2024-03-04"}).json()
    assert "Geneva" in out["document"]["text"] and "tracker" not in out["document"]["text"]


@pytest.mark.parametrize("body", [{}, {"text": "a", "html": "<p>b</p>"}, {"text": "a", "published": "4 March"},
                                  {"text": "a", "extra": 1}])
def test_api_extract_validates_its_body(bare: TestClient, body: dict) -> None:
    assert bare.post("/extract", json=body).status_code == 422


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://127.0.0.1:8000/admin", "http://10.1.2.3/x",
                                 "http://169.254.169.254/latest/meta-data/", "http://[::1]:8000/", "http://localhost/",
                                 "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://192.168.1.1/",
                                 "file:///etc/passwd", "gopher://127.0.0.1/"])
def test_api_extract_refuses_private_urls(bare: TestClient, url: str) -> None:
    r = bare.post("/extract", json={"url": url})
    assert r.status_code == 400, r.text
    assert "refusing" in r.json()["detail"] or "only http" in r.json()["detail"]


def test_api_request_size_limit(tmp_path: Path) -> None:
    with TestClient(create_app(None, max_body_bytes=10_000)) as c:
        assert c.post("/extract", json={"text": "x" * 20_000}).status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must count what arrives
            yield b'{"text": "'
            for _ in range(30):
                yield b"y" * 1000
            yield b'"}'

        assert c.post("/extract", content=chunks(), headers={"content-type": "application/json"}).status_code == 413
    with TestClient(create_app(None)) as c:  # the default limit is 2 MB
        assert c.post("/extract", json={"text": "z" * 2_200_000}).status_code == 413


# ---------- the URL fetcher against a local server ----------

class _Handler(http.server.BaseHTTPRequestHandler):
    page = (b"<html><head><title>Local</title></head><body><article><p>Fishermen blocked the harbour of a "
            b"coastal town on Sunday to protest against new quotas, local officials said.</p>"
            b"<p>The blockade lasted six hours.</p></article></body></html>")

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        port = self.server.server_address[1]
        if self.path == "/redirect-private":
            self._redirect(f"http://127.0.0.2:{port}/article")
        elif self.path == "/redirect-loop":
            self._redirect("/redirect-loop")
        elif self.path == "/big":
            self._send(b"<p>" + b"a" * 50_000 + b"</p>", "text/html")
        elif self.path == "/binary":
            self._send(b"\x89PNG....", "image/png")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(self.page, "text/html")
        else:
            self._send(self.page, "text/html; charset=utf-8")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up first (the timeout test)
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_api_extract_url_allowed_with_the_flag(local_server: str) -> None:
    with TestClient(create_app(None, allow_private_urls=True, extract_workers=0)) as c:  # in-process path
        r = c.post("/extract", json={"url": f"{local_server}/article", "published": "2024-02-04"})
    assert r.status_code == 200, r.text
    assert r.json()["document"]["text"].startswith("Fishermen blocked")
    assert r.json()["document"]["url"] == f"{local_server}/article"


def test_urlfetch_refuses_local_server_without_the_flag(local_server: str) -> None:
    with pytest.raises(URLRefused):
        fetch_url(f"{local_server}/article")


def test_urlfetch_rechecks_every_redirect(local_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend 127.0.0.1 were public: the redirect to 127.0.0.2 must still be refused.
    real = urlfetch.is_public
    monkeypatch.setattr(urlfetch, "is_public", lambda ip: str(ip) == "127.0.0.1" or real(ip))
    assert fetch_url(f"{local_server}/article").text.startswith("<html>")
    with pytest.raises(URLRefused, match="127.0.0.2"):
        fetch_url(f"{local_server}/redirect-private")


def test_urlfetch_checks_the_address_it_connects_to(local_server: str) -> None:
    # DNS rebinding: the name looks public at the first lookup and private at connect time.
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    port = local_server.rsplit(":", 1)[1]
    with pytest.raises(URLRefused, match="127.0.0.1"):
        fetch_url(f"http://rebind.test:{port}/article", resolver=lambda host, port: next(answers))


@pytest.mark.parametrize(("path", "kwargs", "message"), [
    ("/big", {"max_bytes": 10_000}, "limit"),
    ("/binary", {}, "content type"),
    ("/redirect-loop", {"max_redirects": 3}, "redirects"),
    ("/slow", {"timeout": 0.5}, "timed out|too slow"),
])
def test_urlfetch_bounds(local_server: str, path: str, kwargs: dict, message: str) -> None:
    with pytest.raises(FetchFailed, match=message):
        fetch_url(f"{local_server}{path}", allow_private=True, **kwargs)


@pytest.mark.parametrize(("ip", "public"), [
    ("8.8.8.8", True), ("2001:4860:4860::8888", True), ("127.0.0.1", False), ("10.0.0.1", False),
    ("172.16.5.4", False), ("192.168.0.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:10.0.0.1", False), ("224.0.0.1", False),
    ("0.0.0.0", False), ("2002:7f00:1::", False),
])
def test_urlfetch_is_public(ip: str, public: bool) -> None:
    assert urlfetch.is_public(ipaddress.ip_address(ip)) is public


def test_urlfetch_check_url_refuses_credentials_and_odd_schemes() -> None:
    with pytest.raises(URLRefused):
        check_url("http://user:pw@8.8.8.8/")
    with pytest.raises(URLRefused):
        check_url("javascript:alert(1)")
    assert check_url("https://8.8.8.8/x") == ["8.8.8.8"]
