"""One conference, one record: operators' merges and splits, provenance, withdrawal, precedence."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.errors import ConfwatchError
from confwatch.store import SourceInfo, Store
from confwatch.store.withdrawal import WITHDRAWN_AFTER
from tests.store.conftest import T0, sighting

UN = "https://www.un.org/counterterrorism/regional-conferences-0#ulaanbaatar"
MFA = "https://mfa.gov.mn/en/ulaanbaatar-conference"


def crawl(
    store: Store, source: str, *sightings, at: dt.datetime = T0, status: str = "ok", pages=None
):  # type: ignore[no-untyped-def]
    run = store.begin_run(source, now=at)
    outcomes = [store.record(run, s, now=at) for s in sightings]
    for url in pages or []:
        store.save_page_state(
            url,
            source=source,
            etag=None,
            last_modified=None,
            content_hash="h" + str(at),
            status=200,
            now=at,
        )
    store.finish_run(run, status=status, pages=len(sightings), now=at + dt.timedelta(seconds=1))
    return outcomes


def two_unrelated(store: Store) -> tuple[int, int]:
    a = crawl(
        store,
        "osce",
        sighting(
            title="Conference on Countering Terrorism Financing",
            city="Vienna",
            country="AT",
            start_date=dt.date(2019, 5, 15),
            end_date=dt.date(2019, 5, 17),
        ),
    )
    b = crawl(
        store,
        "unoct",
        sighting(
            "unoct",
            UN,
            title="Regional Workshop on Border Security",
            city="Vienna",
            country="AT",
            start_date=dt.date(2019, 5, 15),
            end_date=dt.date(2019, 5, 16),
        ),
    )
    return a[0].event_id, b[0].event_id


def test_operator_merge_joins_sources_and_survives_a_recrawl(store: Store) -> None:
    first, second = two_unrelated(store)
    assert first != second
    store.merge_events(first, second, now=T0 + dt.timedelta(hours=1))
    detail = store.event(first)
    assert detail is not None
    assert {s.source for s in detail.sightings} == {"osce", "unoct"}
    assert [e.id for e in store.events()] == [first]
    # The next crawl of the merged-away page still lands on the kept event.
    again = crawl(
        store,
        "unoct",
        sighting(
            "unoct",
            UN,
            title="Regional Workshop on Border Security",
            city="Vienna",
            country="AT",
            start_date=dt.date(2019, 5, 15),
            end_date=dt.date(2019, 5, 16),
        ),
        at=T0 + dt.timedelta(days=1),
    )
    assert again[0].event_id == first
    merged = store.event(second)
    assert merged is not None and merged.merged_into == first


def test_operator_split_separates_a_source_and_survives_a_recrawl(store: Store) -> None:
    osce = crawl(
        store,
        "osce",
        sighting(
            title="Regional Conference on Preventing Violent Extremism",
            city="Ulaanbaatar",
            country="MN",
        ),
    )[0]
    unoct = crawl(
        store,
        "unoct",
        sighting(
            "unoct",
            UN,
            title="Regional Conference on Preventing Violent Extremism",
            city="Ulaanbaatar",
            country="MN",
        ),
    )[0]
    assert unoct.event_id == osce.event_id  # matched as one
    created, _ = store.split_event(osce.event_id, "unoct", now=T0 + dt.timedelta(hours=1))
    assert created.kind == "new" and created.event_id != osce.event_id
    again = crawl(
        store,
        "unoct",
        sighting(
            "unoct",
            UN,
            title="Regional Conference on Preventing Violent Extremism",
            city="Ulaanbaatar",
            country="MN",
        ),
        at=T0 + dt.timedelta(days=1),
    )
    assert again[0].event_id == created.event_id
    assert {e.id for e in store.events()} == {osce.event_id, created.event_id}


def test_merge_and_split_refuse_nonsense_with_clear_errors(store: Store) -> None:
    first, _second = two_unrelated(store)
    with pytest.raises(ConfwatchError, match="with itself"):
        store.merge_events(first, first)
    with pytest.raises(ConfwatchError, match="no event with id 999"):
        store.merge_events(first, 999)
    with pytest.raises(ConfwatchError, match="only by 'osce'"):
        store.split_event(first, "osce")
    with pytest.raises(ConfwatchError, match="no page from source 'mfa-mn'"):
        store.split_event(first, "mfa-mn")


def test_near_duplicates_below_the_match_threshold_are_listed_for_the_operator(
    store: Store,
) -> None:
    crawl(
        store,
        "osce",
        sighting(
            title="High-level Conference on Whole-of-Society Approach to P/CVE",
            city="Ulaanbaatar",
            country="MN",
        ),
    )
    crawl(
        store,
        "unoct",
        sighting(
            "unoct",
            UN,
            title="Whole-of-Society Approach: Regional Dialogue in Mongolia",
            city="Ulaanbaatar",
            country="MN",
        ),
    )
    events = store.events()
    assert len(events) == 2
    pairs = store.ambiguous_pairs()
    assert [(p.first, p.second) for p in pairs] == [(events[0].id, events[1].id)]


def test_provenance_names_the_sources_behind_each_field(store: Store) -> None:
    crawl(
        store,
        "osce",
        sighting(
            title="Regional Conference on Countering Terrorism",
            city="Ulaanbaatar",
            country="MN",
            organisers=["OSCE"],
            registration_deadline=None,
        ),
    )
    out = crawl(
        store,
        "mfa-mn",
        sighting(
            "mfa-mn",
            MFA,
            title="Regional Conference on Countering Terrorism",
            city="Ulaanbaatar",
            country="MN",
            organisers=["Ministry of Foreign Affairs of Mongolia"],
            registration_deadline=dt.date(2019, 6, 1),
        ),
    )
    detail = store.event(out[0].event_id)
    assert detail is not None
    prov = detail.provenance
    assert prov["start_date"] == ["osce", "mfa-mn"]
    assert prov["registration_deadline"] == ["mfa-mn"]
    assert set(prov["organisers"]) == {"osce", "mfa-mn"}


def test_the_organisers_own_page_wins_for_dates(store: Store) -> None:
    store.sync_sources(
        [
            SourceInfo("unoct", "UNOCT", organisation="UNOCT"),
            SourceInfo("mfa-mn", "MFA", organisation="Ministry of Foreign Affairs of Mongolia"),
        ]
    )
    first = crawl(
        store,
        "unoct",
        sighting(
            "unoct",
            UN,
            title="Regional Conference on Countering Terrorism",
            city="Ulaanbaatar",
            country="MN",
            organisers=["OSCE"],
            start_date=dt.date(2019, 6, 20),
            end_date=dt.date(2019, 6, 21),
        ),
    )[0]
    crawl(
        store,
        "mfa-mn",
        sighting(
            "mfa-mn",
            MFA,
            title="Regional Conference on Countering Terrorism",
            city="Ulaanbaatar",
            country="MN",
            organisers=["Ministry of Foreign Affairs of Mongolia"],
            start_date=dt.date(2019, 6, 20),
            end_date=dt.date(2019, 6, 22),
        ),
    )
    event = store.event(first.event_id)
    assert event is not None
    # UNOCT's page came first, but the ministry organises the conference: its end date wins.
    assert event.view.fields.end_date == dt.date(2019, 6, 22)


def test_event_is_withdrawn_only_after_consecutive_successful_crawls_without_it(
    store: Store,
) -> None:
    page = UN.split("#")[0]
    first = crawl(
        store,
        "unoct",
        sighting("unoct", UN, title="Regional Conference on Countering Terrorism"),
        pages=[page],
    )[0]
    at = T0
    for n in range(1, WITHDRAWN_AFTER):
        at += dt.timedelta(days=1)
        crawl(store, "unoct", pages=[page], at=at)  # the page came back without the section
        crawl(
            store, "unoct", at=at + dt.timedelta(hours=1), status="failed", pages=[page]
        )  # never counts
        assert not store.events()[0].sources[0].withdrawn, f"withdrawn after {n} misses"
    crawl(store, "unoct", pages=[page], at=at + dt.timedelta(days=1))
    (event,) = store.events()
    assert event.id == first.event_id and event.sources[0].withdrawn
    # Seen again: no longer withdrawn.
    crawl(
        store,
        "unoct",
        sighting("unoct", UN, title="Regional Conference on Countering Terrorism"),
        pages=[page],
        at=at + dt.timedelta(days=2),
    )
    assert not store.events()[0].sources[0].withdrawn


def test_pages_not_fetched_in_a_crawl_never_count_as_misses(store: Store) -> None:
    crawl(
        store, "unoct", sighting("unoct", UN, title="Regional Conference on Countering Terrorism")
    )
    for day in range(1, WITHDRAWN_AFTER + 2):
        crawl(
            store, "unoct", at=T0 + dt.timedelta(days=day)
        )  # 304s or not revisited: no page state
    assert not store.events()[0].sources[0].withdrawn


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2026, 12, 1), dt.date(2026, 12, 2), "upcoming"),
        (dt.date(2026, 11, 21), dt.date(2026, 11, 23), "ongoing"),
        (dt.date(2026, 11, 22), None, "ongoing"),
        (dt.date(2019, 6, 20), dt.date(2019, 6, 21), "past"),
        (None, None, None),
    ],
)
def test_upcoming_ongoing_past_is_computed_from_the_dates_on_the_day_asked(
    start, end, expected
) -> None:  # type: ignore[no-untyped-def]
    from confwatch.store.records import timing

    assert timing(start, end, dt.date(2026, 11, 22)) == expected
