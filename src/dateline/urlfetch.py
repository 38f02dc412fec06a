"""Fetch one article URL safely: public addresses only (SSRF guard), bounded time and size, redirects re-checked."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from .ingest import InputError, decode

MAX_BYTES = 5 * 1024 * 1024  # an article page is far smaller; the cap bounds memory per request
TIMEOUT = 10.0  # seconds for the whole fetch, redirects included
MAX_REDIRECTS = 5
USER_AGENT = "dateline/0.1 (+article fetch for event coding)"
_ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class URLRefused(InputError):
    """The URL points somewhere we will not go (private network, bad scheme, ...)."""


class FetchFailed(InputError):
    """The remote server could not give us a usable page."""


@dataclass
class FetchedPage:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content_type: str
    text: str


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchFailed(f"cannot resolve host {host!r}: {exc.strerror}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(ip: IPAddress) -> bool:
    """True for globally routable unicast addresses; IPv4-mapped/6to4 forms are judged by the IPv4 inside."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is not None:
            return is_public(inner)
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def check_addresses(host: str, addresses: Iterable[str], allow_private: bool) -> list[str]:
    """Refuse the host if ANY of its addresses is non-public: a mixed answer is a classic rebinding trick."""
    addresses = list(addresses)
    if not addresses:
        raise FetchFailed(f"host {host!r} has no address")
    if allow_private:
        return addresses
    for addr in addresses:
        ip = ipaddress.ip_address(addr.split("%", 1)[0])  # drop an IPv6 zone id
        if not is_public(ip):
            raise URLRefused(
                f"refusing {host!r}: it resolves to {ip}, a loopback/private/link-local address "
                "(start the server with --allow-private-urls to permit it)"
            )
    return addresses


def check_url(url: str, allow_private: bool = False, resolver: Resolver = system_resolver) -> list[str]:
    """Validate scheme and host of a URL and return the addresses it may be fetched from."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise URLRefused(f"malformed URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise URLRefused(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise URLRefused("URL has no host")
    if parts.username or parts.password:
        raise URLRefused("URLs with credentials are not fetched")
    return check_addresses(host, _resolve(host, port, resolver), allow_private)


def _resolve(host: str, port: int, resolver: Resolver) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]  # a literal address needs no lookup
    except ValueError:
        return resolver(host, port)


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses that passed the check, resolved at connect time.

    Checking the URL before the request is not enough: DNS may answer differently a moment later
    (rebinding). So the check runs here, on the very address the socket connects to.
    """

    def __init__(self, allow_private: bool, resolver: Resolver) -> None:
        self.allow_private = allow_private
        self.resolver = resolver

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None) -> httpcore.NetworkStream:
        addresses = check_addresses(host, _resolve(host, port, self.resolver), self.allow_private)
        last: Exception | None = None
        for addr in addresses:
            try:
                return super().connect_tcp(addr, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        assert last is not None
        raise last


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, allow_private: bool, resolver: Resolver) -> None:
        # trust_env=False: an HTTP(S)_PROXY variable would route around the address check.
        super().__init__(trust_env=False, retries=0)
        # httpx has no public hook for the network backend, so the pool is rebuilt with ours;
        # TLS still verifies against the URL's host name because httpcore wraps the stream with it.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=4,
            network_backend=_GuardedBackend(allow_private, resolver),
        )


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    resolver: Resolver = system_resolver,
) -> FetchedPage:
    """GET an article page; every redirect target is checked like the first URL."""
    deadline = time.monotonic() + timeout
    current = url
    transport = _GuardedTransport(allow_private, resolver)
    with httpx.Client(transport=transport, follow_redirects=False, trust_env=False,
                      timeout=httpx.Timeout(timeout, connect=min(5.0, timeout)),
                      headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"}) as client:
        for _hop in range(max_redirects + 1):
            check_url(current, allow_private, resolver)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchFailed(f"{current}: redirect without a Location header")
                        current = str(resp.url.join(location))
                        continue
                    return _read_page(url, resp, max_bytes, deadline)
            except httpx.TimeoutException:
                raise FetchFailed(f"{current}: timed out after {timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchFailed(f"{current}: {type(exc).__name__}: {exc}") from None
    raise FetchFailed(f"{url}: more than {max_redirects} redirects")


def _read_page(url: str, resp: httpx.Response, max_bytes: int, deadline: float) -> FetchedPage:
    if resp.status_code >= 400:
        raise FetchFailed(f"{resp.url}: HTTP {resp.status_code}")
    content_type = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type and not content_type.startswith(_ALLOWED_TYPES):
        raise FetchFailed(f"{resp.url}: content type {content_type!r} is not an article page")
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(f"{resp.url}: {int(declared)} bytes is over the {max_bytes}-byte limit")
    body = bytearray()
    for chunk in resp.iter_bytes():
        body += chunk
        if len(body) > max_bytes:  # servers may lie about or omit Content-Length
            raise FetchFailed(f"{resp.url}: body is over the {max_bytes}-byte limit")
        if time.monotonic() > deadline:  # per-read timeouts alone would let a trickling server go on forever
            raise FetchFailed(f"{resp.url}: too slow, gave up")
    return FetchedPage(url=url, final_url=str(resp.url), status=resp.status_code, content_type=content_type,
                       text=decode(bytes(body), str(resp.url)))
