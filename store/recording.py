"""Recording sightings: find or create each one's event, revise the event, count it on the run.

``record_batch(conn, ...)`` runs inside the caller's transaction (``Store.record_many`` opens one
per batch, ``Store.record`` one per item) and has the semantics of recording the sightings one by
one, in order. It is fast on the two common cases: a known sighting whose fields did not change
(no canonical recompute: one executemany UPDATE for the batch) and a new sighting that matches no
event (one executemany INSERT each for events, sightings and revisions). Everything else (a
change, a cross-source match, a (source, url) already written in this batch) goes through the
one-item path, after the deferred writes are flushed, so it reads the database a sequential
caller would. Statements are built once at import with bind parameters: building a statement per
call cost more than executing it (profiled: SQLAlchemy's statement construction and cache-key
generation were ~60% of the time).

The new events of a batch are written by ``bulk.insert_new``, with parameters encoded once and
sent to the driver as they are. ``_create`` (a new event found on the one-item path) keeps the
typed statements: it is rare, and it is the reference the bulk rows are tested against.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from confwatch.store import bulk
from confwatch.store import changes as ch
from confwatch.store.match import Candidate, find_match
from confwatch.store.models import CRAWL_RUN, EVENT, REVISION, SIGHTING, SOURCE
from confwatch.store.records import (
    CORRECTION,
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
_FIND_SIGHTINGS = sa.select(
    SIGHTING.c.id,
    SIGHTING.c.event_id,
    SIGHTING.c.fields,
    SIGHTING.c.withdrawn,
    SIGHTING.c.source,
    SIGHTING.c.url,
).where(
    SIGHTING.c.source.in_(_b("b_sources", expanding=True)),
    SIGHTING.c.url.in_(_b("b_urls", expanding=True)),
)
_UPDATE_SIGHTING = sa.update(SIGHTING).where(SIGHTING.c.id == _b("b_id"))
_INSERT_SIGHTING = sa.insert(SIGHTING)
_INSERT_EVENT = sa.insert(EVENT)
_INSERT_REVISION = sa.insert(REVISION)
_EVENT = sa.select(EVENT).where(EVENT.c.id == _b("b_id"))
_EVENT_FOR_UPDATE = _EVENT.with_for_update()
_UPDATE_EVENT = sa.update(EVENT).where(EVENT.c.id == _b("b_id"))
_EVENT_SIGHTINGS = (
    sa.select(
        SIGHTING.c.source,
        SIGHTING.c.url,
        SIGHTING.c.fields,
        SIGHTING.c.withdrawn,
        SOURCE.c.organisation,
    )
    .select_from(SIGHTING.outerjoin(SOURCE, SOURCE.c.key == SIGHTING.c.source))
    .where(SIGHTING.c.event_id == _b("b_id"))
)
# The runs of a crawl: begun at one instant (spiders/runner.py begins them together) and still
# running. Nothing of theirs is published yet: feeds are built once a crawl has finished.
_OF_CRAWL = sa.select(sa.func.count()).where(
    CRAWL_RUN.c.id.in_(_b("b_ids", expanding=True)),
    CRAWL_RUN.c.started_at == _b("b_started"),
    CRAWL_RUN.c.status == "running",
)
_REVISIONS = sa.select(
    REVISION.c.id,
    REVISION.c.seq,
    REVISION.c.kind,
    REVISION.c.run_id,
    REVISION.c.source,
    REVISION.c.cause,
).where(REVISION.c.event_id == _b("b_id"))
_LATEST_REVISION = _REVISIONS.where(REVISION.c.seq == _b("b_seq"))
_REVISION_SNAPSHOT = sa.select(REVISION.c.snapshot, REVISION.c.at).where(
    REVISION.c.event_id == _b("b_id"), REVISION.c.seq == _b("b_seq")
)
_UPDATE_REVISION = sa.update(REVISION).where(REVISION.c.id == _b("b_id"))
_DELETE_REVISION = sa.delete(REVISION).where(REVISION.c.id == _b("b_id"))
_UID_TAKEN = sa.select(EVENT.c.id).where(EVENT.c.uid == _b("b_uid"))
_EVENT_PAGES = sa.select(SIGHTING.c.source, SIGHTING.c.url).where(SIGHTING.c.event_id == _b("b_id"))
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
_COUNT_BATCH = (
    sa.update(CRAWL_RUN)
    .where(CRAWL_RUN.c.id == _b("b_id"), CRAWL_RUN.c.status == "running")
    .values(
        {
            "items": CRAWL_RUN.c["items"] + _b("b_items", type_=sa.Integer),
            "new": CRAWL_RUN.c["new"] + _b("b_new", type_=sa.Integer),
            "changed": CRAWL_RUN.c["changed"] + _b("b_changed", type_=sa.Integer),
            "unchanged": CRAWL_RUN.c["unchanged"] + _b("b_unchanged", type_=sa.Integer),
        }
    )
)


class RunNotRunning(ValueError):
    """record() on a run that has finished: nothing was written."""


def event_uid(source: str, url: str) -> str:
    """Stable across database rebuilds: derived from one of the event's pages, (source, url).

    A new event takes its first page's; while the crawl that created it runs, it takes the
    smallest (source, url) of its pages (``_settle_uid``), so it does not depend on which page
    of that crawl came first. Once published it never changes.

    ``uuid.uuid5(uuid.NAMESPACE_URL, f"{source} {url}").hex``, without building the UUID
    object (that was most of its cost, and every new event needs one)."""
    name = f"{source} {url}".encode()
    digest = bytearray(hashlib.sha1(_URL_NAMESPACE + name, usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    return digest.hex()


_URL_NAMESPACE = uuid.NAMESPACE_URL.bytes


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
    """One sighting: ``record_batch`` of one."""
    return record_batch(conn, run, [sighting], [when], lock_rows=lock_rows)[0]


def record_batch(
    conn: Connection,
    run: RunInfo,
    sightings: Sequence[Sighting],
    whens: Sequence[dt.datetime],
    *,
    lock_rows: bool,
) -> list[Outcome]:
    """Steps 1-4 of the store's contract (see ``Store.record``) for each sighting in order,
    then the run's counters once. Raises ``RunNotRunning`` for a finished run."""
    batch = _Batch(conn, run)
    known = _known_sightings(conn, sightings)
    # Keys written in this batch: their prefetched row (or its absence) no longer tells.
    written: set[tuple[str, str]] = set()
    for index, (sighting, when) in enumerate(zip(sightings, whens, strict=True)):
        key = (sighting.source, sighting.url)
        if key not in written:
            row = known.get(key)
            if row is not None and not row.withdrawn:
                if _adds_nothing(row.fields, sighting.fields):
                    # Same fields as stored: the event's canonical fields cannot move.
                    batch.touch(row.id, row.event_id, sighting, when)
                    continue
            elif row is None and not batch.could_match(sighting, sightings[index:]):
                batch.create(sighting, when)
                written.add(key)
                continue
        batch.flush()
        batch.outcomes.append(_record_one(conn, run, sighting, when, lock_rows))
        batch.pool.clear()  # the one-item path may have moved events or added sightings
        written.add(key)
    batch.flush()
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    for outcome in batch.outcomes:
        counts[outcome.kind] += 1
    params = {"b_id": run.id, "b_items": len(batch.outcomes)}
    params.update({f"b_{kind}": count for kind, count in counts.items()})
    if batch.outcomes and conn.execute(_COUNT_BATCH, params).rowcount != 1:
        # Raising rolls the whole transaction back: a finished run records nothing.
        raise RunNotRunning(f"run {run.id} ({run.source}) is not running")
    return batch.outcomes


