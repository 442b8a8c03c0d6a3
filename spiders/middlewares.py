"""Downloader and spider middlewares: conditional GET, and saving the page states it reads.

Conditional GET, done as the field notes say (never Scrapy's RFC 2616 HTTP cache): each URL's
``ETag`` / ``Last-Modified`` live in the store, read and saved through the crawl's recorder
(``recorder.py``); a request carries ``If-None-Match`` when the page
had an ETag, else ``If-Modified-Since``; a 304 is allowed through, counted, and its page is not
parsed. A 200 whose body hashes the same as last time is not parsed either. Only one validator is
sent because a server must ignore ``If-Modified-Since`` when ``If-None-Match`` is present (RFC
9110, 13.1.3): sending both would only add ~50 bytes to every revisit of a re-crawl that is mostly
revisits. The validators are saved only after the page's callback has run to its end, so a crash
mid-page means the page is fetched in full next time and no change is lost. A page whose events
were read is saved with its body and extraction tag (``stored_bodies``), so that a better
extraction can read it again without fetching it.

A forced crawl (``crawl --force``: the ``CONFWATCH_FORCE`` setting) sends no validators and
compares no hash: every page is fetched in full and read, then saved as any page read in full is.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from confwatch.spiders import stored_bodies
from confwatch.spiders.context import CrawlContext, context_of
from confwatch.spiders.items import RawEvent
from confwatch.store.records import PageFetch

if TYPE_CHECKING:
    from confwatch.store.api import PageStateView

log = logging.getLogger("confwatch.crawl")

# Sent when a page's callback has yielded everything, with ``response``, ``items`` (the RawEvents
# it yielded), ``fetch`` (the page's validators and hash to save, or None) and ``stored`` (to call
# once the items are stored, or None). A receiver that returns True takes both over: it saves
# ``fetch`` in the same transaction as the items (the item pipeline buffers them; Scrapy may hand
# items to the pipeline after the callback's output is exhausted) and drops it if they fail. With
# no receiver the state is saved at once.
PAGE_DONE = object()
# Set in a request's meta by the spider when it read the page's events (``SourceSpider``).
EVENTS_READ = "confwatch_events_read"


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _spider(crawler: Crawler, spider: Spider | None) -> Spider:
    """The spider a component works for: Scrapy 2.13+ stops passing it, the crawler holds it."""
    found = spider or crawler.spider
    if found is None:  # a component is called only while its crawler's spider runs
        raise RuntimeError("a crawl component was called with no spider running")
    return found


class ConditionalGetMiddleware:
    """Adds validators to requests and marks unchanged pages so their callbacks skip parsing.

    A source's page states are read once, on its first request (one query instead of one per
    request: ~0.7 ms a page); a URL not among them (a new page, or one another source saved) is
    still looked up on its own. States saved during the crawl are not needed again: each page is
    fetched once per run.
    """

    def __init__(self, context: CrawlContext, crawler: Crawler) -> None:
        self.context = context
        self.crawler = crawler
        self.known: dict[str, dict[str, PageStateView]] = {}  # source -> url -> state
        # ``crawl --force``: every page is fetched in full and read, whatever was saved of it.
        self.force = crawler.settings.getbool("CONFWATCH_FORCE")

    def _state(self, source: str, url: str) -> PageStateView | None:
        states = self.known.get(source)
        if states is None:
            states = self.known[source] = self.context.recorder.page_states(source)
        return states.get(url) or self.context.recorder.page_state(url)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(context_of(crawler), crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self.force or request.meta.get("no_conditional") or request.url.endswith("/robots.txt"):
            return None
        source = _spider(self.crawler, spider).name
        state = self._state(source, request.url)
        if state is None:
            return None
        if state.etag:
            request.headers.setdefault(b"If-None-Match", state.etag.encode("latin-1"))
        elif state.last_modified:
            request.headers.setdefault(b"If-Modified-Since", state.last_modified.encode("latin-1"))
        request.meta["previous_hash"] = state.content_hash
        return None

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if request.url.endswith("/robots.txt"):
            return response
        source = _spider(self.crawler, spider).name
        prog = self.context.of(source)
        prog.pages += 1
        prog.bytes += len(response.body)
        if response.status == 304:
            prog.not_modified += 1
            self._unchanged(source, request)
        elif response.status == 200:
            digest = body_hash(response.body)
            request.meta["content_hash"] = digest
            if digest == request.meta.get("previous_hash"):
                # A site without validators answers 200 where it means 304: the same news.
                self._unchanged(source, request)
        return response

    def _unchanged(self, source: str, request: Request) -> None:
        """The page is as it was: not read again, and what was read from it is still current
        (so it never counts as the source no longer announcing it)."""
        request.meta["unchanged"] = True
        self.context.recorder.unchanged(source, request.url)


class PageStateMiddleware:
    """Saves a page's validators once its callback has yielded everything it had.

    A listing's validators wait for the end of the crawl and are kept only when no request failed:
    a 304 on a listing skips its links, so a crawl cut short (a failed page, kill -9) must read the
    listing in full next time, or a link it could not follow would never be tried again.
    """

    def __init__(self, context: CrawlContext, crawler: Crawler) -> None:
        self.context = context
        self.crawler = crawler
        self.listings: list[PageFetch] = []  # listings whose items are stored, saved at the end
        self.tags: dict[str, str | None] = {}  # source -> its extraction tag

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PageStateMiddleware:
        middleware = cls(context_of(crawler), crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def _done(self, response: Response, spider: Spider | None, items: list[RawEvent]) -> None:
        crawled = _spider(self.crawler, spider)
        fetch = _fetch(crawled.name, response)
        if fetch is not None and response.meta.get(EVENTS_READ):
            fetch = self._with_body(fetch, response, crawled)
        stored = None
        if fetch is not None and response.meta.get("listing"):
            # A listing is kept for the end of the crawl, once its own items are stored.
            listing = fetch

            def stored() -> None:
                self.listings.append(listing)

            fetch = None
        responses = self.crawler.signals.send_catch_log(
            PAGE_DONE, response=response, items=items, fetch=fetch, stored=stored
        )
        # Taken over, or the receiver failed (Scrapy logged it): either way, not saved here.
        if any(taken is True or isinstance(taken, Failure) for _, taken in responses):
            return
        if fetch is not None:
            self.context.recorder.page_read(fetch)
        if stored is not None:
            stored()

    def _with_body(self, fetch: PageFetch, response: Response, spider: Spider | None) -> PageFetch:
        """The fetch with the text that was read, packed, and the tag it was read with."""
        if fetch.source not in self.tags:
            config = self.context.sources.get(fetch.source) or getattr(spider, "source", None)
            self.tags[fetch.source] = stored_bodies.extraction_tag(config) if config else None
        tag = self.tags[fetch.source]
        text = getattr(response, "text", None)
        if tag is None or text is None or len(response.body) > self.context.crawl.max_page_bytes:
            return fetch
        body = stored_bodies.pack(text)
        return replace(fetch, body=body, extraction=tag, read_on=self.context.today)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        complete = reason in ("finished", "closespider_pagecount")
        for fetch in self.listings:
            if complete and self.context.of(fetch.source).errors == 0:
                self.context.recorder.page_read(fetch)
        self.listings.clear()

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Spider | None = None
    ) -> Iterator[Any]:
        items = []
        for out in result:
            if isinstance(out, RawEvent):
                items.append(out)
            yield out
        self._done(response, spider, items)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Spider | None = None
    ) -> AsyncIterator[Any]:
        items = []
        async for out in result:
            if isinstance(out, RawEvent):
                items.append(out)
            yield out
        self._done(response, spider, items)


def _fetch(source: str, response: Response) -> PageFetch | None:
    """The state to remember for a page read in full (a 200 with a body hash), else None."""
    if response.status != 200 or "content_hash" not in response.meta:
        return None
    return PageFetch(
        url=response.url,
        source=source,
        etag=_header(response, b"ETag"),
        last_modified=_header(response, b"Last-Modified"),
        content_hash=response.meta["content_hash"],
        status=response.status,
    )


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
