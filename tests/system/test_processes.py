"""Crash safety and process hygiene, with real processes: kill -9 in the middle of a crawl, two
crawls of one source at once, and many crawls in one long-lived parent (the scheduler's case)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.crawl import parent as crawling
from confwatch.scheduler.crawl.parent import crawl_sources
from confwatch.scheduler.database import open_store
from tests.system.conftest import (
    SOURCE,
    FaultySite,
    add_event_pages,
    confwatch,
    crawl,
    stored,
)

PAGES = [f"conf{n}" for n in range(18)]


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found |= {int(p) for p in text}
    return found


def start_crawl(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "confwatch.scheduler", "crawl", SOURCE, "--json", "--no-feeds"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_for_items(proc: subprocess.Popen[str], count: int) -> list[str]:
    """Read the crawl's log until ``count`` items were stored; the lines read."""
    assert proc.stderr is not None
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        lines.append(line)
        if sum("item.new" in ln for ln in lines) >= count:
            return lines
    raise AssertionError("the crawl stored too few items:\n" + "".join(lines[-30:]))


def integrity(home: Path) -> str:
    with sqlite3.connect(home / "confwatch.db") as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.mark.parametrize("after_items", [1, 9])
def test_kill_9_mid_crawl_leaves_a_sound_store_and_the_rerun_duplicates_nothing(
    site: FaultySite, env: dict[str, str], home: Path, after_items: int
) -> None:
    urls = ["https://conf.test/events/alpha", "https://conf.test/events/beta"]
    urls += add_event_pages(site.root, PAGES)
    proc = start_crawl(env)
    wait_for_items(proc, after_items)
    (child,) = children(proc.pid)
    os.kill(child, signal.SIGKILL)  # the crawl child, mid-write: the parent survives
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 1
    (killed,) = json.loads(out)["runs"]
    assert killed["status"] == "failed"
    assert any("-9" in e["message"] for e in killed["errors"]), killed["errors"]

    assert integrity(home) == "ok"
    settings = load_settings(env=env)
    store = open_store(settings, sync_sources=False)
    try:
        for event in store.events():  # each stored event is whole: fields, source, revision
            assert event.fields.title and event.fields.start_date and event.sources
            detail = store.event(event.id)
            assert detail is not None and detail.revisions
    finally:
        store.close()

    again = crawl(env)
    assert (again.exit, again.run["status"]) == (0, "ok"), again.errors
    events = stored(env)
    assert len(events) == len(urls)  # every page once: none lost, none twice
    assert len({(f.title, f.start_date) for f in events.values()}) == len(urls)
    assert integrity(home) == "ok"

    assert confwatch(env, "feeds").returncode == 0
    feed = feedparser.parse((home / "feeds" / "feed.atom").read_bytes())
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids))
    titles = [e.title for e in feed.entries]
    assert len(titles) == len(set(titles)), titles


def test_kill_9_of_parent_and_child_leaves_no_lock_and_the_next_crawl_runs(
    site: FaultySite, env: dict[str, str], home: Path
) -> None:
    add_event_pages(site.root, PAGES)
    proc = start_crawl(env)
    wait_for_items(proc, 3)
    (child,) = children(proc.pid)
    proc.kill()  # the whole thing dies at once (OOM killer, power cut): nobody closes the run
    os.kill(child, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert integrity(home) == "ok"
    again = crawl(env)
    assert (again.exit, again.run["status"]) == (0, "ok"), again.stderr[-2000:]
    assert len(stored(env)) == len(PAGES) + 2
    # The abandoned run is closed by the next crawl (holding the source's lock), not left running.
    store = open_store(load_settings(env=env), sync_sources=False)
    try:
        runs = store.runs(source=SOURCE)
        assert [r.status for r in runs] == ["ok", "interrupted"]
        assert any("abandoned" in e["message"] for e in runs[1].errors)
    finally:
        store.close()


def test_two_commands_on_a_fresh_home_at_once_both_open_the_store(env: dict[str, str]) -> None:
    import subprocess
    import sys

    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "confwatch.scheduler", "status", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-1000:]


def test_second_crawl_of_the_same_source_refuses_cleanly(
    site: FaultySite, env: dict[str, str]
) -> None:
    site.link("https://conf.test/_fault/hang")  # keeps the first crawl busy for seconds
    first, second = start_crawl(env), start_crawl(env)
    results = [p.communicate(timeout=120) for p in (first, second)]
    refused = [
        (p, err) for p, (_, err) in zip((first, second), results, strict=True)
        if "already running" in err
    ]  # fmt: skip
    assert len(refused) == 1, [err[-500:] for _, err in results]
    proc, err = refused[0]
    assert proc.returncode == 1
    message = [ln for ln in err.splitlines() if ln.strip()]
    assert message == ["Error: conf-test: a crawl of this source is already running"]
    settings = load_settings(env=env)
    store = open_store(settings, sync_sources=False)
    try:
        assert len(store.runs(source=SOURCE)) == 1  # the refused crawl recorded nothing
    finally:
        store.close()


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_thirty_crawls_in_one_process_leak_neither_memory_nor_children(
    site: FaultySite, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # What `serve` does all day: crawl_sources() again and again in one parent. Each crawl's
    # reactor lives and dies in its own child, so no ReactorNotRestartable, nothing accumulates.
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = load_settings()
    rss: list[int] = []
    for n in range(30):
        store = open_store(settings, sync_sources=n == 0)
        try:
            result = crawl_sources(settings, store, [SOURCE])
        finally:
            store.close()
        assert [r.status for r in result.runs] == ["ok"], result.runs[0].errors
        rss.append(rss_kib())
    assert children(os.getpid()) == {site.replay.proc.pid}
    assert not crawling.RUNNING
    settled, last = sorted(rss[3:8])[2], sorted(rss[-5:])[2]
    assert last - settled < 8 * 1024, rss  # KiB: flat after warm-up
