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
        ctx = self.context
        if ctx.show_progress:
            if now - ctx.last_progress >= 0.2:
                ctx.last_progress = now
                sys.stderr.write("\r\033[K" + self.line()[:200])
                sys.stderr.flush()
        elif ctx.last_progress == 0.0:
            ctx.last_progress = now  # the first line after 10 s, not at the first response
        elif now - ctx.last_progress >= 10:
            ctx.last_progress = now
            log.info("crawl.progress", extra={"progress": self.line()})
