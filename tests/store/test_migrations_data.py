"""Upgrading a database that holds data loses none of it, step by step, on both backends.

At every revision, realistic rows go into each table that exists there (plain SQL, so the test
does not depend on today's models); the database is upgraded one revision; every row written so
far must still be there with every value it had. Columns a later revision adds are filled only
from then on. A new migration is covered as soon as it exists; a new table or NOT NULL column
needs its sample values below (the test fails and says which).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from confwatch.store.db import create_engine
from confwatch.store.migrate import config, current, head, upgrade

T0 = dt.datetime(2019, 6, 20, 8, 30, 15)


def _j(value: Any) -> str:
    return json.dumps(value)


# Sample row number n of each table, with every column any revision has; a revision that lacks
# a column simply does not get it. Parents come first; ``ids`` holds their newest row's id.
ROWS: dict[str, Callable[[int, dict[str, int]], dict[str, Any]]] = {
    "source": lambda n, ids: {
        "key": f"src-{n}",
        "name": f"Ministry {n} news",
        "organisation": "Ministry of Foreign Affairs",
        "base_url": f"https://mfa{n}.example/en/news",
        "kind": "generic",
    },
    "crawl_run": lambda n, ids: {
        "source": f"src-{n}",
        "started_at": T0 + dt.timedelta(hours=n),
        "finished_at": T0 + dt.timedelta(hours=n, minutes=3),
        "status": "partial",
        "pages": 12 + n,
        "items": 4,
        "new": 1,
        "changed": 2,
        "unchanged": 1,
        "errors": _j([{"url": f"https://mfa{n}.example/x", "message": "HTTP 500"}]),
        "stats": _j({"not_modified": 7, "bytes": 93290 + n, "finish_reason": "finished"}),
        "kind": "reextract",
    },
    "event": lambda n, ids: {
        "uid": f"evt-{n:04d}-a1b2c3",
        "title": f"Regional Conference on Countering Violent Extremism {n} – “Whole of Society”",
        "start_date": dt.date(2019, 6, 20 + n % 5),
        "end_date": dt.date(2019, 6, 21 + n % 5),
        "city": "Ulaanbaatar",
        "country": "MN",
        "organisers": _j(["OSCE", "UNOCT"]),
        "topics": _j(["P/CVE", "youth"]),
        "description": "Two days of panels.\nÜbersicht: ok",
        "url": f"https://polis.osce.org/event-{n}",
        "registration_deadline": dt.date(2019, 6, 1),
        "documents": _j([{"title": "Agenda", "url": "https://polis.osce.org/agenda.pdf"}]),
        "status": "scheduled",
        "first_seen": T0,
        "last_seen": T0 + dt.timedelta(days=n),
        "last_changed": T0 + dt.timedelta(days=1),
        "fingerprint": f"{n:064x}",
        "revision_count": 2,
        "merged_into": None,
    },
    "page_state": lambda n, ids: {
        "url": f"https://www.osce.org/event/e{n}",
        "source": "osce",
        "etag": f'W/"{n}-abc"',
        "last_modified": "Wed, 12 Jun 2019 10:00:00 GMT",
        "content_hash": f"{n:064x}",
        "last_status": 200,
        "last_fetched": T0,
        "last_changed": T0 - dt.timedelta(days=3),
        "body": b"x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15",
        "extraction": f"2026.15.{n}/0123456789abcdef",
        "read_on": dt.date(2019, 6, 20),
    },
    "revision": lambda n, ids: {
        "event_id": ids["event"],
        "seq": 1,
        "uid": f"evt-{n:04d}-a1b2c3/1",
        "kind": "changed",
        "changes": _j([{"field": "start_date", "old": "2019-06-19", "new": "2019-06-20"}]),
        "snapshot": _j({"title": "Conference", "city": "Ulaanbaatar"}),
        "at": T0,
        "run_id": ids["crawl_run"],
        "source": "osce",
        "cause": "correction",
    },
    "sighting": lambda n, ids: {
        "source": "osce",
        "url": f"https://polis.osce.org/event-{n}",
        "event_id": ids["event"],
        "fields": _j({"title": "Conference", "start_date": "2019-06-20"}),
        "raw": _j({"date_text": "20-21 June 2019", "place_text": "Ulaanbaatar, Mongolia"}),
        "first_seen": T0,
        "last_seen": T0 + dt.timedelta(days=2),
        "last_run_id": ids["crawl_run"],
        "match_score": 0.875,
        "missed_runs": 2,
        "withdrawn": False,
    },
    "subscriber": lambda n, ids: {
        "email": f"analyst{n}@example.org",
        "name": f"Analyst {n}",
        "frequency": "weekly",
        "organisers": _j(["OSCE"]),
        "countries": _j(["MN", "AT"]),
        "topics": _j([]),
        "keywords": _j(["youth"]),
        "health_notes": True,
        "active": True,
        "origin": "cli",
        "created_at": T0,
        "updated_at": T0 + dt.timedelta(days=1),
    },
    "outbox": lambda n, ids: {
        "subscriber_id": ids["subscriber"],
        "period": f"2019-W{20 + n}",
        "recipient": f"analyst{n}@example.org",
        "message_id": f"<digest-{n}@confwatch>",
        "subject": "[confwatch] 2 new",
        "message": "From: x\n\nBody",
        "new": 2,
        "changed": 0,
        "status": "sent",
        "created_at": T0,
        "attempts": 1,
        "last_error": None,
        "sending_since": None,
        "sent_at": T0 + dt.timedelta(minutes=1),
    },
}


def revisions() -> list[str]:
    """Every revision from the first to head, oldest first."""
    scripts = ScriptDirectory.from_config(config())
    return [s.revision for s in reversed(list(scripts.walk_revisions("base", "heads")))]


def insert_rows(conn: sa.Connection, n: int) -> None:
    inspector = sa.inspect(conn)
    tables = set(inspector.get_table_names())
    ids: dict[str, int] = {}
    for table, make in ROWS.items():
        if table not in tables:
            continue
        columns = {c["name"]: c for c in inspector.get_columns(table)}
        row = {k: v for k, v in make(n, ids).items() if k in columns}
        unknown = [
            name
            for name, c in columns.items()
            if name not in row and name != "id" and not c["nullable"] and c.get("default") is None
        ]
        assert not unknown, f"sample values needed for {table}: {unknown}"
        names = ", ".join(f'"{k}"' for k in row)
        params = ", ".join(f":{k}" for k in row)
        conn.execute(sa.text(f'INSERT INTO "{table}" ({names}) VALUES ({params})'), row)
        ids[table] = conn.execute(sa.text(f'SELECT max(id) FROM "{table}"')).scalar_one()


def snapshot(conn: sa.Connection) -> dict[str, list[dict[str, Any]]]:
    tables = [t for t in sa.inspect(conn).get_table_names() if t != "alembic_version"]
    return {
        t: [dict(r._mapping) for r in conn.execute(sa.text(f'SELECT * FROM "{t}" ORDER BY id'))]
        for t in tables
    }


def test_upgrade_step_by_step_keeps_every_row_and_value(database_url: str) -> None:
    steps = revisions()
    assert steps[-1] == head() and len(steps) >= 2
    engine = create_engine(database_url)
    before: dict[str, list[dict[str, Any]]] = {}
    try:
        for n, revision in enumerate(steps, start=1):
            upgrade(database_url, revision)
            assert current(database_url) == revision
            if n > 1:
                with engine.connect() as conn:
                    after = snapshot(conn)
                for table, rows in before.items():
                    assert len(after[table]) == len(rows), f"{revision}: {table} lost rows"
                    for old, new in zip(rows, after[table], strict=True):
                        assert {k: new[k] for k in old} == old, (
                            f"{revision}: {table} row {old['id']} changed"
                        )
            with engine.begin() as conn:
                insert_rows(conn, n)
            with engine.connect() as conn:
                before = snapshot(conn)
            assert all(len(rows) == n for t, rows in before.items() if t in ("event", "sighting"))
    finally:
        engine.dispose()