def _adds_nothing(stored: dict[str, Any], fields: EventFields) -> bool:
    """Whether merging ``fields`` into the stored sighting leaves it as it is.

    Compared in JSON form, without building the stored ``EventFields`` (that cost more than
    the rest of an unchanged item): every non-empty new value must equal the stored one. A
    difference in form only (a stored "" status) answers False, which takes the exact path."""
    for name, value in fields.to_json().items():
        if not ch.is_empty(value) and stored.get(name) != value:
            return False
    return True


def _known_sightings(conn: Connection, sightings: Sequence[Sighting]) -> dict[tuple[str, str], Any]:
    """The stored sightings among ``sightings``, by (source, url): one query per 500 URLs."""
    wanted = {(s.source, s.url) for s in sightings}
    sources = sorted({source for source, _ in wanted})
    urls = sorted({url for _, url in wanted})
    found: dict[tuple[str, str], Any] = {}
    for start in range(0, len(urls), 500):
        params = {"b_sources": sources, "b_urls": urls[start : start + 500]}
        for row in conn.execute(_FIND_SIGHTINGS, params):
            if (row.source, row.url) in wanted:
                found[(row.source, row.url)] = row
    return found


@dataclass
class _Create:
    sighting: Sighting
    when: dt.datetime
    slot: int  # its place in the batch's outcomes


