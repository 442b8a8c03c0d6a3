"""What a crawl may fetch and accept: public http(s) addresses only, pages that are pages.

Scrapy's ``allowed_domains`` checks host names, never addresses: a name that resolves to
169.254.169.254, or a link to ``http://2130706433/``, is fetched. Two guards close that:

- ``SafeAddressMiddleware`` (downloader middleware, before the offsite filter) sees every request,
  including each redirect hop and robots.txt: it refuses other schemes, ``localhost`` names and IP
  literals in any spelling (decimal, octal, hex, shortened, IPv6 forms that embed IPv4).
- ``SafeResolver`` (Scrapy's DNS resolver) checks the one address each name resolved to, which is
  the address then connected to, so DNS rebinding between check and connect is no way round.

Refused: loopback, private, link-local, CGNAT (100.64.0.0/10), multicast, reserved, unspecified,
anything else not globally routable, and IPv4-mapped / 6to4 / Teredo / NAT64 forms of those.
``RedirectLoopMiddleware`` turns a redirect back to a URL already in the chain into an error
(Scrapy's duplicate filter would otherwise drop the hop silently, recording nothing), and
``PageTypeMiddleware`` turns a 200 that is not HTML or XML (a PDF or an image where a page was)
into an error on the run instead of a silent skip.

Replay mode's download handler connects to the replay server's literal 127.0.0.1 itself, below
these checks; the resolver also lets the replay server's own host name through, nothing else.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

log = logging.getLogger("confwatch.crawl")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
SCHEMES = ("http", "https")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
# IANA special-purpose blocks Python 3.11's flags miss (its registry copy is older).
_SPECIAL = tuple(
    ipaddress.ip_network(n)
    for n in ("0.0.0.0/8", "192.0.0.0/24", "192.88.99.0/24", "198.18.0.0/15", "240.0.0.0/4",
              "100::/64", "2001::/23", "2001:db8::/32")
)  # fmt: skip
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
# What inet_aton (and so getaddrinfo) reads as an IPv4 address: 1-4 parts, decimal, octal or hex.
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+)){0,3}$", re.IGNORECASE)


class UnsafeRequest(IgnoreRequest):
    """A request refused before any connection: the message says why."""


class UnexpectedContent(IgnoreRequest):
    """A response that is not a page (wrong content type)."""


class UnsafeAddress(Exception):
    """A host name resolved to an address a crawl must not connect to."""


def host_address(host: str) -> Address | None:
    """The address an IP-literal host means, in any spelling a resolver accepts; None for names.

    Raises ValueError for a numeric host no resolver reads consistently (refuse it)."""
    text = host.strip().strip("[]").rstrip(".").lower()
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if not _NUMERIC_HOST.match(text):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except OSError:
        raise ValueError(f"{host!r} is a numeric host but not an address") from None


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> list[tuple[str, ipaddress.IPv4Address]]:
    found: list[tuple[str, ipaddress.IPv4Address]] = []
    if addr.ipv4_mapped is not None:
        found.append(("IPv4-mapped", addr.ipv4_mapped))
    if addr.sixtofour is not None:
        found.append(("6to4", addr.sixtofour))
    if addr.teredo is not None:
        server, client = addr.teredo
        found += [("Teredo server", server), ("Teredo client", client)]
    if addr in _NAT64:
        found.append(("NAT64", ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)))
    elif addr in _IPV4_COMPATIBLE and int(addr) > 1:
        found.append(("IPv4-compatible", ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)))
    return found


def _category(addr: Address) -> str | None:
    if addr.is_unspecified:
        return "unspecified"
    if addr.is_loopback:
        return "loopback"
    if addr.is_link_local:
        return "link-local"
    if addr.is_multicast:
        return "multicast"
    if isinstance(addr, ipaddress.IPv4Address) and addr in _CGNAT:
        return "shared address space (CGNAT)"
    if addr.is_private:
        return "private"
    if any(addr in net for net in _SPECIAL if net.version == addr.version):
        return "special-purpose"
    if addr.is_reserved:
        return "reserved"
    if not addr.is_global:
        return "not a public address"
    return None


def address_refusal(addr: Address) -> str | None:
    """Why a crawl must not connect to ``addr``, or None when it is a public address."""
    if isinstance(addr, ipaddress.IPv6Address):
        for form, inner in _embedded_ipv4(addr):
            why = _category(inner)
            if why:
                return f"{addr} is the {form} form of {inner} ({why})"
    why = _category(addr)
    return f"{addr} is {why}" if why else None


def url_refusal(url: str) -> str | None:
    """Why a crawl must not request ``url`` (judged without resolving names), or None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        return f"malformed URL: {exc}"
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        return f"scheme {scheme or 'none'!r} is not http or https"
    if not host:
        return "no host in URL"
    name = host.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return f"{host} is loopback"
    try:
        addr = host_address(host)
    except ValueError as exc:
        return str(exc)
    return address_refusal(addr) if addr is not None else None


