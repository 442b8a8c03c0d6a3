"""One entry per new conference: a run's later word on an event it created folds into the
"new" entry (on the store's real revisions), and the store keeps every revision."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import feedparser
import pytest

from confwatch.feeds.build import render_all
from confwatch.feeds.settings import FeedSettings
from confwatch.store import EventFields, Sighting, SourceInfo, Store
from confwatch.store.changes import fold_into_creations
from confwatch.store.migrate import upgrade
from confwatch.store.records import CORRECTION
from tests.feeds.factories import change

T0 = dt.datetime(2020, 1, 6, 6, 0, tzinfo=dt.UTC)
URL = "https://www.osce.org/event/regional-conference"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    upgrade(database_url)
    opened = Store.open(database_url)
    opened.sync_sources([SourceInfo("osce", "OSCE events", organisation="OSCE")])
    yield opened
    opened.close()


def conference(title: str, *organisers: str) -> EventFields:
    return EventFields(
        title=title,
        start_date=dt.date(2020, 3, 2),
        end_date=dt.date(2020, 3, 3),
        city="Budapest",
        country="HU",
        organisers=list(organisers),
    )


def first_crawl(store: Store, count: int) -> None:
    """One run that reads each conference's page twice, the second time with an organiser
    more (a listing and its second page, say)."""
    run = store.begin_run("osce", now=T0)
    at = T0
    for n in range(count):
        for organisers in (["OSCE"], ["OSCE", "Government of Hungary"]):
            at += dt.timedelta(seconds=1)
            sighting = Sighting("osce", f"{URL}-{n}", conference(f"Conference {n}", *organisers))
            store.record(run, sighting, now=at)
    store.finish_run(run, status="ok", pages=count, now=at + dt.timedelta(seconds=1))


def test_a_first_crawl_of_ten_conferences_gives_ten_entries(store: Store, now: dt.datetime) -> None:
    first_crawl(store, 10)
    assert len(store.changes()) == 20  # the store's history: a creation and a change each
    files = render_all(store.changes(), store.events(), FeedSettings(), now=now)
    for name in ("feed.atom", "feed.rss"):
        entries = feedparser.parse(files[name]).entries
        assert len(entries) == 10
        assert all(e.title.endswith(": new conference") for e in entries)
        # The entry says everything the run learnt, the later organiser too.
        assert all("Government of Hungary" in e.summary for e in entries)


def test_folding_keeps_the_new_entry_id_and_the_store_keeps_both_revisions(store: Store) -> None:
    first_crawl(store, 1)
    stream = store.changes()
    (folded,) = fold_into_creations(stream)
    creation = next(c for c in stream if c.kind == "new")
    assert folded.uid == creation.uid and folded.kind == "new"
    assert folded.event.organisers == ["OSCE", "Government of Hungary"]
    detail = store.event(folded.event_id)
    assert detail is not None and [r.kind for r in detail.revisions] == ["new", "changed"]


def test_a_change_from_a_later_run_keeps_its_own_entry(store: Store) -> None:
    first_crawl(store, 1)
    run = store.begin_run("osce", now=T0 + dt.timedelta(days=1))
    sighting = Sighting("osce", f"{URL}-0", conference("Conference 0 (postponed)", "OSCE"))
    store.record(run, sighting, now=T0 + dt.timedelta(days=1, seconds=1))
    store.finish_run(run, status="ok", pages=1, now=T0 + dt.timedelta(days=1, seconds=2))
    kinds = [c.kind for c in fold_into_creations(store.changes())]
    assert kinds == ["changed", "new"]


def test_an_operators_revision_is_never_folded() -> None:
    new = dataclasses.replace(change(1, kind="new"), run_id=None)
    edit = dataclasses.replace(change(2, kind="changed"), run_id=None)
    assert fold_into_creations([edit, new]) == [edit, new]


def test_news_folded_into_a_creation_found_by_reading_again_is_news() -> None:
    new = dataclasses.replace(change(1, kind="new"), run_id=7, cause=CORRECTION)
    edit = dataclasses.replace(change(2, kind="changed", city="Graz"), run_id=7)
    (folded,) = fold_into_creations([edit, new])
    assert folded.cause is None and folded.event.city == "Graz" and folded.at == edit.at
