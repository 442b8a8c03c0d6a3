"""The source spider's start: what it does when the store it reads from fails (a real SQLite
store whose event table is gone stands for a lost connection)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from scrapy.utils.test import get_crawler

from confwatch.spiders.base import SourceSpider
from confwatch.spiders.context import CrawlContext, register
from confwatch.spiders.registry import offline_source
from confwatch.spiders.sources import CrawlSettings
from confwatch.store import Store
from confwatch.store.migrate import upgrade


def test_a_store_that_cannot_be_read_at_start_costs_the_revisits_not_the_crawl(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'confwatch.db'}"
    upgrade(url)
    store = Store.open(url)
    try:
        source = offline_source("generic", "https://conf.example/events/")
        context = CrawlContext(store=store, crawl=CrawlSettings(), sources={source.key: source})
        context.runs[source.key] = store.begin_run(source.key)
        with store.engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE event"))
        spider = SourceSpider(source)
        spider.crawler = get_crawler(settings_dict={"CONFWATCH_CONTEXT": register(context)})
        # No exception reaches Scrapy's start loop (it would print a traceback): the listings
        # are still fetched, and the failure is one counted, recorded error.
        assert spider.revisit_urls() == []
        assert context.of(source.key).errors == 1
        (run,) = store.runs(source=source.key)
        assert "could not read the known event pages" in run.errors[0]["message"]
    finally:
        store.close()
