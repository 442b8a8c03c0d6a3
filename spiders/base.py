"""``SourceSpider``: what every source's spider shares.

A spider is built from its ``SourceConfig`` (start URLs, allowed domains, limits, selectors). It
finds pages and turns each into ``RawEvent`` items through ``page_events(page)``, the one callback
that ``confwatch extract`` also runs offline on a file. It never parses dates or places.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, ClassVar, TypeGuard

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from confwatch.spiders.context import CrawlContext, context_of
from confwatch.spiders.field_selectors import usable_selectors
from confwatch.spiders.items import RawEvent
from confwatch.spiders.middlewares import EVENTS_READ
from confwatch.spiders.page import Page, read_page, single_event
from confwatch.spiders.sources import SourceConfig

log = logging.getLogger("confwatch.crawl")


class SourceSpider(scrapy.Spider):
    kind: ClassVar[str] = "generic"
    #: CSS selectors of links to event pages on a listing page; empty: use ``source.follow``.
    listing_links: ClassVar[tuple[str, ...]] = ()
    #: CSS selector of the "next page" link of a listing.
    next_page: ClassVar[str | None] = None

    def __init__(self, source: SourceConfig, **kwargs: Any) -> None:
        super().__init__(name=source.key, **kwargs)
        self.source = source
        self.allowed_domains = list(source.allowed_domains)
        self.start_urls = list(source.start_urls)
        self.pages_seen = 0
        self._follow = [re.compile(p) for p in source.follow]

    @property
    def context(self) -> CrawlContext | None:
        crawler = getattr(self, "crawler", None)
        if crawler is None or not crawler.settings.get("CONFWATCH_CONTEXT"):
            return None
        return context_of(crawler)

    async def start(self) -> AsyncIterator[Any]:
        for url in self.start_urls:
            # Listings are fetched every run: never let a persistent duplicate filter drop them.
            yield scrapy.Request(
                url,
                callback=self.parse,
                errback=self.on_error,
                dont_filter=True,
                meta={"listing": True},
            )
        for url in self.revisit_urls():
            yield scrapy.Request(url, callback=self.parse_event, errback=self.on_error)

    def revisit_urls(self) -> list[str]:
        """Known event pages to re-check even when the listing is unchanged (conditionally).

        Upcoming events every run; past ones once per ``revisit_past``. When the store cannot be
        read (a lost connection), this run checks the listings only and counts the error: an
        exception here would reach Scrapy's start loop and print a traceback.
        """
        try:
            return self._revisit_urls()
        except Exception as exc:  # the store failed: say so in one line, lose nothing stored
            self._error(None, f"could not read the known event pages to re-check: {exc!r}")
            return []

    def _error(self, url: str | None, message: str) -> None:
        """Count, log and record an error; recording may fail too (the store is what failed):
        that is logged, never raised."""
        log.error("crawl.error", extra={"source": self.name, "url": url, "error": message})
        ctx = self.context
        if ctx is None:
            return
        ctx.of(self.name).errors += 1
        try:
            ctx.recorder.error(self.name, url, message)
        except Exception as exc:
            why = f"could not record error: {exc!r}"
            log.error("crawl.error", extra={"source": self.name, "url": url, "error": why})

    def _revisit_urls(self) -> list[str]:
        ctx = self.context
        if ctx is None:
            return []
        urls: list[str] = []
        now = dt.datetime.now(dt.UTC)
        for event in ctx.recorder.events(self.name):
            end = event.fields.end_date or event.fields.start_date
            for ref in event.sources:
                if ref.source != self.name:
                    continue
                url = ref.url.split("#")[0]
                if url in self.start_urls or url in urls:
                    continue
                if end is None or end >= ctx.today:
                    urls.append(url)
                    continue
                state = ctx.recorder.page_state(url)
                if (
                    state is None
                    or state.last_fetched is None
                    or now - state.last_fetched >= self.source.revisit_past
                ):
                    urls.append(url)
        return urls

    def on_error(self, failure: Failure) -> None:
        # Scrapy sets ``request`` on an errback's Failure; Twisted's Failure does not declare it.
        request: scrapy.Request = failure.request  # type: ignore[attr-defined]
        message = describe_failure(
            failure, timeout=self.context.crawl.timeout if self.context else None
        )
        log.error("crawl.error", extra={"source": self.name, "url": request.url, "error": message})
        ctx = self.context
        if ctx is not None:
            ctx.of(self.name).errors += 1
            ctx.recorder.error(self.name, request.url, message)
            status = getattr(getattr(failure.value, "response", None), "status", None)
            if status in (404, 410):
                # A page that is gone counts towards withdrawing its events (store/withdrawal.py).
                ctx.recorder.page_gone(self.name, request.url, status)

    # -- crawling ------------------------------------------------------------------------------
    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A start page: follow its event links, and read it too when it describes events."""
        if self.context is not None and response.status in (200, 304):
            self.context.of(self.name).listing_ok = True
        if response.meta.get("unchanged") or not self._is_html(response):
            return
        followed = list(self.follow_links(response))
        yield from followed
        # A listing is not itself an event page; a start page with no event links may be one.
        if not any(r.callback == self.parse_event for r in followed):
            yield from self.read_events(response)

    def follow_links(self, response: TextResponse) -> Iterator[scrapy.Request]:
        links: Iterable[str]
        if self.listing_links:
            links = [
                h for css in self.listing_links for h in response.css(f"{css}::attr(href)").getall()
            ]
        else:
            links = response.css("a::attr(href)").getall()
        seen: set[str] = set()
        for href in links:
            url = response.urljoin(href.strip()).split("#")[0]
            if url in seen or url == response.url or not url.startswith(("http://", "https://")):
                continue
            if not self.listing_links and not any(p.search(url) for p in self._follow):
                continue
            seen.add(url)
            yield scrapy.Request(url, callback=self.parse_event, errback=self.on_error)
        if self.next_page:
            nxt = response.css(f"{self.next_page}::attr(href)").get()
            if nxt:
                yield scrapy.Request(
                    response.urljoin(nxt),
                    callback=self.parse,
                    errback=self.on_error,
                    meta={"listing": True},
                )

    def parse_event(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        if not response.meta.get("unchanged") and self._is_html(response):
            yield from self.read_events(response)

    def read_events(self, response: TextResponse) -> Iterator[RawEvent]:
        self.pages_seen += 1
        if self.context is not None:
            self.context.of(self.name).parsed += 1
        if response.request is not None:
            # Its body is stored with its state, to be read again when extraction changes.
            response.meta[EVENTS_READ] = True
        try:
            page = read_page(response.text, response.url)
            events = self.page_events(page)
        except Exception as exc:  # bad content never raises out of a callback
            log.warning(
                "item.warning",
                extra={
                    "source": self.name,
                    "url": response.url,
                    "problem": f"page could not be read: {exc!r}",
                },
            )
            return
        yield from events

    def _is_html(self, response: Response) -> TypeGuard[TextResponse]:
        if response.status == 304:
            return False
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or (
            "html" not in ctype and "xml" not in ctype and ctype
        ):
            log.warning(
                "item.skipped",
                extra={
                    "source": self.name,
                    "url": response.url,
                    "reason": f"not an HTML page ({ctype or 'unknown type'})",
                },
            )
            return False
        return True

    # -- reading (offline too) ---------------------------------------------------------------------
    def page_events(self, page: Page) -> list[RawEvent]:
        """The events one page describes. Sources override this for other layouts."""
        return single_event(
            page,
            self.name,
            selectors=usable_selectors(self.name, page.url, self.source.fields),
            relevance=dict(self.source.relevance),
        )


def describe_failure(failure: Failure, *, timeout: float | None = None) -> str:
    """One plain line for a failed request: "HTTP 500", "timed out after 30 s", ...

    Scrapy 2.14+ wraps Twisted's download errors in its own exceptions; both are understood.
    """
    from scrapy import exceptions as sx
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet import error as tx
    from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

    exc = failure.value
    if isinstance(exc, HttpError):
        return f"HTTP {exc.response.status}"
    kinds: list[tuple[tuple[type[BaseException], ...], str]] = [
        (
            (tx.TimeoutError, getattr(sx, "DownloadTimeoutError", tx.TimeoutError)),
            f"timed out after {timeout:g} s" if timeout else "timed out",
        ),
        (
            (tx.DNSLookupError, getattr(sx, "CannotResolveHostError", tx.DNSLookupError)),
            "DNS lookup failed",
        ),
        (
            (
                tx.ConnectionRefusedError,
                getattr(sx, "DownloadConnectionRefusedError", tx.ConnectionRefusedError),
            ),
            "connection refused",
        ),
        ((ResponseNeverReceived,), "connection lost before a response (reset)"),
        (
            (ResponseFailed, getattr(sx, "DownloadFailedError", ResponseFailed)),
            "connection lost mid-response (reset)",
        ),
        (
            (getattr(sx, "ResponseDataLossError", ResponseFailed),),
            "connection closed before the whole response arrived",
        ),
    ]
    for types, text in kinds:
        if isinstance(exc, types):
            return text
    if "timeout" in type(exc).__name__.lower():
        return f"timed out after {timeout:g} s" if timeout else "timed out"
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:300]
