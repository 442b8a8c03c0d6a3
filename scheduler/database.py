"""Opening the store for a command: the embedded SQLite file is migrated on first use; any other
database must have been upgraded by ``confwatch db upgrade`` (we never migrate a shared server
behind an operator's back).

What can be wrong with the place the data lives is said here, in one line with exit status 2:
a CONFWATCH_HOME that cannot be created (a path longer than the system allows), a damaged file
(``store.integrity``), a database written by a newer confwatch (``store.migrate``). A home
nobody may write to (a read-only mount, another user's folder) is opened read-only, so reading
commands still work; a command that must write asks for ``for_writing`` and is told up front.
A command that only reads asks for ``reading``: a home with no store yet (never crawled, or not
there at all) is then read as an empty store, and nothing is created in it (``has_store``).
"""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import sqlalchemy as sa

from confwatch.errors import ConfigError, ConfwatchError
from confwatch.scheduler.config import Settings, default_database_url
from confwatch.scheduler.paths import shown, writable
from confwatch.store import integrity, migrate
from confwatch.store.api import SourceInfo, Store
from confwatch.store.db import create_engine, is_disconnect, read_only_url, redact_url


def open_store(
    settings: Settings,
    *,
    sync_sources: bool = True,
    for_writing: bool = False,
    verify: bool = False,
    reading: bool = False,
) -> Store:
    """The store, ready to use: ``with open_store(settings) as store:`` closes it however the
    block ends. ``verify`` first checks every page of a SQLite file (a damaged one raises
    DamagedDatabaseError); ``for_writing`` refuses a home that cannot be written; ``reading``
    (a command that writes nothing) reads a home with no store yet as an empty store, creating
    nothing there."""
    if reading and not for_writing and not has_store(settings):
        store: Store = ScratchStore()
        url = settings.database_url  # the scratch store takes the configured sources too
    else:
        url = settings.database_url
        try:
            if settings.embedded_database:
                url = _embedded(settings, for_writing=for_writing)
            else:
                _check_server(settings)
            if verify:
                integrity.check(url, shown_as=settings.database_url)
            store = Store.open(url)
        except sa.exc.DBAPIError as exc:
            _raise_explained(settings, exc)
    if sync_sources and url == settings.database_url:  # a read-only store is left as it is
        try:
            store.sync_sources(
                [
                    SourceInfo(
                        key=s.key,
                        name=s.name,
                        organisation=s.organisation or None,
                        base_url=s.start_urls[0],
                        kind=s.kind,
                    )
                    for s in settings.sources
                ]
            )
        except BaseException as exc:
            store.close()  # nobody else holds it yet
            if isinstance(exc, sa.exc.DBAPIError):
                _raise_explained(settings, exc)
            raise
    return store


def has_store(settings: Settings) -> bool:
    """False when the store is the SQLite file in CONFWATCH_HOME and that file is not there yet
    (nothing was crawled into the home, or the home itself does not exist). Asks without creating
    anything; a home path the system refuses (too long, a file on the way) is a ConfigError."""
    if not settings.embedded_database:
        return True
    try:
        os.stat(settings.home / "confwatch.db")
    except FileNotFoundError:
        return False
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:  # a file where the home or a folder above it should be
            what = "is not a folder" if settings.home.exists() else "a file is in its way"
            raise ConfigError(f"CONFWATCH_HOME {shown(settings.home)}: {what}") from None
        raise ConfigError(f"CONFWATCH_HOME {shown(settings.home)}: {exc.strerror or exc}") from None
    return True


