"""The service on real components: APScheduler with its job store in SQLite, real crawls over the
replay server, alerts judged from real runs, and /healthz over HTTP."""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from confwatch.errors import ConfwatchError
from confwatch.scheduler import locks
from confwatch.scheduler.config import Settings, load_settings
from confwatch.scheduler.crawl.parent import crawl_sources
from confwatch.scheduler.database import open_store
from confwatch.scheduler.service import alerts
from confwatch.scheduler.service.serve import Service, build_scheduler, sync_jobs
from tests.conftest import ReplaySite

CONFIG = """
[[sources]]
key = "unoct"
kind = "unoct"
start_urls = ["https://www.un.org/counterterrorism/regional-conferences-0"]
every = "{every}"
jitter = "0s"

[[sources]]
key = "gia-mn"
kind = "generic"
start_urls = ["https://gia.gov.mn/en/12/item/514"]
every = "{every}"
jitter = "0s"
"""


@pytest.fixture
def settings(
    tmp_path: Path, home: Path, replay_site: ReplaySite, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG.format(every="3s"), "utf-8")
    monkeypatch.setenv("CONFWATCH_REPLAY_URL", replay_site.url)
    monkeypatch.setenv("CONFWATCH_DOWNLOAD_DELAY", "0")
    monkeypatch.setenv("CONFWATCH_CONFIG", str(config))
    return load_settings()


def wait_for(predicate, timeout: float = 90) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError("condition not met in time")


def finished_runs(settings: Settings, key: str) -> list:  # type: ignore[type-arg]
    store = open_store(settings, sync_sources=False)
    try:
        return [r for r in store.runs(source=key, limit=50) if r.status != "running"]
    finally:
        store.close()


def test_two_scheduled_sources_run_repeatedly_never_overlap_and_keep_schedules_across_restart(
    settings: Settings,
) -> None:
    open_store(settings).close()
    scheduler = build_scheduler(settings)
    scheduler.start(paused=True)
    assert sync_jobs(scheduler, settings) == {
        "crawl:unoct": "added",
        "crawl:gia-mn": "added",
        "digest:weekly": "added",
    }
    scheduler.resume()
    try:
        wait_for(lambda: all(len(finished_runs(settings, k)) >= 2 for k in ("unoct", "gia-mn")))
    finally:
        scheduler.shutdown(wait=True)
    for key in ("unoct", "gia-mn"):
        runs = sorted(finished_runs(settings, key), key=lambda r: r.started_at)
        assert all(r.status == "ok" for r in runs)
        for earlier, later in itertools.pairwise(runs):
            assert later.started_at >= earlier.finished_at, "a source's crawls overlapped"

    again = build_scheduler(settings)
    again.start(paused=True)
    try:
        jobs = {j.id: j for j in again.get_jobs()}
        assert set(jobs) == {"crawl:unoct", "crawl:gia-mn", "digest:weekly"}
        assert all(j.next_run_time is not None for j in jobs.values())
        assert sync_jobs(again, settings) == {
            "crawl:unoct": "kept",
            "crawl:gia-mn": "kept",
            "digest:weekly": "kept",
        }
    finally:
        again.shutdown(wait=False)


def test_changed_interval_replaces_the_stored_job_and_removed_source_is_dropped(
    settings: Settings, tmp_path: Path
) -> None:
    open_store(settings).close()
    first = build_scheduler(settings)
    first.start(paused=True)
    sync_jobs(first, settings)
    first.shutdown(wait=False)
    assert settings.config_path is not None
    settings.config_path.write_text(
        CONFIG.format(every="1h").split('[[sources]]\nkey = "gia-mn"')[0], "utf-8"
    )
    changed = load_settings()
    second = build_scheduler(changed)
    second.start(paused=True)
    try:
        assert sync_jobs(second, changed) == {
            "crawl:gia-mn": "removed",
            "crawl:unoct": "replaced",
            "digest:weekly": "kept",
        }
        assert second.get_job("crawl:unoct").misfire_grace_time == 1800
    finally:
        second.shutdown(wait=False)


def test_second_crawl_of_a_running_source_refuses_cleanly(settings: Settings) -> None:
    store = open_store(settings)
    with (
        locks.hold(settings, "crawl-unoct"),
        pytest.raises(Exception, match="already running") as err,
    ):
        crawl_sources(settings, store, ["unoct"])
    assert isinstance(err.value, ConfwatchError)  # locks.Busy or a subclass: one clean line
    assert store.runs(source="unoct") == []
    store.close()


