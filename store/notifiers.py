"""Notifiers (subscribers reached through Apprise URLs) and their outbox, from render to "sent".

The same guarantee as the email outbox (``store/subscribers.py``): ``add_outbox`` stores each
message under a UNIQUE (notifier, URL hash, key) before anything is sent; ``claim`` leases a
pending row to one sender; ``mark_sent`` runs only after the service accepted it;
``mark_failed`` records the error and leaves the row pending for the next run. One row per URL,
so a failing Slack hook never makes a working webhook receive the message twice.

Reached through the store: ``store.notifiers.add(spec, ...)`` (a ``Notifiers``); each call is one
transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, Row
from sqlalchemy.exc import IntegrityError

from confwatch.store.models import NOTIFIER, NOTIFY_OUTBOX
from confwatch.store.subscribers import LEASE, _writer, filters_json

MODES = ("weekly", "each")


def target_of(url: str) -> str:
    """The outbox's name for a URL: a hash, so its tokens are stored once, in ``notifier``."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


@dataclass
class NotifierSpec:
    """A notifier as the CLI describes it (name and URLs already validated)."""

    name: str
    urls: list[str]
    mode: str = "weekly"
    organisers: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


@dataclass
class NotifierView(NotifierSpec):
    id: int = 0
    active: bool = True
    origin: str = "cli"
    cursor: dt.datetime | None = None
    created_at: dt.datetime | None = None

    def to_json(self, shown: Callable[[str], str]) -> dict[str, Any]:
        """As ``subscribers list --json`` prints it beside the email subscribers: ``email`` null
        and the URLs under ``notify``, each as ``shown`` gives it (masked: they hold tokens)."""
        return {
            "id": self.id,
            "email": None,
            "name": self.name,
            "notify": [shown(u) for u in self.urls],
            "mode": self.mode,
            "filters": filters_json(self),
            "active": self.active,
            "origin": self.origin,
        }


@dataclass
class NotificationView:
    id: int
    notifier_id: int
    target: str
    shown: str
    key: str
    title: str
    body: str
    status: str
    attempts: int
    last_error: str | None
    sent_at: dt.datetime | None


@dataclass
class NewNotification:
    notifier_id: int
    target: str
    shown: str
    key: str
    title: str
    body: str
    status: str = "pending"  # or "skipped": recorded so that no later run sends it


def _notifier(row: Row[Any]) -> NotifierView:
    return NotifierView(
        id=row.id,
        name=row.name,
        urls=list(row.urls or []),
        mode=row.mode,
        organisers=list(row.organisers or []),
        countries=list(row.countries or []),
        topics=list(row.topics or []),
        keywords=list(row.keywords or []),
        active=bool(row.active),
        origin=row.origin,
        cursor=row.cursor,
        created_at=row.created_at,
    )


def _notification(row: Row[Any]) -> NotificationView:
    return NotificationView(
        id=row.id,
        notifier_id=row.notifier_id,
        target=row.target,
        shown=row.shown,
        key=row.key,
        title=row.title,
        body=row.body,
        status=row.status,
        attempts=row.attempts,
        last_error=row.last_error,
        sent_at=row.sent_at,
    )