class ScratchStore(Store):
    """An empty store of the current schema in a temporary folder outside CONFWATCH_HOME: what a
    reading command reads where there is no store yet (``open_store(reading=True)``). Closing it
    deletes the folder."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="confwatch-empty-")
        url = default_database_url(Path(self._folder.name))
        try:
            migrate.upgrade(url)
            super().__init__(create_engine(url))
        except BaseException:
            self._folder.cleanup()
            raise

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._folder.cleanup()


def home_writable(settings: Settings) -> bool:
    """False when the embedded store will be (or was) opened read-only."""
    if not settings.embedded_database:
        return True
    return _make_home(settings.home) and writable(settings.home, *_sqlite_files(settings))


def require_writable_home(settings: Settings) -> None:
    """For commands that store their work in CONFWATCH_HOME (crawl, feeds, db upgrade...)."""
    home = settings.home
    if _make_home(home) and not writable(home, *_sqlite_files(settings)):
        raise not_writable(settings)


def not_writable(settings: Settings, reason: str = "") -> ConfigError:
    why = f" ({reason})" if reason else ""
    return ConfigError(
        f"CONFWATCH_HOME {shown(settings.home)} is not writable{why}: this command stores its "
        "work there; make it writable, or use the reading commands (status, events, sources)"
    )


def explain_database_error(settings: Settings, exc: BaseException) -> ConfwatchError | None:
    """The one line a user reads for a database failure that is theirs to fix; None for the
    others (they stay unexpected)."""
    if integrity.is_damage(exc):
        return integrity.damaged(settings.database_url, exc)
    if is_disconnect(exc):  # the work ran and failed: exit status 1
        return ConfwatchError(
            f"database {redact_url(settings.database_url)}: the connection was lost "
            f"({type(exc).__name__}: {_first_line(exc)}): run the command again"
        )
    if integrity.is_full(exc):  # the work ran and failed: exit status 1
        return ConfwatchError(
            f"database {redact_url(settings.database_url)}: the disk is full "
            f"({integrity.detail(exc)}): free some space, then run the command again"
        )
    if integrity.is_read_only(exc):
        if settings.embedded_database:
            return not_writable(settings, integrity.detail(exc))
        return ConfigError(
            f"database {redact_url(settings.database_url)} cannot be written "
            f"({integrity.detail(exc)})"
        )
    return None


def _raise_explained(settings: Settings, exc: sa.exc.DBAPIError) -> NoReturn:
    known = explain_database_error(settings, exc)
    if known is None:
        raise exc
    raise known from None


def _make_home(home: Path) -> bool:
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"CONFWATCH_HOME {shown(home)}: cannot create it: {exc.strerror or exc}"
        ) from None
    return True


def _sqlite_files(settings: Settings) -> list[Path]:
    db = settings.home / "confwatch.db"
    return [db, Path(f"{db}-wal"), Path(f"{db}-shm")]


def _embedded(settings: Settings, *, for_writing: bool) -> str:
    """The URL to open the SQLite file in CONFWATCH_HOME with, migrated when it can be."""
    home = settings.home
    _make_home(home)
    db = settings.home / "confwatch.db"
    if not writable(home, *_sqlite_files(settings)):
        if for_writing:
            raise not_writable(settings)
        if not db.is_file():
            raise ConfigError(
                f"CONFWATCH_HOME {shown(home)} is not writable and holds no database yet: "
                "make it writable and run 'confwatch db upgrade'"
            )
        url = read_only_url(db)
        try:
            current = migrate.is_current(url)
        except migrate.NewerSchemaError as exc:  # named by the URL the user knows
            raise migrate.NewerSchemaError(settings.database_url, exc.revision) from None
        if not current:
            raise ConfigError(
                f"CONFWATCH_HOME {shown(home)} is not writable, so its database cannot be "
                "upgraded to this version: make it writable and run 'confwatch db upgrade'"
            )
        return url
    # A fresh home's file is only touched under the lock: the first connection to a new file
    # turns it to WAL, and two doing so at once can fail at once ("database is locked") instead
    # of waiting, as SQLite does when a reader must upgrade while another writer holds the file.
    if not db.is_file() or not migrate.is_current(settings.database_url):
        # Two commands starting on a fresh home at once: one migrates, the other waits.
        with _waiting_lock(home / "locks" / "migrate.lock"):
            if not migrate.is_current(settings.database_url):
                migrate.upgrade(settings.database_url)
    return settings.database_url


def _check_server(settings: Settings) -> None:
    try:
        current = migrate.is_current(settings.database_url)
    except migrate.NewerSchemaError:
        raise
    except Exception as exc:
        known = explain_database_error(settings, exc)
        if known is not None:
            raise known from None
        raise ConfigError(
            f"database {redact_url(settings.database_url)}: cannot connect: "
            f"{type(exc).__name__}: {_first_line(exc)}"
        ) from None
    if not current:
        raise ConfigError(
            f"database {redact_url(settings.database_url)} is not at the latest "
            "schema: run 'confwatch db upgrade'"
        )


@contextmanager
def _waiting_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0][:200]
