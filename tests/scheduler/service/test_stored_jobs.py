"""Jobs stored by an earlier release resume after the code has moved.

APScheduler keeps each job's function as a "module:name" string inside a pickled state. The
fixture is the ``apscheduler_jobs`` table exactly as confwatch wrote it at commit 7f74735, before
issue 18 moved the scheduler's modules into rooms: if an old path stops importing, APScheduler
drops the job with a warning and the source silently stops being crawled.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from confwatch.scheduler.service.serve import (
    CRAWL_JOB,
    DIGEST_JOB,
    build_scheduler,
    sync_jobs,
)
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "jobs" / "apscheduler_jobs_7f74735.json"
CONFIG = """
[[sources]]
key = "unoct"
kind = "unoct"
start_urls = ["https://www.un.org/counterterrorism/regional-conferences-0"]
every = "6h"

[[sources]]
key = "osce"
kind = "osce"
start_urls = ["https://www.osce.org/press-releases"]
cron = "15 3 * * *"
"""


def _old_table(settings_db: str) -> dict[str, Any]:
    old = json.loads(FIXTURE.read_text("utf-8"))
    con = sqlite3.connect(settings_db)
    with con:
        con.execute(
            "CREATE TABLE apscheduler_jobs (id VARCHAR(191) NOT NULL PRIMARY KEY,"
            " next_run_time FLOAT, job_state BLOB NOT NULL)"
        )
        con.executemany(
            "INSERT INTO apscheduler_jobs VALUES (?, ?, ?)",
            [(r["id"], r["next_run_time"], base64.b64decode(r["job_state"])) for r in old["rows"]],
        )
    con.close()
    return old


def test_jobs_written_by_the_release_before_the_moves_load_run_the_current_code_and_migrate(
    tmp_path: Path, home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    settings = load_settings(config)
    open_store(settings).close()
    old = _old_table(settings.database_url.removeprefix("sqlite:///"))

    scheduler = build_scheduler(settings)
    scheduler.start(paused=True)
    try:
        jobs = {job.id: job for job in scheduler.get_jobs()}
        # Nothing dropped ("Unable to restore job ... removing it" would log a warning).
        assert sorted(jobs) == ["crawl:osce", "crawl:unoct", "digest:weekly"]
        assert not [r for r in caplog.records if "Unable to restore" in r.getMessage()]
        for row in old["rows"]:
            job = jobs[row["id"]]
            assert job.next_run_time == dt.datetime.fromtimestamp(row["next_run_time"], dt.UTC)
            assert callable(job.func)
        # The old paths name today's functions, wherever they now live.
        assert jobs["crawl:unoct"].func.__name__ == CRAWL_JOB.split(":")[1]
        assert jobs["digest:weekly"].func.__name__ == DIGEST_JOB.split(":")[1]
        assert jobs["crawl:osce"].func is jobs["crawl:unoct"].func

        done = sync_jobs(scheduler, settings)
        # Only the config path in the arguments differs from the fixture's home.
        assert set(done) == {"crawl:osce", "crawl:unoct", "digest:weekly"}
        assert {j.func_ref for j in scheduler.get_jobs()} == {CRAWL_JOB, DIGEST_JOB}
    finally:
        scheduler.shutdown(wait=False)
