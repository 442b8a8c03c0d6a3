"""The item pipeline: normalise each ``RawEvent`` and hand it to the store, a page at a time.

Sightings are buffered and written with one ``store.record_many()`` (one transaction) once every
item of a finished page has arrived (``PageStateMiddleware`` sends ``PAGE_DONE`` with the page's
items; its state is saved only after they are stored, so a crash never leaves a page marked seen
with its items unwritten), when ``FLUSH_AT`` items are waiting, and when the spider closes. A
page whose items never all arrive keeps its old state: it is read in full next time. Warnings name
the URL and the field (``item.warning``); pages that are not conferences are skipped with the
reason (``item.skipped``); outcomes are counted and logged per item once their batch is stored.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler

from confwatch.spiders.context import CrawlContext, context_of
from confwatch.spiders.items import RawEvent
from confwatch.spiders.middlewares import PAGE_DONE
from confwatch.spiders.normalise import normalise
from confwatch.store.records import Outcome, Sighting

log = logging.getLogger("confwatch.crawl")

# Items per transaction at most: a long listing page is still written in bounded batches.
FLUSH_AT = 100


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

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(context_of(crawler))
        crawler.signals.connect(pipeline.page_done, signal=PAGE_DONE)
        return pipeline

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

    def _release(self) -> None:
        """Store the buffer, then save every finished page whose items have all arrived."""
        ready = [page for page in self.pages if not page.waiting_for]
        if not ready:
            return
        stored = self.flush()
        self.pages = [page for page in self.pages if page.waiting_for]
        if stored:  # a page whose items failed to store keeps its old state: read again next time
            for page in ready:
                page.save()

    def close_spider(self, spider: Spider | None = None) -> None:
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
