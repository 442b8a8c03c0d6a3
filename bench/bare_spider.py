"""The baseline: a bare Scrapy spider that fetches and parses the same pages as confwatch.

It is what a user would write instead: follow the events listing and its pager, read each event
page's title, dates, place, organisers and body with CSS selectors, yield a dict. No store, no
normaliser, no conditional GET. Its Scrapy settings are confwatch's own (``scrapy_settings``) with
confwatch's components removed, so concurrency, delay, robots.txt, timeouts, retries and the
replay download handler (the transport to the local mirror) are the same on both sides.

Run in its own process, as confwatch's crawl is:
``python -m bench.bare_spider --replay-url URL [--concurrency 1] [--delay 0]``; prints one JSON
line (pages, items, crawl seconds).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from confwatch.spiders.context import CrawlContext
from confwatch.spiders.settings import scrapy_settings
from confwatch.spiders.sources import CrawlSettings

START = "https://www.osce.org/events"
_OURS = (
    "CONFWATCH_CONTEXT",
    "ITEM_PIPELINES",
    "DOWNLOADER_MIDDLEWARES",
    "SPIDER_MIDDLEWARES",
    "EXTENSIONS",
)


def bare_settings(crawl: CrawlSettings) -> dict[str, Any]:
    """confwatch's Scrapy settings for ``crawl`` without confwatch's own components."""
    context = CrawlContext(store=None, crawl=crawl, sources={})  # type: ignore[arg-type]
    settings = scrapy_settings(context)
    for key in _OURS:
        settings.pop(key, None)
    return settings


class BareEventsSpider(scrapy.Spider):
    name = "bare"
    allowed_domains: ClassVar[list[str]] = ["osce.org"]  # type: ignore[misc]
    start_urls: ClassVar[list[str]] = [START]  # type: ignore[misc]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield from response.follow_all(css=".views-row .teaser__title a", callback=self.parse_event)
        next_page = response.css(".pager__item--next a::attr(href)").get()
        if next_page:
            yield response.follow(next_page, callback=self.parse)

    def parse_event(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        yield {
            "url": response.url,
            "title": response.css("h1.page-title span::text").get(),
            "dates": response.css(".field--name-field-date time::attr(datetime)").getall(),
            "place": response.css(".field--name-field-location .field__item::text").get(),
            "organisers": response.css(
                ".field--name-field-organized-by .field__item a::text"
            ).getall(),
            "body": " ".join(response.css(".field--name-body ::text").getall()).strip(),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The bare Scrapy baseline crawl.")
    parser.add_argument("--replay-url", required=True)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args(argv)
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    crawl = CrawlSettings(
        download_delay=args.delay,
        concurrency_per_domain=args.concurrency,
        replay_url=args.replay_url,
    )
    counts = {"pages": 0, "items": 0}

    def response(**kwargs: Any) -> None:
        if not kwargs["request"].url.endswith("/robots.txt"):
            counts["pages"] += 1

    def item(**kwargs: Any) -> None:
        counts["items"] += 1

    process = CrawlerProcess(bare_settings(crawl), install_root_handler=False)
    crawler = process.create_crawler(BareEventsSpider)
    crawler.signals.connect(response, signal=signals.response_received)
    crawler.signals.connect(item, signal=signals.item_scraped)
    process.crawl(crawler)
    started = time.perf_counter()
    process.start()
    seconds = time.perf_counter() - started
    print(json.dumps({**counts, "crawl_seconds": seconds}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
