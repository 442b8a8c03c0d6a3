"""The outbox and subscriber tables: unique keys, exclusive leases, configuration sync."""

from __future__ import annotations

import datetime as dt

from confwatch.store.api import Store
from confwatch.store.subscribers import LEASE, NewDigest, SubscriberSpec

NOW = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)


def digest(subscriber_id: int, period: str = "2026-W47") -> NewDigest:
    return NewDigest(
        subscriber_id=subscriber_id,
        period=period,
        recipient="a@example.org",
        message_id=f"<{period}@x>",
        subject="s",
        message="m",
        new=1,
        changed=0,
    )


def test_a_subscriber_and_period_can_hold_only_one_digest(store: Store) -> None:
    sub = store.subscribers.add(SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    assert store.subscribers.add_outbox(digest(sub.id), now=NOW)
    assert not store.subscribers.add_outbox(digest(sub.id), now=NOW)
    assert store.subscribers.add_outbox(digest(sub.id, "2026-W48"), now=NOW)
    assert [r.period for r in store.subscribers.outbox()] == ["2026-W47", "2026-W48"]


def test_a_claimed_row_belongs_to_one_sender_until_its_lease_expires(store: Store) -> None:
    sub = store.subscribers.add(SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    store.subscribers.add_outbox(digest(sub.id), now=NOW)
    (row,) = store.subscribers.pending()
    assert store.subscribers.claim(row.id, now=NOW)
    assert not store.subscribers.claim(row.id, now=NOW + dt.timedelta(minutes=1))
    assert store.subscribers.claim(row.id, now=NOW + LEASE + dt.timedelta(seconds=1))
    store.subscribers.mark_sent(row.id, now=NOW)
    assert not store.subscribers.claim(row.id, now=NOW + dt.timedelta(days=1))
    (sent,) = store.subscribers.outbox()
    assert (sent.status, sent.attempts, sent.sent_at) == ("sent", 2, NOW)


def test_a_failure_releases_the_row_for_the_next_run(store: Store) -> None:
    sub = store.subscribers.add(SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    store.subscribers.add_outbox(digest(sub.id), now=NOW)
    (row,) = store.subscribers.pending()
    store.subscribers.claim(row.id, now=NOW)
    store.subscribers.mark_failed(row.id, "550 mailbox unavailable")
    (again,) = store.subscribers.pending()
    assert again.last_error == "550 mailbox unavailable"
    assert store.subscribers.claim(row.id, now=NOW + dt.timedelta(seconds=1))


def test_a_removed_subscriber_gets_nothing_still_pending(store: Store) -> None:
    sub = store.subscribers.add(SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    store.subscribers.add_outbox(digest(sub.id), now=NOW)
    assert store.subscribers.remove("A@example.org", now=NOW)
    assert store.subscribers.pending() == []
    again = store.subscribers.add(SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    assert again.id == sub.id  # re-adding keeps the key: no second digest for the same period


def test_configuration_sync_adds_updates_and_retires_only_its_own(store: Store) -> None:
    store.subscribers.add(SubscriberSpec("cli@example.org"), origin="cli", now=NOW)
    store.subscribers.sync_configured(
        [
            SubscriberSpec("a@example.org"),
            SubscriberSpec("b@example.org", countries=["mn"]),
        ],
        now=NOW,
    )
    store.subscribers.sync_configured([SubscriberSpec("b@example.org", countries=["AT"])], now=NOW)
    active = {s.email: s for s in store.subscribers.listing()}
    assert set(active) == {"b@example.org", "cli@example.org"}
    assert active["b@example.org"].countries == ["AT"]
    assert active["b@example.org"].origin == "config"
