"""Alembic: the first migration builds exactly the models' schema, on both backends."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from confwatch.store import Store, redact_url
from confwatch.store import models as _models  # noqa: F401  (the tables compared against)
from confwatch.store.db import create_engine
from confwatch.store.migrate import current, head, is_current, upgrade


def test_upgrade_empty_database_to_head(database_url: str) -> None:
    assert current(database_url) is None
    assert not is_current(database_url)
    upgrade(database_url)
    assert current(database_url) == head()
    assert is_current(database_url)


def test_upgraded_schema_matches_the_models(database_url: str) -> None:
    upgrade(database_url)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
    engine.dispose()
    assert diff == []


def test_upgrade_twice_is_harmless(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)
    assert is_current(database_url)


def test_open_never_migrates(database_url: str) -> None:
    with Store.open(database_url):
        pass
    assert current(database_url) is None


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://confwatch:s3cret@db/confwatch", "postgresql://confwatch:***@db/confwatch"),
        ("postgresql+psycopg://u:p%40ss@h:5432/d", "postgresql+psycopg://u:***@h:5432/d"),
        ("postgresql://db/confwatch", "postgresql://db/confwatch"),
        ("sqlite:////var/confwatch/confwatch.db", "sqlite:////var/confwatch/confwatch.db"),
    ],
)
def test_redact_url_hides_the_password(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_redact_url_hides_a_password_query_parameter() -> None:
    shown = redact_url("postgresql://u@h/d?password=s3cret&sslmode=require")
    assert "s3cret" not in shown
    assert "sslmode=require" in shown
