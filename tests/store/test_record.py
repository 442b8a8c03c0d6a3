"""record(): new / changed / unchanged, the recorded diff, merging rules, run counters."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.store import FieldChange, RunNotRunning, Store

from .conftest import T0, doc, sighting

LATER = T0 + dt.timedelta(hours=6)


def test_first_sighting_is_new_with_every_known_field_from_none(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    outcome = store.record(run, sighting(), now=T0)
    assert outcome.kind == "new"
    assert FieldChange("title", None, "OSCE-wide Counter-Terrorism Conference") in outcome.changes
    assert FieldChange("start_date", None, "2019-06-20") in outcome.changes
    assert FieldChange("organisers", None, ["OSCE"]) in outcome.changes
    assert all(change.old is None for change in outcome.changes)
    assert "description" not in {change.field for change in outcome.changes}  # empty field


def test_same_sighting_again_is_unchanged(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    first = store.record(run, sighting(), now=T0)
    again = store.record(run, sighting(), now=LATER)
    assert again.kind == "unchanged"
    assert again.changes == []
    assert again.event_id == first.event_id
    (event,) = store.events()
    assert event.last_seen == LATER
    assert event.last_changed == T0


def test_moved_dates_are_a_change_with_json_form_values(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(), now=T0)
    outcome = store.record(
        run,
        sighting(start_date=dt.date(2019, 9, 3), end_date=dt.date(2019, 9, 4)),
        now=LATER,
    )
    assert outcome.kind == "changed"
    assert outcome.changes == [
        FieldChange("start_date", "2019-06-20", "2019-09-03"),
        FieldChange("end_date", "2019-06-21", "2019-09-04"),
    ]
    (event,) = store.events()
    assert event.fields.start_date == dt.date(2019, 9, 3)
    assert event.last_changed == LATER


def test_added_document_is_recorded_as_dicts(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(), now=T0)
    agenda = doc("Agenda", "https://www.osce.org/files/agenda.pdf")
    outcome = store.record(run, sighting(documents=[agenda]), now=LATER)
    assert outcome.changes == [
        FieldChange("documents", [], [{"title": "Agenda", "url": agenda.url}])
    ]


def test_whitespace_only_edit_is_not_a_change(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(), now=T0)
    outcome = store.record(
        run,
        sighting(title="  osce-wide   COUNTER-TERRORISM\nConference ", city="BRATISLAVA "),
        now=LATER,
    )
    assert outcome.kind == "unchanged"
    (event,) = store.events()
    assert event.fields.title == "OSCE-wide Counter-Terrorism Conference"


def test_reordered_organisers_are_not_a_change(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(organisers=["OSCE", "UNOCT"]), now=T0)
    assert store.record(run, sighting(organisers=["unoct", "OSCE"]), now=LATER).kind == "unchanged"


def test_none_never_overwrites_a_known_value(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(registration_deadline=dt.date(2019, 6, 1)), now=T0)
    outcome = store.record(
        run, sighting(city=None, country=None, organisers=[], registration_deadline=None), now=LATER
    )
    assert outcome.kind == "unchanged"
    (event,) = store.events()
    assert (event.fields.city, event.fields.country) == ("Bratislava", "SK")
    assert event.fields.organisers == ["OSCE"]
    assert event.fields.registration_deadline == dt.date(2019, 6, 1)


def test_run_counters_count_every_outcome(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(), now=T0)
    store.record(run, sighting(url="https://www.osce.org/event/other", title="Other"), now=T0)
    store.record(run, sighting(), now=T0)
    store.record(run, sighting(city="Vienna"), now=T0)
    view = store.finish_run(run, status="ok", pages=2, stats={"requests": 2}, now=LATER)
    assert (view.items, view.new, view.changed, view.unchanged) == (4, 2, 1, 1)
    assert (view.pages, view.stats, view.status) == (2, {"requests": 2}, "ok")
    assert view.finished_at == LATER


def test_recording_into_a_finished_run_writes_nothing(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.finish_run(run, status="failed", pages=0, now=T0)
    with pytest.raises(RunNotRunning):
        store.record(run, sighting(), now=T0)
    assert store.events() == []
    assert store.changes() == []


def test_failed_run_leaves_stored_events_untouched(store: Store) -> None:
    good = store.begin_run("osce", now=T0)
    store.record(good, sighting(), now=T0)
    store.finish_run(good, status="ok", pages=1, now=T0)
    before = store.events()
    bad = store.begin_run("osce", now=LATER)
    store.add_error(bad, "https://www.osce.org/event/ct-conference-2019", "timed out after 30 s")
    store.finish_run(bad, status="failed", pages=0, now=LATER)
    assert store.events() == before


def test_event_uid_is_stable_for_the_same_source_and_url(
    store: Store, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from confwatch.store.migrate import upgrade

    other_url = f"sqlite:///{tmp_path_factory.mktemp('rebuilt') / 'rebuilt.db'}"
    upgrade(other_url)
    with Store.open(other_url) as rebuilt:
        for target in (store, rebuilt):
            target.record(target.begin_run("osce", now=T0), sighting(), now=T0)
        assert store.events()[0].uid == rebuilt.events()[0].uid


def test_datetimes_come_back_timezone_aware_utc(store: Store) -> None:
    plus_two = dt.timezone(dt.timedelta(hours=2))
    run = store.begin_run("osce", now=T0.astimezone(plus_two))
    store.record(run, sighting(), now=T0.astimezone(plus_two))
    (event,) = store.events()
    assert event.first_seen == T0
    assert event.first_seen.utcoffset() == dt.timedelta(0)
    assert store.runs()[0].started_at.tzinfo is not None
