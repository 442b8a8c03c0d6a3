"""What the published files say about themselves and where they live: ``FeedSettings``.

Every renderer (Atom/RSS, calendar, OPML, page, event pages) takes these settings; ``build.py``
runs the renderers. The settings sit in their own module so that the renderers need nothing
from ``build.py`` and imports run one way: build -> renderers -> settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from confwatch.feeds.filters import FeedFilter


@dataclass(frozen=True)
class FeedSettings:
    """What the published files say about themselves and where they live."""

    title: str = "confwatch: counter-terrorism conferences"
    base_url: str = "http://127.0.0.1:8080"
    max_entries: int = 200
    author_name: str = "confwatch"
    author_email: str | None = None
    subtitle: str = "New and changed regional counter-terrorism and P/CVE conferences"
    language: str = "en"
    recent_changes: int = 30  # changes listed on the HTML page
    feeds_path: str = "/feeds"  # where ``confwatch serve`` publishes the out_dir
    filters: tuple[FeedFilter, ...] = ()  # configured filtered feeds (topic-NAME.atom/.rss)
    max_calendar_events: int = 1000  # the calendar and page hold the soonest conferences only
    automatic_filters: bool = True  # a feed per country and per organiser in the store

    def url(self, path: str = "/") -> str:
        return self.base_url.rstrip("/") + path

    def feed_url(self, filename: str) -> str:
        return self.url(f"{self.feeds_path.rstrip('/')}/{filename}")
