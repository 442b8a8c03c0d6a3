"""Leadership of the schedule on PostgreSQL: a leader whose lock connection dies steps down
before a standby takes over, so two schedulers never work one job store at once.

Two ``Service`` objects in one test process, each with its own lock connection, as two
``confwatch serve`` processes would have; the leader's lock connection is killed with
``pg_terminate_backend`` from a third connection.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from confwatch.scheduler.config import Settings, load_settings
from confwatch.scheduler.service.serve import Service
from confwatch.store import migrate
from tests.system.test_locks import holders, kill_lock_connection

CONFIG = """
[[sources]]
key = "quiet"
kind = "generic"
start_urls = ["https://quiet.test/"]
enabled = false
"""
RUNNING = 1  # apscheduler.schedulers.base.STATE_RUNNING


@pytest.fixture
def settings(tmp_path: Path, postgres_url: str) -> Settings:
    migrate.upgrade(postgres_url)
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    return load_settings(
        config, env={"CONFWATCH_HOME": str(tmp_path / "home"), "DATABASE_URL": postgres_url}
    )


def scheduling(service: Service) -> bool:
    return service.scheduler is not None and service.scheduler.state == RUNNING


def wait_until(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout:g} s: {what}")


@pytest.fixture
def start_service(settings: Settings) -> Iterator[Callable[[float], Service]]:
    """Starts ``Service.run`` in a thread, as ``confwatch serve`` would; stops them all after."""
    started: list[tuple[Service, threading.Thread]] = []

    def start(standby_retry: float) -> Service:
        service = Service(settings, host="127.0.0.1", port=0)
        service.standby_retry = standby_retry
        thread = threading.Thread(target=service.run, daemon=True)
        thread.start()
        started.append((service, thread))
        return service

    yield start
    for service, thread in started:
        service.stop()
        thread.join(60)


def test_leader_that_loses_the_scheduler_lock_pauses_before_a_standby_takes_over(
    settings: Settings, start_service: Callable[[float], Service], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="confwatch")
    leader = start_service(3600)  # once it has stepped down, it leaves the lead to the other
    wait_until(lambda: scheduling(leader), 60, "the first service leads")
    standby = start_service(0.5)  # asks for the lock twice a second
    wait_until(
        lambda: any(r.getMessage() == "scheduler.standby" for r in caplog.records),
        60,
        "the second service waits as a standby",
    )
    assert not scheduling(standby)

    assert kill_lock_connection(settings.database_url, "scheduler") == 1

    def started() -> int:
        return [r.getMessage() for r in caplog.records].count("scheduler.start")

    wait_until(lambda: scheduling(standby) and started() == 2, 90, "the standby takes over")
    assert not scheduling(leader), "two schedulers on one job store"
    names = [r.getMessage() for r in caplog.records]
    second_start = len(names) - 1 - names[::-1].index("scheduler.start")
    assert "scheduler.lost" in names[:second_start], names
    assert len(holders(settings.database_url, "scheduler")) == 1
