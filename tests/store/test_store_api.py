"""The Store as the one way in: a context manager, with subscribers and notifiers on it."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.store import Store
from confwatch.store.migrate import upgrade
from confwatch.store.notifiers import NotifierSpec
from confwatch.store.records import FieldChange, SourceRef, health_json
from confwatch.store.subscribers import NewDigest, SubscriberSpec

NOW = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)


def test_with_block_closes_the_store_even_when_it_raises(database_url: str) -> None:
    upgrade(database_url)
    with pytest.raises(RuntimeError), Store.open(database_url) as store:
        store.sources()
        pool = store.engine.pool
        raise RuntimeError("boom")
    assert pool is not store.engine.pool  # dispose() replaced the pool it had


def test_subscribers_are_reached_through_the_store(store: Store) -> None:
    added = store.subscribers.add(SubscriberSpec("A@example.org"), origin="cli", now=NOW)
    assert store.subscribers.get("a@example.org") == added
    assert [s.email for s in store.subscribers.listing()] == ["A@example.org"]
    assert store.subscribers.remove("a@example.org", now=NOW)
    assert store.subscribers.listing() == []


def test_digest_outbox_is_reached_through_the_store(store: Store) -> None:
    sub = store.subscribers.add(SubscriberSpec("a@example.org"), origin="cli", now=NOW)
    digest = NewDigest(sub.id, "2026-W48", sub.email, "<m@x>", "Digest", "text", 1, 0)
    assert store.subscribers.add_outbox(digest, now=NOW)
    assert store.subscribers.has_outbox(sub.id, "2026-W48")
    (row,) = store.subscribers.pending()
    assert store.subscribers.claim(row.id, now=NOW)
    store.subscribers.mark_sent(row.id, now=NOW)
    assert [r.status for r in store.subscribers.outbox()] == ["sent"]


def test_notifiers_are_reached_through_the_store(store: Store) -> None:
    spec = NotifierSpec("desk", ["json://hooks.example.org/x"], mode="each")
    added = store.notifiers.add(spec, origin="cli", now=NOW)
    assert store.notifiers.get("DESK") == added
    assert [n.name for n in store.notifiers.listing()] == ["desk"]
    assert store.notifiers.remove("desk", now=NOW)
    assert store.notifiers.listing() == []


def test_notifier_json_masks_its_urls_as_told_and_shares_the_subscribers_filters(
    store: Store,
) -> None:
    spec = NotifierSpec("desk", ["json://hooks.example.org/secret"], countries=["AT"])
    notifier = store.notifiers.add(spec, origin="cli", now=NOW)
    sub = store.subscribers.add(
        SubscriberSpec("a@example.org", countries=["AT"]), origin="cli", now=NOW
    )
    shown = notifier.to_json(lambda url: "json://***")
    assert shown["notify"] == ["json://***"] and shown["email"] is None
    assert shown["filters"] == sub.to_json()["filters"]


def test_field_change_json_round_trips() -> None:
    change = FieldChange("city", "Vienna", "Graz")
    assert change.to_json() == {"field": "city", "old": "Vienna", "new": "Graz"}
    assert FieldChange.from_json(change.to_json()) == change


def test_source_ref_json_names_source_url_and_withdrawal() -> None:
    ref = SourceRef("osce", "https://www.osce.org/event/x", withdrawn=True)
    assert ref.to_json() == {
        "source": "osce",
        "url": "https://www.osce.org/event/x",
        "withdrawn": True,
    }


@pytest.mark.parametrize(
    ("states", "ok"),
    [(["ok", "never", "disabled"], True), (["ok", "failing"], False), (["overdue"], False)],
)
def test_health_document_is_ok_unless_a_source_is_failing_or_overdue(
    states: list[str], ok: bool
) -> None:
    sources = [{"source": f"s{i}", "state": s} for i, s in enumerate(states)]
    assert health_json(sources, NOW) == {
        "ok": ok,
        "checked_at": "2026-11-30T08:00:00+00:00",
        "sources": sources,
    }
