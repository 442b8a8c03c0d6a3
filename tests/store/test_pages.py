"""Page state for conditional GET, and touch_page for pages that answered 304."""

from __future__ import annotations

import datetime as dt

from confwatch.store import Store

from .conftest import T0, sighting

LIST = "https://www.osce.org/events"
LATER = T0 + dt.timedelta(days=1)


def test_page_state_round_trip(store: Store) -> None:
    assert store.page_state(LIST) is None
    store.save_page_state(
        LIST,
        source="osce",
        etag='"abc"',
        last_modified="Wed, 01 May 2019 06:00:00 GMT",
        content_hash="h1",
        status=200,
        now=T0,
    )
    state = store.page_state(LIST)
    assert state is not None
    assert (state.etag, state.last_modified, state.content_hash) == (
        '"abc"',
        "Wed, 01 May 2019 06:00:00 GMT",
        "h1",
    )
    assert (state.last_status, state.last_fetched, state.last_changed) == (200, T0, T0)


def test_not_modified_keeps_validators_and_moves_last_fetched(store: Store) -> None:
    store.save_page_state(
        LIST, source="osce", etag='"abc"', last_modified=None, content_hash="h1", status=200, now=T0
    )
    store.save_page_state(
        LIST, source="osce", etag=None, last_modified=None, content_hash=None, status=304, now=LATER
    )
    state = store.page_state(LIST)
    assert state is not None
    assert (state.etag, state.content_hash, state.last_status) == ('"abc"', "h1", 304)
    assert (state.last_fetched, state.last_changed) == (LATER, T0)


def test_new_content_moves_last_changed(store: Store) -> None:
    for now, digest in ((T0, "h1"), (LATER, "h2")):
        store.save_page_state(
            LIST,
            source="osce",
            etag=None,
            last_modified=None,
            content_hash=digest,
            status=200,
            now=now,
        )
    state = store.page_state(LIST)
    assert state is not None
    assert (state.content_hash, state.last_changed) == ("h2", LATER)


def test_touch_page_keeps_its_sightings_current(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(url=f"{LIST}#ct-2019"), now=T0)
    store.record(run, sighting(url=f"{LIST}2#other", title="Other meeting"), now=T0)
    later_run = store.begin_run("osce", now=LATER)
    store.touch_page(later_run, f"{LIST}#top", now=LATER)
    seen = {e.fields.title: e.last_seen for e in store.events()}
    assert seen == {"OSCE-wide Counter-Terrorism Conference": LATER, "Other meeting": T0}
    detail = store.event(store.events()[0].id)
    assert detail is not None
    assert detail.sightings[0].last_seen == LATER


def test_page_states_are_a_source_s_states_by_url(store: Store) -> None:
    for url, source in ((LIST, "osce"), (LIST + "?page=1", "osce"), ("https://un.org/x", "unoct")):
        store.save_page_state(
            url, source=source, etag=f'"{url}"', last_modified=None, content_hash="h", status=200
        )
    states = store.page_states("osce")
    assert set(states) == {LIST, LIST + "?page=1"}
    assert states[LIST] == store.page_state(LIST)
    assert store.page_states("nobody") == {}