@dataclass
class _Batch:
    """Outcomes in order, and the writes deferred to one executemany per table."""

    conn: Connection
    run: RunInfo
    outcomes: list[Outcome] = field(default_factory=list)
    creates: list[_Create] = field(default_factory=list)
    touched_sightings: list[dict[str, Any]] = field(default_factory=list)
    touched_events: list[dict[str, Any]] = field(default_factory=list)
    # Candidate events per source, read once for the rest of the batch's date window.
    pool: dict[str, list[Candidate]] = field(default_factory=dict)
    # The events in ``creates`` as candidates, by the source that saw them: a new sighting is
    # matched against other sources' only, without going through every create of the batch.
    pending: dict[str, list[Candidate]] = field(default_factory=dict)

    def touch(self, sighting_id: int, event_id: int, sighting: Sighting, when: dt.datetime) -> None:
        self.touched_sightings.append(
            {
                "b_id": sighting_id,
                "raw": sighting.raw,
                "last_seen": when,
                "last_run_id": self.run.id,
                "missed_runs": 0,
                "withdrawn": False,
            }
        )
        self.touched_events.append({"b_id": event_id, "last_seen": when})
        self.outcomes.append(Outcome(kind="unchanged", event_id=event_id))

    def create(self, sighting: Sighting, when: dt.datetime) -> None:
        candidate = Candidate(-1 - len(self.creates), sighting.fields)
        self.pending.setdefault(sighting.source, []).append(candidate)
        self.creates.append(_Create(sighting, when, len(self.outcomes)))
        self.outcomes.append(Outcome(kind="new", event_id=0))  # the id comes with the flush

    def could_match(self, sighting: Sighting, rest: Sequence[Sighting]) -> bool:
        """Whether a new sighting matches a stored event or one created earlier in the batch.

        The same rules as ``_candidates`` + ``find_match``, on events read once per batch."""
        fields = sighting.fields
        if fields.start_date is None:
            return False
        if sighting.source not in self.pool:
            self.pool[sighting.source] = _window_candidates(self.conn, sighting.source, rest)
        others = [found for source, found in self.pending.items() if source != sighting.source]
        start = fields.start_date
        end = fields.end_date or start
        low = start - MAX_EVENT_SPAN
        near = [
            cand
            for cand in itertools.chain(self.pool[sighting.source], *others)
            if cand.fields.start_date is not None
            and low <= cand.fields.start_date <= end
            and (cand.fields.end_date or cand.fields.start_date) >= start
        ]
        return find_match(fields, near) is not None

    def flush(self) -> None:
        if self.touched_sightings:
            self.conn.execute(_UPDATE_SIGHTING, self.touched_sightings)
            self.conn.execute(_UPDATE_EVENT, self.touched_events)
            self.touched_sightings, self.touched_events = [], []
        if self.creates:
            self._insert_created()
            self.creates, self.pending = [], {}

    def _insert_created(self) -> None:
        items = [
            (c.sighting, c.when, event_uid(c.sighting.source, c.sighting.url)) for c in self.creates
        ]
        for c, outcome in zip(
            self.creates, bulk.insert_new(self.conn, self.run, items), strict=True
        ):
            self.outcomes[c.slot] = outcome


def _window_candidates(
    conn: Connection, source: str, sightings: Sequence[Sighting]
) -> list[Candidate]:
    """``_candidates`` for every dated sighting of ``source`` in ``sightings`` at once."""
    dated = [s.fields for s in sightings if s.source == source and s.fields.start_date is not None]
    if not dated:
        return []
    starts = [f.start_date for f in dated if f.start_date is not None]
    params = {
        "b_start": min(starts),
        "b_end": max(f.end_date or f.start_date for f in dated if f.start_date is not None),
        "b_low": min(starts) - MAX_EVENT_SPAN,
        "b_source": source,
    }
    return [Candidate(r.id, event_fields(r)) for r in conn.execute(_CANDIDATES, params)]


def _record_one(
    conn: Connection, run: RunInfo, sighting: Sighting, when: dt.datetime, lock_rows: bool
) -> Outcome:
    """Steps 1-4 for one sighting, reading everything it needs from the database."""
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
        return _refresh(conn, run, run.source, row.event_id, when, lock_rows)
    match = find_match(sighting.fields, _candidates(conn, sighting))
    if match is None:
        return _create(conn, run, sighting, when)
    _insert_sighting(conn, run, sighting, match.event_id, when, match.score)
    outcome = _refresh(conn, run, run.source, match.event_id, when, lock_rows)
    _settle_uid(conn, run, match.event_id)
    return outcome


