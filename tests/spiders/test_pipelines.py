"""The item pipeline: a page's state is stored with its items, or not at all.

The pipeline is driven as Scrapy drives it (items through ``process_item``, ``page_done`` when a
page's callback is exhausted, before or after its items), against a real SQLite store. Write
failures are real database errors: a trigger that aborts the insert of chosen sightings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from confwatch.spiders.context import CrawlContext
from confwatch.spiders.items import RawEvent
from confwatch.spiders.pipelines import FLUSH_AT, StorePipeline
from confwatch.spiders.sources import CrawlSettings
from confwatch.store import Store
from confwatch.store.migrate import upgrade
from confwatch.store.records import PageFetch

SOURCE = "pipe-test"
BODY = (
    "The OSCE Secretariat organizes a regional conference on preventing and countering violent "
    "extremism and radicalization that lead to terrorism."
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "confwatch.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def pipeline(db: Path) -> Iterator[StorePipeline]:
    store = Store.open(f"sqlite:///{db}")
    context = CrawlContext(store=store, crawl=CrawlSettings(), sources={})
    context.runs[SOURCE] = store.begin_run(SOURCE)
    yield StorePipeline(context)
    store.close()


def item(page: str, n: int) -> RawEvent:
    return RawEvent(
        source=SOURCE,
        url=f"{page}#e{n}",
        title=f"Regional Conference on Countering Terrorism number {n}",
        date_text=f"{1 + n % 27} March 2031",
        place_text="Vienna, Austria",
        body_text=BODY,
    )


def fetch(page: str) -> PageFetch:
    return PageFetch(page, SOURCE, '"v1"', None, f"hash-of-{page}", 200)


def fail_sightings_of(db: Path, page: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TRIGGER fault BEFORE INSERT ON sighting "
            f"WHEN NEW.url LIKE '{page}#%' BEGIN SELECT RAISE(ABORT, 'injected'); END"
        )


def fail_error_records(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TRIGGER fault_errors BEFORE UPDATE OF errors ON crawl_run "
            "BEGIN SELECT RAISE(ABORT, 'injected'); END"
        )


def saved_pages(pipeline: StorePipeline) -> set[str]:
    return set(pipeline.context.store.page_states(SOURCE))


def stored_urls(pipeline: StorePipeline) -> set[str]:
    return {ref.url for e in pipeline.context.store.events() for ref in e.sources}


def test_page_is_saved_with_its_items_when_they_arrive_after_page_done(
    pipeline: StorePipeline,
) -> None:
    page = "https://p.test/a"
    items = [item(page, n) for n in range(3)]
    pipeline.page_done(items=items, fetch=fetch(page))
    assert saved_pages(pipeline) == set()  # its items have not come through yet
    for it in items:
        pipeline.process_item(it)
    pipeline.close_spider()
    assert saved_pages(pipeline) == {page}
    assert stored_urls(pipeline) == {it.url for it in items}


def test_page_whose_items_failed_keeps_no_state_even_when_the_error_record_fails_too(
    pipeline: StorePipeline, db: Path
) -> None:
    good, bad = "https://p.test/good", "https://p.test/bad"
    fail_sightings_of(db, bad)
    fail_error_records(db)
    for page in (good, bad):
        items = [item(page, n) for n in range(2)]
        for it in items:
            pipeline.process_item(it)
        pipeline.page_done(items=items, fetch=fetch(page))
    pipeline.idle()
    pipeline.close_spider()  # nothing left over may be saved later either
    assert saved_pages(pipeline) == {good}
    assert {u.split("#")[0] for u in stored_urls(pipeline)} == {good}
    assert pipeline.context.of(SOURCE).errors == 1


def test_long_page_whose_first_batch_fails_keeps_no_state(
    pipeline: StorePipeline, db: Path
) -> None:
    page = "https://p.test/long"
    items = [item(page, n) for n in range(FLUSH_AT + 20)]
    with sqlite3.connect(db) as conn:  # only the 10th item fails
        conn.execute(
            "CREATE TRIGGER fault BEFORE INSERT ON sighting "
            f"WHEN NEW.url = '{page}#e9' BEGIN SELECT RAISE(ABORT, 'injected'); END"
        )
    for it in items:
        pipeline.process_item(it)
    pipeline.page_done(items=items, fetch=fetch(page))
    pipeline.close_spider()
    assert saved_pages(pipeline) == set()


def test_one_failing_page_costs_only_itself_in_a_batch(pipeline: StorePipeline, db: Path) -> None:
    pages = [f"https://p.test/{n}" for n in range(5)]
    fail_sightings_of(db, pages[2])
    for page in pages:
        items = [item(page, 0)]
        pipeline.process_item(items[0])
        pipeline.page_done(items=items, fetch=fetch(page))
    pipeline.close_spider()
    assert saved_pages(pipeline) == set(pages) - {pages[2]}
    assert pipeline.context.of(SOURCE).new == 4


def test_listing_is_kept_only_after_its_own_items_are_stored(
    pipeline: StorePipeline, db: Path
) -> None:
    kept: list[str] = []
    listing = "https://p.test/listing"
    fail_sightings_of(db, listing)
    items = [item(listing, 0)]
    pipeline.process_item(items[0])
    pipeline.page_done(items=items, fetch=None, stored=lambda: kept.append(listing))
    empty = "https://p.test/links-only"
    pipeline.page_done(items=[], fetch=None, stored=lambda: kept.append(empty))
    pipeline.close_spider()
    assert kept == [empty]


def test_item_that_cannot_be_read_spoils_its_page_state(pipeline: StorePipeline) -> None:
    page = "https://p.test/odd"
    broken = item(page, 1)
    broken.documents = [1]  # type: ignore[list-item]  # a spider's bug: normalising it raises
    items = [item(page, 0), broken]
    for it in items:
        pipeline.process_item(it)
    pipeline.page_done(items=items, fetch=fetch(page))
    pipeline.close_spider()
    assert saved_pages(pipeline) == set()
    assert stored_urls(pipeline) == {f"{page}#e0"}
    assert pipeline.context.of(SOURCE).errors == 1
