"""What a spider is built from: one source's settings and the crawl's politeness settings.

``confwatch.scheduler.config`` reads them from the configuration file; spiders only consume them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceConfig:
    key: str
    kind: str
    name: str
    organisation: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    every: dt.timedelta = dt.timedelta(hours=6)
    cron: str | None = None
    jitter: dt.timedelta = dt.timedelta(minutes=5)
    follow: tuple[str, ...] = ()  # regexes of links to follow (generic kind)
    fields: Mapping[str, str] = field(default_factory=dict)  # field -> CSS/XPath selector
    max_pages: int = 200
    relevance: Mapping[str, Any] = field(default_factory=dict)
    language: str | None = None
    revisit_past: dt.timedelta = dt.timedelta(days=30)
    enabled: bool = True
    # Hosts and networks this source may reach although they are not public (safety.AllowList).
    allow_private: tuple[str, ...] = ()

    @property
    def max_age(self) -> dt.timedelta:
        """How old the last success may be before the source counts as overdue."""
        return max(self.every * 3, dt.timedelta(hours=1))


@dataclass(frozen=True)
class CrawlSettings:
    user_agent: str = "confwatch/0.1 (+https://github.com/confwatch/confwatch)"
    contact: str | None = None
    download_delay: float = 2.0
    concurrency_per_domain: int = 1
    timeout: float = 30.0
    max_page_bytes: int = 5_000_000
    retries: int = 2
    obey_robots: bool = True
    replay_url: str | None = None  # serve recorded pages from this local server instead
    crawl_timeout: dt.timedelta = dt.timedelta(minutes=30)
    redis_url: str | None = None  # distributed mode: a shared scrapy-redis queue (decision 0004)
    redis_prefix: str = "confwatch"  # namespace of every Redis key a crawl writes
    # Hosts and networks every source may reach although they are not public (safety.AllowList).
    allow_private: tuple[str, ...] = ()

    @property
    def full_user_agent(self) -> str:
        return f"{self.user_agent} {self.contact}" if self.contact else self.user_agent