def _sighting_values(
    run: RunInfo,
    sighting: Sighting,
    event_id: int,
    when: dt.datetime,
    score: float | None,
    fields_json: dict[str, Any],
) -> dict[str, Any]:
    return {
        "source": sighting.source,
        "url": sighting.url,
        "event_id": event_id,
        "fields": fields_json,
        "raw": sighting.raw,
        "first_seen": when,
        "last_seen": when,
        "last_run_id": run.id,
        "match_score": score,
    }


def _insert_sighting(
    conn: Connection,
    run: RunInfo,
    sighting: Sighting,
    event_id: int,
    when: dt.datetime,
    score: float | None,
) -> None:
    values = _sighting_values(run, sighting, event_id, when, score, sighting.fields.to_json())
    conn.execute(_INSERT_SIGHTING, values)


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


def _create(
    conn: Connection,
    run: RunInfo,
    sighting: Sighting,
    when: dt.datetime,
    *,
    cause: str | None = None,
) -> Outcome:
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
    _insert_revision(
        conn, run.id, run.source, event_id, uid, 1, "new", created, fields, when, cause=cause
    )
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
    *,
    cause: str | None = None,
) -> None:
    values = _revision_values(
        run_id, source, event_id, uid, seq, kind, changes, fields.to_json(), when
    )
    values["cause"] = cause
    conn.execute(_INSERT_REVISION, values)


def _revision_values(
    run_id: int | None,
    source: str | None,
    event_id: int,
    uid: str,
    seq: int,
    kind: OutcomeKind,
    changes: list[FieldChange],
    snapshot: dict[str, Any],
    when: dt.datetime,
) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "seq": seq,
        "uid": f"{uid}-r{seq}",  # stable and unique: feeds use it as the entry id
        "kind": kind,
        "changes": [c.to_json() for c in changes],
        "snapshot": snapshot,
        "at": when,
        "run_id": run_id,
        "source": source,
    }


def canonical_fields(conn: Connection, event_id: int) -> EventFields:
    """The event's canonical fields from the set of its sightings (``changes.canonical_of``).

    Withdrawn pages stop speaking for the event while another page still does."""
    rows = conn.execute(_EVENT_SIGHTINGS, {"b_id": event_id}).all()
    current = [r for r in rows if not r.withdrawn] or rows
    return ch.canonical_of(
        ch.Voice(r.source, r.url, EventFields.from_json(r.fields), r.organisation) for r in current
    )


def _of_crawl(conn: Connection, run: RunInfo, run_ids: set[int | None]) -> bool:
    """Whether every one of ``run_ids`` is a run of ``run``'s crawl (``run`` too, while it runs)."""
    ids = sorted(i for i in run_ids if i is not None)
    if not ids or len(ids) != len(run_ids):  # none, or an operator's revision among them
        return False
    params = {"b_ids": ids, "b_started": run.started_at}
    return bool(conn.execute(_OF_CRAWL, params).scalar_one() == len(ids))


def _refresh(
    conn: Connection,
    run: RunInfo | None,
    source: str | None,
    event_id: int,
    when: dt.datetime,
    lock_rows: bool,
    *,
    cause: str | None = None,
) -> Outcome:
    """Recompute the event's canonical fields from its sightings; revise it if they changed.

    A change made while another run of the same crawl holds the event's latest revision is
    folded into that revision: one crawl gives an event at most one revision whatever the order
    its pages arrived in, so the revisions (and the feed entry ids made from them) depend only
    on what the crawl saw. Another crawl's revision is never touched (it may be published).

    ``cause``: the revision's (see ``records.CORRECTION``). A correction does not move the
    event's ``last_seen``: re-reading a stored page is not seeing the site."""
    event = conn.execute(_EVENT_FOR_UPDATE if lock_rows else _EVENT, {"b_id": event_id}).one()
    new = canonical_fields(conn, event_id)
    new_print = ch.fingerprint(new)
    found = [] if new_print == event.fingerprint else ch.diff(event_fields(event), new)
    seen = {} if cause == CORRECTION else {"last_seen": when}
    if not found:
        params = {"b_id": event_id, "last_seen": event.last_seen, "fingerprint": new_print}
        conn.execute(_UPDATE_EVENT, {**params, **seen})
        return Outcome(kind="unchanged", event_id=event_id)
    values = {
        "b_id": event_id,
        "last_seen": event.last_seen,
        **seen,
        "last_changed": when,
        "fingerprint": new_print,
        **event_values(new),
    }
    latest = _foldable(conn, run, event_id, event.revision_count)
    if run is not None and latest is not None:
        values.update(_fold(conn, run, event_id, latest, new, when, cause))
        conn.execute(_UPDATE_EVENT, values)
        return Outcome(kind="changed", event_id=event_id, changes=found)
    seq = event.revision_count + 1
    conn.execute(_UPDATE_EVENT, {**values, "revision_count": seq})
    run_id = run.id if run is not None else None
    _insert_revision(
        conn, run_id, source, event_id, event.uid, seq, "changed", found, new, when, cause=cause
    )
    return Outcome(kind="changed", event_id=event_id, changes=found)


