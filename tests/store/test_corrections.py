"""A stored page read again: what changes is a correction, recorded so, never news."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.store import Store
from confwatch.store.recording import RunNotRunning
from confwatch.store.records import CORRECTION, FieldChange, PageFetch

from .conftest import T0, sighting

PAGE = "https://www.osce.org/event/ct-conference-2019"
LATER = T0 + dt.timedelta(days=1)
OLD_TAG = "2026.1/aaaa"
NEW_TAG = "2026.2/aaaa"


def _crawl(store: Store, *sightings_: object, now: dt.datetime = T0) -> None:
    """A crawl that read PAGE (with a body, read with OLD_TAG) and found ``sightings_``."""
    run = store.begin_run("osce", now=now)
    page = PageFetch(PAGE, "osce", '"v1"', None, "h1", 200, b"body", OLD_TAG, now.date())
    store.record_many(run, list(sightings_), pages=[page], now=now)  # type: ignore[arg-type]
    store.finish_run(run, status="ok", pages=1, now=now)


def _reread(store: Store, *sightings_: object) -> tuple[int, list[int]]:
    run = store.begin_run("osce", now=LATER, kind="reextract")
    reading = store.record_reading(run, PAGE, list(sightings_), extraction=NEW_TAG, now=LATER)  # type: ignore[arg-type]
    store.finish_run(run, status="ok", pages=1, now=LATER)
    return run.id, reading.withdrawn


def test_a_corrected_date_is_a_revision_caused_by_a_correction(store: Store) -> None:
    _crawl(store, sighting(start_date=dt.date(2019, 6, 3), end_date=None))
    run_id, _ = _reread(store, sighting())

    (view,) = store.events()
    assert (view.fields.start_date, view.fields.end_date) == (
        dt.date(2019, 6, 20),
        dt.date(2019, 6, 21),
    )
    latest = store.changes()[0]
    assert (latest.kind, latest.cause, latest.run_id) == ("changed", CORRECTION, run_id)
    assert FieldChange("start_date", "2019-06-03", "2019-06-20") in latest.changes
    creation = store.changes()[-1]
    assert (creation.kind, creation.cause) == ("new", None)


def test_a_correction_can_take_a_wrong_value_away(store: Store) -> None:
    # A crawl keeps a value the page no longer gives; a better reading of the same body that
    # abstains is right, and null beats wrong.
    _crawl(store, sighting(city="Geneva", country="CH"))
    _reread(store, sighting(city=None, country=None))

    (view,) = store.events()
    assert (view.fields.city, view.fields.country) == (None, None)
    assert store.changes()[0].cause == CORRECTION


def test_the_same_reading_again_changes_nothing(store: Store) -> None:
    _crawl(store, sighting())
    run = store.begin_run("osce", now=LATER, kind="reextract")
    reading = store.record_reading(run, PAGE, [sighting()], extraction=NEW_TAG, now=LATER)
    assert [o.kind for o in reading.outcomes] == ["unchanged"]
    assert len(store.changes()) == 1
    assert store.finish_run(run, status="ok", pages=1).unchanged == 1


def test_an_event_found_only_by_reading_again_is_new_and_says_why(store: Store) -> None:
    _crawl(store)  # the page was read, and nothing found on it
    _reread(store, sighting())

    (change,) = store.changes()
    assert (change.kind, change.cause) == ("new", CORRECTION)


def test_an_event_the_page_no_longer_gives_is_withdrawn_at_once(store: Store) -> None:
    other = "https://www.un.org/counterterrorism/ct-conference-2019"
    _crawl(store, sighting(url=PAGE + "#first"), sighting(url=PAGE + "#second", title="Other"))
    run = store.begin_run("unoct", now=T0)
    store.record(run, sighting(source="unoct", url=other), now=T0)  # a second source agrees
    store.finish_run(run, status="ok", pages=1, now=T0)

    _, withdrawn = _reread(store, sighting(url=PAGE + "#first"))

    (detail,) = [store.event(e.id) for e in store.events() if e.fields.title == "Other"]
    assert detail is not None and withdrawn == [detail.view.id]
    assert [s.withdrawn for s in detail.sightings] == [True]


def test_a_correction_does_not_move_last_seen(store: Store) -> None:
    _crawl(store, sighting(start_date=dt.date(2019, 6, 3), end_date=None))
    _reread(store, sighting())
    (view,) = store.events()
    detail = store.event(view.id)
    assert detail is not None
    assert view.last_seen == T0 and detail.sightings[0].last_seen == T0
    assert view.last_changed == LATER


def test_reading_again_sets_the_pages_tag_with_its_items(store: Store) -> None:
    _crawl(store, sighting())
    assert [p.url for p in store.stored_pages("osce", other_than=NEW_TAG)] == [PAGE]
    _reread(store, sighting())
    assert store.stored_pages("osce", other_than=NEW_TAG) == []
    state = store.page_state(PAGE)
    assert state is not None and state.extraction == NEW_TAG


def test_a_finished_run_records_no_reading_and_keeps_the_tag(store: Store) -> None:
    _crawl(store, sighting(start_date=dt.date(2019, 6, 3), end_date=None))
    run = store.begin_run("osce", now=LATER, kind="reextract")
    store.finish_run(run, status="ok", pages=0, now=LATER)
    with pytest.raises(RunNotRunning):
        store.record_reading(run, PAGE, [sighting()], extraction=NEW_TAG, now=LATER)
    (view,) = store.events()
    assert view.fields.start_date == dt.date(2019, 6, 3)
    state = store.page_state(PAGE)
    assert state is not None and state.extraction == OLD_TAG


def test_news_and_a_correction_in_one_crawl_fold_into_news(store: Store) -> None:
    _crawl(store, sighting(start_date=dt.date(2019, 6, 3), end_date=None))
    # One crawl of two sources (their runs begin at one instant): osce's page is read again (a
    # correction), then unoct's page adds an organiser (news). One revision, and it is news.
    osce = store.begin_run("osce", now=LATER)
    unoct = store.begin_run("unoct", now=LATER)
    store.record_reading(osce, PAGE, [sighting()], extraction=NEW_TAG, now=LATER)
    other = "https://www.un.org/counterterrorism/ct-conference-2019"
    store.record(unoct, sighting(source="unoct", url=other, organisers=["OSCE", "UNODC"]))
    revisions = [c for c in store.changes() if c.kind == "changed"]
    assert len(revisions) == 1 and revisions[0].cause is None
    assert {c.field for c in revisions[0].changes} == {"start_date", "end_date", "organisers"}


def test_rereading_runs_are_not_crawls(store: Store) -> None:
    crawl = store.begin_run("osce", now=T0)
    store.finish_run(crawl, status="failed", pages=0, now=T0)
    reread = store.begin_run("osce", now=LATER, kind="reextract")
    view = store.finish_run(reread, status="ok", pages=3, now=LATER)

    assert view.kind == "reextract"
    assert [r.id for r in store.runs(source="osce")] == [crawl.id]
    assert [r.id for r in store.runs(source="osce", kind=None)] == [reread.id, crawl.id]
    assert store.last_runs()["osce"].id == crawl.id
    (health,) = store.source_health(LATER, {"osce": dt.timedelta(days=1)})
    assert health.state == "failing"  # a re-read fetched nothing: the crawl still failed
