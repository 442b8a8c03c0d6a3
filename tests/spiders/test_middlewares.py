"""Conditional GET sends one validator: If-None-Match when an ETag is known, else the date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from confwatch.spiders.context import CrawlContext
from confwatch.spiders.middlewares import ConditionalGetMiddleware
from confwatch.spiders.sources import CrawlSettings
from confwatch.store import Store
from confwatch.store.migrate import upgrade

PAGE = "https://www.osce.org/event/ct-conference-2019"
DATE = "Wed, 01 May 2019 06:00:00 GMT"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'confwatch.db'}"
    upgrade(url)
    opened = Store.open(url)
    yield opened
    opened.close()


def prepared(store: Store, url: str = PAGE) -> Request:
    middleware = ConditionalGetMiddleware(
        CrawlContext(store=store, crawl=CrawlSettings(), sources={}),
        crawler=get_crawler(),
    )
    request = Request(url)
    middleware.process_request(request, Spider(name="osce"))
    return request


def test_an_etag_is_sent_alone(store: Store) -> None:
    store.save_page_state(
        PAGE, source="osce", etag='"abc"', last_modified=DATE, content_hash="h", status=200
    )
    request = prepared(store)
    assert request.headers.get(b"If-None-Match") == b'"abc"'
    assert b"If-Modified-Since" not in request.headers
    assert request.meta["previous_hash"] == "h"


def test_without_an_etag_the_last_modified_date_is_sent(store: Store) -> None:
    store.save_page_state(
        PAGE, source="osce", etag=None, last_modified=DATE, content_hash="h", status=200
    )
    request = prepared(store)
    assert request.headers.get(b"If-Modified-Since") == DATE.encode()
    assert b"If-None-Match" not in request.headers


def test_states_are_read_once_per_source_and_a_miss_is_looked_up(store: Store) -> None:
    store.save_page_state(
        PAGE, source="osce", etag='"abc"', last_modified=None, content_hash="h", status=200
    )
    middleware = ConditionalGetMiddleware(
        CrawlContext(store=store, crawl=CrawlSettings(), sources={}),
        crawler=get_crawler(),
    )
    spider = Spider(name="osce")
    first = Request(PAGE)
    middleware.process_request(first, spider)
    assert set(middleware.known["osce"]) == {PAGE}
    # Saved after the source's states were read (here: by another source): still found.
    other = "https://www.osce.org/event/shared-page"
    store.save_page_state(
        other, source="polis", etag='"def"', last_modified=None, content_hash="k", status=200
    )
    second = Request(other)
    middleware.process_request(second, spider)
    assert first.headers.get(b"If-None-Match") == b'"abc"'
    assert second.headers.get(b"If-None-Match") == b'"def"'


def test_an_unknown_page_is_fetched_unconditionally(store: Store) -> None:
    request = prepared(store, "https://www.osce.org/event/never-seen")
    assert b"If-None-Match" not in request.headers
    assert b"If-Modified-Since" not in request.headers