@dataclass(frozen=True)
class _Latest:
    """An event's latest revision, as folding needs it."""

    id: int
    seq: int
    kind: str
    run_id: int
    source: str | None
    cause: str | None


def _foldable(conn: Connection, run: RunInfo | None, event_id: int, seq: int) -> _Latest | None:
    """The event's latest revision when another run of ``run``'s crawl wrote it."""
    if run is None:
        return None
    rev = conn.execute(_LATEST_REVISION, {"b_id": event_id, "b_seq": seq}).first()
    if rev is None or rev.run_id == run.id or not _of_crawl(conn, run, {rev.run_id}):
        return None
    return _Latest(rev.id, rev.seq, rev.kind, rev.run_id, rev.source, rev.cause)


def _fold(
    conn: Connection,
    run: RunInfo,
    event_id: int,
    latest: _Latest,
    new: EventFields,
    when: dt.datetime,
    cause: str | None,
) -> dict[str, Any]:
    """Make ``latest`` say ``new``; the event columns that follow from it. The folded revision
    is a correction only when both parts are: news and a correction together are news."""
    if latest.kind == "new":
        net = ch.creation(new)
    else:
        before = conn.execute(_REVISION_SNAPSHOT, {"b_id": event_id, "b_seq": latest.seq - 1}).one()
        net = ch.diff(EventFields.from_json(before.snapshot), new)
        if not net:
            # The crawl ended where it began: its revision says nothing any more.
            conn.execute(_DELETE_REVISION, {"b_id": latest.id})
            return {"revision_count": latest.seq - 1, "last_changed": before.at}
    # The revision names one of the runs behind it: the first by source key, so the same pages
    # give the same revision whatever their order.
    by = min((latest.source or "", latest.run_id), (run.source, run.id))
    conn.execute(
        _UPDATE_REVISION,
        {
            "b_id": latest.id,
            "changes": [c.to_json() for c in net],
            "snapshot": new.to_json(),
            "at": when,
            "source": by[0],
            "run_id": by[1],
            "cause": cause if latest.cause == cause else None,
        },
    )
    return {}


def _settle_uid(conn: Connection, run: RunInfo, event_id: int) -> None:
    """While every revision of the event is its creating crawl's, its uid is that of the
    smallest (source, url) of its pages: the same pages give the same uid whatever their order.
    A uid already published (a revision of an earlier crawl, or an operator's) never moves."""
    revisions = conn.execute(_REVISIONS, {"b_id": event_id}).all()
    if not _of_crawl(conn, run, {rev.run_id for rev in revisions}):
        return
    # Compared in Python: code point order, the same on every backend (collations differ).
    pages = conn.execute(_EVENT_PAGES, {"b_id": event_id}).all()
    uid = event_uid(*min((page.source, page.url) for page in pages))
    taken = conn.execute(_UID_TAKEN, {"b_uid": uid}).first()
    if taken is not None:  # this event's already, or (after an operator's merge) another's
        return
    conn.execute(_UPDATE_EVENT, {"b_id": event_id, "uid": uid})
    conn.execute(
        _UPDATE_REVISION, [{"b_id": rev.id, "uid": f"{uid}-r{rev.seq}"} for rev in revisions]
    )


def refresh(
    conn: Connection, event_id: int, when: dt.datetime, *, source: str, lock_rows: bool
) -> Outcome:
    """Recompute an event outside a crawl (an operator's merge or split); ``source`` says who."""
    return _refresh(conn, None, source, event_id, when, lock_rows)
