"""Opening the store for a command: the embedded SQLite file is migrated on first use; any other
database must have been upgraded by ``confwatch db upgrade`` (we never migrate a shared server
behind an operator's back)."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from confwatch.errors import ConfigError
from confwatch.scheduler.config import Settings
from confwatch.store import migrate
from confwatch.store.api import SourceInfo, Store
from confwatch.store.db import redact_url


def open_store(settings: Settings, *, sync_sources: bool = True) -> Store:
    if settings.embedded_database:
        settings.home.mkdir(parents=True, exist_ok=True)
        if not migrate.is_current(settings.database_url):
            # Two commands starting on a fresh home at once: one migrates, the other waits.
            with _waiting_lock(settings.home / "locks" / "migrate.lock"):
                if not migrate.is_current(settings.database_url):
                    migrate.upgrade(settings.database_url)
    else:
        try:
            current = migrate.is_current(settings.database_url)
        except Exception as exc:
            raise ConfigError(
                f"database {redact_url(settings.database_url)}: cannot connect: "
                f"{type(exc).__name__}: {_first_line(exc)}"
            ) from None
        if not current:
            raise ConfigError(
                f"database {redact_url(settings.database_url)} is not at the latest "
                "schema: run 'confwatch db upgrade'"
            )
    store = Store.open(settings.database_url)
    if sync_sources:
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
    return store


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
