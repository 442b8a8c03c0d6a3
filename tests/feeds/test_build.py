"""build_all: every file from the store's read API, written atomically; flat with many changes."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from confwatch.feeds.build import build_all, is_upcoming, render_all
from confwatch.feeds.settings import FeedSettings
from confwatch.store.records import ChangeView, EventView
from tests.feeds.factories import T0, change, event

FILES = ["feed.atom", "feed.rss", "events.ics", "feeds.opml", "index.html"]
# The factories' events are in Austria, organised by the OSCE and UNOCT: one filtered feed each.
FILTERED = [
    f"{name}.{ext}"
    for name in ("country-at", "organiser-osce", "organiser-unoct")
    for ext in ("atom", "rss")
]


class RecordStore:
    """The store's read API over records held in memory (the SQL store is tested elsewhere)."""

    def __init__(self, changes: list[ChangeView], events: list[EventView]) -> None:
        self._changes = sorted(changes, key=lambda c: c.at, reverse=True)
        self._events = events
        self.calls: list[tuple[str, dict]] = []

    def changes(
        self, *, since: dt.datetime | None = None, limit: int | None = None
    ) -> list[ChangeView]:
        self.calls.append(("changes", {"since": since, "limit": limit}))
        found = [c for c in self._changes if since is None or c.at > since]
        return found[:limit] if limit is not None else found

    def events(
        self, *, upcoming_after: dt.date | None = None, limit: int | None = None
    ) -> list[EventView]:
        self.calls.append(("events", {"upcoming_after": upcoming_after, "limit": limit}))
        return list(self._events)[:limit]


def test_build_all_writes_every_file_and_nothing_else(tmp_path: Path, settings, now) -> None:
    store = RecordStore([change(1), change(2, event_id=2)], [event(1), event(2)])
    report = build_all(store, tmp_path, now=now, settings=settings)
    assert sorted(p.name for p in report.paths) == sorted(FILES + FILTERED)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        FILES + FILTERED
    )  # no temp files left
    assert report.entries == 2
    assert report.events == 2


def test_build_all_asks_the_store_for_a_bounded_window_of_changes(tmp_path, now) -> None:
    store = RecordStore([change(i) for i in range(1, 11)], [])
    build_all(store, tmp_path, now=now, settings=FeedSettings(max_entries=4))
    # Ten times the feed size: filtered feeds pick their newest entries from a wider window; the
    # calendar and page read only conferences not over 90 days ago, so the build stays flat.
    assert store.calls == [
        ("changes", {"since": None, "limit": 40}),
        ("events", {"upcoming_after": now.date() - dt.timedelta(days=90), "limit": 1000}),
    ]
    assert len(feedparser.parse((tmp_path / "feed.atom").read_bytes()).entries) == 4


def test_built_files_parse(tmp_path: Path, settings, now) -> None:
    build_all(RecordStore([change(1)], [event(1)]), tmp_path, now=now, settings=settings)
    for name in ("feed.atom", "feed.rss"):
        assert feedparser.parse((tmp_path / name).read_bytes()).bozo == 0
    assert len(Calendar.from_ical((tmp_path / "events.ics").read_bytes()).walk("VEVENT")) == 1
    assert "Upcoming conferences" in (tmp_path / "index.html").read_text("utf-8")


def test_second_build_replaces_files_with_same_entry_ids(tmp_path: Path, settings, now) -> None:
    store = RecordStore([change(1), change(2)], [event(1)])
    build_all(store, tmp_path, now=now, settings=settings)
    first = [e.id for e in feedparser.parse((tmp_path / "feed.atom").read_bytes()).entries]
    build_all(store, tmp_path, now=now + dt.timedelta(hours=6), settings=settings)
    second = [e.id for e in feedparser.parse((tmp_path / "feed.atom").read_bytes()).entries]
    assert first == second
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES + FILTERED)


def test_a_failed_build_keeps_every_old_file_and_leaves_no_temp_files(
    tmp_path: Path, settings, now, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RecordStore([change(1)], [event(1)])
    build_all(store, tmp_path, now=now, settings=settings)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("calendar failed")

    # The calendar comes after the feeds: they are rendered (and staged) when it fails.
    monkeypatch.setattr("confwatch.feeds.build.ics_calendar", broken)
    store = RecordStore([change(1), change(2, event_id=2)], [event(1), event(2)])
    with pytest.raises(RuntimeError, match="calendar failed"):
        build_all(store, tmp_path, now=now + dt.timedelta(hours=1), settings=settings)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_render_all_gives_the_files_in_publishing_order(settings, now) -> None:
    files = render_all([change(1)], [event(1)], settings, now=now)
    assert list(files)[:2] == ["feed.atom", "feed.rss"]
    assert list(files)[-3:] == ["events.ics", "feeds.opml", "index.html"]


def test_upcoming_means_not_over_yet() -> None:
    today = dt.date(2020, 10, 1)
    assert is_upcoming(event(1, start_date=dt.date(2020, 9, 30), end_date=today), today)
    assert is_upcoming(event(1, start_date=today, end_date=None), today)
    assert not is_upcoming(
        event(1, start_date=dt.date(2020, 9, 29), end_date=dt.date(2020, 9, 30)), today
    )
    assert not is_upcoming(event(1, start_date=None, end_date=None), today)


def test_page_lists_only_upcoming_events_but_calendar_has_all(settings) -> None:
    now = dt.datetime(2020, 10, 5, tzinfo=dt.UTC)
    past = event(1, title="Past conference", start_date=dt.date(2020, 9, 1), end_date=None)
    future = event(2, title="Future conference", start_date=dt.date(2020, 11, 1), end_date=None)
    files = render_all([], [past, future], settings, now=now)
    page = files["index.html"].decode()
    assert "Future conference" in page and "Past conference" not in page
    assert len(Calendar.from_ical(files["events.ics"]).walk("VEVENT")) == 2


def many_changes(n: int) -> list[ChangeView]:
    return [change(i, event_id=i % 997 + 1, at=T0 + dt.timedelta(seconds=i)) for i in range(n)]


def test_feed_build_time_is_flat_in_the_number_of_changes(now) -> None:
    settings = FeedSettings(max_entries=200)
    timings = {}
    for n in (5_000, 50_000):
        changes = many_changes(n)
        started = time.perf_counter()
        render_all(changes, [], settings, now=now)
        timings[n] = time.perf_counter() - started
    # Ten times the changes must not cost anywhere near ten times the time: only the selection
    # of the newest 200 grows with n (O(n log 200)); the feeds themselves stay 200 entries.
    assert timings[50_000] < 4 * timings[5_000] + 0.5, timings
