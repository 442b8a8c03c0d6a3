"""Revisions, the change stream and the event listings read back from the store."""

from __future__ import annotations

import datetime as dt

from confwatch.store import Store

from .conftest import T0, sighting

HOUR = dt.timedelta(hours=1)


def _three_revisions(store: Store) -> int:
    run = store.begin_run("osce", now=T0)
    event_id = store.record(run, sighting(), now=T0).event_id
    store.record(run, sighting(city="Vienna", country="AT"), now=T0 + HOUR)
    store.record(run, sighting(city="Vienna", country="AT", status="postponed"), now=T0 + 2 * HOUR)
    return event_id


def test_event_detail_lists_revisions_oldest_first(store: Store) -> None:
    event_id = _three_revisions(store)
    detail = store.event(event_id)
    assert detail is not None
    assert [r.kind for r in detail.revisions] == ["new", "changed", "changed"]
    uid = detail.view.uid
    assert [r.uid for r in detail.revisions] == [f"{uid}-r1", f"{uid}-r2", f"{uid}-r3"]
    assert detail.revisions[2].event.status == "postponed"  # snapshot after the revision
    assert detail.revisions[1].event.status == "scheduled"
    assert [c.field for c in detail.revisions[1].changes] == ["city", "country"]


def test_change_stream_is_newest_first_and_includes_new_events(store: Store) -> None:
    _three_revisions(store)
    stream = store.changes()
    assert [c.kind for c in stream] == ["changed", "changed", "new"]
    assert [c.at for c in stream] == [T0 + 2 * HOUR, T0 + HOUR, T0]
    assert stream[0].changes[0].field == "status"


def test_change_stream_since_and_limit(store: Store) -> None:
    _three_revisions(store)
    assert [c.at for c in store.changes(since=T0 + HOUR)] == [T0 + 2 * HOUR, T0 + HOUR]
    assert len(store.changes(limit=1)) == 1


def test_unknown_event_is_none(store: Store) -> None:
    assert store.event(12345) is None


def test_events_sorted_by_start_date_with_unknown_dates_last(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    for n, start in enumerate([dt.date(2019, 9, 1), None, dt.date(2019, 3, 1)]):
        store.record(
            run,
            sighting(
                url=f"https://www.osce.org/event/{n}",
                title=f"Conference {n}",
                start_date=start,
                end_date=start,
            ),
            now=T0,
        )
    assert [e.fields.title for e in store.events()] == [
        "Conference 2",
        "Conference 0",
        "Conference 1",
    ]


def test_events_filters(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(
        run,
        sighting(
            url="https://www.osce.org/a",
            title="Past Meeting",
            start_date=dt.date(2019, 1, 10),
            end_date=dt.date(2019, 1, 11),
        ),
        now=T0,
    )
    store.record(run, sighting(url="https://www.osce.org/b", title="Future Meeting"), now=T0)
    other = store.begin_run("unoct", now=T0)
    store.record(
        other,
        sighting(
            "unoct",
            "https://un.org/c",
            title="UN Meeting",
            start_date=dt.date(2019, 7, 1),
            end_date=dt.date(2019, 7, 1),
        ),
        now=T0 + HOUR,
    )
    titles = lambda views: [v.fields.title for v in views]  # noqa: E731
    assert titles(store.events(upcoming_after=dt.date(2019, 6, 21))) == [
        "Future Meeting",
        "UN Meeting",
    ]
    assert titles(store.events(source="unoct")) == ["UN Meeting"]
    assert titles(store.events(changed_since=T0 + HOUR)) == ["UN Meeting"]
    assert titles(store.events(limit=1)) == ["Past Meeting"]
