"""The tables (SQLModel). Only ``store/`` touches them; everyone else gets ``records`` dataclasses.

Datetimes are stored as naive UTC (``UTCDateTime``) on both backends and always come back
timezone-aware UTC. Event fields that are lists (organisers, topics, documents) are JSON columns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Named constraints and indexes, so later migrations (SQLite batch mode) can refer to them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KEY = sa.String(64)  # source keys, uids, statuses


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """Stored as naive UTC, returned as aware UTC; naive input is taken to be UTC already."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return value.replace(tzinfo=dt.UTC) if value is not None else None


class Source(SQLModel, table=True):
    __tablename__ = "source"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_type=KEY, unique=True)
    name: str = Field(sa_type=sa.Text)
    organisation: str | None = Field(default=None, sa_type=sa.Text)
    base_url: str | None = Field(default=None, sa_type=sa.Text)
    kind: str = Field(sa_type=KEY)


class Event(SQLModel, table=True):
    """One conference: the canonical fields computed from all its sightings."""

    __tablename__ = "event"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(sa_type=KEY, unique=True)
    title: str = Field(sa_type=sa.Text)
    start_date: dt.date | None = Field(default=None, index=True)
    end_date: dt.date | None = None
    city: str | None = Field(default=None, sa_type=sa.Text)
    country: str | None = Field(default=None, sa_type=sa.String(2))
    organisers: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    topics: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    description: str | None = Field(default=None, sa_type=sa.Text)
    url: str | None = Field(default=None, sa_type=sa.Text)
    registration_deadline: dt.date | None = None
    documents: list[dict[str, str]] = Field(default_factory=list, sa_type=sa.JSON)
    status: str = Field(sa_type=KEY)
    first_seen: dt.datetime = Field(sa_type=UTCDateTime)
    last_seen: dt.datetime = Field(sa_type=UTCDateTime)
    last_changed: dt.datetime = Field(sa_type=UTCDateTime, index=True)
    fingerprint: str = Field(sa_type=KEY)
    revision_count: int = 0
    # Set when an operator merged this event into another: it is kept (its published history
    # keeps its ids) but no longer listed, matched or revised.
    # No foreign key: SQLite cannot add one to an existing table without copying it.
    merged_into: int | None = Field(default=None, index=True)


