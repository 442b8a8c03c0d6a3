"""Store write rate (step 4): items/s on SQLite and PostgreSQL, with durable commits.

Four ways of writing the same sightings, each on a fresh, migrated database:

- ``record``: ``Store.record()`` once per item, one transaction each;
- ``record_many``: the production path, ``Store.record_many()`` once per page batch of
  ``BATCH`` items, one transaction each (what the crawl pipeline calls);
- ``record_batched``: ``recording.record()`` item by item, one transaction per page batch
  (batched commits without the batched statements);
- ``core_executemany``: new events, sightings and revisions inserted with SQLAlchemy Core
  executemany, one transaction per batch: the headroom, not a drop-in (no matching, no diffing).

SQLite runs as production opens it (WAL, ``synchronous=NORMAL``: durable across a process crash,
not across power loss) and with ``synchronous=FULL`` (durable across power loss). PostgreSQL
runs with the server's ``synchronous_commit`` (reported).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from confwatch.store import changes as ch
from confwatch.store import migrate, recording
from confwatch.store.api import Store
from confwatch.store.models import CRAWL_RUN, EVENT, REVISION, SIGHTING
from confwatch.store.records import EventFields, RunInfo, Sighting

PG_URL = os.environ.get("CONFWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BATCH = 100  # items per transaction in the batched variants: about one listing page's worth
NOW = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)


def sightings(count: int, *, revision: int = 0) -> list[Sighting]:
    """``count`` distinct events as the OSCE spider would report them."""
    out = []
    for i in range(count):
        start = dt.date(2026, 2, 1) + dt.timedelta(days=i % 400)
        fields = EventFields(
            title=f"Regional Workshop on Preventing Violent Extremism no. {i}",
            start_date=start,
            end_date=start + dt.timedelta(days=1),
            city="Vienna",
            country="AT",
            organisers=["OSCE Transnational Threats Department"],
            topics=["P/CVE"],
            description=f"Participants share good practices (revision {revision}).",
            url=f"https://www.osce.org/event/workshop-{i}",
        )
        out.append(
            Sighting(
                source="osce",
                url=fields.url or "",
                fields=fields,
                raw={"title": fields.title},
                seen_at=NOW,
            )
        )
    return out


@contextmanager
def database(backend: str, workdir: Path) -> Iterator[str]:
    """A fresh migrated database URL: a SQLite file, or a PostgreSQL schema dropped afterwards."""
    if backend.startswith("sqlite"):
        path = workdir / f"store-{uuid.uuid4().hex[:8]}.db"
        url = f"sqlite:///{path}"
        migrate.upgrade(url)
        try:
            yield url
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    try:
        migrate.upgrade(url)
        yield url
    finally:
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def open_store(url: str, backend: str) -> Store:
    store = Store.open(url)
    if backend == "sqlite-full":

        @event.listens_for(store.engine, "connect")
        def _full(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA synchronous=FULL")

    return store


def write_record(store: Store, run: RunInfo, items: list[Sighting]) -> None:
    for item in items:
        store.record(run, item)


def write_record_many(store: Store, run: RunInfo, items: list[Sighting]) -> None:
    for start in range(0, len(items), BATCH):
        store.record_many(run, items[start : start + BATCH])


def write_record_batched(store: Store, run: RunInfo, items: list[Sighting]) -> None:
    lock_rows = store.engine.dialect.name != "sqlite"
    for start in range(0, len(items), BATCH):
        with store._writer.begin() as conn:  # one commit per batch, the same rules per item
            for item in items[start : start + BATCH]:
                recording.record(conn, run, item, NOW, lock_rows=lock_rows)


def write_core(store: Store, run: RunInfo, items: list[Sighting]) -> None:
    """New events only: three executemany INSERTs and one counter UPDATE per batch."""
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        with store._writer.begin() as conn:
            events = []
            for item in batch:
                uid = recording.event_uid(item.source, item.url)
                events.append(
                    {
                        "uid": uid,
                        "first_seen": NOW,
                        "last_seen": NOW,
                        "last_changed": NOW,
                        "fingerprint": ch.fingerprint(item.fields),
                        "revision_count": 1,
                        **recording.event_values(item.fields),
                    }
                )
            ids = (
                conn.execute(
                    sa.insert(EVENT).returning(EVENT.c.id, sort_by_parameter_order=True), events
                )
                .scalars()
                .all()
            )
            conn.execute(
                sa.insert(SIGHTING),
                [
                    {
                        "source": item.source,
                        "url": item.url,
                        "event_id": event_id,
                        "fields": item.fields.to_json(),
                        "raw": item.raw,
                        "first_seen": NOW,
                        "last_seen": NOW,
                        "last_run_id": run.id,
                        "match_score": None,
                    }
                    for item, event_id in zip(batch, ids, strict=True)
                ],
            )
            conn.execute(
                sa.insert(REVISION),
                [
                    {
                        "event_id": event_id,
                        "seq": 1,
                        "uid": f"{values['uid']}-r1",
                        "kind": "new",
                        "changes": [
                            {"field": c.field, "old": c.old, "new": c.new}
                            for c in ch.creation(item.fields)
                        ],
                        "snapshot": item.fields.to_json(),
                        "at": NOW,
                        "run_id": run.id,
                        "source": run.source,
                    }
                    for item, event_id, values in zip(batch, ids, events, strict=True)
                ],
            )
            conn.execute(
                sa.update(CRAWL_RUN)
                .where(CRAWL_RUN.c.id == run.id)
                .values(items=CRAWL_RUN.c["items"] + len(batch), new=CRAWL_RUN.c.new + len(batch))
            )


VARIANTS: dict[str, Callable[[Store, RunInfo, list[Sighting]], None]] = {
    "record": write_record,
    "record_many": write_record_many,
    "record_batched": write_record_batched,
    "core_executemany": write_core,
}


def measure(backend: str, variant: str, count: int, workdir: Path) -> dict[str, float]:
    """Items/s writing ``count`` new events, then (record variants) the same again unchanged."""
    write = VARIANTS[variant]
    new_items = sightings(count)
    out: dict[str, float] = {}
    with database(backend, workdir) as url, open_store(url, backend) as store:
        run = store.begin_run("osce", now=NOW)
        # A full collection before each phase: one the set-up left due (migrating and
        # opening allocate a lot, ~50 ms to collect) would otherwise land in whichever
        # phase happens to cross the threshold, and swap from one phase to the other
        # when a change allocates less.
        gc.collect()
        started = time.perf_counter()
        write(store, run, new_items)
        out["new_per_s"] = count / (time.perf_counter() - started)
        if variant != "core_executemany":
            again = sightings(count)  # identical content: all "unchanged"
            gc.collect()
            started = time.perf_counter()
            write(store, run, again)
            out["unchanged_per_s"] = count / (time.perf_counter() - started)
        with store.engine.connect() as conn:
            stored = conn.execute(sa.select(sa.func.count()).select_from(EVENT)).scalar_one()
        if stored != count:
            raise RuntimeError(f"{backend}/{variant}: {stored} events stored, expected {count}")
    return out


def postgres_settings() -> dict[str, str] | None:
    """The server's durability settings, or None when PostgreSQL is not reachable."""
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3) as conn:
            return {
                name: str(conn.execute(f"SHOW {name}").fetchone()[0])  # type: ignore[index]
                for name in ("synchronous_commit", "fsync", "server_version")
            }
    except Exception:  # not reachable here: the run reports PostgreSQL as not measured
        return None
