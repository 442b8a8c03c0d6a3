"""Named locks shared by every confwatch process using one database, that notice their loss.

Two crawls of one source must not run at once, and only one ``serve`` may run the schedule
(APScheduler 3 must not share a job store between processes). With the embedded SQLite file the
lock is an ``flock`` on ``CONFWATCH_HOME/locks/NAME.lock``; with PostgreSQL it is a session-level
advisory lock held on its own connection, so it also holds across machines. Both are released by
the operating system or the server when the holder dies: no stale locks after ``kill -9``.

A PostgreSQL lock lives only as long as its connection, and a connection can die while its holder
lives on (a server restart, a failover, an idle-connection killer, ``pg_terminate_backend``). So
``hold`` yields a ``Held`` whose holder finds out (decision 0007): a watchdog thread asks the server
every ``CHECK_EVERY`` seconds whether the lock is still granted to this connection. When it is not,
or the connection is gone, the lock is *lost*: ``lock.lost`` is logged, ``Held.lost`` is set and
the holder's ``on_lost`` callbacks run, and the holder stops what the lock protected.
``Held.verify()`` asks at once. Whoever takes a lock that can be lost waits ``takeover_grace``
before doing what must not be done twice at once: a previous holder whose connection died has
noticed by then. Releasing never raises: a lock whose connection is gone is already free.

An flock cannot be lost while its holder lives: the descriptor is the holder's own.

PostgreSQL keys are scoped to the store's schema (``current_schema()``), so two installations
sharing one database in different schemas do not block each other.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import Settings
from confwatch.store.db import connect_postgres

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow

log = logging.getLogger("confwatch.locks")

CHECK_EVERY = 1.0  # seconds between two checks that a PostgreSQL lock is still ours
_NETWORK_TIMEOUT_MS = 5000  # a check on a silent network fails after this (TCP_USER_TIMEOUT)
# A new holder's wait: longer than a check's interval plus the longest a check can take.
TAKEOVER_GRACE = 2 * (CHECK_EVERY + _NETWORK_TIMEOUT_MS / 1000)

_GRANTED = (
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
    " AND granted AND objsubid = 1 AND classid::bigint = %s AND objid::bigint = %s"
)


class Busy(ConfwatchError):
    """Someone else holds the lock."""


def advisory_key(name: str, schema: str) -> int:
    """The PostgreSQL advisory lock key of ``name`` for the store in ``schema``.

    ``public`` keeps the key of earlier versions, so an upgraded process and one not yet upgraded
    still exclude each other."""
    scope = name if schema == "public" else f"{schema}:{name}"
    digest = hashlib.sha256(f"confwatch:{scope}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class Held:
    """A lock this process holds. This one (an flock) cannot be lost while the process lives."""

    takeover_grace = 0.0  # nothing to wait for: no previous holder can still be at work

    def __init__(self, name: str) -> None:
        self.name = name
        self.lost = threading.Event()
        self.reason = ""
        self._callbacks: list[Callable[[str], None]] = []
        self._guard = threading.Lock()

    def verify(self) -> bool:
        """Whether the lock is still ours, asked now."""
        return not self.lost.is_set()

    def on_lost(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(reason)`` once the lock is lost, from the watchdog's thread; at once if
        it already is."""
        with self._guard:
            if not self.lost.is_set():
                self._callbacks.append(callback)
                return
        callback(self.reason)

    def _lose(self, reason: str, *, notify: bool = True) -> None:
        with self._guard:
            if self.lost.is_set():
                return
            self.reason = reason
            self.lost.set()
            callbacks, self._callbacks = self._callbacks, []
        log.warning("lock.lost", extra={"lock": self.name, "reason": reason})
        for callback in callbacks if notify else []:
            try:
                callback(reason)
            except Exception:  # one holder's trouble must not keep the others from hearing
                log.exception("lock.callback_error", extra={"lock": self.name})


class _Advisory(Held):
    """A PostgreSQL session-level advisory lock on a connection of its own, and its watchdog."""

    takeover_grace = TAKEOVER_GRACE

    def __init__(self, name: str, conn: psycopg.Connection[TupleRow], key: int) -> None:
        super().__init__(name)
        self._conn = conn
        self._key = key
        self._parts = ((key >> 32) & 0xFFFFFFFF, key & 0xFFFFFFFF)  # as pg_locks shows a bigint
        self._released = threading.Event()
        self._io = threading.Lock()  # one statement at a time on the connection

    def verify(self) -> bool:
        if self.lost.is_set() or self._released.is_set():
            return False
        reason = self._check()
        if reason is None:
            return True
        if not self._released.is_set():  # not our own release closing the connection
            self._lose(reason)
        return False

    def _check(self) -> str | None:
        """None while the server grants us the lock; otherwise why it does not."""
        import psycopg

        try:
            with self._io:
                row = self._conn.execute(_GRANTED, self._parts).fetchone()
        except psycopg.Error as exc:
            return f"its database connection failed ({type(exc).__name__})"
        return None if row and row[0] else "the database no longer grants it"

    def watch(self) -> None:
        thread = threading.Thread(target=self._watch, name=f"lock:{self.name}", daemon=True)
        thread.start()

    def _watch(self) -> None:
        while not self._released.wait(CHECK_EVERY):
            if not self.verify():
                return

    def release(self) -> None:
        import psycopg

        self._released.set()
        with self._io:
            try:
                if not self.lost.is_set():
                    self._conn.execute("SELECT pg_advisory_unlock(%s)", (self._key,))
            except psycopg.Error as exc:
                # Gone with its connection, so already free for others: the work it guarded
                # is done, and whether that went well is for the work to say, not the lock.
                self._lose(
                    f"its database connection failed ({type(exc).__name__}), found on release",
                    notify=False,
                )
            finally:
                with contextlib.suppress(Exception):
                    self._conn.close()


@contextmanager
def hold(settings: Settings, name: str) -> Iterator[Held]:
    """Hold lock ``name`` or raise ``Busy`` at once (never waits)."""
    if settings.database_url.startswith(("postgresql", "postgres")):
        held = _take_advisory(settings.database_url, name)
        try:
            yield held
        finally:
            held.release()
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
        yield Held(name)
    finally:
        os.close(fd)


def _take_advisory(url: str, name: str) -> _Advisory:
    # Keepalives and a TCP user timeout: a check on a connection the network silently dropped
    # fails within seconds instead of hanging the watchdog for hours.
    conn = connect_postgres(
        url,
        application_name=f"confwatch lock {name}"[:63],
        connect_timeout=10,
        keepalives=1,
        keepalives_idle=5,
        keepalives_interval=2,
        keepalives_count=2,
        tcp_user_timeout=_NETWORK_TIMEOUT_MS,
    )
    try:
        row = conn.execute("SELECT current_schema()").fetchone()
        key = advisory_key(name, (row[0] if row else None) or "public")
        taken = conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()
        if not (taken and taken[0]):
            raise Busy(f"{name} is already running in another process")
    except BaseException:
        conn.close()
        raise
    held = _Advisory(name, conn, key)
    held.watch()
    return held
