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
these checks; the resolver also lets the replay server's own host name through.

Private addresses by decision (``AllowList``): an operator may trust intranet hosts or networks,
per source (``[[sources]] allow_private``) or for every source (``[crawl] allow_private``). A
listed host name may resolve anywhere; a listed network or address lets exactly its addresses
through, literal or resolved. The resolver serves every source of a crawl process, so it lets
through what any of them allows; the middleware then judges each request against its own
source's list and the crawl's, so one source's trust is never another's. Every refusal of an
address says how to allow it.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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

from confwatch.spiders.sources import SourceConfig

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


Network = ipaddress.IPv4Network | ipaddress.IPv6Network
#: Shorter prefixes are refused as allow-list entries: they would trust whole address families.
MIN_ALLOWED_PREFIX = 8
_HOST_NAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)


def host_name_problem(host: str) -> str | None:
    """Why ``host`` is no host name a URL may carry (IDNA applied), or None."""
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        return f"{host!r} is not a host name"
    if not _HOST_NAME.match(ascii_host):
        return f"{host!r} is not a host name"
    return None


def _entry_network(entry: str) -> Network | None:
    """The network an allow-list entry names; None for a host name. Raises ValueError."""
    text = entry.strip().lower().strip("[]")
    if "/" in text:
        return ipaddress.ip_network(text, strict=False)
    literal = host_address(text)
    if literal is not None:
        return ipaddress.ip_network(literal)
    if ":" in text:
        raise ValueError(text)
    return None


def allow_entry_problem(entry: str) -> str | None:
    """Why ``entry`` cannot be an allow-list entry (a host name, an address or a network)."""
    unknown = f"{entry!r} is neither a host name nor a network (10.20.0.0/16, intranet.example)"
    try:
        network = _entry_network(entry)
    except ValueError:
        return unknown
    if network is None:
        return unknown if host_name_problem(entry.strip()) else None
    if network.prefixlen < MIN_ALLOWED_PREFIX:
        return f"{entry!r} is too broad: list the intranet's own network or hosts"
    return None


@dataclass(frozen=True)
class AllowList:
    """Hosts and networks an operator trusts although they are not public (empty: none)."""

    names: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowList:
        """From configuration entries (checked at load by ``allow_entry_problem``)."""
        names: set[str] = set()
        networks: list[Network] = []
        for entry in entries:
            problem = allow_entry_problem(entry)
            if problem:
                raise ValueError(problem)
            network = _entry_network(entry)
            if network is None:
                names.add(entry.strip().lower().rstrip("."))
            else:
                networks.append(network)
        return cls(frozenset(names), tuple(networks))

    def __or__(self, other: AllowList) -> AllowList:
        return AllowList(
            self.names | other.names, tuple(dict.fromkeys(self.networks + other.networks))
        )

    def __bool__(self) -> bool:
        return bool(self.names or self.networks)

    def allows(self, host: str, address: Address | None = None) -> bool:
        """True when ``host`` is listed by name, or ``address`` lies in a listed network."""
        if host.strip("[]").rstrip(".").lower() in self.names:
            return True
        return address is not None and any(
            address.version == net.version and address in net for net in self.networks
        )


def how_to_allow(host: str) -> str:
    """The hint every refused address carries: the setting that would let it through."""
    entry = host.strip("[]")
    return f'trusted? allow_private = ["{entry}"] in [[sources]] or [crawl]'


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


def url_refusal(url: str, allow: AllowList | None = None) -> str | None:
    """Why a crawl must not request ``url`` (judged without resolving names), or None.

    ``allow``: the operator's trusted hosts and networks; other schemes are never allowed."""
    judged = _judge_url(url, allow)
    return judged[0] if judged else None


def explained_url_refusal(url: str, allow: AllowList | None = None) -> str | None:
    """``url_refusal`` plus, for an address an operator could trust, how to allow it."""
    judged = _judge_url(url, allow)
    if judged is None:
        return None
    why, host = judged
    return f"{why} ({how_to_allow(host)})" if host else why


def private_url_refusal(url: str, allow: AllowList | None = None) -> str | None:
    """Why ``url`` is refused when only its address is (an allow-list entry would let it
    through), with how to allow it; None when it is allowed or refused for another reason."""
    judged = _judge_url(url, allow)
    if judged is None:
        return None
    why, host = judged
    return f"{why} ({how_to_allow(host)})" if host else None


