"""The item pipeline: normalise each ``RawEvent`` and hand it to the store, a few pages at a time.

Sightings are buffered and written with one ``store.record_many()`` (one transaction) once
finished pages are ready: a page is ready when every one of its items has arrived
(``PageStateMiddleware`` sends ``PAGE_DONE`` with the page's items; its state is saved only after
they are stored, so a crash never leaves a page marked seen with its items unwritten). The ready
pages are written together once ``FLUSH_PAGES`` of them wait or the oldest has waited
``FLUSH_SECONDS`` (checked as pages and items come in), when ``FLUSH_AT`` items are waiting, and
when the spider goes idle or closes; a worker of a distributed crawl writes each page at once.
One transaction per page cost ~2 ms a page on a fast crawl; a crash loses at most the pages of
one batch, which are then read in full next time, as any page whose items never all arrive is.
Warnings name the URL and the field (``item.warning``); pages that are not conferences are
skipped with the reason (``item.skipped``); outcomes are counted and logged per item once their
batch is stored.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from confwatch.spiders.context import CrawlContext, context_of
from confwatch.spiders.items import RawEvent
from confwatch.spiders.middlewares import PAGE_DONE
from confwatch.spiders.normalise import normalise
from confwatch.store.records import Outcome, Sighting

log = logging.getLogger("confwatch.crawl")

# Items per transaction at most: a long listing page is still written in bounded batches.
FLUSH_AT = 100
# Finished pages written together at most, and how long a finished page waits for others.
FLUSH_PAGES = 10
FLUSH_SECONDS = 1.0


@dataclass
class _Page:
    waiting_for: set[int]  # ids of its items not yet through process_item
    save: Callable[[], None]


class StorePipeline:
    def __init__(self, context: CrawlContext) -> None:
        self.context = context
        # Per source, in arrival order: the sightings waiting for their page to end.
        self.waiting: dict[str, list[Sighting]] = {}
        self.pages: list[_Page] = []  # finished pages whose items are still on their way
        # Items through before their page finished, by id (held, so no id is reused meanwhile).
        self.arrived: dict[int, RawEvent] = {}
        self.ready_since: float | None = None  # when the oldest unwritten ready page was ready
        # A worker of a distributed crawl reports its counts to the others whenever it goes idle
        # (distributed.RunCoordination): it writes each page at once, so nothing is left out.
        self.flush_pages = 1 if context.crawl.redis_url else FLUSH_PAGES

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(context_of(crawler))
        crawler.signals.connect(pipeline.page_done, signal=PAGE_DONE)
        crawler.signals.connect(pipeline.idle, signal=signals.spider_idle)
        return pipeline

    def idle(self, spider: Spider | None = None) -> None:
        """Nothing more is coming for now: write what waits instead of sitting on it."""
        self._release(now=True)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, RawEvent):
            return item
        self._take(item)
        self._arrived(item)
        return item

    def _take(self, item: RawEvent) -> None:
        prog = self.context.of(item.source)
        done = normalise(item, today=self.context.today)
        for warning in done.warnings:
            prog.warnings += 1
            log.warning(
                "item.warning", extra={"source": item.source, "url": item.url, "problem": warning}
            )
        if done.fields is None:
            prog.skipped += 1
            log.info(
                "item.skipped",
                extra={"source": item.source, "url": item.url, "reason": done.skipped},
            )
            return
        raw = asdict(item)
        raw["published"] = item.published.isoformat() if item.published else None
        raw.pop(
            "body_text", None
        )  # kept short: the fields say what matters, the page is re-fetchable
        sighting = Sighting(
            source=item.source,
            url=item.url,
            fields=done.fields,
            raw=raw,
            seen_at=dt.datetime.now(dt.UTC),
        )
        batch = self.waiting.setdefault(item.source, [])
        batch.append(sighting)
        if len(batch) >= FLUSH_AT:
            self._flush(item.source)

    def page_done(
        self, response: Any = None, items: Any = (), save: Callable[[], None] | None = None
    ) -> bool:
        """A page's callback has yielded everything: its state is saved once its items are
        stored. True: this pipeline took the save over."""
        ids = {id(item) for item in items}
        page = _Page(ids - self.arrived.keys(), save or (lambda: None))
        for item_id in ids:
            self.arrived.pop(item_id, None)
        self.pages.append(page)
        self._release()
        return True

    def _arrived(self, item: RawEvent) -> None:
        for page in self.pages:
            if id(item) in page.waiting_for:
                page.waiting_for.discard(id(item))
                break
        else:
            self.arrived[id(item)] = item
        self._release()

    def _release(self, *, now: bool = False) -> None:
        """Store the buffer, then save every finished page whose items have all arrived: once
        enough of them wait, or the oldest has waited long enough (or ``now``)."""
        ready = [page for page in self.pages if not page.waiting_for]
        if not ready:
            return
        if not now:
            clock = time.monotonic()
            if self.ready_since is None:
                self.ready_since = clock
            if len(ready) < self.flush_pages and clock - self.ready_since < FLUSH_SECONDS:
                return
        self.ready_since = None
        stored = self.flush()
        self.pages = [page for page in self.pages if page.waiting_for]
        if stored:  # a page whose items failed to store keeps its old state: read again next time
            for page in ready:
                page.save()

    def close_spider(self, spider: Spider | None = None) -> None:
        self._release(now=True)
        self.flush()
        self.pages.clear()  # their items never came: those pages are read in full next time
        self.arrived.clear()

    def flush(self) -> bool:
        """Store every buffered sighting; False when a batch could not be stored."""
        return all([self._flush(source) for source in list(self.waiting)])

    def _flush(self, source: str) -> bool:
        batch = self.waiting.pop(source, [])
        if not batch:
            return True
        prog = self.context.of(source)
        run = self.context.runs[source]
        try:
            outcomes = self.context.store.record_many(run, batch)
        except Exception as exc:  # a store failure loses this batch only, and says so
            for sighting in batch:
                prog.errors += 1
                log.error(
                    "crawl.error",
                    extra={
                        "source": source,
                        "url": sighting.url,
                        "error": f"could not store item: {exc!r}",
                    },
                )
                self.context.store.add_error(run, sighting.url, f"could not store item: {exc}")
            return False
        for sighting, outcome in zip(batch, outcomes, strict=True):
            self._count(source, sighting, outcome)
        return True

    def _count(self, source: str, sighting: Sighting, outcome: Outcome) -> None:
        prog = self.context.of(source)
        fields = sighting.fields
        prog.items += 1
        prog.with_date += fields.start_date is not None
        prog.with_country += fields.country is not None
        setattr(prog, outcome.kind, getattr(prog, outcome.kind) + 1)
        if outcome.kind != "unchanged":
            log.info(
                f"item.{outcome.kind}",
                extra={
                    "source": source,
                    "url": sighting.url,
                    "event": outcome.event_id,
                    "fields": ",".join(c.field for c in outcome.changes)
                    if outcome.kind == "changed"
                    else "",
                },
            )
