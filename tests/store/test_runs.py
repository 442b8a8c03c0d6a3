"""Crawl runs: errors, listings and the per-source health verdicts."""

from __future__ import annotations

import datetime as dt

from confwatch.store import SourceInfo, Store

from .conftest import T0

DAY = dt.timedelta(days=1)


def test_errors_are_recorded_on_the_run_before_it_finishes(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.add_error(run, "https://www.osce.org/event/x", "timed out after 30 s")
    store.add_error(run, None, "spider crashed")
    (running,) = store.runs()
    assert running.status == "running"
    assert running.errors == [
        {"url": "https://www.osce.org/event/x", "message": "timed out after 30 s"},
        {"url": None, "message": "spider crashed"},
    ]


def test_runs_newest_first_and_last_run_per_source(store: Store) -> None:
    first = store.begin_run("osce", now=T0)
    store.finish_run(first, status="ok", pages=1, now=T0)
    second = store.begin_run("osce", now=T0 + DAY)
    store.begin_run("unoct", now=T0)
    assert [r.id for r in store.runs(source="osce")] == [second.id, first.id]
    last = store.last_runs()
    assert set(last) == {"osce", "unoct"}
    assert last["osce"].id == second.id


def _health(store: Store, now: dt.datetime) -> dict[str, str]:
    max_age = {"osce": DAY, "unoct": DAY, "mfa-mn": DAY, "late": DAY}
    return {h.source: h.state for h in store.source_health(now, max_age)}


def test_source_health_states(store: Store) -> None:
    ok = store.begin_run("osce", now=T0)
    store.finish_run(ok, status="ok", pages=3, now=T0)
    good = store.begin_run("unoct", now=T0 - DAY)
    store.finish_run(good, status="ok", pages=3, now=T0 - DAY)
    failed = store.begin_run("unoct", now=T0)
    store.add_error(failed, "https://www.un.org/", "HTTP 500")
    store.finish_run(failed, status="failed", pages=0, now=T0)
    stale = store.begin_run("late", now=T0 - 3 * DAY)
    store.finish_run(stale, status="partial", pages=1, now=T0 - 3 * DAY)
    assert _health(store, T0 + dt.timedelta(hours=1)) == {
        "osce": "ok",
        "unoct": "failing",
        "mfa-mn": "never",
        "late": "overdue",
    }


def test_failing_message_names_the_first_error(store: Store) -> None:
    run = store.begin_run("unoct", now=T0)
    store.add_error(run, "https://www.un.org/", "HTTP 500")
    store.finish_run(run, status="failed", pages=0, now=T0)
    (health,) = store.source_health(T0, {"unoct": DAY})
    assert "HTTP 500" in health.message
    assert health.last_success_at is None


def test_recovered_source_is_ok_again(store: Store) -> None:
    failed = store.begin_run("osce", now=T0)
    store.finish_run(failed, status="failed", pages=0, now=T0)
    ok = store.begin_run("osce", now=T0 + DAY)
    store.finish_run(ok, status="ok", pages=1, now=T0 + DAY)
    (health,) = store.source_health(T0 + DAY, {"osce": DAY})
    assert health.state == "ok"
    assert health.last_success_at == T0 + DAY


def test_sync_sources_inserts_and_updates(store: Store) -> None:
    store.sync_sources([SourceInfo("osce", "OSCE events", "OSCE", "https://www.osce.org", "osce")])
    store.sync_sources(
        [
            SourceInfo("osce", "OSCE", "OSCE", "https://www.osce.org", "osce"),
            SourceInfo("mfa-mn", "MFA Mongolia", None, "https://mfa.gov.mn", "generic"),
        ]
    )
    assert [(s.key, s.name) for s in store.sources()] == [
        ("mfa-mn", "MFA Mongolia"),
        ("osce", "OSCE"),
    ]
