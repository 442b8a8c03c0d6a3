"""Locks that notice their loss, and a crawl child that cannot outlive its parent.

Real components only: the machine's PostgreSQL (a lock's connection is killed with
``pg_terminate_backend`` from another connection, as an idle-connection killer or a failover
would), the replay server, ``confwatch crawl`` in its own process, and a real ``kill -9`` of it.
The site's listing links to pages that hang for 30 s each, fetched one at a time, so a crawl
runs for minutes unless something stops it.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest
from click.testing import CliRunner

from confwatch.scheduler import locks
from confwatch.scheduler.cli import main
from confwatch.scheduler.config import Settings, load_settings
from confwatch.scheduler.database import open_store
from confwatch.store import migrate
from confwatch.store.records import RunView
from tests.system.conftest import SOURCE, FaultySite

LONG = f"""
[crawl]
timeout = 60
retries = 0
crawl_timeout = "5m"
download_delay = 0
concurrency_per_domain = 1

[[sources]]
key = "{SOURCE}"
kind = "generic"
start_urls = ["https://conf.test/events"]
follow = ['/events/[a-z0-9]+$', '/_fault/']
max_pages = 60
"""
HANGS = [f"https://conf.test/_fault/hang?n={n}" for n in range(5)]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """Overrides the package's fixture: a long, patient crawl (see the module's docstring)."""
    path = tmp_path / "confwatch.toml"
    path.write_text(LONG, "utf-8")
    return path


@pytest.fixture
def slow_site(site: FaultySite) -> FaultySite:
    for url in HANGS:
        site.link(url)
    return site


def unlink_hangs(site: FaultySite) -> None:
    listing = site.root / "conf.test" / "events" / "index.html"
    html = listing.read_text("utf-8")
    for url in HANGS:
        html = html.replace(f'<li><a href="{url}">More</a></li>', "")
    listing.write_text(html, "utf-8")


@pytest.fixture
def pg_env(env: dict[str, str], postgres_url: str) -> dict[str, str]:
    migrate.upgrade(postgres_url)
    return dict(env, DATABASE_URL=postgres_url)


# -- helpers -----------------------------------------------------------------------------------


def raw_pg(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def schema_of(url: str) -> str:
    options = parse_qs(urlsplit(url).query).get("options", [""])[0]
    return options.removeprefix("-csearch_path=") or "public"


def holders(url: str, name: str) -> list[int]:
    """Backend pids holding confwatch's advisory lock ``name`` in the URL's schema."""
    key = locks.advisory_key(name, schema_of(url))
    with psycopg.connect(raw_pg(url), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            " AND classid::bigint = %s AND objid::bigint = %s",
            ((key >> 32) & 0xFFFFFFFF, key & 0xFFFFFFFF),
        ).fetchall()
    return [int(r[0]) for r in rows]


def kill_lock_connection(url: str, name: str) -> int:
    """Terminate the connection holding lock ``name``; waits until the backend is gone."""
    pids = holders(url, name)
    with psycopg.connect(raw_pg(url), autocommit=True) as conn:
        for pid in pids:
            conn.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))
    return len(pids)


def wait_until(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout:g} s: {what}")


def runs(env: dict[str, str]) -> list[RunView]:
    store = open_store(load_settings(env=env), sync_sources=False)
    try:
        return store.runs(source=SOURCE, limit=50)
    finally:
        store.close()


def crawling(env: dict[str, str]) -> bool:
    try:
        return any(r.status == "running" for r in runs(env))
    except Exception:  # the store is not there yet: the crawl is starting
        return False


def hanging(site: FaultySite) -> bool:
    """The crawl has read the listing and both conferences: the hanging pages are in flight."""
    paths = {str(r["path"]) for r in site.replay.requests()}
    return {"/conf.test/events/alpha", "/conf.test/events/beta"} <= paths


def start_crawl(env: dict[str, str], output: Path | None = None) -> subprocess.Popen[str]:
    """``confwatch crawl`` in its own process; its output to pipes, or to the file ``output``
    (a pipe would stay open in an orphaned child, and a reader wait for it)."""
    out = output.open("w") if output else subprocess.PIPE
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "confwatch.scheduler", "crawl", SOURCE, "--json", "--no-feeds"],
            env=env, stdout=out, stderr=subprocess.STDOUT if output else subprocess.PIPE, text=True,
        )  # fmt: skip
    finally:
        if output:
            out.close()  # type: ignore[union-attr]


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(p) for p in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has stopped; only its exit status is left


def pg_settings(tmp_path: Path, url: str) -> Settings:
    return load_settings(env={"CONFWATCH_HOME": str(tmp_path / "home"), "DATABASE_URL": url})


# -- the lock itself -----------------------------------------------------------------------------


def test_holder_learns_that_its_postgres_lock_connection_was_terminated(
    tmp_path: Path, postgres_url: str
) -> None:
    settings = pg_settings(tmp_path, postgres_url)
    with locks.hold(settings, "test-lock") as held:
        assert not held.lost.is_set() and held.verify()
        assert kill_lock_connection(postgres_url, "test-lock") == 1
        assert held.lost.wait(30), "the holder never noticed that its lock was gone"
        assert not held.verify()
    with locks.hold(settings, "test-lock"):
        pass  # free again


def test_releasing_a_lock_whose_connection_died_does_not_raise(
    tmp_path: Path, postgres_url: str
) -> None:
    settings = pg_settings(tmp_path, postgres_url)
    with locks.hold(settings, "test-lock"):
        assert kill_lock_connection(postgres_url, "test-lock") == 1
    assert holders(postgres_url, "test-lock") == []


def test_locks_of_two_stores_in_one_postgres_database_are_independent(
    tmp_path: Path, postgres_url: str
) -> None:
    # Two confwatch installations sharing a database in different schemas (and our tests, run in
    # parallel, each in a schema of its own) must not block each other.
    other = postgres_url.replace("search_path%3D", "search_path%3Dpublic,")
    assert schema_of(other) != schema_of(postgres_url)
    with (
        locks.hold(pg_settings(tmp_path, postgres_url), "test-lock"),
        locks.hold(pg_settings(tmp_path, other), "test-lock"),
    ):
        pass


# -- crawls --------------------------------------------------------------------------------------


def test_crawl_that_loses_its_lock_stops_and_says_so(
    slow_site: FaultySite, pg_env: dict[str, str]
) -> None:
    proc = start_crawl(pg_env)
    try:
        wait_until(lambda: crawling(pg_env) and hanging(slow_site), 60, "the crawl is at work")
        assert kill_lock_connection(pg_env["DATABASE_URL"], f"crawl-{SOURCE}") == 1
        out, err = proc.communicate(timeout=120)  # the hanging pages alone would take 150 s
    finally:
        proc.kill()
    assert proc.returncode == 1, err[-2000:]
    (run,) = json.loads(out)["runs"]
    assert run["status"] == "failed"
    assert any("lost the crawl lock" in e["message"] for e in run["errors"]), run["errors"]
    assert "lock.lost" in err
    assert [r.status for r in runs(pg_env)] == ["failed"]


def test_second_crawl_leaves_the_first_crawls_run_alone_while_the_first_is_alive(
    slow_site: FaultySite, pg_env: dict[str, str]
) -> None:
    first = start_crawl(pg_env)
    try:
        wait_until(lambda: crawling(pg_env) and hanging(slow_site), 60, "the crawl is at work")
        (running,) = runs(pg_env)
        assert kill_lock_connection(pg_env["DATABASE_URL"], f"crawl-{SOURCE}") == 1
        unlink_hangs(slow_site)  # a second crawl that gets to run is quick
        second = subprocess.run(
            [sys.executable, "-m", "confwatch.scheduler", "crawl", SOURCE, "--json", "--no-feeds"],
            env=pg_env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        first.communicate(timeout=120)
    finally:
        first.kill()
    by_id = {r.id: r for r in runs(pg_env)}
    closed = by_id[running.id]
    assert not any("abandoned" in e["message"] for e in closed.errors), closed.errors
    assert closed.status == "failed" and closed.finished_at is not None
    later = [r for r in by_id.values() if r.id != running.id]
    if later:  # the second crawl ran: only after the first had finished
        (run,) = later
        assert run.started_at >= closed.finished_at, second.stderr[-2000:]
    else:
        assert "already running" in second.stderr and second.returncode == 1


def test_crawl_json_reports_its_ok_run_when_the_lock_connection_died_unnoticed(
    site: FaultySite,
    pg_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The lock's connection drops while the crawl works and nobody notices before the run is
    # done (as when it drops just after): releasing it must not turn an ok run into an error.
    monkeypatch.setattr(locks, "CHECK_EVERY", 3600.0, raising=False)
    url = pg_env["DATABASE_URL"]
    killed: list[int] = []

    def killer() -> None:
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            if holders(url, f"crawl-{SOURCE}"):
                killed.append(kill_lock_connection(url, f"crawl-{SOURCE}"))
            time.sleep(0.02)

    thread = threading.Thread(target=killer)
    thread.start()
    try:
        result = CliRunner().invoke(
            main, ["crawl", SOURCE, "--json", "--no-feeds"], env=pg_env, catch_exceptions=False
        )
    finally:
        thread.join()
    assert killed == [1]
    assert result.exit_code == 0, result.stderr[-2000:]
    document = json.loads(result.stdout)
    assert document["ok"] is True
    assert [r["status"] for r in document["runs"]] == ["ok"]


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_env(request: pytest.FixtureRequest, env: dict[str, str]) -> Iterator[dict[str, str]]:
    if request.param == "sqlite":
        yield env
    else:
        yield request.getfixturevalue("pg_env")


def test_killing_the_crawl_parent_stops_its_child_and_the_next_crawl_does_not_overlap(
    slow_site: FaultySite, backend_env: dict[str, str], tmp_path: Path
) -> None:
    env = backend_env
    parent = start_crawl(env, tmp_path / "killed-crawl.log")
    try:
        wait_until(lambda: crawling(env) and hanging(slow_site), 60, "the crawl is at work")
        (child,) = children(parent.pid)
        parent.kill()  # the OOM killer takes the parent only
        parent.wait(timeout=30)
        unlink_hangs(slow_site)  # from now on a crawl of the site is quick
        at_once = subprocess.run(
            [sys.executable, "-m", "confwatch.scheduler", "crawl", SOURCE, "--json", "--no-feeds"],
            env=env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        wait_until(lambda: not alive(child), 30, "the orphaned crawl child stopped")
    finally:
        parent.kill()
        for pid in children(os.getpid()) - {slow_site.replay.proc.pid}:
            os.kill(pid, 9)
    after = subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", "crawl", SOURCE, "--json", "--no-feeds"],
        env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert json.loads(after.stdout)["runs"][0]["status"] == "ok", after.stderr[-2000:]
    history = sorted(runs(env), key=lambda r: r.started_at)
    assert all(r.status != "running" and r.finished_at for r in history)
    orphans_run = history[0]  # closed by the child itself, not by a crawl that came after
    assert not any("abandoned" in e["message"] for e in orphans_run.errors), orphans_run.errors
    for earlier, later in itertools.pairwise(history):
        assert earlier.finished_at is not None
        assert later.started_at >= earlier.finished_at, (at_once.stderr[-2000:], history)
    if len(history) == 2:  # the crawl started at once was refused while the child stopped
        assert "already running" in at_once.stderr
