"""store/db.py: the one place that knows how to connect, for the engine and for a raw connection."""

from __future__ import annotations

import pytest

from confwatch.store.db import APPLICATION, connect_postgres


def test_raw_connection_is_autocommit_and_named_like_the_engines(postgres_url: str) -> None:
    with connect_postgres(postgres_url) as conn:
        assert conn.autocommit
        row = conn.execute("SHOW application_name").fetchone()
        assert row is not None and row[0] == APPLICATION


def test_raw_connection_takes_the_schema_the_url_names(postgres_url: str) -> None:
    with connect_postgres(postgres_url) as conn:
        row = conn.execute("SELECT current_schema()").fetchone()
    assert row is not None and row[0].startswith("t_")


def test_raw_connection_keeps_a_name_given_by_its_caller(postgres_url: str) -> None:
    with connect_postgres(postgres_url, application_name="confwatch lock x") as conn:
        row = conn.execute("SHOW application_name").fetchone()
    assert row is not None and row[0] == "confwatch lock x"


@pytest.mark.parametrize("scheme", ["postgres://", "postgresql://", "postgresql+psycopg://"])
def test_raw_connection_accepts_every_spelling_of_a_postgresql_url(
    postgres_url: str, scheme: str
) -> None:
    url = scheme + postgres_url.split("://", 1)[1]
    with connect_postgres(url) as conn:
        row = conn.execute("SELECT 1").fetchone()
    assert row == (1,)
