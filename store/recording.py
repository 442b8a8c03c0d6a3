"""Recording one sighting: find or create its event, revise the event, count it on the run.

``record(conn, ...)`` runs inside the caller's transaction (``Store.record`` opens one per
item). Statements are built once at import with bind parameters: building a statement per call
cost more than executing it (profiled: SQLAlchemy's statement construction and cache-key
generation were ~60% of the time).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from confwatch.store import changes as ch
from confwatch.store.match import Candidate, find_match
from confwatch.store.models import CRAWL_RUN, EVENT, REVISION, SIGHTING, SOURCE
from confwatch.store.records import (
    Document,
    EventFields,
    FieldChange,
    Outcome,
    OutcomeKind,
    RunInfo,
    Sighting,
)

# Candidates for cross-source matching start at most this long before the new sighting: no
# conference lasts longer, and the bound keeps the candidate query on the start_date index.
MAX_EVENT_SPAN = dt.timedelta(days=60)

_b = sa.bindparam
_FIND_SIGHTING = sa.select(SIGHTING.c.id, SIGHTING.c.event_id, SIGHTING.c.fields).where(
    SIGHTING.c.source == _b("b_source"), SIGHTING.c.url == _b("b_url")
)
_UPDATE_SIGHTING = sa.update(SIGHTING).where(SIGHTING.c.id == _b("b_id"))
_INSERT_SIGHTING = sa.insert(SIGHTING)
_INSERT_EVENT = sa.insert(EVENT)
_INSERT_REVISION = sa.insert(REVISION)
_EVENT = sa.select(EVENT).where(EVENT.c.id == _b("b_id"))
_EVENT_FOR_UPDATE = _EVENT.with_for_update()
_UPDATE_EVENT = sa.update(EVENT).where(EVENT.c.id == _b("b_id"))
_EVENT_SIGHTINGS = (
    sa.select(SIGHTING.c.fields, SIGHTING.c.withdrawn, SOURCE.c.organisation)
    .select_from(SIGHTING.outerjoin(SOURCE, SOURCE.c.key == SIGHTING.c.source))
    .where(SIGHTING.c.event_id == _b("b_id"))
    .order_by(SIGHTING.c.first_seen, SIGHTING.c.id)
)
_SEEN_BY_SOURCE = (
    sa.select(SIGHTING.c.id)
    .where(SIGHTING.c.event_id == EVENT.c.id, SIGHTING.c.source == _b("b_source"))
    .exists()
)
_CANDIDATES = sa.select(EVENT).where(
    EVENT.c.start_date <= _b("b_end", type_=sa.Date),
    EVENT.c.start_date >= _b("b_low", type_=sa.Date),
    sa.func.coalesce(EVENT.c.end_date, EVENT.c.start_date) >= _b("b_start", type_=sa.Date),
    EVENT.c.merged_into.is_(None),
    ~_SEEN_BY_SOURCE,
)
_COUNT: dict[str, sa.Update] = {
    kind: sa.update(CRAWL_RUN)
    .where(CRAWL_RUN.c.id == _b("b_id"), CRAWL_RUN.c.status == "running")
    .values({"items": CRAWL_RUN.c["items"] + 1, kind: CRAWL_RUN.c[kind] + 1})
    for kind in ("new", "changed", "unchanged")
}


class RunNotRunning(ValueError):
    """record() on a run that has finished: nothing was written."""


def event_uid(source: str, url: str) -> str:
    """Stable across database rebuilds: derived from where the event was first seen."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{source} {url}").hex


def new_id(result: sa.CursorResult[Any]) -> int:
    """The primary key an INSERT of one row created."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def event_values(fields: EventFields) -> dict[str, Any]:
    """The event table's columns for ``fields``."""
    return {
        "title": fields.title,
        "start_date": fields.start_date,
        "end_date": fields.end_date,
        "city": fields.city,
        "country": fields.country,
        "organisers": list(fields.organisers),
        "topics": list(fields.topics),
        "description": fields.description,
        "url": fields.url,
        "registration_deadline": fields.registration_deadline,
        "documents": [{"title": d.title, "url": d.url} for d in fields.documents],
        "status": fields.status,
    }


def event_fields(row: Row[Any]) -> EventFields:
    """The canonical fields stored in an event row."""
    return EventFields(
        title=row.title,
        start_date=row.start_date,
        end_date=row.end_date,
        city=row.city,
        country=row.country,
        organisers=list(row.organisers or []),
        topics=list(row.topics or []),
        description=row.description,
        url=row.url,
        registration_deadline=row.registration_deadline,
        documents=[Document(d["title"], d["url"]) for d in row.documents or []],
        status=row.status,
    )


