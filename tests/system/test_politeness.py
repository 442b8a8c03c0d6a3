"""Polite crawling, measured from the replay server's request log (what the site saw)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

from tests.conftest import ReplaySite

DELAY = 0.5
DISALLOWED = "/event/concluding-meeting-27th-osce-economic-and-environmental-forum"


def crawl_osce(
    home: Path, site: ReplaySite, extra: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_REPLAY_URL=site.url,
        CONFWATCH_DOWNLOAD_DELAY=str(DELAY),
        **extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", "crawl", "osce", "--json", "--no-feeds"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def disallow(site: ReplaySite) -> None:
    robots = site.root / "www.osce.org" / "robots.txt"
    robots.write_text(
        robots.read_text("utf-8").replace(
            "User-agent: *\n", f"User-agent: *\nDisallow: {DISALLOWED}\n", 1
        ),
        "utf-8",
    )


def test_robots_txt_is_obeyed(home: Path, replay_site: ReplaySite) -> None:
    disallow(replay_site)
    done = crawl_osce(home, replay_site, {})
    assert done.returncode in (0, 1), done.stderr
    paths = [str(r["path"]) for r in replay_site.requests()]
    assert "/www.osce.org/robots.txt" in paths
    assert paths.index("/www.osce.org/robots.txt") < paths.index("/www.osce.org/events")
    assert f"/www.osce.org{DISALLOWED}" not in paths  # linked from the listing, refused by robots


@pytest.mark.parametrize(
    "mode",
    [
        "plain",
        "distributed",
    ],
)
def test_requests_to_one_host_never_overlap_and_are_spaced_by_the_delay(
    home: Path, replay_site: ReplaySite, mode: str, request: pytest.FixtureRequest
) -> None:
    extra: dict[str, str] = {}
    if mode == "distributed":
        space = request.getfixturevalue("redis_space")
        extra = {"CONFWATCH_REDIS_URL": space.url, "CONFWATCH_REDIS_PREFIX": space.prefix}
    done = crawl_osce(home, replay_site, extra)
    assert done.returncode in (0, 1), done.stderr
    log = replay_site.requests()
    # Without the robots rule that page is fetched, so its absence in test_robots_txt_is_obeyed
    # is robots.txt at work.
    assert f"/www.osce.org{DISALLOWED}" in [str(r["path"]) for r in log]
    by_host: dict[str, list[float]] = defaultdict(list)
    for r in log:
        by_host[str(r["path"]).split("/")[1]].append(float(r["at"]))  # type: ignore[arg-type]
    osce = sorted(by_host["www.osce.org"])
    assert len(osce) >= 5
    gaps = [b - a for a, b in pairwise(osce)]
    # The server answers a local file in milliseconds, so a gap of at least the delay between
    # arrivals also means no two requests to the host were ever in flight together.
    assert min(gaps) >= DELAY - 0.02, [round(g, 3) for g in gaps]
    assert all(r["user_agent"] and "confwatch" in str(r["user_agent"]) for r in log)
