"""Digest subscribers and the outbox: who gets a digest, and each digest from render to "sent".

Reached through the store: ``store.subscribers.add(spec, ...)`` (a ``Subscribers``); each call is
one transaction. The outbox is the delivery guarantee: ``add_outbox`` stores the rendered message
under a UNIQUE (subscriber, period) key before anything is sent; ``claim`` leases a pending row to
one sender; ``mark_sent`` runs only after the SMTP server accepted the message; ``mark_failed``
records the error and leaves the row pending for the next run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine, Row
from sqlalchemy.exc import IntegrityError

from confwatch.store.db import IMMEDIATE
from confwatch.store.models import OUTBOX, SUBSCRIBER

LEASE = dt.timedelta(minutes=15)  # a pending row claimed longer ago belongs to a crashed run
OUTBOX_STATUSES = ("pending", "sent", "skipped")


class Filtered(Protocol):
    """What a subscriber or a notifier wants to hear about."""

    organisers: list[str]
    countries: list[str]
    topics: list[str]
    keywords: list[str]


def filters_json(wanted: Filtered) -> dict[str, list[str]]:
    """The ``filters`` object of ``subscribers list --json``, for subscribers and notifiers."""
    return {
        "organisers": wanted.organisers,
        "countries": wanted.countries,
        "topics": wanted.topics,
        "keywords": wanted.keywords,
    }


@dataclass
class SubscriberSpec:
    """A subscriber as the CLI or the configuration describes it (email already validated)."""

    email: str
    name: str | None = None
    frequency: str = "weekly"
    organisers: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    health_notes: bool = False


@dataclass
class SubscriberView(SubscriberSpec):
    id: int = 0
    active: bool = True
    origin: str = "cli"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "email": self.email,
            "name": self.name,
            "frequency": self.frequency,
            "filters": filters_json(self),
            "health_notes": self.health_notes,
            "active": self.active,
            "origin": self.origin,
        }


@dataclass
class OutboxView:
    id: int
    subscriber_id: int
    period: str
    recipient: str
    message_id: str
    subject: str
    message: str
    new: int
    changed: int
    status: str
    created_at: dt.datetime
    attempts: int
    last_error: str | None
    sent_at: dt.datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "recipient": self.recipient,
            "period": self.period,
            "status": self.status,
            "subject": self.subject,
            "message_id": self.message_id,
            "new": self.new,
            "changed": self.changed,
            "attempts": self.attempts,
            "last_error": self.last_error,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
        }


def _writer(engine: Engine) -> Engine:
    # As in Store: SQLite writers take the write lock at BEGIN, never half-way.
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{IMMEDIATE: True})
    return engine


def _subscriber(row: Row[Any]) -> SubscriberView:
    return SubscriberView(
        id=row.id,
        email=row.email,
        name=row.name,
        frequency=row.frequency,
        organisers=list(row.organisers or []),
        countries=list(row.countries or []),
        topics=list(row.topics or []),
        keywords=list(row.keywords or []),
        health_notes=bool(row.health_notes),
        active=bool(row.active),
        origin=row.origin,
    )


def _outbox(row: Row[Any]) -> OutboxView:
    return OutboxView(
        id=row.id,
        subscriber_id=row.subscriber_id,
        period=row.period,
        recipient=row.recipient,
        message_id=row.message_id,
        subject=row.subject,
        message=row.message,
        new=row.new,
        changed=row.changed,
        status=row.status,
        created_at=row.created_at,
        attempts=row.attempts,
        last_error=row.last_error,
        sent_at=row.sent_at,
    )


def _values(spec: SubscriberSpec) -> dict[str, Any]:
    return {
        "email": spec.email,
        "name": spec.name,
        "frequency": spec.frequency,
        "organisers": list(spec.organisers),
        "countries": [c.upper() for c in spec.countries],
        "topics": list(spec.topics),
        "keywords": list(spec.keywords),
        "health_notes": spec.health_notes,
    }


@dataclass
class NewDigest:
    subscriber_id: int
    period: str
    recipient: str
    message_id: str
    subject: str
    message: str
    new: int
    changed: int
    status: str = "pending"  # or "skipped": an empty digest nobody wants to receive


class Subscribers:
    """The digest's subscribers and their outbox in one store: ``store.subscribers``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = _writer(engine)

    # -- subscribers --------------------------------------------------------------------------

    def get(self, email: str) -> SubscriberView | None:
        query = sa.select(SUBSCRIBER).where(sa.func.lower(SUBSCRIBER.c.email) == email.lower())
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return _subscriber(row) if row is not None else None

    def add(self, spec: SubscriberSpec, *, origin: str, now: dt.datetime) -> SubscriberView:
        """Insert, or update and reactivate the subscriber with this address (case-insensitive)."""
        with self._writer.begin() as conn:
            query = sa.select(SUBSCRIBER.c.id).where(
                sa.func.lower(SUBSCRIBER.c.email) == spec.email.lower()
            )
            known = conn.execute(query).scalar()
            values = {**_values(spec), "active": True, "origin": origin, "updated_at": now}
            if known is None:
                conn.execute(sa.insert(SUBSCRIBER).values(created_at=now, **values))
            else:
                conn.execute(sa.update(SUBSCRIBER).where(SUBSCRIBER.c.id == known).values(values))
        found = self.get(spec.email)
        assert found is not None
        return found

    def remove(self, email: str, *, now: dt.datetime) -> bool:
        """Deactivate (rows are kept: the outbox refers to them, and re-adding must not resend)."""
        with self._writer.begin() as conn:
            result = conn.execute(
                sa.update(SUBSCRIBER)
                .where(sa.func.lower(SUBSCRIBER.c.email) == email.lower())
                .where(SUBSCRIBER.c.active.is_(True))
                .values(active=False, updated_at=now)
            )
            return bool(result.rowcount)

    def listing(self, *, include_inactive: bool = False) -> list[SubscriberView]:
        query = sa.select(SUBSCRIBER).order_by(SUBSCRIBER.c.email)
        if not include_inactive:
            query = query.where(SUBSCRIBER.c.active.is_(True))
        with self._engine.connect() as conn:
            return [_subscriber(r) for r in conn.execute(query)]

    def sync_configured(self, specs: Sequence[SubscriberSpec], *, now: dt.datetime) -> None:
        """Make the configuration's [[subscribers]] the active "config" subscribers: insert or
        update each, deactivate those no longer listed. Others added on the command line are
        untouched."""
        listed = {s.email.lower() for s in specs}
        for spec in specs:
            current = self.get(spec.email)
            unchanged = (
                current is not None
                and current.active
                and current.origin == "config"
                and _values(current) == _values(spec)
            )
            if not unchanged:  # the file wins, also over an address first added on the command line
                self.add(spec, origin="config", now=now)
        with self._writer.begin() as conn:
            rows = conn.execute(
                sa.select(SUBSCRIBER.c.id, SUBSCRIBER.c.email)
                .where(SUBSCRIBER.c.origin == "config")
                .where(SUBSCRIBER.c.active.is_(True))
            ).all()
            gone = [r.id for r in rows if r.email.lower() not in listed]
            if gone:
                conn.execute(
                    sa.update(SUBSCRIBER)
                    .where(SUBSCRIBER.c.id.in_(gone))
                    .values(active=False, updated_at=now)
                )

    # -- the outbox ---------------------------------------------------------------------------

    def has_outbox(self, subscriber_id: int, period: str) -> bool:
        query = sa.select(OUTBOX.c.id).where(
            OUTBOX.c.subscriber_id == subscriber_id, OUTBOX.c.period == period
        )
        with self._engine.connect() as conn:
            return conn.execute(query).first() is not None

    def add_outbox(self, digest: NewDigest, *, now: dt.datetime) -> bool:
        """Store a rendered digest; False (and nothing written) when the key already exists."""
        if digest.status not in ("pending", "skipped"):
            raise ValueError(f"add_outbox: a new digest cannot be {digest.status!r}")
        values = {**vars(digest), "created_at": now, "attempts": 0}
        try:
            with self._writer.begin() as conn:
                conn.execute(sa.insert(OUTBOX).values(values))
        except IntegrityError:  # another run stored this (subscriber, period) first
            return False
        return True

    def pending(self) -> list[OutboxView]:
        """Digests still to send to active subscribers, oldest first."""
        query = (
            sa.select(OUTBOX)
            .join(SUBSCRIBER, SUBSCRIBER.c.id == OUTBOX.c.subscriber_id)
            .where(OUTBOX.c.status == "pending", SUBSCRIBER.c.active.is_(True))
            .order_by(OUTBOX.c.created_at, OUTBOX.c.id)
        )
        with self._engine.connect() as conn:
            return [_outbox(r) for r in conn.execute(query)]

    def outbox(self, *, period: str | None = None) -> list[OutboxView]:
        query = sa.select(OUTBOX).order_by(OUTBOX.c.created_at, OUTBOX.c.id)
        if period is not None:
            query = query.where(OUTBOX.c.period == period)
        with self._engine.connect() as conn:
            return [_outbox(r) for r in conn.execute(query)]

    def claim(self, outbox_id: int, *, now: dt.datetime, lease: dt.timedelta = LEASE) -> bool:
        """Lease a pending row to this sender (and count the attempt); False when another run holds
        it or it was sent meanwhile. A crash leaves the lease, which expires after ``lease`` (a
        sender holding the one-sender lock passes 0: any lease left is a dead sender's)."""
        free = sa.or_(OUTBOX.c.sending_since.is_(None), OUTBOX.c.sending_since <= now - lease)
        with self._writer.begin() as conn:
            result = conn.execute(
                sa.update(OUTBOX)
                .where(OUTBOX.c.id == outbox_id, OUTBOX.c.status == "pending", free)
                .values(sending_since=now, attempts=OUTBOX.c.attempts + 1)
            )
            return bool(result.rowcount)

    def mark_sent(self, outbox_id: int, *, now: dt.datetime) -> None:
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(OUTBOX)
                .where(OUTBOX.c.id == outbox_id)
                .values(status="sent", sent_at=now, sending_since=None, last_error=None)
            )

    def mark_failed(self, outbox_id: int, error: str) -> None:
        """Record why sending failed and release the lease: the next run tries again."""
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(OUTBOX)
                .where(OUTBOX.c.id == outbox_id, OUTBOX.c.status == "pending")
                .values(sending_since=None, last_error=error[:2000])
            )
