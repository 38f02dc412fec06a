"""Input readers: files, JSON, JSON Lines, stdin-style bytes; bad input gives one-line errors."""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.ingest import InputError, RawArticle, read_bytes, read_path


def test_jsonl_records_in_order_with_date_alias() -> None:
    lines = [{"text": "First story.", "date": "2023-01-02", "title": "One"}, {"text": "Second story.", "url": "http://x/2"}]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    raws = list(read_bytes(data, "feed.jsonl"))
    assert [r.content for r in raws] == ["First story.", "Second story."]
    assert raws[0].published == "2023-01-02" and raws[0].title == "One" and raws[1].url == "http://x/2"


def test_json_object_and_gzip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "one.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"text": "A story.", "published": "2022-02-02"}).encode()))
    (raw,) = list(read_path(str(path)))
    assert isinstance(raw, RawArticle) and raw.published == "2022-02-02"


def test_html_and_text_detection() -> None:
    (html,) = list(read_bytes(b"<!doctype html><html><body><p>x</p></body></html>", "page"))
    (text,) = list(read_bytes("Plain scraped text, with a curly quote \u201clike this\u201d.".encode(), "page.txt"))
    assert html.is_html and not text.is_html


def test_latin1_is_decoded() -> None:
    (raw,) = list(read_bytes("Caf\u00e9 owners protested in S\u00e3o Paulo on Monday.".encode("latin-1"), "x.txt"))
    assert "Paulo" in raw.content


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty input"), (b"\x00\x01\x02binary" * 10, "binary"), (b"{bad json", "invalid JSON"), (b"[1, 2]", "expected a JSON object")],
)
def test_bad_input_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(read_bytes(data, "x.json"))


def test_missing_record_text() -> None:
    with pytest.raises(InputError, match="no 'text'"):
        list(read_bytes(b'{"title": "no body"}', "x.json"))
