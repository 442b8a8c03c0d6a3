"""A page's last read body, kept with its state: what replaces it, what keeps it, and stores of
the previous release (no bodies: nothing to read again until a crawl reads the page)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from confwatch.store import Store
from confwatch.store.db import create_engine
from confwatch.store.migrate import upgrade

from .conftest import T0

PAGE = "https://www.osce.org/event/ct-conference-2019"
LATER = T0 + dt.timedelta(days=1)
DAY = dt.date(2019, 5, 1)


def _save(store: Store, **values: object) -> None:
    state: dict[str, object] = dict(
        source="osce", etag=None, last_modified=None, content_hash="h1", status=200, now=T0
    )
    state.update(values)
    store.save_page_state(PAGE, **state)  # type: ignore[arg-type]


def test_a_read_page_keeps_its_body_tag_and_reading_day(store: Store) -> None:
    _save(store, body=b"\x78\x01body", extraction="v/1", read_on=DAY)
    assert store.page_body(PAGE) == b"\x78\x01body"
    (page,) = store.stored_pages("osce")
    assert (page.url, page.extraction, page.read_on) == (PAGE, "v/1", DAY)


def test_a_not_modified_answer_or_the_same_content_keeps_the_body(store: Store) -> None:
    _save(store, body=b"body", extraction="v/1", read_on=DAY)
    _save(store, content_hash=None, status=304, now=LATER)
    _save(store, content_hash="h1", now=LATER)  # the same content again, not read
    assert store.page_body(PAGE) == b"body"


def test_new_content_that_was_not_read_drops_the_old_body(store: Store) -> None:
    _save(store, body=b"body", extraction="v/1", read_on=DAY)
    _save(store, content_hash="h2", now=LATER)
    assert store.page_body(PAGE) is None
    assert store.stored_pages("osce") == []


def test_a_page_that_is_gone_is_not_read_again(store: Store) -> None:
    _save(store, body=b"body", extraction="v/1", read_on=DAY)
    _save(store, content_hash=None, status=404, now=LATER)
    assert store.stored_pages("osce") == []


def test_stale_pages_are_those_read_with_another_tag_or_none(store: Store) -> None:
    _save(store, body=b"body", extraction="v/1", read_on=DAY)
    store.save_page_state(
        PAGE + "-2", source="osce", etag=None, last_modified=None, content_hash="h",
        status=200, body=b"b", extraction=None, read_on=DAY,
    )  # fmt: skip
    assert [p.url for p in store.stored_pages("osce", other_than="v/1")] == [PAGE + "-2"]
    assert len(store.stored_pages("osce", other_than="v/2")) == 2


def test_page_states_for_conditional_get_leave_the_bodies_alone(store: Store) -> None:
    _save(store, body=b"x" * 1000, extraction="v/1", read_on=DAY)
    state = store.page_states("osce")[PAGE]
    assert not hasattr(state, "body") and state.extraction == "v/1"


def test_an_upgraded_store_keeps_its_rows_with_nothing_to_read_again(database_url: str) -> None:
    upgrade(database_url, "0003")
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO page_state (url, source, etag, content_hash, last_status,"
                " last_fetched) VALUES (:url, 'osce', '\"v1\"', 'h1', 200, :at)"
            ),
            {"url": PAGE, "at": T0.replace(tzinfo=None)},
        )
        conn.execute(
            sa.text(
                "INSERT INTO crawl_run (source, started_at, status, pages, items, new, changed,"
                " unchanged, errors, stats) VALUES ('osce', :at, 'ok', 1, 0, 0, 0, 0, '[]', '{}')"
            ),
            {"at": T0.replace(tzinfo=None)},
        )
    engine.dispose()
    upgrade(database_url)
    with Store.open(database_url) as store:
        state = store.page_state(PAGE)
        assert state is not None and (state.etag, state.content_hash) == ('"v1"', "h1")
        assert state.extraction is None and store.page_body(PAGE) is None
        assert store.stored_pages("osce") == []
        (run,) = store.runs(source="osce")
        assert run.kind == "crawl"
