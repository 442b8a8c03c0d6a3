"""Fixtures shared by the whole suite: real databases, no mocks.

``database_url`` is parametrised over a SQLite file in ``tmp_path`` and the machine's PostgreSQL
(127.0.0.1:5432, database ``test``), each test in a schema of its own. Locally a missing
PostgreSQL skips with the reason; under ``CI=true`` it fails, so CI never silently skips it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("CONFWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


def _postgres_reason() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            return None
    except Exception as exc:  # any failure to connect means "not available here"
        return f"PostgreSQL at {PG_URL} is not reachable: {exc.__class__.__name__}: {exc}"


@pytest.fixture(scope="session")
def postgres_available() -> str | None:
    return _postgres_reason()


@pytest.fixture
def postgres_url(postgres_available: str | None) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    if postgres_available:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI requires PostgreSQL: {postgres_available}")
        pytest.skip(postgres_available)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store, consolidation and feed test runs on both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'confwatch.db'}"
    return str(request.getfixturevalue("postgres_url"))
