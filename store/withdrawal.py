"""When a source stops announcing an event: counted over successful crawls, never guessed.

After a successful crawl (ok or partial), every sighting of the source whose page was fetched in
full in that crawl (200), or answered 404/410, without the event being recorded from it, counts a
miss; ``WITHDRAWN_AFTER`` misses in a row mark it withdrawn, and seeing it again resets both. A
failed crawl counts nothing, a 304 is not a miss (the page did not change), and a page the crawl
did not fetch (a past event's page outside its revisit cadence) says nothing either.
A withdrawn sighting no longer speaks for the event while another source still does.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from confwatch.store import recording
from confwatch.store.models import PAGE_STATE, SIGHTING

WITHDRAWN_AFTER = 3
GONE = (200, 404, 410)


def count_misses(
    conn: Connection,
    run_id: int,
    source: str,
    started_at: dt.datetime,
    when: dt.datetime,
    *,
    lock_rows: bool,
) -> list[int]:
    """Count this run's misses; returns the ids of events with a sighting newly withdrawn."""
    fetched = {
        url
        for (url,) in conn.execute(
            sa.select(PAGE_STATE.c.url).where(
                PAGE_STATE.c.source == source,
                PAGE_STATE.c.last_fetched >= started_at,
                PAGE_STATE.c.last_status.in_(GONE),
            )
        )
    }
    if not fetched:
        return []
    rows = conn.execute(
        sa.select(
            SIGHTING.c.id,
            SIGHTING.c.url,
            SIGHTING.c.event_id,
            SIGHTING.c.missed_runs,
            SIGHTING.c.withdrawn,
            SIGHTING.c.last_run_id,
        ).where(SIGHTING.c.source == source)
    ).all()
    newly: list[int] = []
    for row in rows:
        if row.last_run_id == run_id or row.url.split("#", 1)[0] not in fetched:
            continue
        missed = row.missed_runs + 1
        withdrawn = missed >= WITHDRAWN_AFTER
        conn.execute(
            sa.update(SIGHTING)
            .where(SIGHTING.c.id == row.id)
            .values(missed_runs=missed, withdrawn=withdrawn)
        )
        if withdrawn and not row.withdrawn:
            newly.append(row.event_id)
    for event_id in sorted(set(newly)):
        recording.refresh(conn, event_id, when, source=source, lock_rows=lock_rows)
    return sorted(set(newly))
