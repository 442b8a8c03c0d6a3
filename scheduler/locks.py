"""Named locks shared by every confwatch process using one database.

Two crawls of one source must not run at once, and only one ``serve`` may run the schedule
(APScheduler 3 must not share a job store between processes). With the embedded SQLite file the
lock is an ``flock`` on ``CONFWATCH_HOME/locks/NAME.lock``; with PostgreSQL it is a session-level
advisory lock held on its own connection, so it also holds across machines. Both are released by
the operating system or the server when the holder dies: no stale locks after ``kill -9``.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import Settings


class Busy(ConfwatchError):
    """Someone else holds the lock."""


def _key(name: str) -> int:
    return int.from_bytes(
        hashlib.sha256(f"confwatch:{name}".encode()).digest()[:8], "big", signed=True
    )


@contextmanager
def hold(settings: Settings, name: str) -> Iterator[None]:
    """Hold lock ``name`` or raise ``Busy`` at once (never waits)."""
    if settings.database_url.startswith(("postgresql", "postgres")):
        with _pg_lock(settings.database_url, name):
            yield
        return
    folder = settings.home / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"{name} is already running in another process") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)


@contextmanager
def _pg_lock(url: str, name: str) -> Iterator[None]:
    import psycopg

    from confwatch.store.db import normalise_url

    raw = normalise_url(url).replace("postgresql+psycopg://", "postgresql://")
    conn: Any = psycopg.connect(raw, autocommit=True)
    try:
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", (_key(name),)).fetchone()[0]
        if not got:
            raise Busy(f"{name} is already running in another process")
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_key(name),))
    finally:
        conn.close()
