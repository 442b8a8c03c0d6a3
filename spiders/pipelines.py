"""The item pipeline: normalise each ``RawEvent`` and hand it to the store, a few pages at a time.

A page is the unit of writing. ``PageStateMiddleware`` sends ``PAGE_DONE`` when a page's callback
has yielded everything, with its items and the state to remember (validators, body hash); the page
is ready once every one of its items has come through ``process_item`` (Scrapy may hand items over
after the callback's output is exhausted). A ready page's sightings AND its state are written in
one transaction (``recorder.CrawlRecorder.record``: the store's ``record_many(..., pages=...)``):
whatever fails, a page is never marked seen (so that a later 304 or an equal hash would skip it)
unless its conferences are stored. A page whose write failed keeps its old state and is read in
full next time; so is a page with an item that could not be read.

Ready pages are written together once ``FLUSH_PAGES`` of them or ``FLUSH_AT`` items wait, or the
oldest has waited ``FLUSH_SECONDS``, and when the spider goes idle or closes; a worker of a
distributed crawl writes each page at once. One transaction per page cost ~2 ms a page on a fast
crawl. When a batch fails, its pages are tried one by one, so one bad page costs only itself.
Warnings name the URL and the field (``item.warning``); a warning that a field was not found is
said when the item's page closes, and only if the page's meeting, its mentions merged, still
lacks the field (``field_warnings``: as ``extract`` and ``try`` say it). Pages that are not
conferences are skipped with the reason (``item.skipped``); outcomes are counted and logged per
item once their page is stored.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from confwatch.spiders.context import CrawlContext, context_of
from confwatch.spiders.items import RawEvent
from confwatch.spiders.middlewares import PAGE_DONE
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.field_warnings import said_at_once, settled
from confwatch.spiders.normalise.same_meeting import Meeting, one_event_per_meeting
from confwatch.store.records import EventFields, Outcome, PageFetch, Sighting

log = logging.getLogger("confwatch.crawl")

# Items per transaction at most (a page is never split: a longer page is one transaction).
FLUSH_AT = 100
# Finished pages written together at most, and how long a finished page waits for others.
FLUSH_PAGES = 10
FLUSH_SECONDS = 1.0


@dataclass
class _Page:
    url: str
    waiting_for: set[int]  # ids of its items not yet through process_item
    fetch: PageFetch | None  # the state to save with its items
    stored: Callable[[], None] | None  # called once its items are stored
    sightings: list[Sighting] = field(default_factory=list)
    spoiled: bool = False  # an item could not be read: keep the page's old state
    # Each sighting's warnings that a field was not found, said once the page's meetings merge.
    missing: list[dict[str, str]] = field(default_factory=list)

    def take(self, read: _Read) -> None:
        if read.sighting is not None:
            self.sightings.append(read.sighting)
            self.missing.append(read.missing)
        self.spoiled = self.spoiled or not read.ok

    @property
    def source(self) -> str | None:
        if self.fetch is not None:
            return self.fetch.source
        return self.sightings[0].source if self.sightings else None


@dataclass(frozen=True)
class _Read:
    """What reading an item gave: its sighting (None: not a conference), False for ``ok`` when
    it could not be read at all, and its warnings that a field was not found."""

    sighting: Sighting | None
    ok: bool
    missing: dict[str, str] = field(default_factory=dict)


class StorePipeline:
    def __init__(self, context: CrawlContext) -> None:
        self.context = context
        self.pages: list[_Page] = []  # finished pages whose items are not all stored yet
        # Items through before their page finished, by id (held, so no id is reused meanwhile),
        # with what reading them gave.
        self.arrived: dict[int, tuple[RawEvent, _Read]] = {}
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
        read = self._read(item)
        for page in self.pages:
            if id(item) in page.waiting_for:
                page.waiting_for.discard(id(item))
                page.take(read)
                break
        else:
            self.arrived[id(item)] = (item, read)
        self._release()
        return item

    def _read(self, item: RawEvent) -> _Read:
        """The item's sighting (None for a page that is not a conference), and not ``ok`` when
        the item could not be read at all (its page must then be read again next time)."""
        prog = self.context.of(item.source)
        try:
            done = normalise(item)
        except Exception as exc:  # bad content never stops the crawl: this item is reported
            self._error(item.source, item.url, f"could not read item: {exc!r}")
            return _Read(None, False)
        if done.fields is None:
            self._warn(item.source, item.url, done.warnings)
            prog.skipped += 1
            log.info(
                "item.skipped",
                extra={"source": item.source, "url": item.url, "reason": done.skipped},
            )
            return _Read(None, True)
        # A field not found is said when the page closes, if its merged meeting lacks it too.
        self._warn(item.source, item.url, said_at_once(done.warnings, done.missing))
        return _Read(sighting_of(item, done.fields), True, done.missing)

    def _warn(self, source: str, url: str, warnings: Sequence[str]) -> None:
        for warning in warnings:
            self.context.of(source).warnings += 1
            log.warning("item.warning", extra={"source": source, "url": url, "problem": warning})

    def page_done(
        self,
        response: Any = None,
        items: Sequence[RawEvent] = (),
        fetch: PageFetch | None = None,
        stored: Callable[[], None] | None = None,
    ) -> bool:
        """A page's callback has yielded everything: its items, then its state (in the same
        transaction), are stored once they have all come through. True: taken over."""
        url = fetch.url if fetch else str(getattr(response, "url", ""))
        page = _Page(url, set(), fetch, stored)
        for item in items:
            early = self.arrived.pop(id(item), None)
            if early is None:
                page.waiting_for.add(id(item))
            else:
                page.take(early[1])
        self.pages.append(page)
        self._release()
        return True

    def _release(self, *, now: bool = False) -> None:
        """Write every finished page whose items have all arrived: once enough of them (or of
        their items) wait, or the oldest has waited long enough (or ``now``)."""
        ready = [page for page in self.pages if not page.waiting_for]
        if not ready:
            return
        if not now:
            clock = time.monotonic()
            if self.ready_since is None:
                self.ready_since = clock
            items = sum(len(page.sightings) for page in ready)
            if (
                len(ready) < self.flush_pages
                and items < FLUSH_AT
                and clock - self.ready_since < FLUSH_SECONDS
            ):
                return
        self.ready_since = None
        # Out of the list before writing: whatever happens below, no page is written twice and
        # no later flush can save the state of a page whose items failed.
        self.pages = [page for page in self.pages if page.waiting_for]
        for page in ready:
            page.sightings = self._one_per_meeting(page)
        self._write(ready)

    def _one_per_meeting(self, page: _Page) -> list[Sighting]:
        """The page's sightings with each meeting once; says the warnings of fields not found
        that its meetings, so merged, still lack (``field_warnings.standing``)."""
        meetings = one_event_per_meeting([s.fields for s in page.sightings])
        for sighting, warnings in zip(page.sightings, settled(meetings, page.missing), strict=True):
            self._warn(sighting.source, sighting.url, warnings)
        return merged_sightings(page.sightings, meetings)

    def close_spider(self, spider: Spider | None = None) -> None:
        self._release(now=True)
        # Items whose page never finished (its callback failed, or it is still waiting for an
        # item that never came): stored, but the page keeps its old state and is read again.
        leftovers = [s for page in self.pages for s in page.sightings]
        leftovers += [r.sighting for _, r in self.arrived.values() if r.sighting is not None]
        # Their pages never closed: each item's warnings are said as it was read.
        missing = [m for page in self.pages for m in page.missing]
        missing += [r.missing for _, r in self.arrived.values() if r.sighting is not None]
        for sighting, warned in zip(leftovers, missing, strict=True):
            self._warn(sighting.source, sighting.url, list(warned.values()))
        self.pages.clear()
        self.arrived.clear()
        by_source: dict[str, list[Sighting]] = {}
        for sighting in leftovers:
            by_source.setdefault(sighting.source, []).append(sighting)
        self._write(
            [
                _Page(s[0].url, set(), None, None, s[i : i + FLUSH_AT])
                for s in by_source.values()
                for i in range(0, len(s), FLUSH_AT)
            ]
        )

    def _write(self, pages: list[_Page]) -> None:
        for source, batch in _batches(pages):
            # A page with neither items nor state (a listing of links) has nothing to store.
            if source is not None and not self._store(source, batch):
                continue
            for page in batch:
                if page.stored is not None and not page.spoiled:
                    page.stored()

    def _store(self, source: str, batch: list[_Page]) -> bool:
        """One transaction for the batch; when it fails, one per page. False if any failed (the
        pages that were stored have had their ``stored`` called)."""
        sightings = [s for page in batch for s in page.sightings]
        fetches = [p.fetch for p in batch if p.fetch is not None and not p.spoiled]
        run = self.context.runs[source]
        try:
            outcomes = self.context.recorder.record(run, sightings, fetches)
        except Exception as exc:  # a store failure costs these pages this crawl, and says so
            if len(batch) > 1:
                for page in batch:
                    if self._store(source, [page]) and page.stored and not page.spoiled:
                        page.stored()
                return False
            (page,) = batch
            self._error(source, page.url, f"could not store {len(sightings)} item(s): {exc!r}")
            return False
        for sighting, outcome in zip(sightings, outcomes, strict=True):
            self._count(source, sighting, outcome)
        return True

    def _error(self, source: str, url: str | None, message: str) -> None:
        """Count, log and record an error. Recording it may fail too (the store is what
        failed): that is logged, never raised, so the crawl goes on and loses nothing more."""
        self.context.of(source).errors += 1
        log.error("crawl.error", extra={"source": source, "url": url, "error": message})
        try:
            self.context.recorder.error(source, url, message)
        except Exception as exc:
            log.error(
                "crawl.error",
                extra={"source": source, "url": url, "error": f"could not record error: {exc!r}"},
            )

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
                    "event_id": outcome.event_id,
                    "fields": ",".join(c.field for c in outcome.changes)
                    if outcome.kind == "changed"
                    else "",
                },
            )


def sighting_of(item: RawEvent, fields: EventFields) -> Sighting:
    """The sighting of one read item: its fields, and the text they were read from (``raw``)."""
    raw = asdict(item)
    raw["published"] = item.published.isoformat() if item.published else None
    raw.pop("body_text", None)  # kept short: the fields say what matters
    return Sighting(
        source=item.source,
        url=item.url,
        fields=fields,
        raw=raw,
        seen_at=dt.datetime.now(dt.UTC),
    )


def merged_sightings(sightings: Sequence[Sighting], meetings: Sequence[Meeting]) -> list[Sighting]:
    """Per meeting, the sighting whose title it keeps, with the merged fields."""
    return [replace(sightings[m.index], fields=m.fields) for m in meetings]


def _batches(pages: list[_Page]) -> Iterator[tuple[str | None, list[_Page]]]:
    """Pages grouped per source in their order, at most ``FLUSH_AT`` items a batch (a longer
    page alone)."""
    by_source: dict[str | None, list[_Page]] = {}
    for page in pages:
        by_source.setdefault(page.source, []).append(page)
    for source, group in by_source.items():
        batch: list[_Page] = []
        size = 0
        for page in group:
            if batch and size + len(page.sightings) > FLUSH_AT:
                yield source, batch
                batch, size = [], 0
            batch.append(page)
            size += len(page.sightings)
        if batch:
            yield source, batch
