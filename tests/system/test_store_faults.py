"""A store write that fails never costs a conference for good.

The faults are real database errors, not patched code: SQLite triggers that abort the write of
chosen rows (the sightings of some pages, their events, revisions or page states, and the error
record written after a failure), and a real full disk (a small tmpfs the test mounts). After the
faulty crawl, the database is healed and crawled twice more: every conference must be stored, and
the faulty crawl must have said that it failed (exit 1, run not ``ok``).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.conftest import PG_URL
from tests.system.conftest import (
    CITIES,
    FaultySite,
    add_event_pages,
    confwatch,
    crawl,
    stored,
)

NAMES = [f"ev{n:02d}" for n in range(20)]
BROKEN = [3, 9, 15]  # pages whose writes fail
BROKEN_CITIES = ", ".join(f"'{CITIES[n][0]}'" for n in BROKEN)

_ABORT = "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
_OF_BROKEN_PAGES = "NEW.url IN ({urls})"
TRIGGERS = {
    "sightings": [f"BEFORE INSERT ON sighting WHEN {_OF_BROKEN_PAGES} {_ABORT}"],
    "events": [f"BEFORE INSERT ON event WHEN NEW.city IN ({BROKEN_CITIES}) {_ABORT}"],
    "revisions": [
        "BEFORE INSERT ON revision WHEN NEW.event_id IN "
        f"(SELECT id FROM event WHERE city IN ({BROKEN_CITIES})) {_ABORT}"
    ],
    "page states": [f"BEFORE INSERT ON page_state WHEN {_OF_BROKEN_PAGES} {_ABORT}"],
    "sightings and the error record": [
        f"BEFORE INSERT ON sighting WHEN {_OF_BROKEN_PAGES} {_ABORT}",
        f"BEFORE UPDATE OF errors ON crawl_run {_ABORT}",
    ],
}


def _database(env: dict[str, str]) -> Path:
    path = Path(env["CONFWATCH_HOME"]) / "confwatch.db"
    done = confwatch(env, "db", "upgrade")
    assert done.returncode == 0, done.stderr
    return path


def _break(db: Path, statements: list[str], urls: list[str]) -> None:
    quoted = ", ".join(f"'{u}'" for u in urls)
    with sqlite3.connect(db) as conn:
        for n, body in enumerate(statements):
            conn.execute(f"CREATE TRIGGER fault_{n} {body.format(urls=quoted)}")


def _heal(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        for name in names:
            if name.startswith("fault_"):
                conn.execute(f"DROP TRIGGER {name}")


def _cities(env: dict[str, str]) -> set[str | None]:
    return {fields.city for fields in stored(env).values()}


@pytest.mark.parametrize("fault", list(TRIGGERS))
def test_failed_store_write_loses_no_conference_once_the_store_heals(
    fault: str, site: FaultySite, env: dict[str, str]
) -> None:
    urls = add_event_pages(site.root, NAMES)
    broken = [urls[n] for n in BROKEN]
    db = _database(env)
    _break(db, TRIGGERS[fault], broken)

    first = crawl(env)

    assert first.exit == 1, first.stderr[-3000:]
    assert first.run["status"] == "partial"
    for url in broken:  # each failed page is named, in the run or (if that failed too) the log
        assert url in str(first.errors) or url in first.stderr, (url, first.errors)
    assert not _cities(env) & {CITIES[n][0] for n in BROKEN}

    _heal(db)
    second, third = crawl(env), crawl(env)

    assert second.exit == 0 and second.run["status"] == "ok", second.errors
    assert third.exit == 0 and third.run["new"] == 0 and third.run["changed"] == 0
    assert _cities(env) >= {city for city, _ in CITIES}, sorted(map(str, _cities(env)))
    assert len(stored(env)) == len(NAMES) + 2  # the site's own two conferences too


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 6 MB filesystem (tmpfs), unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must be able to mount a tmpfs: {done.stderr.strip()}")
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Take all but ``leave`` bytes of the filesystem."""
    filler = disk / f"filler-{uuid.uuid4().hex[:6]}"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, free - leave))
    return filler


def test_full_disk_during_a_crawl_loses_no_conference_once_space_is_freed(
    small_disk: Path, site: FaultySite, env: dict[str, str]
) -> None:
    add_event_pages(site.root, NAMES)
    env = dict(env, DATABASE_URL=f"sqlite:///{small_disk / 'confwatch.db'}")
    done = confwatch(env, "db", "upgrade")
    assert done.returncode == 0, done.stderr
    # The schema, and room for the run to begin and for a few pages: then the disk is full.
    filler = _fill(small_disk, leave=160 * 1024)

    first = confwatch(env, "crawl", "conf-test", "--json", "--no-feeds")

    # The run may not even be closable on a full disk: the crawl says so in plain words.
    assert first.returncode == 1, first.stderr[-3000:]
    assert "disk is full" in first.stderr, first.stderr[-3000:]
    assert "Traceback" not in first.stderr and "unexpected" not in first.stderr

    filler.unlink()
    second, third = crawl(env), crawl(env)

    assert second.exit == 0 and second.run["status"] == "ok", second.errors
    assert third.exit == 0 and third.run["new"] == 0 and third.run["changed"] == 0
    assert _cities(env) >= {city for city, _ in CITIES}
    assert len(stored(env)) == len(NAMES) + 2


def _kill_store_connections(stop: threading.Event, killed: list[int]) -> None:
    """What an idle-connection killer or a failover does, again and again: every connection of
    the store (application_name ``confwatch``; the locks' connections are named apart)."""
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        while not stop.wait(0.3):
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'confwatch' AND pid <> pg_backend_pid()"
            ).fetchall()
            killed.extend(1 for (done,) in rows if done)


def test_store_connections_killed_during_a_crawl_lose_no_conference(
    site: FaultySite, env: dict[str, str], postgres_url: str
) -> None:
    add_event_pages(site.root, NAMES)
    env = dict(env, DATABASE_URL=postgres_url, CONFWATCH_DOWNLOAD_DELAY="0.2")
    done = confwatch(env, "db", "upgrade")
    assert done.returncode == 0, done.stderr
    stop, killed = threading.Event(), []
    killer = threading.Thread(target=_kill_store_connections, args=(stop, killed))
    killer.start()
    try:
        first = confwatch(env, "crawl", "conf-test", "--json", "--no-feeds")
    finally:
        stop.set()
        killer.join()

    assert killed, "no store connection was killed during the crawl"
    # A lost connection is not bad configuration: exit 1 at worst, said in one line.
    assert first.returncode in (0, 1), first.stderr[-3000:]
    assert "Traceback" not in first.stderr and "Error: unexpected" not in first.stderr

    env = dict(env, CONFWATCH_DOWNLOAD_DELAY="0")
    second, third = crawl(env), crawl(env)

    assert second.exit == 0 and second.run["status"] == "ok", second.errors
    assert third.exit == 0 and third.run["new"] == 0 and third.run["changed"] == 0
    assert _cities(env) >= {city for city, _ in CITIES}
    assert len(stored(env)) == len(NAMES) + 2
