"""Rebuilding the published files (feeds, calendar, OPML, HTML page) from the store."""

from __future__ import annotations

import datetime as dt
import logging

from confwatch.feeds.build import BuildReport, build_all
from confwatch.feeds.settings import FeedSettings
from confwatch.scheduler.config import Settings
from confwatch.scheduler.mail import notify
from confwatch.store.api import Store

log = logging.getLogger("confwatch.feeds")


def feed_settings(settings: Settings) -> FeedSettings:
    """The feeds' settings from the configuration's ``[feeds]`` table."""
    return FeedSettings(
        title=settings.feeds.title,
        base_url=settings.feeds.base_url,
        max_entries=settings.feeds.max_entries,
        filters=settings.feeds.filters,
        automatic_filters=settings.feeds.automatic_filters,
        max_calendar_events=settings.feeds.max_calendar_events,
    )


def rebuild_feeds(
    settings: Settings, store: Store, *, now: dt.datetime | None = None
) -> BuildReport:
    now = now or dt.datetime.now(dt.UTC)
    settings.feeds_dir.mkdir(parents=True, exist_ok=True)
    report = build_all(store, settings.feeds_dir, now=now, settings=feed_settings(settings))
    log.info(
        "feeds.built",
        extra={
            "dir": str(settings.feeds_dir),
            "files": len(report.paths),
            "entries": report.entries,
        },
    )
    # Each-change notifications once the feeds say the same; after_publish never raises.
    notify.after_publish(settings, store, now=now)
    return report
