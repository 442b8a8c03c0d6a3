"""Engine creation: the one place that knows how SQLite and PostgreSQL are connected.

SQLite gets WAL, ``synchronous=NORMAL``, foreign keys and a busy timeout on every connection,
and explicit ``BEGIN`` statements (``BEGIN IMMEDIATE`` for writers) instead of pysqlite's own
transaction guessing. PostgreSQL URLs are pointed at the psycopg 3 driver. ``connect_postgres``
opens a psycopg connection of its own, outside any engine's pool, for what must live on one
connection (the scheduler's advisory locks). ``redact_url`` is how a database URL may appear in
logs and messages; ``read_only_url`` opens a SQLite file that cannot be written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow

BUSY_TIMEOUT_S = 30
# Execution option that makes the next SQLite transaction take the write lock at BEGIN, so a
# writer never fails half-way with SQLITE_BUSY when it upgrades from reading to writing.
IMMEDIATE = "confwatch_immediate"
APPLICATION = "confwatch"  # PostgreSQL's application_name for the store's connections


def normalise_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` use psycopg 3 (the driver we install)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def redact_url(url: str) -> str:
    """The URL with its password (also a ``password=`` query parameter) replaced by ``***``."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        # Not a URL SQLAlchemy understands: still never echo what could be a password (all of
        # the user information before the last "@" goes).
        before, at, host = url.rpartition("@")
        if not at:
            return url
        scheme = re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:?/*", before)
        return f"{scheme.group(0) if scheme else ''}***@{host}"
    if "password" in parsed.query:
        parsed = parsed.update_query_dict({"password": "***"})
    return parsed.render_as_string(hide_password=True).replace("%2A%2A%2A", "***")


def read_only_url(path: Path) -> str:
    """A URL that opens the SQLite file at ``path`` without writing anything next to it.

    For a folder nobody may write to (a read-only mount, another user's home). With a ``-wal``
    file present, SQLite's read-only mode reads it through the existing ``-shm`` index; with
    none, the file is opened ``immutable`` (SQLite would otherwise try to create the ``-shm``
    file and fail): then it is read as it stands, which is what a read-only copy is.
    """
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    return f"sqlite:///file:{quote(str(path))}?{mode}&uri=true"


def is_disconnect(exc: BaseException) -> bool:
    """The database server dropped the connection (a restart, a failover, a killed backend):
    nothing is wrong with the settings, and the same command run again will connect."""
    if getattr(exc, "connection_invalidated", False):
        return True
    state = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    return state.startswith(("08", "57P"))  # connection exception; operator intervention


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def connect_postgres(url: str, **options: Any) -> psycopg.Connection[TupleRow]:
    """An autocommit psycopg connection to the PostgreSQL ``url`` that no pool shares.

    Named ``application_name`` as the engine's connections are, unless ``options`` or the URL
    name it; ``options`` are psycopg's connection parameters (timeouts, keepalives)."""
    import psycopg

    raw = normalise_url(url).replace("postgresql+psycopg://", "postgresql://")
    if "application_name" not in make_url(url).query:
        options.setdefault("application_name", APPLICATION)
    return psycopg.connect(raw, autocommit=True, **options)


def create_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` with confwatch's connection settings."""
    url = normalise_url(url)
    if not is_sqlite(url):
        # Named, so an operator sees who holds a connection (pg_stat_activity), unless the URL
        # names it already.
        if "application_name" not in make_url(url).query:
            kwargs.setdefault("connect_args", {}).setdefault("application_name", APPLICATION)
        return sa.create_engine(url, pool_pre_ping=True, **kwargs)
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level; SQLAlchemy's "begin" hook below emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
