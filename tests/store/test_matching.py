"""One conference seen by several sources becomes one event; different conferences stay apart."""

from __future__ import annotations

import datetime as dt

from confwatch.store import SourceRef, Store

from .conftest import T0, sighting

OSCE = "https://www.osce.org/event/ct-conference-2019"
UNOCT = "https://www.un.org/counterterrorism/events/osce-ct-2019"
MFA = "https://www.mzv.sk/en/news/ct-conference"


def test_three_sources_of_one_conference_make_one_event(store: Store) -> None:
    store.record(store.begin_run("osce", now=T0), sighting("osce", OSCE), now=T0)
    store.record(
        store.begin_run("unoct", now=T0),
        sighting(
            "unoct",
            UNOCT,
            title="2019 OSCE-wide Counter-Terrorism Conference",
            organisers=["UNOCT"],
            end_date=None,
        ),
        now=T0,
    )
    store.record(
        store.begin_run("mfa-sk", now=T0),
        sighting(
            "mfa-sk",
            MFA,
            title="OSCE-wide Counter-Terrorism Conference in Bratislava",
            city=None,
            description="The Slovak Chairmanship hosts the annual conference.",
        ),
        now=T0,
    )
    (event,) = store.events()
    assert event.sources == [
        SourceRef("osce", OSCE),
        SourceRef("unoct", UNOCT),
        SourceRef("mfa-sk", MFA),
    ]
    assert event.fields.organisers == ["OSCE", "UNOCT"]
    assert event.fields.description == "The Slovak Chairmanship hosts the annual conference."
    assert event.fields.url == MFA  # no organiser runs a source here: the first by source key


def test_second_source_records_its_match_score(store: Store) -> None:
    store.record(store.begin_run("osce", now=T0), sighting("osce", OSCE), now=T0)
    outcome = store.record(
        store.begin_run("unoct", now=T0),
        sighting("unoct", UNOCT, organisers=["UNOCT"]),
        now=T0,
    )
    assert outcome.kind == "changed"  # the event gained an organiser, it is not a new event
    detail = store.event(outcome.event_id)
    assert detail is not None
    assert [s.match_score for s in detail.sightings] == [None, 100.0]


def test_two_conferences_in_the_same_city_and_month_stay_apart(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting("osce", OSCE), now=T0)
    store.record(
        run,
        sighting(
            "unoct",
            UNOCT,
            title="Regional Workshop on Foreign Terrorist Fighters",
            start_date=dt.date(2019, 6, 4),
            end_date=dt.date(2019, 6, 5),
        ),
        now=T0,
    )
    assert len(store.events()) == 2


def test_same_dates_but_different_title_stay_apart(store: Store) -> None:
    store.record(store.begin_run("osce", now=T0), sighting("osce", OSCE), now=T0)
    store.record(
        store.begin_run("unoct", now=T0),
        sighting("unoct", UNOCT, title="Youth Engagement in Preventing Violent Extremism"),
        now=T0,
    )
    assert len(store.events()) == 2


def test_same_title_in_another_country_stays_apart(store: Store) -> None:
    store.record(store.begin_run("osce", now=T0), sighting("osce", OSCE), now=T0)
    store.record(
        store.begin_run("unoct", now=T0),
        sighting("unoct", UNOCT, city="Vienna", country="AT"),
        now=T0,
    )
    assert len(store.events()) == 2


def test_second_page_of_the_same_source_is_another_event(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting("osce", OSCE), now=T0)
    store.record(run, sighting("osce", OSCE + "-side-event"), now=T0)
    assert len(store.events()) == 2


def test_sighting_without_start_date_is_never_matched(store: Store) -> None:
    store.record(store.begin_run("osce", now=T0), sighting("osce", OSCE), now=T0)
    store.record(
        store.begin_run("unoct", now=T0),
        sighting("unoct", UNOCT, start_date=None, end_date=None),
        now=T0,
    )
    assert len(store.events()) == 2