class CrawlRun(SQLModel, table=True):
    __tablename__ = "crawl_run"
    __table_args__ = (sa.Index("ix_crawl_run_source_started_at", "source", "started_at"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(sa_type=KEY)
    started_at: dt.datetime = Field(sa_type=UTCDateTime)
    finished_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    status: str = Field(sa_type=KEY)  # running | ok | partial | failed | interrupted
    # crawl: fetched pages; reextract: read stored pages again (never counts as a crawl's
    # success or failure: a re-read fetches nothing).
    kind: str = Field(default="crawl", sa_type=KEY, sa_column_kwargs={"server_default": "crawl"})
    pages: int = 0
    items: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    stats: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)


class Sighting(SQLModel, table=True):
    """One event as one page of one source describes it (merged over crawls)."""

    __tablename__ = "sighting"
    __table_args__ = (sa.UniqueConstraint("source", "url"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(sa_type=KEY)
    url: str = Field(sa_type=sa.Text)
    event_id: int = Field(foreign_key="event.id", index=True)
    fields: dict[str, Any] = Field(sa_type=sa.JSON)  # EventFields.to_json()
    raw: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    first_seen: dt.datetime = Field(sa_type=UTCDateTime)
    last_seen: dt.datetime = Field(sa_type=UTCDateTime)
    last_run_id: int | None = Field(default=None, foreign_key="crawl_run.id", index=True)
    match_score: float | None = None
    # Successful crawls in a row that fetched this page without finding the event on it; at
    # WITHDRAWN_AFTER the source counts as no longer announcing it (never after a failed crawl).
    missed_runs: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    withdrawn: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class Revision(SQLModel, table=True):
    """An event's creation ("new") or one change of its canonical fields ("changed")."""

    __tablename__ = "revision"
    __table_args__ = (sa.UniqueConstraint("event_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id")
    seq: int
    uid: str = Field(sa_type=sa.String(80), unique=True)  # f"{event.uid}-r{seq}"
    kind: str = Field(sa_type=KEY)
    changes: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    snapshot: dict[str, Any] = Field(sa_type=sa.JSON)  # EventFields.to_json() after the revision
    at: dt.datetime = Field(sa_type=UTCDateTime, index=True)
    run_id: int | None = Field(default=None, foreign_key="crawl_run.id", index=True)
    source: str | None = Field(default=None, sa_type=KEY)
    # None: the site changed. "correction": confwatch read the same stored page again, better.
    cause: str | None = Field(default=None, sa_type=KEY)


class PageState(SQLModel, table=True):
    """Validators and content hash of one fetched page, for conditional GET; and the last body
    whose events were read, to read it again when extraction changes (``spiders/reextract.py``)."""

    __tablename__ = "page_state"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_type=sa.Text, unique=True)
    source: str = Field(sa_type=KEY, index=True)
    etag: str | None = Field(default=None, sa_type=sa.Text)
    last_modified: str | None = Field(default=None, sa_type=sa.Text)
    content_hash: str | None = Field(default=None, sa_type=KEY)
    last_status: int | None = None
    last_fetched: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_changed: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    body: bytes | None = Field(default=None, sa_type=sa.LargeBinary)  # zlib-compressed UTF-8
    extraction: str | None = Field(default=None, sa_type=sa.String(80))  # version/settings hash
    read_on: dt.date | None = None  # the day the body was read: its "today" when read again


EVENT = Event.__table__  # type: ignore[attr-defined]
SIGHTING = Sighting.__table__  # type: ignore[attr-defined]
REVISION = Revision.__table__  # type: ignore[attr-defined]
CRAWL_RUN = CrawlRun.__table__  # type: ignore[attr-defined]
PAGE_STATE = PageState.__table__  # type: ignore[attr-defined]
SOURCE = Source.__table__  # type: ignore[attr-defined]


class Subscriber(SQLModel, table=True):
    """Someone who receives the digest, with the filters that choose what they see."""

    __tablename__ = "subscriber"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(sa_type=sa.String(254), unique=True)  # lower-cased domain, as validated
    name: str | None = Field(default=None, sa_type=sa.Text)
    frequency: str = Field(sa_type=KEY)  # weekly | daily
    organisers: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    countries: list[str] = Field(default_factory=list, sa_type=sa.JSON)  # ISO alpha-2
    topics: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    keywords: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    health_notes: bool = False  # operators: add the sources' health to the digest
    active: bool = True
    origin: str = Field(sa_type=KEY)  # cli | config: who may change or remove it
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class Outbox(SQLModel, table=True):
    """One digest for one subscriber and one period, rendered and stored BEFORE it is sent.

    The unique (subscriber, period) key makes "at most one digest per period" a database fact;
    the stored message (with its deterministic Message-ID) is what every retry sends again.
    """

    __tablename__ = "outbox"
    __table_args__ = (sa.UniqueConstraint("subscriber_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    subscriber_id: int = Field(foreign_key="subscriber.id")
    period: str = Field(sa_type=sa.String(16))  # 2026-W47 | 2026-11-20
    recipient: str = Field(sa_type=sa.String(254))
    message_id: str = Field(sa_type=sa.Text)
    subject: str = Field(sa_type=sa.Text)
    message: str = Field(sa_type=sa.Text)  # the whole RFC 5322 message, sent byte for byte
    new: int = 0
    changed: int = 0
    status: str = Field(sa_type=KEY, index=True)  # pending | sent | skipped
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_type=sa.Text)
    # A run owns a pending row while sending it; a lease older than LEASE is a crashed run's.
    sending_since: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


SUBSCRIBER = Subscriber.__table__  # type: ignore[attr-defined]
OUTBOX = Outbox.__table__  # type: ignore[attr-defined]


class Notifier(SQLModel, table=True):
    """A subscriber reached through Apprise URLs (chat, webhooks) instead of email (issue 17).

    ``urls`` hold the services' tokens: they are shown only masked. ``cursor`` (mode "each"):
    changes recorded before it have been considered already.
    """

    __tablename__ = "notifier"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=sa.String(120), unique=True)
    urls: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    mode: str = Field(sa_type=KEY)  # weekly | each
    organisers: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    countries: list[str] = Field(default_factory=list, sa_type=sa.JSON)  # ISO alpha-2
    topics: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    keywords: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    active: bool = True
    origin: str = Field(sa_type=KEY)  # cli
    cursor: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class NotifyOutbox(SQLModel, table=True):
    """One notification for one notifier URL, stored BEFORE it is sent (as ``outbox`` for email).

    Unique (notifier, target, key): at most one message per URL and week ("2026-W47") or per
    change (the revision's uid). ``target`` is a hash of the URL, so the secret is not copied.
    """

    __tablename__ = "notify_outbox"
    __table_args__ = (sa.UniqueConstraint("notifier_id", "target", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    notifier_id: int = Field(foreign_key="notifier.id")
    target: str = Field(sa_type=KEY)  # sha256 of the Apprise URL
    shown: str = Field(sa_type=sa.Text)  # the URL masked, for listings, logs and errors
    key: str = Field(sa_type=KEY)
    title: str = Field(sa_type=sa.Text)
    body: str = Field(sa_type=sa.Text)
    status: str = Field(sa_type=KEY, index=True)  # pending | sent | skipped
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_type=sa.Text)
    sending_since: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


NOTIFIER = Notifier.__table__  # type: ignore[attr-defined]
NOTIFY_OUTBOX = NotifyOutbox.__table__  # type: ignore[attr-defined]