class Notifiers:
    """The notifiers and their outbox in one store: ``store.notifiers``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = _writer(engine)

    # -- notifiers ----------------------------------------------------------------------------

    def get(self, name: str) -> NotifierView | None:
        query = sa.select(NOTIFIER).where(sa.func.lower(NOTIFIER.c.name) == name.lower())
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return _notifier(row) if row is not None else None

    def add(self, spec: NotifierSpec, *, origin: str, now: dt.datetime) -> NotifierView:
        """Insert, or update and reactivate the notifier with this name (case-insensitive). Mode
        "each" starts at ``now``: changes recorded before a notifier existed are not news to it."""
        values = {
            "name": spec.name,
            "urls": list(spec.urls),
            "mode": spec.mode,
            "organisers": list(spec.organisers),
            "countries": [c.upper() for c in spec.countries],
            "topics": list(spec.topics),
            "keywords": list(spec.keywords),
            "active": True,
            "origin": origin,
            "updated_at": now,
        }
        with self._writer.begin() as conn:
            known = conn.execute(
                sa.select(NOTIFIER.c.id, NOTIFIER.c.active, NOTIFIER.c.mode).where(
                    sa.func.lower(NOTIFIER.c.name) == spec.name.lower()
                )
            ).first()
            if known is None:
                conn.execute(sa.insert(NOTIFIER).values(created_at=now, cursor=now, **values))
            else:
                restart = not known.active or known.mode != spec.mode
                cursor = {"cursor": now} if restart else {}
                conn.execute(
                    sa.update(NOTIFIER).where(NOTIFIER.c.id == known.id).values(**values, **cursor)
                )
        found = self.get(spec.name)
        assert found is not None
        return found

    def remove(self, name: str, *, now: dt.datetime) -> bool:
        """Deactivate (rows are kept: the outbox refers to them, and re-adding must not resend)."""
        with self._writer.begin() as conn:
            result = conn.execute(
                sa.update(NOTIFIER)
                .where(sa.func.lower(NOTIFIER.c.name) == name.lower())
                .where(NOTIFIER.c.active.is_(True))
                .values(active=False, updated_at=now)
            )
            return bool(result.rowcount)

    def listing(self, *, include_inactive: bool = False) -> list[NotifierView]:
        query = sa.select(NOTIFIER).order_by(NOTIFIER.c.name)
        if not include_inactive:
            query = query.where(NOTIFIER.c.active.is_(True))
        with self._engine.connect() as conn:
            return [_notifier(r) for r in conn.execute(query)]

    def advance(self, notifier_id: int, cursor: dt.datetime) -> None:
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(NOTIFIER).where(NOTIFIER.c.id == notifier_id).values(cursor=cursor)
            )

    # -- the outbox ---------------------------------------------------------------------------

    def known_keys(self, notifier_id: int, keys: list[str]) -> set[tuple[str, str]]:
        """The (target, key) pairs already in the outbox for this notifier, among ``keys``."""
        if not keys:
            return set()
        query = sa.select(NOTIFY_OUTBOX.c.target, NOTIFY_OUTBOX.c.key).where(
            NOTIFY_OUTBOX.c.notifier_id == notifier_id, NOTIFY_OUTBOX.c.key.in_(keys)
        )
        with self._engine.connect() as conn:
            return {(r.target, r.key) for r in conn.execute(query)}

    def add_outbox(self, note: NewNotification, *, now: dt.datetime) -> bool:
        """Store a rendered notification; False (and nothing written) when its key exists."""
        if note.status not in ("pending", "skipped"):
            raise ValueError(f"add_outbox: a new notification cannot be {note.status!r}")
        values = {**vars(note), "created_at": now, "attempts": 0}
        try:
            with self._writer.begin() as conn:
                conn.execute(sa.insert(NOTIFY_OUTBOX).values(values))
        except IntegrityError:  # another run stored this (notifier, target, key) first
            return False
        return True

    def pending(self) -> list[tuple[NotificationView, NotifierView]]:
        """Notifications still to send to active notifiers, oldest first, with their notifier."""
        query = (
            sa.select(NOTIFY_OUTBOX)
            .where(NOTIFY_OUTBOX.c.status == "pending")
            .order_by(NOTIFY_OUTBOX.c.created_at, NOTIFY_OUTBOX.c.id)
        )
        with self._engine.connect() as conn:
            rows = [_notification(r) for r in conn.execute(query)]
        notifiers = {n.id: n for n in self.listing()}  # active ones only
        return [(row, notifiers[row.notifier_id]) for row in rows if row.notifier_id in notifiers]

    def outbox(self) -> list[NotificationView]:
        query = sa.select(NOTIFY_OUTBOX).order_by(NOTIFY_OUTBOX.c.created_at, NOTIFY_OUTBOX.c.id)
        with self._engine.connect() as conn:
            return [_notification(r) for r in conn.execute(query)]

    def claim(self, row_id: int, *, now: dt.datetime, lease: dt.timedelta = LEASE) -> bool:
        """Lease a pending row to this sender (and count the attempt); False when another sender
        holds it or it was sent meanwhile. A crashed sender's lease expires after ``lease``."""
        free = sa.or_(
            NOTIFY_OUTBOX.c.sending_since.is_(None), NOTIFY_OUTBOX.c.sending_since <= now - lease
        )
        with self._writer.begin() as conn:
            result = conn.execute(
                sa.update(NOTIFY_OUTBOX)
                .where(NOTIFY_OUTBOX.c.id == row_id, NOTIFY_OUTBOX.c.status == "pending", free)
                .values(sending_since=now, attempts=NOTIFY_OUTBOX.c.attempts + 1)
            )
            return bool(result.rowcount)

    def mark_sent(self, row_id: int, *, now: dt.datetime) -> None:
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(NOTIFY_OUTBOX)
                .where(NOTIFY_OUTBOX.c.id == row_id)
                .values(status="sent", sent_at=now, sending_since=None, last_error=None)
            )

    def mark_failed(self, row_id: int, error: str) -> None:
        """Record why sending failed and release the lease: the next run tries again."""
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(NOTIFY_OUTBOX)
                .where(NOTIFY_OUTBOX.c.id == row_id, NOTIFY_OUTBOX.c.status == "pending")
                .values(sending_since=None, last_error=error[:2000])
            )

    def mark_skipped(self, row_id: int, reason: str) -> None:
        """A pending row whose URL was removed from its notifier: nothing to send it to."""
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(NOTIFY_OUTBOX)
                .where(NOTIFY_OUTBOX.c.id == row_id, NOTIFY_OUTBOX.c.status == "pending")
                .values(status="skipped", sending_since=None, last_error=reason)
            )
