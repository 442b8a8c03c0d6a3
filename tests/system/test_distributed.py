"""Distributed crawling (decision 0004): one run, several processes, one shared Redis queue.

Real Redis, the real replay server over HTTP, real child processes and PostgreSQL (the
production setup); nothing is mocked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import RedisSpace, ReplaySite


def confwatch(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def base_env(home: Path, site: ReplaySite, database_url: str, delay: str) -> dict[str, str]:
    return dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_REPLAY_URL=site.url,
        CONFWATCH_DOWNLOAD_DELAY=delay,
        DATABASE_URL=database_url,
    )


def distributed_env(env: dict[str, str], space: RedisSpace) -> dict[str, str]:
    return dict(env, CONFWATCH_REDIS_URL=space.url, CONFWATCH_REDIS_PREFIX=space.prefix)


def page_paths(site: ReplaySite) -> Counter[str]:
    """Requests per page, robots.txt aside (every process reads a host's robots.txt once)."""
    return Counter(
        str(r["path"]) for r in site.requests() if not str(r["path"]).endswith("/robots.txt")
    )


def events_of(env: dict[str, str]) -> list[tuple[object, ...]]:
    done = confwatch("events", "--json", env=env)
    assert done.returncode == 0, done.stderr
    # Which title wins among an event's sources depends on the order they were seen: compare
    # the events by what identifies them, their dates, place and pages.
    return sorted(
        (e["start_date"], e["city"], tuple(sorted((s["source"], s["url"]) for s in e["sources"])))
        for e in json.loads(done.stdout)
    )


def test_two_workers_fetch_every_page_once_and_store_every_event_once(
    home: Path, replay_site: ReplaySite, postgres_url: str, redis_space: RedisSpace, tmp_path: Path
) -> None:
    # A worker joins about 4 s after a run is announced (a 2 s settle, then its crawl process
    # starts): at 1 s between a host's pages the coordinator is busy long enough for both.
    env = distributed_env(base_env(home, replay_site, postgres_url, "1.0"), redis_space)
    assert confwatch("db", "upgrade", env=env).returncode == 0
    worker = subprocess.Popen(
        [sys.executable, "-m", "confwatch.scheduler", "worker", "--wait", "60", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    crawl = confwatch("crawl", "--json", "--no-feeds", env=env)
    worker_out, worker_err = worker.communicate(timeout=120)
    assert crawl.returncode == 0, crawl.stderr
    assert worker.returncode == 0, worker_err

    fetched = page_paths(replay_site)
    assert fetched and max(fetched.values()) == 1, [p for p, n in fetched.items() if n > 1]
    # Both processes did part of the work, and the run's counters add up every process's share.
    assert sum(json.loads(worker_out)["pages"].values()) > 0
    runs = {r["source"]: r for r in json.loads(crawl.stdout)["runs"]}
    assert all(r["status"] == "ok" for r in runs.values())
    assert sum(r["pages"] for r in runs.values()) == len(fetched)

    # The same events as one ordinary process crawling the same pages into its own database.
    replay_site.requests(clear=True)
    plain = base_env(
        tmp_path / "plain-home", replay_site, f"sqlite:///{tmp_path / 'plain.db'}", "0"
    )
    assert confwatch("db", "upgrade", env=plain).returncode == 0
    assert confwatch("crawl", "--json", "--no-feeds", env=plain).returncode == 0
    distributed_events = events_of(env)
    assert distributed_events == events_of(plain)
    assert len(set(distributed_events)) == len(distributed_events)


def test_periodic_recrawl_is_not_filtered_by_the_shared_duplicate_filter(
    home: Path, replay_site: ReplaySite, redis_space: RedisSpace
) -> None:
    env = distributed_env(base_env(home, replay_site, f"sqlite:///{home}/cw.db", "0"), redis_space)
    home.mkdir(parents=True, exist_ok=True)
    assert confwatch("db", "upgrade", env=env).returncode == 0
    first = confwatch("crawl", "osce", "--json", "--no-feeds", env=env)
    assert first.returncode == 0, first.stderr
    first_pages = page_paths(replay_site)
    replay_site.requests(clear=True)
    # The listings change, so they are read again and every event link is followed again: links
    # the previous run already requested, which a persistent duplicate filter would drop.
    for listing in (replay_site.root / "www.osce.org" / "events").glob("index*.html"):
        listing.write_text(listing.read_text("utf-8") + "\n<!-- edited -->\n", "utf-8")
    second = confwatch("crawl", "osce", "--json", "--no-feeds", env=env)
    assert second.returncode == 0, second.stderr
    # Every page is asked for again (conditionally), none silently dropped as "already seen".
    assert page_paths(replay_site) == first_pages
    run = json.loads(second.stdout)["runs"][0]
    assert run["pages"] == len(first_pages)
    assert run["not_modified"] == len(first_pages) - 2  # all but the two edited listings


def test_a_finished_run_leaves_the_active_set_and_its_keys_expire(
    home: Path, replay_site: ReplaySite, redis_space: RedisSpace
) -> None:
    env = distributed_env(base_env(home, replay_site, f"sqlite:///{home}/cw.db", "0"), redis_space)
    home.mkdir(parents=True, exist_ok=True)
    assert confwatch("db", "upgrade", env=env).returncode == 0
    done = confwatch("crawl", "gia-mn", "--json", "--no-feeds", env=env)
    assert done.returncode == 0, done.stderr
    run = json.loads(done.stdout)["runs"][0]["run"]
    client = redis_space.client
    assert client.smembers(f"{redis_space.prefix}:runs") == set()
    run_keys = [
        k for k in redis_space.stored_keys() if k.startswith(f"{redis_space.prefix}:gia-mn:{run}:")
    ]
    assert run_keys
    assert all(0 < client.ttl(k) <= 3600 for k in run_keys)
    assert client.hget(f"{redis_space.prefix}:gia-mn:{run}:state", "status") == b"finished"


def test_worker_with_no_announced_run_exits_cleanly(home: Path, redis_space: RedisSpace) -> None:
    env = dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_REDIS_URL=redis_space.url,
        CONFWATCH_REDIS_PREFIX=redis_space.prefix,
    )
    done = confwatch("worker", "--wait", "0", "--json", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"pages": {}}


def test_worker_without_distributed_mode_is_a_configuration_error(home: Path) -> None:
    env = dict(os.environ, CONFWATCH_HOME=str(home))
    env.pop("CONFWATCH_REDIS_URL", None)
    done = confwatch("worker", "--wait", "0", env=env)
    assert done.returncode == 2
    assert "crawl.redis_url" in done.stderr


@pytest.mark.parametrize("url", ["http://127.0.0.1:6379", "127.0.0.1:6379"])
def test_redis_url_must_be_a_redis_address(url: str) -> None:
    from confwatch.errors import ConfigError
    from confwatch.scheduler.config import load_settings

    with pytest.raises(ConfigError, match=r"crawl\.redis_url"):
        load_settings(None, {"CONFWATCH_REDIS_URL": url})
