"""The state one crawl shares between its spiders, middlewares and pipeline.

Scrapy deep-copies its settings, so the settings carry only a key (``CONFWATCH_CONTEXT``) and
``context_of(crawler)`` looks the live object up here; every component built with ``from_crawler``
finds the same recorder (``recorder.py``: what the crawl tells the store) and the run of its
source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from confwatch.spiders.recorder import CrawlRecorder
from confwatch.spiders.sources import CrawlSettings, SourceConfig
from confwatch.store.records import RunInfo

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from confwatch.store.api import Store

_LIVE: dict[str, CrawlContext] = {}


@dataclass
class SourceProgress:
    pages: int = 0
    not_modified: int = 0
    parsed: int = 0
    items: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    with_date: int = 0  # items whose start date was read: a sharp drop means the site changed shape
    with_country: int = 0
    warnings: int = 0
    errors: int = 0
    bytes: int = 0
    listing_ok: bool = False


@dataclass
class CrawlContext:
    store: Store
    crawl: CrawlSettings
    sources: dict[str, SourceConfig]
    runs: dict[str, RunInfo] = field(default_factory=dict)
    progress: dict[str, SourceProgress] = field(default_factory=dict)
    today: dt.date = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())
    show_progress: bool = False
    last_progress: float = 0.0  # shared by the crawlers' Progress extensions: one line per tick

    def of(self, source: str) -> SourceProgress:
        return self.progress.setdefault(source, SourceProgress())

    @property
    def recorder(self) -> CrawlRecorder:
        """The crawl's reads and writes of the store: the components use this, not ``store``."""
        return CrawlRecorder(self.store, self.runs)


def register(context: CrawlContext) -> str:
    key = f"ctx-{id(context)}"
    _LIVE[key] = context
    return key


def context_of(crawler: Crawler) -> CrawlContext:
    return _LIVE[crawler.settings["CONFWATCH_CONTEXT"]]
