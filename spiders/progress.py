"""Progress of a running crawl: a live line on a terminal, a log line every 10 s otherwise.

On a terminal the line is the crawl's compact total, fitted to the terminal's width so it never
wraps, however many sources are crawled; log lines are written above it (``live_line``). The
log line (``crawl.progress``) keeps the detail per source.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING, Any

from confwatch.spiders.context import CrawlContext, SourceProgress, context_of
from confwatch.spiders.live_line import LIVE, terminal_width

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger("confwatch.crawl")


class Progress:
    def __init__(self, context: CrawlContext) -> None:
        self.context = context

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        from scrapy import signals

        ext = cls(context_of(crawler))
        crawler.signals.connect(ext.tick, signal=signals.response_received)
        crawler.signals.connect(ext.tick, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def line(self, width: int | None = None) -> str:
        """Every source's counts (for the log); with ``width``, the total in fewer columns."""
        progress = sorted(self.context.progress.items())
        if width is None:
            return " | ".join(f"{key}: {_detail(p)}" for key, p in progress)
        total = SourceProgress()
        for _, p in progress:
            for name in ("pages", "not_modified", "items", "new", "changed", "errors"):
                setattr(total, name, getattr(total, name) + getattr(p, name))
        who = progress[0][0] if len(progress) == 1 else f"{len(progress)} sources"
        t = total
        forms = [
            f"{who}: {_detail(t)}",
            f"{who}: {t.pages} pages, {t.items} items ({t.new} new, {t.changed} changed), "
            f"{t.errors} errors",
            f"{who}: {t.pages} pages, {t.items} items, {t.errors} errors",
            f"{t.pages} pages, {t.items} items, {t.errors} errors",
        ]
        room = max(width - 1, 1)  # the last column would wrap on some terminals
        for text in forms:
            if len(text) <= room:
                return text
        return forms[-1][: room - 1] + "…"

    def tick(self, *args: Any, **kwargs: Any) -> None:
        now = time.monotonic()
        ctx = self.context
        if ctx.show_progress:
            if now - ctx.last_progress >= 0.2:
                ctx.last_progress = now
                LIVE.show(self.line(width=terminal_width(sys.stderr)))
        elif ctx.last_progress == 0.0:
            ctx.last_progress = now  # the first line after 10 s, not at the first response
        elif now - ctx.last_progress >= 10:
            ctx.last_progress = now
            log.info("crawl.progress", extra={"progress": self.line()})

    def spider_closed(self, *args: Any, **kwargs: Any) -> None:
        # The crawl's own log lines follow; the next response (another source) draws it again.
        if self.context.show_progress:
            LIVE.clear()


def _detail(p: SourceProgress) -> str:
    return (
        f"{p.pages} pages ({p.not_modified} unchanged), {p.items} items "
        f"({p.new} new, {p.changed} changed), {p.errors} errors"
    )