def _judge_url(url: str, allow: AllowList | None) -> tuple[str, str | None] | None:
    """(why, host when an allow-list entry would let it through) or None when allowed."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        return f"malformed URL: {exc}", None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        return f"scheme {scheme or 'none'!r} is not http or https", None
    if not host:
        return "no host in URL", None
    name = host.rstrip(".").lower()
    try:
        addr = host_address(host)
    except ValueError as exc:
        return str(exc), None
    if allow and allow.allows(name, addr):
        return None
    if name == "localhost" or name.endswith(".localhost"):
        return f"{host} is loopback", name
    why = address_refusal(addr) if addr is not None else None
    return (why, str(addr)) if why else None


def allow_list_of(crawler: Any, source: SourceConfig | None = None) -> AllowList:
    """The crawl-wide allow-list plus ``source``'s (every source's when None) of a crawl."""
    if not crawler.settings.get("CONFWATCH_CONTEXT"):
        return AllowList.parse(source.allow_private) if source else AllowList()
    from confwatch.spiders.context import context_of

    context = context_of(crawler)
    allow = AllowList.parse(context.crawl.allow_private)
    sources = [source] if source else list(context.sources.values())
    for each in sources:
        allow = allow | AllowList.parse(each.allow_private)
    return allow


class SafeAddressMiddleware:
    """Refuses unsafe URLs when a request is scheduled (every link and redirect hop, before
    Scrapy's offsite filter drops it silently) and again before it is downloaded (robots.txt and
    the rest); out of replay mode it also resolves the host, so the run records why."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.replay = bool(crawler.settings.get("CONFWATCH_REPLAY_URL"))
        self._allow: AllowList | None = None

    @property
    def allow(self) -> AllowList:
        """The crawl's and this crawler's source's allow-lists (built once the spider exists)."""
        if self._allow is None:
            source = getattr(self.crawler.spider, "source", None)
            self._allow = allow_list_of(self.crawler, source if source is not None else None)
        return self._allow

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
        why = explained_url_refusal(request.url, self.allow)
        if why is None:
            return
        error = self._refuse(request, why)
        if request.errback is not None:  # a dropped request never reaches its errback otherwise
            # Twisted's Failure.__init__ has no annotations; Scrapy's errbacks read ``request``
            # from it, an attribute Failure does not declare.
            failure = Failure(error)  # type: ignore[no-untyped-call]
            failure.request = request  # type: ignore[attr-defined]
            request.errback(failure)
        raise error

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        why = explained_url_refusal(request.url, self.allow)
        if why is None and not self.replay:
            why = await _resolved_refusal(request.url, self.allow)
        if why is not None:
            raise self._refuse(request, why)


async def _resolved_refusal(url: str, allow: AllowList) -> str | None:
    """Why the address the host resolves to is refused (resolved as the download will, cached).

    The resolver lets through what any source of the crawl allows; ``allow`` is this request's."""
    from twisted.internet import reactor

    host = urlsplit(url).hostname or ""
    if host_address(host) is not None:
        return None  # a literal, judged already
    try:
        # Twisted annotates ``resolve``'s name as bytes; its resolvers take (and Scrapy passes) str.
        resolving = reactor.resolve(host)  # type: ignore[arg-type]
        address = await maybe_deferred_to_future(resolving)
    except UnsafeAddress as exc:
        return str(exc)
    except Exception:  # DNS failures are the download's to report
        return None
    try:
        addr = ipaddress.ip_address(address)
    except ValueError:
        return None
    why = address_refusal(addr)
    if why and not allow.allows(host, addr):
        return f"{host}: {why} ({how_to_allow(host)})"
    return None


class SafeResolver(CachingThreadedResolver):
    """Scrapy's resolver, failing any name that resolves to a non-public address."""

    allowed_names: frozenset[str] = frozenset()
    allow: AllowList = AllowList()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> SafeResolver:
        resolver = super().from_crawler(crawler, reactor)
        replay = crawler.settings.get("CONFWATCH_REPLAY_URL")
        if replay:  # the replay server's own name (e.g. "localhost") stays reachable
            resolver.allowed_names = frozenset({(urlsplit(replay).hostname or "").lower()})
        # Built once per process (from the CrawlerProcess): what any of its sources allows.
        resolver.allow = allow_list_of(crawler)
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:
        d: Deferred[str] = super().getHostByName(name, timeout)
        d.addCallback(self.check, name)
        return d

    def check(self, address: str, name: str) -> str:
        """``address`` when ``name`` may be connected to there; else raises ``UnsafeAddress``."""
        if name.lower() in self.allowed_names:
            return address
        addr = ipaddress.ip_address(address)
        why = address_refusal(addr)
        if why and not self.allow.allows(name, addr):
            log.warning("crawl.refused", extra={"host": name, "address": address, "reason": why})
            raise UnsafeAddress(f"{name}: {why} ({how_to_allow(name)})")
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
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if not ctype or "html" in ctype or "xml" in ctype:
            return response
        raise UnexpectedContent(f"not an HTML page ({ctype.split(';')[0].strip()})")
