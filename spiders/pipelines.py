"""The item pipeline: normalise each ``RawEvent`` and hand it to the store.

One ``store.record()`` per item, one transaction each. Warnings name the URL and the field
(``item.warning``); pages that are not conferences are skipped with the reason (``item.skipped``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler

from confwatch.spiders.context import CrawlContext, context_of
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.store.records import Sighting

log = logging.getLogger("confwatch.crawl")


class StorePipeline:
    def __init__(self, context: CrawlContext) -> None:
        self.context = context

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(context_of(crawler))

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, RawEvent):
            return item
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
            return item
        run = self.context.runs[item.source]
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
        try:
            outcome = self.context.store.record(run, sighting)
        except Exception as exc:  # a store failure loses this item only, and says so
            prog.errors += 1
            log.error(
                "crawl.error",
                extra={
                    "source": item.source,
                    "url": item.url,
                    "error": f"could not store item: {exc!r}",
                },
            )
            self.context.store.add_error(run, item.url, f"could not store item: {exc}")
            return item
        prog.items += 1
        prog.with_date += done.fields.start_date is not None
        prog.with_country += done.fields.country is not None
        setattr(prog, outcome.kind, getattr(prog, outcome.kind) + 1)
        if outcome.kind != "unchanged":
            log.info(
                f"item.{outcome.kind}",
                extra={
                    "source": item.source,
                    "url": item.url,
                    "event": outcome.event_id,
                    "fields": ",".join(c.field for c in outcome.changes)
                    if outcome.kind == "changed"
                    else "",
                },
            )
        return item
