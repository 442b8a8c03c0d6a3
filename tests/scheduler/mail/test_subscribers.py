"""The outbox and subscriber tables: unique keys, exclusive leases, configuration sync."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from confwatch.store import subscribers as subs
from confwatch.store.api import Store
from confwatch.store.migrate import upgrade

NOW = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    upgrade(database_url)
    with Store.open(database_url) as opened:
        yield opened


def digest(subscriber_id: int, period: str = "2026-W47") -> subs.NewDigest:
    return subs.NewDigest(
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
    sub = subs.add(store.engine, subs.SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    assert subs.add_outbox(store.engine, digest(sub.id), now=NOW)
    assert not subs.add_outbox(store.engine, digest(sub.id), now=NOW)
    assert subs.add_outbox(store.engine, digest(sub.id, "2026-W48"), now=NOW)
    assert [r.period for r in subs.outbox(store.engine)] == ["2026-W47", "2026-W48"]


def test_a_claimed_row_belongs_to_one_sender_until_its_lease_expires(store: Store) -> None:
    sub = subs.add(store.engine, subs.SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    subs.add_outbox(store.engine, digest(sub.id), now=NOW)
    (row,) = subs.pending(store.engine)
    assert subs.claim(store.engine, row.id, now=NOW)
    assert not subs.claim(store.engine, row.id, now=NOW + dt.timedelta(minutes=1))
    assert subs.claim(store.engine, row.id, now=NOW + subs.LEASE + dt.timedelta(seconds=1))
    subs.mark_sent(store.engine, row.id, now=NOW)
    assert not subs.claim(store.engine, row.id, now=NOW + dt.timedelta(days=1))
    (sent,) = subs.outbox(store.engine)
    assert (sent.status, sent.attempts, sent.sent_at) == ("sent", 2, NOW)


def test_a_failure_releases_the_row_for_the_next_run(store: Store) -> None:
    sub = subs.add(store.engine, subs.SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    subs.add_outbox(store.engine, digest(sub.id), now=NOW)
    (row,) = subs.pending(store.engine)
    subs.claim(store.engine, row.id, now=NOW)
    subs.mark_failed(store.engine, row.id, "550 mailbox unavailable")
    (again,) = subs.pending(store.engine)
    assert again.last_error == "550 mailbox unavailable"
    assert subs.claim(store.engine, row.id, now=NOW + dt.timedelta(seconds=1))


def test_a_removed_subscriber_gets_nothing_still_pending(store: Store) -> None:
    sub = subs.add(store.engine, subs.SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    subs.add_outbox(store.engine, digest(sub.id), now=NOW)
    assert subs.remove(store.engine, "A@example.org", now=NOW)
    assert subs.pending(store.engine) == []
    again = subs.add(store.engine, subs.SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    assert again.id == sub.id  # re-adding keeps the key: no second digest for the same period


def test_configuration_sync_adds_updates_and_retires_only_its_own(store: Store) -> None:
    subs.add(store.engine, subs.SubscriberSpec("cli@example.org"), origin="cli", now=NOW)
    subs.sync_configured(
        store.engine,
        [
            subs.SubscriberSpec("a@example.org"),
            subs.SubscriberSpec("b@example.org", countries=["mn"]),
        ],
        now=NOW,
    )
    subs.sync_configured(
        store.engine, [subs.SubscriberSpec("b@example.org", countries=["AT"])], now=NOW
    )
    active = {s.email: s for s in subs.listing(store.engine)}
    assert set(active) == {"b@example.org", "cli@example.org"}
    assert active["b@example.org"].countries == ["AT"]
    assert active["b@example.org"].origin == "config"
