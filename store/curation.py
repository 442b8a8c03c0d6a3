"""An operator's corrections of the matching: merge two events, split a source off an event.

Both act on sightings, the store's ground truth, so they survive later crawls without any rule of
their own: a re-crawl finds its (source, url) sighting and follows it to wherever the operator
put it, and matching only ever runs for pages never seen before.

- ``merge(keep, other)``: every sighting of ``other`` moves to ``keep``; ``other`` stays in the
  database with ``merged_into`` set (its published feed entries keep their ids) but is no longer
  listed, matched or revised. ``keep`` is recomputed and revised if its fields changed.
- ``split(event, source)``: the sightings of ``source`` leave ``event`` for a new event of their
  own; both are recomputed. The new event's uid derives from the old one and the source, so it is
  stable for the same decision.

``ambiguous()`` lists pairs the matcher left apart but an operator may want to merge: overlapping
dates, no conflicting place, titles similar but below the match threshold.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from confwatch.errors import ConfwatchError
from confwatch.store import changes as ch
from confwatch.store import recording
from confwatch.store.match import THRESHOLD, dates_overlap, plain, title_score
from confwatch.store.models import EVENT, REVISION, SIGHTING
from confwatch.store.records import EventFields, Outcome

AMBIGUOUS_FROM = 55.0  # title similarity worth showing an operator


@dataclass(frozen=True)
class AmbiguousPair:
    first: int
    second: int
    score: float
    first_title: str
    second_title: str


def _live_event(conn: Connection, event_id: int) -> sa.Row:  # type: ignore[type-arg]
    row = conn.execute(sa.select(EVENT).where(EVENT.c.id == event_id)).first()
    if row is None:
        raise ConfwatchError(f"no event with id {event_id}", exit_code=2)
    if row.merged_into is not None:
        raise ConfwatchError(
            f"event {event_id} was merged into event {row.merged_into}", exit_code=2
        )
    return row


def merge(
    conn: Connection, keep: int, other: int, when: dt.datetime, *, lock_rows: bool
) -> Outcome:
    if keep == other:
        raise ConfwatchError("cannot merge an event with itself", exit_code=2)
    _live_event(conn, keep)
    _live_event(conn, other)
    conn.execute(sa.update(SIGHTING).where(SIGHTING.c.event_id == other).values(event_id=keep))
    conn.execute(sa.update(EVENT).where(EVENT.c.id == other).values(merged_into=keep))
    return recording.refresh(conn, keep, when, source="operator", lock_rows=lock_rows)


def split(
    conn: Connection, event_id: int, source: str, when: dt.datetime, *, lock_rows: bool
) -> tuple[Outcome, Outcome]:
    """(the new event's outcome, the old event's outcome)."""
    event = _live_event(conn, event_id)
    rows = conn.execute(
        sa.select(SIGHTING.c.id, SIGHTING.c.source).where(SIGHTING.c.event_id == event_id)
    ).all()
    moving = [r.id for r in rows if r.source == source]
    if not moving:
        raise ConfwatchError(f"event {event_id} has no page from source {source!r}", exit_code=2)
    if len(moving) == len(rows):
        raise ConfwatchError(
            f"event {event_id} is described only by {source!r}: nothing to split off", exit_code=2
        )
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"split {event.uid} {source}").hex
    taken = conn.execute(sa.select(EVENT.c.id).where(EVENT.c.uid == uid)).first()
    if taken is not None:
        # The same split was made before and merged back since: revive that event.
        new_id = int(taken.id)
        conn.execute(sa.update(EVENT).where(EVENT.c.id == new_id).values(merged_into=None))
    else:
        placeholder = {
            **recording.event_values(EventFields(title=event.title)),
            "uid": uid,
            "first_seen": when,
            "last_seen": when,
            "last_changed": when,
            "fingerprint": "",
            "revision_count": 0,
        }
        new_id = recording.new_id(conn.execute(sa.insert(EVENT).values(placeholder)))
    conn.execute(sa.update(SIGHTING).where(SIGHTING.c.id.in_(moving)).values(event_id=new_id))
    created = _created(conn, new_id, uid, when)
    remaining = recording.refresh(conn, event_id, when, source="operator", lock_rows=lock_rows)
    return created, remaining


def _created(conn: Connection, event_id: int, uid: str, when: dt.datetime) -> Outcome:
    fields = recording.canonical_fields(conn, event_id)
    seq = (
        int(
            conn.execute(
                sa.select(sa.func.coalesce(sa.func.max(REVISION.c.seq), 0)).where(
                    REVISION.c.event_id == event_id
                )
            ).scalar_one()
        )
        + 1
    )
    conn.execute(
        sa.update(EVENT)
        .where(EVENT.c.id == event_id)
        .values(
            **recording.event_values(fields),
            fingerprint=ch.fingerprint(fields),
            revision_count=seq,
            last_changed=when,
            last_seen=when,
        )
    )
    created = ch.creation(fields)
    recording._insert_revision(
        conn, None, "operator", event_id, uid, seq, "new", created, fields, when
    )
    return Outcome(kind="new", event_id=event_id, changes=created)


def ambiguous(conn: Connection, *, limit: int = 50) -> list[AmbiguousPair]:
    rows = conn.execute(
        sa.select(EVENT)
        .where(EVENT.c.merged_into.is_(None), EVENT.c.start_date.is_not(None))
        .order_by(EVENT.c.start_date)
    ).all()
    sources: dict[int, set[str]] = {}
    for event_id, source in conn.execute(sa.select(SIGHTING.c.event_id, SIGHTING.c.source)):
        sources.setdefault(event_id, set()).add(source)
    fields = {r.id: recording.event_fields(r) for r in rows}
    pairs: list[AmbiguousPair] = []
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if b.start_date > (a.end_date or a.start_date):
                break
            fa, fb = fields[a.id], fields[b.id]
            if not dates_overlap(fa, fb) or sources.get(a.id, set()) & sources.get(b.id, set()):
                continue
            if any(
                x and y and plain(x) != plain(y)
                for x, y in ((fa.country, fb.country), (fa.city, fb.city))
            ):
                continue
            score = title_score(fa.title, fb.title)
            if AMBIGUOUS_FROM <= score < THRESHOLD:
                pairs.append(AmbiguousPair(a.id, b.id, score, fa.title, fb.title))
    pairs.sort(key=lambda p: -p.score)
    return pairs[:limit]