def record(
    conn: Connection, run: RunInfo, sighting: Sighting, when: dt.datetime, *, lock_rows: bool
) -> Outcome:
    """Steps 1-4 of the store's contract (see ``Store.record``), then the run's counters."""
    row = conn.execute(_FIND_SIGHTING, {"b_source": sighting.source, "b_url": sighting.url}).first()
    if row is not None:
        merged = ch.merge(EventFields.from_json(row.fields), sighting.fields)
        conn.execute(
            _UPDATE_SIGHTING,
            {
                "b_id": row.id,
                "fields": merged.to_json(),
                "raw": sighting.raw,
                "last_seen": when,
                "last_run_id": run.id,
                "missed_runs": 0,
                "withdrawn": False,
            },
        )
        outcome = _refresh(conn, run.id, run.source, row.event_id, when, lock_rows)
    else:
        match = find_match(sighting.fields, _candidates(conn, sighting))
        if match is None:
            outcome = _create(conn, run, sighting, when)
        else:
            _insert_sighting(conn, run, sighting, match.event_id, when, match.score)
            outcome = _refresh(conn, run.id, run.source, match.event_id, when, lock_rows)
    if conn.execute(_COUNT[outcome.kind], {"b_id": run.id}).rowcount != 1:
        # Raising rolls the whole transaction back: a finished run records nothing.
        raise RunNotRunning(f"run {run.id} ({run.source}) is not running")
    return outcome


def _insert_sighting(
    conn: Connection,
    run: RunInfo,
    sighting: Sighting,
    event_id: int,
    when: dt.datetime,
    score: float | None,
) -> None:
    conn.execute(
        _INSERT_SIGHTING,
        {
            "source": sighting.source,
            "url": sighting.url,
            "event_id": event_id,
            "fields": sighting.fields.to_json(),
            "raw": sighting.raw,
            "first_seen": when,
            "last_seen": when,
            "last_run_id": run.id,
            "match_score": score,
        },
    )


def _candidates(conn: Connection, sighting: Sighting) -> list[Candidate]:
    """Events in the sighting's date window that its source has not described yet."""
    fields = sighting.fields
    if fields.start_date is None:
        return []
    params = {
        "b_start": fields.start_date,
        "b_end": fields.end_date or fields.start_date,
        "b_low": fields.start_date - MAX_EVENT_SPAN,
        "b_source": sighting.source,
    }
    return [Candidate(r.id, event_fields(r)) for r in conn.execute(_CANDIDATES, params)]


def _create(conn: Connection, run: RunInfo, sighting: Sighting, when: dt.datetime) -> Outcome:
    fields = sighting.fields
    uid = event_uid(sighting.source, sighting.url)
    values = {
        "uid": uid,
        "first_seen": when,
        "last_seen": when,
        "last_changed": when,
        "fingerprint": ch.fingerprint(fields),
        "revision_count": 1,
        **event_values(fields),
    }
    event_id = new_id(conn.execute(_INSERT_EVENT, values))
    _insert_sighting(conn, run, sighting, event_id, when, None)
    created = ch.creation(fields)
    _insert_revision(conn, run.id, run.source, event_id, uid, 1, "new", created, fields, when)
    return Outcome(kind="new", event_id=event_id, changes=created)


def _insert_revision(
    conn: Connection,
    run_id: int | None,
    source: str | None,
    event_id: int,
    uid: str,
    seq: int,
    kind: OutcomeKind,
    changes: list[FieldChange],
    fields: EventFields,
    when: dt.datetime,
) -> None:
    conn.execute(
        _INSERT_REVISION,
        {
            "event_id": event_id,
            "seq": seq,
            "uid": f"{uid}-r{seq}",  # stable and unique: feeds use it as the entry id
            "kind": kind,
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in changes],
            "snapshot": fields.to_json(),
            "at": when,
            "run_id": run_id,
            "source": source,
        },
    )


def sightings_by_precedence(conn: Connection, event_id: int) -> list[EventFields]:
    """The event's sightings in the order the canonical rule reads them (``changes.precedence``)."""
    rows = conn.execute(_EVENT_SIGHTINGS, {"b_id": event_id}).all()
    current = [r for r in rows if not r.withdrawn] or rows
    return ch.precedence([(EventFields.from_json(r.fields), r.organisation) for r in current])


def _refresh(
    conn: Connection,
    run_id: int | None,
    source: str | None,
    event_id: int,
    when: dt.datetime,
    lock_rows: bool,
) -> Outcome:
    """Recompute the event's canonical fields from its sightings; revise it if they changed."""
    event = conn.execute(_EVENT_FOR_UPDATE if lock_rows else _EVENT, {"b_id": event_id}).one()
    new = ch.canonical(sightings_by_precedence(conn, event_id))
    new_print = ch.fingerprint(new)
    found = [] if new_print == event.fingerprint else ch.diff(event_fields(event), new)
    if not found:
        params = {"b_id": event_id, "last_seen": when, "fingerprint": new_print}
        conn.execute(_UPDATE_EVENT, params)
        return Outcome(kind="unchanged", event_id=event_id)
    seq = event.revision_count + 1
    values = {
        "b_id": event_id,
        "last_seen": when,
        "last_changed": when,
        "fingerprint": new_print,
        "revision_count": seq,
        **event_values(new),
    }
    conn.execute(_UPDATE_EVENT, values)
    _insert_revision(conn, run_id, source, event_id, event.uid, seq, "changed", found, new, when)
    return Outcome(kind="changed", event_id=event_id, changes=found)


def refresh(
    conn: Connection, event_id: int, when: dt.datetime, *, source: str, lock_rows: bool
) -> Outcome:
    """Recompute an event outside a crawl (an operator's merge or split); ``source`` says who."""
    return _refresh(conn, None, source, event_id, when, lock_rows)
