"""Stage: read inputs (files, JSON records, stdin) into raw articles. No interpretation happens here."""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024  # a page bigger than this is not an article; refuse before parsing it


class InputError(ValueError):
    """Bad input: the message is one line, meant for the user."""


@dataclass
class RawArticle:
    """One article as it arrived: either HTML or plain (scraped) text, plus whatever metadata came with it."""

    content: str
    is_html: bool = False
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str | None = None  # file path, line number or URL it came from
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_text(
        cls, text: str, *, title: str | None = None, published: str | None = None, url: str | None = None
    ) -> RawArticle:
        return cls(content=text, is_html=looks_like_html(text), title=title, published=published, url=url)

    @classmethod
    def from_record(cls, rec: dict[str, object], origin: str | None = None) -> RawArticle:
        """A JSON record {text|html|content, title?, url?, published?|date?, source?}."""
        if not isinstance(rec, dict):
            raise InputError(f"{origin or 'record'}: expected a JSON object, got {type(rec).__name__}")
        html = rec.get("html")
        text = rec.get("text", rec.get("content", html))
        if not isinstance(text, str):
            raise InputError(f"{origin or 'record'}: no 'text' (or 'html') string field")
        published = rec.get("published", rec.get("date"))
        return cls(
            content=text,
            is_html=isinstance(html, str) or looks_like_html(text),
            title=_str_or_none(rec.get("title")),
            url=_str_or_none(rec.get("url")),
            published=_str_or_none(published),
            source=_str_or_none(rec.get("source")),
            origin=origin,
            extra={k: v for k, v in rec.items() if k in ("id", "topic")},
        )


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head) or (
        head.count("<p") + head.count("<div") >= 3
    )


def decode(data: bytes, origin: str = "input") -> str:
    """Bytes to text: UTF-8 when it is, else the charset charset-normalizer finds; binary is refused."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{origin}: {len(data) / 1e6:.1f} MB is over the {MAX_BYTES // 1_000_000} MB limit")
    if data[:2] == b"\x1f\x8b":
        data = _gunzip_capped(data, origin)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{origin}: looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise InputError(f"{origin}: cannot determine the text encoding") from None
        # Single-byte code pages tie on short texts (cp1250 reads French latin-1 as 'Genčve'); windows-1252 is
        # the web's default for unlabelled legacy pages (WHATWG), so it wins a tie.
        for match in matches:
            if ("cp1252" in match.could_be_from_charset and match.chaos == best.chaos
                    and match.coherence == best.coherence):
                return str(match)
        return str(best)


def _gunzip_capped(data: bytes, origin: str) -> bytes:
    """gzip.decompress with the size cap applied to the output (a small .gz can expand a thousandfold), and
    a truncated or corrupt file reported as bad input rather than EOFError/zlib.error."""
    out = bytearray()
    rest = data
    while rest[:2] == b"\x1f\x8b":  # one member after another, as gzip.decompress reads them
        member = zlib.decompressobj(wbits=31)  # 31: expect a gzip header
        try:
            out += member.decompress(rest, MAX_BYTES + 1 - len(out))
        except zlib.error as exc:
            raise InputError(f"{origin}: not a readable gzip file ({exc})") from None
        if len(out) > MAX_BYTES or member.unconsumed_tail:
            raise InputError(f"{origin}: over the {MAX_BYTES // 1_000_000} MB limit once decompressed")
        if not member.eof:
            raise InputError(f"{origin}: the gzip file is truncated")
        rest = member.unused_data
    return bytes(out)


def read_path(path: str) -> Iterator[RawArticle]:
    """Yield the articles in one input: a file (HTML, text, JSON, JSON Lines, .gz of those) or '-' for stdin."""
    if path == "-":
        data = sys.stdin.buffer.read()
        origin = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory (use 'dateline ingest' for folders)")
        data = p.read_bytes()
        origin = path
    yield from read_bytes(data, origin)


def read_bytes(data: bytes, origin: str) -> Iterator[RawArticle]:
    text = decode(data, origin)
    if not text.strip():
        raise InputError(f"{origin}: empty input")
    name = origin.lower().removesuffix(".gz")
    stripped = text.lstrip()
    if name.endswith((".jsonl", ".ndjson")) or (stripped.startswith("{") and not name.endswith(".json")
                                                and _is_jsonl(stripped)):
        yield from _read_jsonl(text, origin)
        return
    if name.endswith(".json") or stripped.startswith(("{", "[")):
        try:
            obj = json.loads(text)
        except ValueError as err:  # JSONDecodeError, or an integer over Python's 4,300-digit limit
            if name.endswith(".json"):
                raise InputError(f"{origin}: invalid JSON ({json_error(err)})") from None
        else:
            records = obj if isinstance(obj, list) else [obj]
            for i, rec in enumerate(records):
                yield RawArticle.from_record(rec, origin=f"{origin}[{i}]")
            return
    yield RawArticle(content=text, is_html=name.endswith((".html", ".htm")) or looks_like_html(text), origin=origin)


def json_error(err: ValueError) -> str:
    """One line on why json.loads failed; besides JSONDecodeError it raises ValueError for huge integers."""
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} at line {err.lineno}"
    return str(err).split(";")[0]


def _is_jsonl(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first), dict) and "\n" in text.strip()
    except ValueError:
        return False


def _read_jsonl(text: str, origin: str) -> Iterator[RawArticle]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as err:
            raise InputError(f"{origin}:{n}: invalid JSON ({json_error(err)})") from None
        yield RawArticle.from_record(rec, origin=f"{origin}:{n}")
