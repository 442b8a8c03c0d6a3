"""SIGTERM stops a crawl or the service cleanly: runs recorded, the store consistent."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ReplaySite

SLOW = """
[crawl]
timeout = 60
retries = 0

[[sources]]
key = "slow"
kind = "generic"
start_urls = ["https://www.osce.org/_fault/slow"]
"""


def test_sigterm_during_a_crawl_stops_it_and_records_the_run_as_failed(
    tmp_path: Path, home: Path, replay_site: ReplaySite
) -> None:
    config = tmp_path / "slow.toml"
    config.write_text(SLOW, "utf-8")
    env = dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_REPLAY_URL=replay_site.url,
        CONFWATCH_DOWNLOAD_DELAY="0",
        CONFWATCH_CONFIG=str(config),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "confwatch.scheduler", "crawl", "slow", "--json", "--no-feeds"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    db_file = home / "confwatch.db"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait for the child to be crawling
        if db_file.exists():
            with sqlite3.connect(db_file) as db:
                try:
                    if db.execute(
                        "SELECT count(*) FROM crawl_run WHERE status = 'running'"
                    ).fetchone()[0]:
                        break
                except sqlite3.OperationalError:
                    pass  # schema not there yet
        time.sleep(0.2)
    time.sleep(1)
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 1, err
    (run,) = json.loads(out)["runs"]
    assert run["status"] == "failed"
    assert any(
        "stopped early" in e["message"] or "no start page" in e["message"] for e in run["errors"]
    )
    with sqlite3.connect(home / "confwatch.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM crawl_run WHERE status = 'running'").fetchone() == (
            0,
        )


def test_sigterm_stops_the_service_within_seconds(home: Path) -> None:
    env = dict(os.environ, CONFWATCH_HOME=str(home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "confwatch.scheduler", "serve", "--port", "0", "--no-scheduler"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    url = None
    deadline = time.monotonic() + 60
    while url is None and time.monotonic() < deadline:
        line = proc.stderr.readline()
        found = re.search(r"serve\.start url=(\S+)", line)
        url = found.group(1) if found else None
    assert url, "serve did not start"
    with urllib.request.urlopen(url + "/healthz") as r:
        assert r.status == 200
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=20) == 0
