"""Progress of a running crawl: a live line on a terminal, a log line every 10 s otherwise."""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from confwatch.spiders.context import CrawlContext, context_of

log = logging.getLogger("confwatch.crawl")


class Progress:
    def __init__(self, context: CrawlContext) -> None:
        self.context = context
        self.last = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        ext = cls(context_of(crawler))
        crawler.signals.connect(ext.tick, signal=signals.response_received)
        crawler.signals.connect(ext.tick, signal=signals.item_scraped)
        return ext

    def line(self) -> str:
        parts = []
        for key, p in sorted(self.context.progress.items()):
            parts.append(
                f"{key}: {p.pages} pages ({p.not_modified} unchanged), {p.items} items "
                f"({p.new} new, {p.changed} changed), {p.errors} errors"
            )
        return " | ".join(parts)

    def tick(self, *args: Any, **kwargs: Any) -> None:
        now = time.monotonic()
        if self.context.show_progress:
            if now - self.last >= 0.2:
                self.last = now
                sys.stderr.write("\r\033[K" + self.line()[:200])
                sys.stderr.flush()
        elif now - self.last >= 10:
            self.last = now
            log.info("crawl.progress", extra={"progress": self.line()})
