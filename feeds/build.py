"""Building every published file from the store: the feeds, the calendar, the OPML, the page.

``build_all`` is the only function here that touches the store, and only through its read API
(``changes`` and ``events``); ``render_files`` is the pure part, from records to file contents.
Every file is written atomically, and only after all of them rendered without error: each file
goes to a temporary file as soon as it is rendered (so only one file's bytes are held at a time,
however many filtered feeds there are), and the temporary files replace the published ones
once the last file rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from confwatch.feeds.calendar import ics_calendar
from confwatch.feeds.filters import automatic_filters, selector, unique
from confwatch.feeds.opml import FeedLink, default_feeds, opml
from confwatch.feeds.page import render_index
from confwatch.feeds.safe import utc_datetime
from confwatch.feeds.settings import FeedSettings
from confwatch.feeds.syndication import EntryCache, atom_feed, newest, rss_feed
from confwatch.feeds.write import discard, fsync_dir, publish, stage
from confwatch.store.changes import fold_into_creations
from confwatch.store.records import ChangeView, EventView

CALENDAR_PAST = dt.timedelta(days=90)  # past conferences kept in the calendar
WINDOW = 10  # filtered feeds choose from the newest WINDOW x max_entries changes


@dataclass
class BuildReport:
    paths: list[Path] = field(default_factory=list)
    entries: int = 0  # entries in the main feed
    events: int = 0  # events in the calendar with known dates


class ReadStore(Protocol):
    """The part of ``confwatch.store.Store`` the feeds use."""

    def changes(
        self, *, since: dt.datetime | None = None, limit: int | None = None
    ) -> list[ChangeView]: ...

    def events(
        self, *, upcoming_after: dt.date | None = None, limit: int | None = None
    ) -> list[EventView]: ...


@dataclass(frozen=True)
class FeedSpec:
    """One syndication feed: ``{name}.atom`` and ``{name}.rss`` of the changes ``select`` keeps.

    Filtered feeds (by organiser, country, keyword) are further specs with a ``select``.
    """

    name: str
    title: str
    select: Callable[[ChangeView], bool] | None = None


def feed_specs(
    settings: FeedSettings, events: Sequence[EventView] = (), changes: Sequence[ChangeView] = ()
) -> list[FeedSpec]:
    """The main feed, the configured filtered feeds, then one per country and organiser of the
    events and changes being published."""
    filters = list(settings.filters)
    if settings.automatic_filters:
        filters += automatic_filters([*events, *(c.event for c in changes)])
    specs = [FeedSpec("feed", settings.title)]
    for f in unique(filters):
        specs.append(FeedSpec(f.filename_base, f"{settings.title}: {f.title}", selector(f)))
    return specs


def spec_links(specs: Sequence[FeedSpec]) -> list[FeedLink]:
    """OPML/page links of the filtered feeds (the main feed is in ``default_feeds``)."""
    out = []
    for spec in specs:
        if spec.name == "feed":
            continue
        title = spec.title.rsplit(": ", 1)[-1]
        out.append(FeedLink(f"{title} (Atom)", f"{spec.name}.atom", "atom", title))
        out.append(FeedLink(f"{title} (RSS)", f"{spec.name}.rss", "rss", title))
    return out


def is_upcoming(event: EventView, today: dt.date) -> bool:
    """Not over yet: its last day (or its only known day) is today or later."""
    last = event.fields.end_date or event.fields.start_date
    return last is not None and last >= today


def render_all(
    changes: Sequence[ChangeView],
    events: Sequence[EventView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    specs: Sequence[FeedSpec] | None = None,
) -> dict[str, bytes]:
    """Every published file's name and content, in the order they are written."""
    return dict(render_files(changes, events, settings, now=now, specs=specs))


def render_files(
    changes: Sequence[ChangeView],
    events: Sequence[EventView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    specs: Sequence[FeedSpec] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Each published file's name and content, one at a time, in the order they are written."""
    # Filtered feeds choose from a bounded window of the newest changes, so the build stays flat
    # in the store's size whatever the number of filters. The window is newest first, so every
    # feed's newest entries are a prefix of its part of the window: sorted once, not per feed.
    # A run's later word on an event it created is part of the "new" entry, not an entry of
    # its own: a first crawl gives one entry per conference.
    window = newest(fold_into_creations(changes), settings.max_entries * WINDOW)
    recent = window[: settings.max_entries]
    specs = list(specs) if specs is not None else feed_specs(settings, events, window)
    parts = EntryCache()  # at most the window's changes: bounded like the window
    for spec in specs:
        chosen = (
            recent
            if spec.select is None
            else [c for c in window if spec.select(c)][: settings.max_entries]
        )
        yield (
            f"{spec.name}.atom",
            atom_feed(chosen, settings, now=now, name=spec.name, title=spec.title, parts=parts),
        )
        yield (
            f"{spec.name}.rss",
            rss_feed(chosen, settings, now=now, name=spec.name, title=spec.title, parts=parts),
        )
    filtered = spec_links(specs)
    links: list[FeedLink] = default_feeds(settings) + filtered
    yield "events.ics", ics_calendar(events, settings, now=now)
    # The OPML's date is its newest input's, not the build's: no change, same bytes.
    inputs = [c.at for c in window[:1]] + [e.last_changed for e in events]
    newest_input = max((utc_datetime(t) for t in inputs), default=None)
    yield "feeds.opml", opml(links, settings, created=newest_input)
    today = utc_datetime(now).date()
    upcoming = [e for e in events if is_upcoming(e, today)]
    main_links = [
        *default_feeds(settings),
        FeedLink("All feeds (OPML)", "feeds.opml", "opml", "Every feed, for feed readers"),
    ]
    page = render_index(
        upcoming,
        recent[: settings.recent_changes],
        settings,
        now=now,
        feeds=main_links,
        filtered=filtered,
    )
    yield "index.html", page.encode("utf-8")


def build_all(
    store: ReadStore, out_dir: Path, *, now: dt.datetime, settings: FeedSettings
) -> BuildReport:
    """Read the store once, render every file, then write them all atomically into out_dir."""
    # Filtered feeds pick from a wider window than the main feed's newest entries. The calendar
    # and the page show conferences not over by CALENDAR_PAST ago: the build stays flat however
    # many past events the store holds.
    changes = store.changes(limit=settings.max_entries * WINDOW)
    events = store.events(
        upcoming_after=utc_datetime(now).date() - CALENDAR_PAST, limit=settings.max_calendar_events
    )
    report = BuildReport(
        entries=min(len(fold_into_creations(changes)), settings.max_entries),
        events=sum(1 for e in events if e.fields.start_date is not None),
    )
    staged: list[tuple[str, Path]] = []  # (temporary file, published path)
    try:
        for name, data in render_files(changes, events, settings, now=now):
            path = Path(out_dir) / name
            staged.append((stage(path, data), path))
        for tmp, path in staged:
            publish(tmp, path)
            report.paths.append(path)
    except BaseException:
        for tmp, _ in staged:
            discard(tmp)  # the ones already published are gone: nothing to do for them
        raise
    fsync_dir(Path(out_dir))
    return report
