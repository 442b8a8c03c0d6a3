"""Recording a stored page read again: what changes is a correction, not news from the site.

``record_reading(conn, run, page, sightings, when)`` runs inside the caller's transaction. The
page's body is the one a crawl read before, so its new reading REPLACES what that reading gave:

- a sighting read again takes the new fields as they are (unlike a crawl, where a value the page
  no longer gives is kept: here the value was confwatch's misreading, and null beats wrong);
- a sighting of the page that the new reading no longer finds is withdrawn at once (the same body
  no longer announces it: no need to wait for ``withdrawal.WITHDRAWN_AFTER`` crawls);
- an event found only by the new reading is created as "new" (the site did announce it).

Every revision this writes has ``cause = "correction"``; it never moves a sighting's or an
event's ``last_seen`` (nothing was fetched). The run's counters move as for a crawl's items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from confwatch.store import recording
from confwatch.store.match import find_match
from confwatch.store.models import SIGHTING
from confwatch.store.records import CORRECTION, Outcome, RunInfo, Sighting
from confwatch.store.withdrawal import WITHDRAWN_AFTER

_b = sa.bindparam
_FIND = sa.select(
    SIGHTING.c.id, SIGHTING.c.event_id, SIGHTING.c.fields, SIGHTING.c.withdrawn
).where(SIGHTING.c.source == _b("b_source"), SIGHTING.c.url == _b("b_url"))
_UPDATE = sa.update(SIGHTING).where(SIGHTING.c.id == _b("b_id"))


@dataclass
class Reading:
    """What reading one stored page again did."""

    outcomes: list[Outcome] = field(default_factory=list)  # one per sighting, in order
    withdrawn: list[int] = field(default_factory=list)  # events a sighting was withdrawn from


def record_reading(
    conn: Connection,
    run: RunInfo,
    page: str,
    sightings: Sequence[Sighting],
    when: dt.datetime,
    *,
    lock_rows: bool,
) -> Reading:
    """Record the sightings read again from ``page`` (its URL, without a fragment) as
    corrections. Raises ``recording.RunNotRunning`` for a finished run, writing nothing."""
    reading = Reading()
    for sighting in sightings:
        reading.outcomes.append(_correct(conn, run, sighting, when, lock_rows))
    found = {s.url for s in sightings}
    on_page = sa.and_(
        SIGHTING.c.source == run.source,
        sa.or_(SIGHTING.c.url == page, SIGHTING.c.url.startswith(page + "#", autoescape=True)),
    )
    gone = [
        row
        for row in conn.execute(
            sa.select(
                SIGHTING.c.id, SIGHTING.c.url, SIGHTING.c.event_id, SIGHTING.c.missed_runs
            ).where(on_page, SIGHTING.c.withdrawn.is_(sa.false()))
        )
        if row.url not in found
    ]
    for row in gone:
        missed = max(row.missed_runs, WITHDRAWN_AFTER)
        conn.execute(_UPDATE, {"b_id": row.id, "missed_runs": missed, "withdrawn": True})
    for event_id in sorted({row.event_id for row in gone}):
        recording._refresh(conn, run, run.source, event_id, when, lock_rows, cause=CORRECTION)
        reading.withdrawn.append(event_id)
    tally = {"b_id": run.id, "b_items": len(sightings), "b_new": 0, "b_changed": 0}
    tally["b_unchanged"] = 0
    for outcome in reading.outcomes:
        tally[f"b_{outcome.kind}"] += 1
    if conn.execute(recording._COUNT_BATCH, tally).rowcount != 1:
        # Raising rolls the whole transaction back: a finished run records nothing.
        raise recording.RunNotRunning(f"run {run.id} ({run.source}) is not running")
    return reading


def _correct(
    conn: Connection, run: RunInfo, sighting: Sighting, when: dt.datetime, lock_rows: bool
) -> Outcome:
    row = conn.execute(_FIND, {"b_source": sighting.source, "b_url": sighting.url}).first()
    if row is None:
        match = find_match(sighting.fields, recording._candidates(conn, sighting))
        if match is None:
            return recording._create(conn, run, sighting, when, cause=CORRECTION)
        recording._insert_sighting(conn, run, sighting, match.event_id, when, match.score)
        outcome = recording._refresh(
            conn, run, run.source, match.event_id, when, lock_rows, cause=CORRECTION
        )
        recording._settle_uid(conn, run, match.event_id)
        return outcome
    fields = sighting.fields.to_json()
    values = {"b_id": row.id, "fields": fields, "raw": sighting.raw, "last_run_id": run.id}
    conn.execute(_UPDATE, {**values, "missed_runs": 0, "withdrawn": False})
    if row.fields == fields and not row.withdrawn:
        return Outcome(kind="unchanged", event_id=row.event_id)
    return recording._refresh(
        conn, run, run.source, row.event_id, when, lock_rows, cause=CORRECTION
    )
