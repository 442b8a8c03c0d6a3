"""The bulk INSERT of new events stores byte for byte what the typed statements store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confwatch.store import Document, EventFields, Sighting, Store, bulk, recording
from confwatch.store.jsontext import json_text
from confwatch.store.migrate import upgrade
from confwatch.store.models import EVENT, REVISION, SIGHTING

from .test_record_many import twin_database

WHEN = dt.datetime(2019, 5, 1, 6, 0, 0, 123456, tzinfo=dt.UTC)

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(_json)
def test_json_text_is_json_dumps(value: Any) -> None:
    assert json_text(value) == json.dumps(value)


def test_json_text_leaves_other_shapes_to_json_dumps() -> None:
    for value in [("a", 1), {1: "one"}, {"a": ("b", None)}, [1.5, float("nan"), True], -0.0]:
        assert json_text(value) == json.dumps(value)


@given(st.text(), st.text())
def test_event_uid_is_the_uuid5_of_source_and_url(source: str, url: str) -> None:
    try:
        expected = uuid.uuid5(uuid.NAMESPACE_URL, f"{source} {url}").hex
    except UnicodeEncodeError:  # lone surrogates: neither can encode them
        with pytest.raises(UnicodeEncodeError):
            recording.event_uid(source, url)
        return
    assert recording.event_uid(source, url) == expected


def awkward_sightings() -> list[Sighting]:
    """New events whose values exercise every encoding: non-ASCII, quotes, empties, documents."""
    return [
        Sighting(
            source="osce",
            url="https://www.osce.org/event/café",
            fields=EventFields(
                title='Конференция "по" борьбе с терроризмом \u2014 Café\tViena 🎉',
                start_date=dt.date(2019, 6, 20),
                end_date=dt.date(2019, 6, 21),
                city="Wien",
                country="AT",
                organisers=["OSCE", "Österreich — BMEIA", "UNOCT \\ UNODC"],
                topics=["P/CVE", "terrorist financing"],
                description="Line one.\nLine two: «quoted» \x07 bell.",
                url="https://www.osce.org/event/café",
                registration_deadline=dt.date(2019, 6, 1),
                documents=[
                    Document("Agenda (draft)", "https://www.osce.org/files/agenda.pdf"),
                    Document("Программа", "https://www.osce.org/files/программа.pdf"),
                ],
                status="postponed",
            ),
            raw={"title": "Конференция", "dates": ["20", "21"], "n": 2, "x": 1.5, "ok": True},
        ),
        Sighting(
            source="osce",
            url="https://www.osce.org/event/bare",
            fields=EventFields(title="Bare", description="   ", status=""),
        ),
        Sighting(
            source="osce",
            url="https://www.osce.org/event/old",
            fields=EventFields(
                title="Old",
                start_date=dt.date(999, 1, 2),
                end_date=None,
                city="",
                organisers=[],
                topics=[""],
            ),
            raw={},
        ),
    ]


def raw_rows(conn: sa.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored value of the three tables as the database holds it (PostgreSQL: as text)."""
    out = {}
    for table in (EVENT, SIGHTING, REVISION):
        columns = [column.name for column in table.c]
        if conn.dialect.name == "sqlite":
            # typeof() too: a value stored as TEXT must not come back as a BLOB or a number.
            select = ", ".join(f"{c}, typeof({c})" for c in columns)
        else:
            select = ", ".join(f"{c}::text" for c in columns)
        rows = conn.exec_driver_sql(f"SELECT {select} FROM {table.name} ORDER BY id")
        out[table.name] = [tuple(row) for row in rows]
    return out


def write_both(fast: Store, typed: Store, batch: Sequence[Sighting]) -> None:
    """``record_many`` (the bulk path) into ``fast``, ``recording._create`` into ``typed``."""
    run = fast.begin_run("osce", now=WHEN)
    outcomes = fast.record_many(run, batch, now=WHEN)
    assert [o.kind for o in outcomes] == ["new"] * len(batch)
    run = typed.begin_run("osce", now=WHEN)
    with typed._writer.begin() as conn:
        expected = [recording._create(conn, run, item, WHEN) for item in batch]
    assert outcomes == expected


def test_bulk_rows_are_byte_for_byte_those_of_the_typed_inserts(
    database_url: str, tmp_path: Path
) -> None:
    upgrade(database_url)
    with twin_database(database_url, tmp_path) as typed_url:
        upgrade(typed_url)
        with Store.open(database_url) as fast, Store.open(typed_url) as typed:
            write_both(fast, typed, awkward_sightings())
            with fast.engine.connect() as a, typed.engine.connect() as b:
                assert raw_rows(a) == raw_rows(b)
            assert fast.events() == typed.events()
            assert fast.changes() == typed.changes()


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


_text = st.text(max_size=12)
_maybe_text = st.none() | _text
# From year 100: the candidate window (60 days before the start) must stay a valid date.
_day = st.none() | st.dates(min_value=dt.date(100, 1, 1))
_fields = st.builds(
    EventFields,
    title=_text,
    start_date=_day,
    end_date=_day,
    city=_maybe_text,
    country=_maybe_text,
    organisers=st.lists(_text, max_size=3),
    topics=st.lists(_text, max_size=3),
    description=_maybe_text,
    url=_maybe_text,
    registration_deadline=_day,
    documents=st.lists(st.builds(Document, _text, _text), max_size=2),
    status=_text,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_fields, st.dictionaries(_text, _json, max_size=3)), max_size=4))
def test_any_new_event_is_stored_as_the_typed_inserts_store_it(
    migrated_sqlite: Path, items: list[tuple[EventFields, dict[str, Any]]]
) -> None:
    batch = [
        Sighting("osce", f"https://www.osce.org/event/{n}", fields, raw)
        for n, (fields, raw) in enumerate(items)
    ]
    with tempfile.TemporaryDirectory() as work:
        urls = []
        for name in ("fast.db", "typed.db"):
            shutil.copy(migrated_sqlite, Path(work) / name)
            urls.append(f"sqlite:///{Path(work) / name}")
        with Store.open(urls[0]) as fast, Store.open(urls[1]) as typed:
            write_both(fast, typed, batch)
            with fast.engine.connect() as a, typed.engine.connect() as b:
                assert raw_rows(a) == raw_rows(b)


def test_events_over_several_statements_get_their_own_ids_in_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    encoding = bulk._encoding(store.engine.dialect)
    small = dataclasses.replace(encoding, events_per_statement=3)
    monkeypatch.setattr(bulk, "_encoding", lambda dialect: small)
    batch = [
        Sighting("osce", f"https://www.osce.org/event/{n}", EventFields(title=f"Event {n}"))
        for n in range(8)
    ]
    run = store.begin_run("osce", now=WHEN)
    outcomes = store.record_many(run, batch, now=WHEN)
    assert len({o.event_id for o in outcomes}) == len(batch)
    for item, outcome in zip(batch, outcomes, strict=True):
        detail = store.event(outcome.event_id)
        assert detail is not None
        assert detail.view.fields.title == item.fields.title
        assert [ref.url for ref in detail.view.sources] == [item.url]
        assert [change.event.title for change in detail.revisions] == [item.fields.title]
