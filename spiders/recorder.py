"""What a crawl tells the store, and what it reads back: the one door between the crawl's Scrapy
components and the store.

The spider (``base.SourceSpider``), the middlewares and the item pipeline hold the crawl's
``CrawlRecorder`` (``CrawlContext.recorder``), never the store itself:

- reads: a source's page states (validators and body hash, one query for the whole crawl), one
  page's state, and the events a source has described (pages to check again);
- a page unchanged (a 304, or the same body hash): what was read from it is current;
- a page read in full: its state, or its items AND its state in one transaction (``record``), so
  a page is never marked seen unless its conferences are stored;
- a page gone (404, 410): its state, which counts towards withdrawing its events;
- an error, on the source's run.

A write that belongs to a run (an error, an unchanged page) is dropped when the source has no
run. Every call is one write of the store's, as the components made it before; nothing is
batched, retried or swallowed here: what to do when the store fails is the caller's choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

from confwatch.store.records import EventView, Outcome, PageFetch, RunInfo, Sighting

if TYPE_CHECKING:  # the store's module loads SQLAlchemy; reading a page offline needs none
    from confwatch.store.api import PageStateView, Store


class CrawlRecorder:
    """One crawl's reads and writes of the store, by source; ``runs`` is the crawl's own map of
    source -> run (shared, so runs begun later are found)."""

    def __init__(self, store: Store, runs: dict[str, RunInfo]) -> None:
        self._store = store
        self._runs = runs

    # -- reads ------------------------------------------------------------------------------
    def page_states(self, source: str) -> dict[str, PageStateView]:
        """Every page state ``source`` saved, by URL."""
        return self._store.page_states(source)

    def page_state(self, url: str) -> PageStateView | None:
        return self._store.page_state(url)

    def events(self, source: str) -> list[EventView]:
        """The stored events ``source`` has described."""
        return self._store.events(source=source)

    # -- writes -----------------------------------------------------------------------------
    def unchanged(self, source: str, url: str) -> None:
        """The page at ``url`` is as it was: what was read from it is still current."""
        run = self._runs.get(source)
        if run is not None:
            self._store.touch_page(run, url)

    def page_read(self, fetch: PageFetch) -> None:
        """Remember a page read in full (validators, body hash, the body and its tag)."""
        self._store.save_page_state(**asdict(fetch))

    def page_gone(self, source: str, url: str, status: int) -> None:
        """The page answered 404 or 410: remembered, towards withdrawing its events
        (store/withdrawal.py)."""
        self._store.save_page_state(
            url,
            source=source,
            etag=None,
            last_modified=None,
            content_hash=None,
            status=status,
        )

    def record(
        self, run: RunInfo, sightings: Sequence[Sighting], pages: Sequence[PageFetch]
    ) -> list[Outcome]:
        """The sightings and the states of the pages they were read from, in ONE transaction:
        all or nothing."""
        return self._store.record_many(run, sightings, pages=pages)

    def error(self, source: str, url: str | None, message: str) -> None:
        """Add an error to the source's run (none: not recorded). Raises when the store does."""
        run = self._runs.get(source)
        if run is not None:
            self._store.add_error(run, url, message)
