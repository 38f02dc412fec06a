"""Input sources for corpus mode: folders, globs, JSON Lines (.gz), WARC, RSS/Atom and URLs, as RawArticles."""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .ingest import MAX_BYTES, InputError, RawArticle, json_error, looks_like_html, read_bytes

# Files a folder walk picks up; anything else in a folder (images, PDFs) is not an article.
ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".json", ".jsonl", ".ndjson",
                    ".warc", ".rss", ".atom", ".xml")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")

Fetcher = Callable[[str], tuple[str, str, str]]  # url -> (final url, content type, text)


def failed(origin: str, reason: str, url: str | None = None) -> RawArticle:
    """An input that could not be read: the engine stores it as a failed document with this reason."""
    return RawArticle(content="", url=url, origin=origin, extra={"error": reason})


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def default_fetcher(allow_private: bool = False, timeout: float = 10.0, max_bytes: int = 5 * 1024 * 1024
                    ) -> Fetcher:
    """Fetch through dateline.urlfetch: SSRF guard, timeouts, size cap and a descriptive User-Agent."""
    from .urlfetch import fetch_url

    def fetch(url: str) -> tuple[str, str, str]:
        page = fetch_url(url, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
        return page.final_url, page.content_type, page.text

    return fetch


def iter_sources(inputs: list[str], *, fetcher: Fetcher | None = None, fetch_links: bool = True,
                 delay: float = 0.0) -> Iterator[RawArticle]:
    """Every article in every input, in a fixed order (sorted file names) so runs are reproducible.

    A source that cannot be read yields one `failed(...)` article instead of stopping the run.
    """
    for item in inputs:
        try:
            if is_url(item):
                yield from _from_url(item, fetcher or default_fetcher(), fetch_links, delay)
            elif any(ch in item for ch in "*?["):
                matches = sorted(glob.glob(item, recursive=True))
                if not matches:
                    yield failed(item, "no file matches this pattern")
                for path in matches:
                    if os.path.isfile(path):
                        yield from iter_file(path, fetcher=fetcher, fetch_links=fetch_links, delay=delay)
            elif os.path.isdir(item):
                for path in walk_folder(item):
                    yield from iter_file(path, fetcher=fetcher, fetch_links=fetch_links, delay=delay)
            elif item == "-" or os.path.isfile(item):
                yield from iter_file(item, fetcher=fetcher, fetch_links=fetch_links, delay=delay)
            else:
                yield failed(item, "no such file, folder or URL")
        except InputError as exc:
            yield failed(item, str(exc))


def walk_folder(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if name.lower().removesuffix(".gz").endswith(ARTICLE_SUFFIXES):
                yield os.path.join(root, name)


def _kind(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    if name.endswith(".warc"):
        return "warc"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(_FEED_SUFFIXES):
        return "feed"
    return "file"


def iter_file(path: str, *, fetcher: Fetcher | None = None, fetch_links: bool = False,
              delay: float = 0.0) -> Iterator[RawArticle]:
    kind = _kind(path) if path != "-" else "file"
    try:
        if kind == "warc":
            with open(path, "rb") as fh:
                yield from iter_warc(fh, path)
        elif kind == "jsonl":
            yield from iter_jsonl(path)
        elif kind == "feed":
            data = _read_capped(path)
            if _looks_like_feed(data):
                yield from iter_feed(data, path, fetcher=fetcher if fetch_links else None, delay=delay)
            else:
                yield from read_bytes(data, path)
        else:
            if path == "-":
                import sys

                data = sys.stdin.buffer.read()
                yield from read_bytes(data, "<stdin>")
            else:
                yield from read_bytes(_read_capped(path), path)
    except InputError as exc:
        yield failed(path, str(exc))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield failed(path, f"{type(exc).__name__}: {exc}")


def _read_capped(path: str) -> bytes:
    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size / 1e6:.1f} MB is over the {MAX_BYTES // 1_000_000} MB limit")
    return Path(path).read_bytes()


def _open_text(path: str) -> io.TextIOBase:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the caller's with


def iter_jsonl(path: str) -> Iterator[RawArticle]:
    """Stream a JSON Lines file line by line.

    ingest.read_bytes decodes a whole file at once under a 20 MB cap; a news dump is gigabytes, so
    lines are read one at a time here and each record goes through RawArticle.from_record."""
    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            origin = f"{path}:{n}"
            if len(line) > MAX_BYTES:
                yield failed(origin, f"record is over the {MAX_BYTES // 1_000_000} MB limit")
                continue
            try:
                rec = json.loads(line)
                yield RawArticle.from_record(rec, origin=origin)
            except InputError as exc:
                yield failed(origin, str(exc))
            except ValueError as err:  # JSONDecodeError, or an integer over the 4,300-digit limit
                yield failed(origin, f"invalid JSON ({json_error(err)})")


def iter_warc(stream: BinaryIO, origin: str) -> Iterator[RawArticle]:
    """HTML responses in a WARC (plain or gzip, as news crawls such as CC-NEWS ship them)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    for n, rec in enumerate(ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)):
        url = rec.headers.get("WARC-Target-URI")
        where = f"{origin}#{n}"
        http = rec.http_headers
        if http is not None and http.status_code and http.status_code >= 300:
            continue  # redirects and errors carry no article
        ctype = (http.get("Content-Type", "") if http is not None else "").lower()
        if ctype and "html" not in ctype and "text/plain" not in ctype:
            continue
        body = rec.reader.read(MAX_BYTES + 1)
        if len(body) > MAX_BYTES:
            yield failed(where, f"record is over the {MAX_BYTES // 1_000_000} MB limit", url)
            continue
        try:
            text = _decode(body, where)
        except InputError as exc:
            yield failed(where, str(exc), url)
            continue
        date = rec.headers.get("WARC-Date")
        yield RawArticle(content=text, is_html="html" in ctype or looks_like_html(text), url=url,
                         origin=where, extra={"crawl_date": date} if date else {})


def _decode(body: bytes, origin: str) -> str:
    from .ingest import decode

    return decode(body, origin)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:1000].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head or (
        head.startswith(b"<?xml") and (b"<rss" in data[:4000].lower() or b"<feed" in data[:4000].lower()))


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def iter_feed(data: bytes, origin: str, *, fetcher: Fetcher | None = None, delay: float = 0.0
              ) -> Iterator[RawArticle]:
    """Entries of an RSS/Atom feed: the linked page when a fetcher is given, else the entry's own content."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise InputError(f"{origin}: not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
    source = feed.feed.get("title") if feed.get("feed") else None
    for i, entry in enumerate(feed.entries):
        link = entry.get("link")
        where = f"{origin}[{i}]"
        meta = {"title": entry.get("title"), "published": _entry_date(entry), "source": source}
        if fetcher is not None and link and is_url(link):
            if i and delay:
                time.sleep(delay)  # be polite to one publisher's server
            try:
                final, ctype, text = fetcher(link)
            except InputError as exc:
                yield failed(where, str(exc), link)
                continue
            yield RawArticle(content=text, is_html="html" in ctype or looks_like_html(text), url=link,
                             origin=where, extra={"final_url": final}, **meta)
            continue
        content = ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
        content = content or entry.get("summary", "")
        if not content.strip():
            yield failed(where, "feed entry has no content (fetch its link with a URL feed)", link)
            continue
        yield RawArticle(content=content, is_html=looks_like_html(content) or "<p" in content.lower(),
                         url=link, origin=where, **meta)


def _from_url(url: str, fetcher: Fetcher, fetch_links: bool, delay: float) -> Iterator[RawArticle]:
    try:
        final, ctype, text = fetcher(url)
    except InputError as exc:
        yield failed(url, str(exc), url)
        return
    data = text.encode("utf-8")
    if "xml" in ctype or "rss" in ctype or "atom" in ctype or _looks_like_feed(data):
        if _looks_like_feed(data):
            yield from iter_feed(data, url, fetcher=fetcher if fetch_links else None, delay=delay)
            return
    yield RawArticle(content=text, is_html="html" in ctype or looks_like_html(text), url=url, origin=url,
                     extra={"final_url": final} if final != url else {})
