"""The Store: the only reader and writer of confwatch's tables.

Writes are few verbs, each one transaction: ``record`` / ``record_many`` (sightings, events,
revisions and the run's counters together, one transaction per batch), ``touch_page``,
``add_error``, ``begin_run``/``finish_run``, page state. Reads return ``records`` dataclasses,
so no caller ever holds a live session. The hot path is SQLAlchemy Core on the SQLModel tables
(about 10x cheaper per row than ORM sessions).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row

from confwatch.store import corrections, curation, event_filter, recording, withdrawal
from confwatch.store.changes import provenance as changes_provenance
from confwatch.store.db import IMMEDIATE, create_engine
from confwatch.store.models import CRAWL_RUN, EVENT, PAGE_STATE, REVISION, SIGHTING, SOURCE
from confwatch.store.notifiers import Notifiers
from confwatch.store.recording import event_fields, new_id
from confwatch.store.records import (
    ChangeView,
    EventFields,
    EventView,
    FieldChange,
    Outcome,
    PageFetch,
    RunInfo,
    RunKind,
    RunView,
    Sighting,
    SourceHealth,
    SourceRef,
    StoredPage,
)
from confwatch.store.subscribers import Subscribers

RUN_STATUSES = ("running", "ok", "partial", "failed", "interrupted")
SUCCESS = ("ok", "partial")
_CHUNK = 500  # ids per IN (...) list


@dataclass
class SourceInfo:
    key: str
    name: str
    organisation: str | None = None
    base_url: str | None = None
    kind: str = "generic"


@dataclass
class PageStateView:
    url: str
    source: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    last_status: int | None
    last_fetched: dt.datetime | None
    last_changed: dt.datetime | None
    extraction: str | None = None  # the tag its stored body was read with (None: no body read)
    read_on: dt.date | None = None


@dataclass
class SightingView:
    source: str
    url: str
    fields: EventFields
    first_seen: dt.datetime
    last_seen: dt.datetime
    match_score: float | None
    withdrawn: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "url": self.url,
            "fields": self.fields.to_json(),
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "match_score": self.match_score,
            "withdrawn": self.withdrawn,
        }


@dataclass
class EventDetail:
    view: EventView
    revisions: list[ChangeView]  # oldest first
    sightings: list[SightingView]  # oldest first
    merged_into: int | None = None

    @property
    def provenance(self) -> dict[str, list[str]]:
        """Per field, the sources whose page gives the event's current value."""
        return changes_provenance(self.view.fields, [(s.source, s.fields) for s in self.sightings])

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = self.view.to_json()
        out["revisions"] = [r.to_json() for r in self.revisions]
        out["sightings"] = [s.to_json() for s in self.sightings]
        out["provenance"] = self.provenance
        out["merged_into"] = self.merged_into
        return out


def utc(moment: dt.datetime | None) -> dt.datetime:
    """``moment`` (naive taken as UTC) in UTC; the current time when None."""
    if moment is None:
        return dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _changes(data: Iterable[dict[str, Any]]) -> list[FieldChange]:
    return [FieldChange.from_json(c) for c in data]


def _run_view(row: Row[Any]) -> RunView:
    return RunView(
        id=row.id,
        source=row.source,
        started_at=row.started_at,
        finished_at=row.finished_at,
        status=row.status,
        pages=row.pages,
        items=row.items,
        new=row.new,
        changed=row.changed,
        unchanged=row.unchanged,
        errors=list(row.errors or []),
        stats=dict(row.stats or {}),
        kind=row.kind,
    )