def test_only_one_process_may_hold_the_scheduler_lock(settings: Settings) -> None:
    with (
        locks.hold(settings, "scheduler"),
        pytest.raises(locks.Busy),
        locks.hold(settings, "scheduler"),
    ):
        pass
    with locks.hold(settings, "scheduler"):
        pass  # released when the holder is done


def test_source_whose_page_changed_shape_raises_a_no_events_alert(
    settings: Settings, replay_site: ReplaySite
) -> None:
    store = open_store(settings)
    assert crawl_sources(settings, store, ["unoct"]).runs[0].items == 7
    page = replay_site.page("https://www.un.org/counterterrorism/regional-conferences-0")
    page.write_text(
        "<html><body><main><h1>Regional conferences</h1><p>This page has moved. "
        "Please see our new events calendar.</p></main></body></html>",
        "utf-8",
    )
    run = crawl_sources(settings, store, ["unoct"]).runs[0]
    assert run.status == "ok" and run.items == 0
    raised, cleared = alerts.transitions(store.runs(source="unoct"))
    assert [a.kind for a in raised] == ["no_events"] and cleared == []
    store.close()


def test_source_answering_500_raises_a_failed_alert_and_recovery_clears_it(
    settings: Settings,
) -> None:
    store = open_store(settings)
    assert crawl_sources(settings, store, ["gia-mn"]).runs[0].status == "ok"
    config = settings.config_path
    assert config is not None
    good = config.read_text("utf-8")
    config.write_text(
        good.replace("https://gia.gov.mn/en/12/item/514", "https://gia.gov.mn/_fault/500"), "utf-8"
    )
    failing = load_settings()
    run = crawl_sources(failing, store, ["gia-mn"]).runs[0]
    assert run.status == "failed"
    assert any("HTTP 500" in e["message"] for e in run.errors)
    raised, _ = alerts.transitions(store.runs(source="gia-mn"))
    assert [a.kind for a in raised] == ["failed"]
    config.write_text(good, "utf-8")
    run = crawl_sources(settings, store, ["gia-mn"]).runs[0]
    assert run.status == "ok"
    raised, cleared = alerts.transitions(store.runs(source="gia-mn"))
    assert raised == [] and [a.kind for a in cleared] == ["failed"]
    store.close()


def test_healthz_is_200_when_fresh_and_503_when_a_source_fails(
    settings: Settings, replay_site: ReplaySite
) -> None:
    store = open_store(settings)
    crawl_sources(settings, store, ["unoct", "gia-mn"])
    service = Service(settings, host="127.0.0.1", port=0, schedule=False)
    service.web.start()
    try:
        with urllib.request.urlopen(service.web.url + "/healthz") as r:
            assert r.status == 200
            data = json.loads(r.read())
        assert {s["source"]: s["state"] for s in data["sources"]} == {"unoct": "ok", "gia-mn": "ok"}
        replay_site.proc.terminate()
        replay_site.proc.wait(timeout=10)
        crawl_sources(settings, store, ["gia-mn"])
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(service.web.url + "/healthz")
        assert err.value.code == 503
        states = {s["source"]: s["state"] for s in json.loads(err.value.read())["sources"]}
        assert states == {"unoct": "ok", "gia-mn": "failing"}
    finally:
        service.web.stop()
        store.close()


def test_served_files_have_their_content_types_and_paths_cannot_escape(settings: Settings) -> None:
    settings.feeds_dir.mkdir(parents=True)
    (settings.feeds_dir / "feed.atom").write_text("<feed/>")
    (settings.feeds_dir / "index.html").write_text("<html></html>")
    (settings.home / "secret.txt").write_text("no")
    service = Service(settings, host="127.0.0.1", port=0, schedule=False)
    service.web.start()
    try:
        with urllib.request.urlopen(service.web.url + "/feeds/feed.atom") as r:
            assert r.headers["Content-Type"].startswith("application/atom+xml")
        with urllib.request.urlopen(service.web.url + "/") as r:
            assert r.headers["Content-Type"].startswith("text/html")
        for path in (
            "/feeds/../secret.txt",
            "/feeds/%2e%2e/secret.txt",
            "/feeds//etc/passwd",
            "/secret.txt",
        ):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(service.web.url + path)
            assert err.value.code == 404
        req = urllib.request.Request(service.web.url + "/feeds/feed.atom", method="POST", data=b"x")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req)
        assert err.value.code == 405
    finally:
        service.web.stop()