class SafeAddressMiddleware:
    """Refuses unsafe URLs when a request is scheduled (every link and redirect hop, before
    Scrapy's offsite filter drops it silently) and again before it is downloaded (robots.txt and
    the rest); out of replay mode it also resolves the host, so the run records why."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.replay = bool(crawler.settings.get("CONFWATCH_REPLAY_URL"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafeAddressMiddleware:
        middleware = cls(crawler)
        # Connected before the offsite filter's receiver (lower priority number: built first).
        crawler.signals.connect(middleware.request_scheduled, signal=signals.request_scheduled)
        return middleware

    def _refuse(self, request: Request, why: str) -> UnsafeRequest:
        source = getattr(self.crawler.spider, "name", "?")
        log.warning("crawl.refused", extra={"source": source, "url": request.url, "reason": why})
        return UnsafeRequest(f"refused: {why}")

    def request_scheduled(self, request: Request, spider: Spider | None = None) -> None:
        why = url_refusal(request.url)
        if why is None:
            return
        error = self._refuse(request, why)
        if request.errback is not None:  # a dropped request never reaches its errback otherwise
            failure = Failure(error)
            failure.request = request  # type: ignore[attr-defined]
            request.errback(failure)
        raise error

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        why = url_refusal(request.url)
        if why is None and not self.replay:
            why = await _resolved_refusal(request.url)
        if why is not None:
            raise self._refuse(request, why)


async def _resolved_refusal(url: str) -> str | None:
    """Why the address the host resolves to is refused (resolved as the download will, cached)."""
    from twisted.internet import reactor

    host = urlsplit(url).hostname or ""
    if host_address(host) is not None:
        return None  # a literal, judged already
    try:
        await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined]
    except UnsafeAddress as exc:
        return str(exc)
    except Exception:  # DNS failures are the download's to report
        return None
    return None


class SafeResolver(CachingThreadedResolver):
    """Scrapy's resolver, failing any name that resolves to a non-public address."""

    allowed_names: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> SafeResolver:
        resolver = super().from_crawler(crawler, reactor)
        replay = crawler.settings.get("CONFWATCH_REPLAY_URL")
        if replay:  # the replay server's own name (e.g. "localhost") stays reachable
            resolver.allowed_names = frozenset({(urlsplit(replay).hostname or "").lower()})
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:
        d: Deferred[str] = super().getHostByName(name, timeout)
        d.addCallback(self.check, name)
        return d

    def check(self, address: str, name: str) -> str:
        """``address`` when ``name`` may be connected to there; else raises ``UnsafeAddress``."""
        if name.lower() in self.allowed_names:
            return address
        why = address_refusal(ipaddress.ip_address(address))
        if why:
            log.warning("crawl.refused", extra={"host": name, "address": address, "reason": why})
            raise UnsafeAddress(f"{name}: {why}")
        return address


class RedirectLoop(IgnoreRequest):
    """A redirect back to a URL already visited in the same chain."""


class RedirectLoopMiddleware:
    """Fails a redirect whose target is already in its own chain, before Scrapy follows it."""

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = urljoin(request.url, location.decode("latin-1")).split("#")[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise RedirectLoop(f"redirect loop: {request.url} redirects back to {target}")
        return response


class PageTypeMiddleware:
    """Fails a 200 response that is neither HTML nor XML (robots.txt excepted)."""

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if response.status != 200 or request.url.endswith("/robots.txt"):
            return response
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if not ctype or "html" in ctype or "xml" in ctype:
            return response
        raise UnexpectedContent(f"not an HTML page ({ctype.split(';')[0].strip()})")