def _span(delta: dt.timedelta) -> str:
    """ "18 h", "1 d 12 h", "45 min": how a person reads an age."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [
        f"{days} d" if days else "",
        f"{hours} h" if hours else "",
        f"{mins} min" if mins else "",
    ]
    return " ".join(p for p in parts if p) or "0 min"


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


class Store:
    """confwatch's database. ``Store.open(url)`` never migrates: ``migrate.upgrade(url)`` does."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # SQLite writers take the write lock at BEGIN (see db.IMMEDIATE); PostgreSQL needs nothing.
        sqlite = engine.dialect.name == "sqlite"
        self._writer = engine.execution_options(**{IMMEDIATE: True}) if sqlite else engine
        self._lock_rows = not sqlite
        # Digest subscribers and notifiers, with their outboxes: ``store.subscribers.add(...)``.
        self.subscribers = Subscribers(engine)
        self.notifiers = Notifiers(engine)

    @classmethod
    def open(cls, url: str) -> Store:
        return cls(create_engine(url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sources and runs ----------------------------------------------------------------

    def sync_sources(self, sources: Sequence[SourceInfo]) -> None:
        """Insert or update the configured sources (sources no longer configured are kept)."""
        with self._writer.begin() as conn:
            known = {row.key: row.id for row in conn.execute(sa.select(SOURCE.c.key, SOURCE.c.id))}
            for info in sources:
                values = {
                    "key": info.key,
                    "name": info.name,
                    "organisation": info.organisation,
                    "base_url": info.base_url,
                    "kind": info.kind,
                }
                if info.key in known:
                    conn.execute(
                        sa.update(SOURCE).where(SOURCE.c.id == known[info.key]).values(values)
                    )
                else:
                    conn.execute(sa.insert(SOURCE).values(values))

    def sources(self) -> list[SourceInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(SOURCE).order_by(SOURCE.c.key))
            return [SourceInfo(r.key, r.name, r.organisation, r.base_url, r.kind) for r in rows]

    def begin_run(
        self, source: str, *, now: dt.datetime | None = None, kind: RunKind = "crawl"
    ) -> RunInfo:
        """A run of ``source``: a crawl, or a re-read of its stored pages (``kind``)."""
        started = utc(now)
        with self._writer.begin() as conn:
            result = conn.execute(
                sa.insert(CRAWL_RUN).values(
                    source=source,
                    started_at=started,
                    status="running",
                    pages=0,
                    items=0,
                    new=0,
                    changed=0,
                    unchanged=0,
                    errors=[],
                    stats={},
                    kind=kind,
                )
            )
            run_id = new_id(result)
        return RunInfo(id=run_id, source=source, started_at=started, kind=kind)

    def add_error(self, run: RunInfo, url: str | None, message: str) -> None:
        """Append to the run's errors now, so they survive a crash before ``finish_run``."""
        with self._writer.begin() as conn:
            query = sa.select(CRAWL_RUN.c.errors).where(CRAWL_RUN.c.id == run.id)
            if self._lock_rows:
                query = query.with_for_update()
            errors = conn.execute(query).scalar_one()
            errors = [*(errors or []), {"url": url, "message": message}]
            conn.execute(sa.update(CRAWL_RUN).where(CRAWL_RUN.c.id == run.id).values(errors=errors))

    def finish_run(
        self,
        run: RunInfo,
        *,
        status: str,
        pages: int,
        stats: dict[str, Any] | None = None,
        now: dt.datetime | None = None,
    ) -> RunView:
        if status not in RUN_STATUSES or status == "running":
            raise ValueError(f"finish_run: unknown final status {status!r}")
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(CRAWL_RUN)
                .where(CRAWL_RUN.c.id == run.id)
                .values(status=status, pages=pages, stats=stats or {}, finished_at=utc(now))
            )
            if status in SUCCESS and run.kind == "crawl":  # a re-read fetched nothing
                withdrawal.count_misses(
                    conn, run.id, run.source, run.started_at, utc(now), lock_rows=self._lock_rows
                )
            row = conn.execute(sa.select(CRAWL_RUN).where(CRAWL_RUN.c.id == run.id)).one()
        return _run_view(row)

    # -- recording -----------------------------------------------------------------------

    def record(
        self, run: RunInfo, sighting: Sighting, *, now: dt.datetime | None = None
    ) -> Outcome:
        """Store one sighting and classify it: new, changed or unchanged. One transaction.

        1. A known (source, url) leads to its event; otherwise ``match.find_match`` looks for
           the same conference seen by another source; otherwise a new event.
        2. The sighting is merged with its previous crawl (None never overwrites).
        3. The event's canonical fields are recomputed from all its sightings and
        4. diffed against the stored ones: "new", "changed" (with a revision) or "unchanged".
        The run's counters move in the same transaction. Raises ``RunNotRunning`` (a
        ValueError) for a finished run, writing nothing.
        """
        return self.record_many(run, [sighting], now=now)[0]

    def record_many(
        self,
        run: RunInfo,
        sightings: Sequence[Sighting],
        *,
        pages: Sequence[PageFetch] = (),
        now: dt.datetime | None = None,
    ) -> list[Outcome]:
        """``record`` for each sighting in order, in ONE transaction: the same outcomes,
        revisions and counters, and all or nothing (a failure writes none of the batch).

        ``pages``: the fetches the sightings were read from, saved in the same transaction, so
        a page is never marked seen (a later 304 or equal hash skips it) unless its items are
        stored, whatever fails."""
        if not sightings and not pages:
            return []
        whens = [utc(now or s.seen_at) for s in sightings]
        with self._writer.begin() as conn:
            outcomes = (
                recording.record_batch(conn, run, sightings, whens, lock_rows=self._lock_rows)
                if sightings
                else []
            )
            for page in pages:
                _write_page_state(conn, page, utc(now))
            return outcomes

    def record_reading(
        self,
        run: RunInfo,
        url: str,
        sightings: Sequence[Sighting],
        *,
        extraction: str,
        now: dt.datetime | None = None,
    ) -> corrections.Reading:
        """A stored page read again (``corrections.record_reading``): its sightings recorded as
        corrections, the ones it no longer gives withdrawn, and the page's extraction tag set to
        ``extraction``, in ONE transaction (a page is never marked read unless its items are
        stored)."""
        with self._writer.begin() as conn:
            reading = corrections.record_reading(
                conn, run, url, sightings, utc(now), lock_rows=self._lock_rows
            )
            conn.execute(
                sa.update(PAGE_STATE).where(PAGE_STATE.c.url == url).values(extraction=extraction)
            )
            return reading

    def touch_page(self, run: RunInfo, url: str, *, now: dt.datetime | None = None) -> None:
        """A page answered 304: the sightings read from it (``url`` or ``url#...``) are current."""
        page = url.split("#", 1)[0]
        when = utc(now)
        on_page = sa.and_(
            SIGHTING.c.source == run.source,
            sa.or_(SIGHTING.c.url == page, SIGHTING.c.url.startswith(page + "#", autoescape=True)),
        )
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(SIGHTING).where(on_page).values(last_seen=when, last_run_id=run.id)
            )
            conn.execute(
                sa.update(EVENT)
                .where(EVENT.c.id.in_(sa.select(SIGHTING.c.event_id).where(on_page)))
                .where(EVENT.c.last_seen < when)
                .values(last_seen=when)
            )

    # -- page state ----------------------------------------------------------------------

    def page_state(self, url: str) -> PageStateView | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*_STATE_COLUMNS).where(PAGE_STATE.c.url == url)).first()
        return None if row is None else _page_state_view(row)

    def page_states(self, source: str) -> dict[str, PageStateView]:
        """Every page state a source saved, by URL: one query for a crawl instead of one per
        request. Without the stored bodies (``page_body`` reads one)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*_STATE_COLUMNS).where(PAGE_STATE.c.source == source))
            return {row.url: _page_state_view(row) for row in rows}

    def stored_pages(self, source: str, *, other_than: str | None = None) -> list[StoredPage]:
        """The pages of ``source`` with a stored body that still stand (last answered 200), by
        URL; ``other_than``: only those read with another extraction tag (or none known)."""
        query = sa.select(
            PAGE_STATE.c.url, PAGE_STATE.c.source, PAGE_STATE.c.extraction, PAGE_STATE.c.read_on
        ).where(
            PAGE_STATE.c.source == source,
            PAGE_STATE.c.body.is_not(None),
            PAGE_STATE.c.last_status == 200,
        )
        if other_than is not None:
            query = query.where(
                sa.or_(PAGE_STATE.c.extraction.is_(None), PAGE_STATE.c.extraction != other_than)
            )
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(PAGE_STATE.c.url))
            return [StoredPage(r.url, r.source, r.extraction, r.read_on) for r in rows]

    def page_body(self, url: str) -> bytes | None:
        """The stored body of a page (zlib-compressed UTF-8), or None."""
        with self.engine.connect() as conn:
            body = conn.execute(
                sa.select(PAGE_STATE.c.body).where(PAGE_STATE.c.url == url)
            ).scalar()
        return None if body is None else bytes(body)

    def save_page_state(
        self,
        url: str,
        *,
        source: str,
        etag: str | None,
        last_modified: str | None,
        content_hash: str | None,
        status: int,
        body: bytes | None = None,
        extraction: str | None = None,
        read_on: dt.date | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        """Remember a fetch. A 200 replaces the validators and hash; a 304 or an error keeps
        every stored value the response did not supply. ``last_changed`` moves when the
        content hash differs from the stored one. ``body`` (with the ``extraction`` tag and the
        day it was ``read_on``) replaces the stored body; a 200 with other content and no body
        drops it (it is no longer the page's)."""
        fetch = PageFetch(
            url, source, etag, last_modified, content_hash, status, body, extraction, read_on
        )
        with self._writer.begin() as conn:
            _write_page_state(conn, fetch, utc(now))

    # -- reading -------------------------------------------------------------------------

    def _sources_of(self, conn: Connection, event_ids: Sequence[int]) -> dict[int, list[SourceRef]]:
        refs: dict[int, list[SourceRef]] = defaultdict(list)
        for chunk in _chunks(list(event_ids)):
            rows = conn.execute(
                sa.select(
                    SIGHTING.c.event_id, SIGHTING.c.source, SIGHTING.c.url, SIGHTING.c.withdrawn
                )
                .where(SIGHTING.c.event_id.in_(chunk))
                .order_by(SIGHTING.c.first_seen, SIGHTING.c.id)
            )
            for event_id, source, url, withdrawn in rows:
                refs[event_id].append(SourceRef(source, url, bool(withdrawn)))
        return refs

    def _views(self, conn: Connection, rows: Iterable[Row[Any]]) -> list[EventView]:
        # Rows may be a live result: each becomes its view as it is read, so the rows (with
        # their decoded JSON) are never all held next to the views. Sources come after.
        views = [
            EventView(
                id=r.id,
                uid=r.uid,
                fields=event_fields(r),
                sources=[],
                first_seen=r.first_seen,
                last_seen=r.last_seen,
                last_changed=r.last_changed,
            )
            for r in rows
        ]
        refs = self._sources_of(conn, [v.id for v in views])
        for view in views:
            view.sources = refs.get(view.id, [])
        return views

    def events(
        self,
        *,
        upcoming_after: dt.date | None = None,
        changed_since: dt.datetime | None = None,
        source: str | None = None,
        matching: event_filter.EventFilter | None = None,
        limit: int | None = None,
    ) -> list[EventView]:
        """Events by start date (unknown dates last), then id.

        ``upcoming_after``: events not over by that day (ongoing ones included; unknown dates
        excluded). ``changed_since``: last changed at or after. ``source``: seen by that source.
        ``matching``: country, organiser, dates and text (``event_filter.EventFilter``).
        """
        query = sa.select(EVENT).where(EVENT.c.merged_into.is_(None))
        if upcoming_after is not None:
            query = query.where(
                sa.func.coalesce(EVENT.c.end_date, EVENT.c.start_date) >= upcoming_after
            )
        if changed_since is not None:
            query = query.where(EVENT.c.last_changed >= utc(changed_since))
        if source is not None:
            seen_by = sa.select(SIGHTING.c.event_id).where(SIGHTING.c.source == source)
            query = query.where(EVENT.c.id.in_(seen_by))
        if matching is not None:
            query = event_filter.narrow(query, matching)
        query = query.order_by(sa.nulls_last(EVENT.c.start_date.asc()), EVENT.c.id)
        if matching is None or not matching.needs_rows:
            with self.engine.connect() as conn:
                return self._views(conn, conn.execute(query.limit(limit)))
        with self.engine.connect() as conn:
            # Matched as the rows stream in; the limit counts the events kept.
            with conn.execute(query) as rows:
                keep = (r for r in rows if event_filter.keeps(event_fields(r), matching))
                kept = list(itertools.islice(keep, limit))
            return self._views(conn, kept)

    def _change_views(self, conn: Connection, rows: Iterable[Row[Any]]) -> list[ChangeView]:
        # As in _views: rows may be a live result, read into views one by one.
        views = [
            ChangeView(
                revision_id=r.id,
                uid=r.uid,
                event_id=r.event_id,
                event_uid=r.event_uid,
                kind=r.kind,
                at=r.at,
                changes=_changes(r.changes or []),
                event=EventFields.from_json(r.snapshot),
                sources=[],
                run_id=r.run_id,
                cause=r.cause,
                source=r.source,
            )
            for r in rows
        ]
        refs = self._sources_of(conn, sorted({v.event_id for v in views}))
        for view in views:
            view.sources = refs.get(view.event_id, [])
        return views

    def _revisions(self) -> sa.Select[Any]:
        return sa.select(REVISION, EVENT.c.uid.label("event_uid")).join(
            EVENT, EVENT.c.id == REVISION.c.event_id
        )

    def event(self, event_id: int) -> EventDetail | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(EVENT).where(EVENT.c.id == event_id)).first()
            if row is None:
                return None
            view = self._views(conn, [row])[0]
            revisions = conn.execute(
                self._revisions().where(REVISION.c.event_id == event_id).order_by(REVISION.c.seq)
            ).all()
            sightings = conn.execute(
                sa.select(SIGHTING)
                .where(SIGHTING.c.event_id == event_id)
                .order_by(SIGHTING.c.first_seen, SIGHTING.c.id)
            ).all()
            return EventDetail(
                view=view,
                revisions=self._change_views(conn, revisions),
                sightings=[
                    SightingView(
                        source=s.source,
                        url=s.url,
                        fields=EventFields.from_json(s.fields),
                        first_seen=s.first_seen,
                        last_seen=s.last_seen,
                        match_score=s.match_score,
                        withdrawn=bool(s.withdrawn),
                    )
                    for s in sightings
                ],
                merged_into=row.merged_into,
            )

    # -- an operator's corrections (see curation.py) ---------------------------------------

    def merge_events(self, keep: int, other: int, *, now: dt.datetime | None = None) -> Outcome:
        with self._writer.begin() as conn:
            return curation.merge(conn, keep, other, utc(now), lock_rows=self._lock_rows)

    def split_event(
        self, event_id: int, source: str, *, now: dt.datetime | None = None
    ) -> tuple[Outcome, Outcome]:
        with self._writer.begin() as conn:
            return curation.split(conn, event_id, source, utc(now), lock_rows=self._lock_rows)

    def ambiguous_pairs(self, *, limit: int = 50) -> list[curation.AmbiguousPair]:
        with self.engine.connect() as conn:
            return curation.ambiguous(conn, limit=limit)

    def changes(
        self, *, since: dt.datetime | None = None, limit: int | None = None
    ) -> list[ChangeView]:
        """The change stream, newest first: every "new" and "changed" revision at/after since."""
        query = self._revisions()
        if since is not None:
            query = query.where(REVISION.c.at >= utc(since))
        query = query.order_by(REVISION.c.at.desc(), REVISION.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return self._change_views(conn, conn.execute(query))

    def runs(
        self, *, source: str | None = None, limit: int = 20, kind: RunKind | None = "crawl"
    ) -> list[RunView]:
        """Runs, newest first: crawls (``kind``; None: every kind)."""
        query = sa.select(CRAWL_RUN)
        if kind is not None:
            query = query.where(CRAWL_RUN.c.kind == kind)
        if source is not None:
            query = query.where(CRAWL_RUN.c.source == source)
        query = query.order_by(CRAWL_RUN.c.started_at.desc(), CRAWL_RUN.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [_run_view(r) for r in conn.execute(query)]

    def last_runs(self) -> dict[str, RunView]:
        """The latest crawl (by start time) of every source that has been crawled.

        Here and in ``source_health`` only crawls count: re-reading stored pages fetches
        nothing, so it never makes a source fresh, failing or overdue."""
        return self._latest_per_source(finished_only=False)

    def _latest_per_source(self, *, finished_only: bool) -> dict[str, RunView]:
        rank = (
            sa.func.row_number()
            .over(
                partition_by=CRAWL_RUN.c.source,
                order_by=(CRAWL_RUN.c.started_at.desc(), CRAWL_RUN.c.id.desc()),
            )
            .label("rank")
        )
        runs = sa.select(CRAWL_RUN, rank).where(CRAWL_RUN.c.kind == "crawl")
        if finished_only:
            runs = runs.where(CRAWL_RUN.c.finished_at.is_not(None))
        ranked = runs.subquery()
        query = sa.select(ranked).where(ranked.c.rank == 1).order_by(ranked.c.source)
        with self.engine.connect() as conn:
            return {r.source: _run_view(r) for r in conn.execute(query)}

    def _last_success(self) -> dict[str, dt.datetime]:
        query = (
            sa.select(CRAWL_RUN.c.source, sa.func.max(CRAWL_RUN.c.finished_at))
            .where(CRAWL_RUN.c.status.in_(SUCCESS), CRAWL_RUN.c.kind == "crawl")
            .group_by(CRAWL_RUN.c.source)
        )
        with self.engine.connect() as conn:
            # max() over a TypeDecorator column comes back naive on some backends.
            return {source: utc(at) for source, at in conn.execute(query) if at is not None}

    def _last_finished(self) -> dict[str, RunView]:
        return self._latest_per_source(finished_only=True)

    def source_health(
        self, now: dt.datetime, max_age: Mapping[str, dt.timedelta]
    ) -> list[SourceHealth]:
        """One verdict per source in ``max_age``, in its order.

        never: no run yet; failing: the latest finished run failed; overdue: no successful
        ("ok" or "partial") run within max_age; ok otherwise.
        """
        now = utc(now)
        latest, finished, success = self.last_runs(), self._last_finished(), self._last_success()
        out: list[SourceHealth] = []
        state: Literal["ok", "failing", "overdue", "never"]
        for source, age in max_age.items():
            run, done, ok_at = latest.get(source), finished.get(source), success.get(source)
            if run is None:
                state, message = "never", f"{source}: has never run"
            elif done is not None and done.status == "failed":
                first = done.errors[0]["message"] if done.errors else "no error recorded"
                at = f"{done.finished_at:%Y-%m-%d %H:%M}"
                state, message = "failing", f"{source}: run {done.id} failed at {at} UTC: {first}"
            elif ok_at is None:
                state, message = "overdue", f"{source}: no successful run yet"
            elif now - ok_at > age:
                state = "overdue"
                message = (
                    f"{source}: last success {ok_at:%Y-%m-%d %H:%M} UTC, older than {_span(age)}"
                )
            else:
                state, message = "ok", f"{source}: last success {ok_at:%Y-%m-%d %H:%M} UTC"
            out.append(SourceHealth(source, run, ok_at, state, message))
        return out


_STATE_COLUMNS = [c for c in PAGE_STATE.c if c.name != "body"]


def _write_page_state(conn: Connection, fetch: PageFetch, when: dt.datetime) -> None:
    """``Store.save_page_state`` inside the caller's transaction."""
    row = conn.execute(sa.select(*_STATE_COLUMNS).where(PAGE_STATE.c.url == fetch.url)).first()
    if row is None:
        conn.execute(
            sa.insert(PAGE_STATE).values(
                url=fetch.url,
                source=fetch.source,
                etag=fetch.etag,
                last_modified=fetch.last_modified,
                content_hash=fetch.content_hash,
                last_status=fetch.status,
                last_fetched=when,
                last_changed=when if fetch.content_hash else None,
                body=fetch.body,
                extraction=fetch.extraction if fetch.body is not None else None,
                read_on=fetch.read_on if fetch.body is not None else None,
            )
        )
        return
    fresh = 200 <= fetch.status < 300
    values: dict[str, Any] = {
        "source": fetch.source,
        "last_status": fetch.status,
        "last_fetched": when,
    }
    for name, value in (
        ("etag", fetch.etag),
        ("last_modified", fetch.last_modified),
        ("content_hash", fetch.content_hash),
    ):
        if fresh or value is not None:
            values[name] = value
    if fetch.content_hash and fetch.content_hash != row.content_hash:
        values["last_changed"] = when
    if fetch.body is not None:
        values.update(body=fetch.body, extraction=fetch.extraction, read_on=fetch.read_on)
    elif fresh and fetch.content_hash and fetch.content_hash != row.content_hash:
        values.update(body=None, extraction=None, read_on=None)  # not this content's body
    conn.execute(sa.update(PAGE_STATE).where(PAGE_STATE.c.id == row.id).values(values))


def _page_state_view(row: Row[Any]) -> PageStateView:
    return PageStateView(
        url=row.url,
        source=row.source,
        etag=row.etag,
        last_modified=row.last_modified,
        content_hash=row.content_hash,
        last_status=row.last_status,
        last_fetched=row.last_fetched,
        last_changed=row.last_changed,
        extraction=row.extraction,
        read_on=row.read_on,
    )
