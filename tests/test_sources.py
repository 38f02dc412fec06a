"""Source tests: folders, globs, JSON Lines (.gz), WARC (.gz), RSS/Atom files and URLs, on made-up inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dateline.ingest import InputError
from dateline.sources import iter_sources

PAGE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>{body}</p><p>Officials gave no further details on Monday.</p></article></body></html>")


def warc_record(url: str, status: int, html: str, ctype: str = "text/html; charset=utf-8") -> bytes:
    http = f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\n\r\n".encode() + html.encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def warcinfo() -> bytes:
    body = b"software: handmade\r\n"
    return (b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:00000000000000000000000000000001>\r\n"
            b"Content-Type: application/warc-fields\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n"
            + body + b"\r\n\r\n")


def test_sources_walk_a_folder_in_sorted_order_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second story.\n\nThe council voted on Friday.")
    (tmp_path / "1.html").write_text(PAGE.format(title="First", body="The mayor resigned."))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".hidden.txt").write_text("secret")
    got = list(iter_sources([str(tmp_path)]))
    assert [Path(r.origin or "").name for r in got] == ["1.html", "2.txt"]
    assert got[0].is_html and not got[1].is_html


def test_sources_glob_and_missing_inputs(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text(f"Story {i}. Workers went on strike.")
    got = list(iter_sources([str(tmp_path / "s*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "z*.txt")]))
    assert [r.extra.get("error") is None for r in got] == [True, True, True, False, False]
    assert "no such file" in str(got[3].extra["error"]) and "matches" in str(got[4].extra["error"])


def test_sources_stream_json_lines_gz_and_report_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    lines = [json.dumps({"id": i, "url": f"https://n.example/{i}", "title": f"T{i}", "published": "2024-03-05",
                         "source": "N", "text": f"Body {i}. The army withdrew."}) for i in range(4)]
    lines.insert(2, "{not json")
    lines.insert(3, json.dumps({"title": "no text"}))
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    got = list(iter_sources([str(path)]))
    assert len(got) == 6
    errors = [r.extra.get("error") for r in got]
    assert [e is None for e in errors] == [True, True, False, False, True, True]
    assert "invalid JSON" in str(errors[2]) and got[2].origin == f"{path}:3"
    assert got[0].source == "N" and got[0].published == "2024-03-05" and got[0].url == "https://n.example/0"


@pytest.mark.parametrize("compress", [False, True])
def test_sources_read_warc_responses(tmp_path: Path, compress: bool) -> None:
    records = [warcinfo(),
               warc_record("https://n.example/a", 200, PAGE.format(title="A", body="Troops crossed the border.")),
               warc_record("https://n.example/missing", 404, "gone"),
               warc_record("https://n.example/logo.png", 200, "PNG", ctype="image/png"),
               warc_record("https://n.example/b", 200, PAGE.format(title="B", body="Talks resumed in Geneva."))]
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    # A .warc.gz is one gzip member per record, as crawlers write it.
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if compress else b"".join(records))
    got = list(iter_sources([str(path)]))
    assert [r.url for r in got] == ["https://n.example/a", "https://n.example/b"]
    assert got[0].is_html and "Troops crossed the border." in got[0].content
    assert got[0].extra["crawl_date"] == "2024-03-05T10:00:00Z"


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Strike ends</title><link>https://wire.example/1</link><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Dock workers ended their strike on Tuesday.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/2</link></item>
</channel></rss>"""


def test_sources_read_rss_entries_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    got = list(iter_sources([str(path)]))
    assert got[0].title == "Strike ends" and got[0].published == "2024-03-05" and got[0].source == "Example Wire"
    assert "Dock workers ended their strike" in got[0].content
    assert "no content" in str(got[1].extra["error"])


def test_sources_feed_url_fetches_each_link_and_reports_failures() -> None:
    pages = {"https://wire.example/feed": ("application/rss+xml", RSS),
             "https://wire.example/1": ("text/html", PAGE.format(title="Strike ends", body="Dock workers ..."))}

    def fetcher(url: str) -> tuple[str, str, str]:
        if url not in pages:
            raise InputError(f"{url}: HTTP 404")
        ctype, text = pages[url]
        return url, ctype, text

    got = list(iter_sources(["https://wire.example/feed"], fetcher=fetcher))
    assert [r.url for r in got] == ["https://wire.example/1", "https://wire.example/2"]
    assert got[0].is_html and got[0].title == "Strike ends" and got[0].published == "2024-03-05"
    assert "404" in str(got[1].extra["error"])
    single = list(iter_sources(["https://wire.example/1"], fetcher=fetcher))
    assert len(single) == 1 and single[0].is_html and single[0].url == "https://wire.example/1"


def test_sources_url_fetch_refuses_private_addresses() -> None:
    # The default fetcher goes through urlfetch's SSRF guard: no request leaves the machine here.
    got = list(iter_sources(["http://127.0.0.1:9/article"]))
    assert len(got) == 1 and "refusing" in str(got[0].extra["error"])
