"""Store fixtures: a migrated database on each backend (SQLite file and PostgreSQL schema)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from confwatch.store import Document, EventFields, Sighting, Store
from confwatch.store.migrate import upgrade

T0 = dt.datetime(2019, 5, 1, 6, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A store on a database migrated to head (through Alembic, not create_all)."""
    upgrade(database_url)
    opened = Store.open(database_url)
    yield opened
    opened.close()


def fields(title: str = "OSCE-wide Counter-Terrorism Conference", **values: Any) -> EventFields:
    defaults: dict[str, Any] = {
        "start_date": dt.date(2019, 6, 20),
        "end_date": dt.date(2019, 6, 21),
        "city": "Bratislava",
        "country": "SK",
        "organisers": ["OSCE"],
        "url": "https://www.osce.org/event/ct-conference-2019",
    }
    defaults.update(values)
    return EventFields(title=title, **defaults)


def sighting(
    source: str = "osce",
    url: str = "https://www.osce.org/event/ct-conference-2019",
    **values: Any,
) -> Sighting:
    values.setdefault("url", url)
    return Sighting(source=source, url=url, fields=fields(**values))


def doc(title: str, url: str) -> Document:
    return Document(title=title, url=url)
