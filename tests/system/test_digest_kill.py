"""kill -9 of `confwatch digest send` at each step, then a re-run: one digest per subscriber.

A real SMTP server (aiosmtpd) runs in the test; the sender is a real process killed with SIGKILL.
- before SMTP accepted anything: the stored digests are sent by the re-run, once each;
- after the server accepted DATA but before the outbox row was marked sent (the test holds the
  SQLite write lock so the mark cannot happen): the re-run sends that one again, byte for byte,
  with the same Message-ID. That duplicate is what SMTP cannot rule out (docs/decisions/0006);
  every subscriber still has exactly one distinct digest.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

CONFIG = """
[digest]
empty = "send"

[[subscribers]]
email = "a@example.org"

[[subscribers]]
email = "b@example.org"

[[subscribers]]
email = "c@example.org"
"""
EVERYONE = {"a@example.org", "b@example.org", "c@example.org"}


class Server:
    def __init__(self) -> None:
        self.received: list[bytes] = []
        self.hold_mail = False  # block the first MAIL FROM until released
        self.lock_db_after_accept: Path | None = None  # hold SQLite's write lock after "250"
        self.reached = threading.Event()
        self.release = threading.Event()
        self.db_lock: sqlite3.Connection | None = None

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.hold_mail:
            self.hold_mail = False
            self.reached.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "421 closing"
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope.original_content or b"")
        if self.lock_db_after_accept is not None:
            self.db_lock = sqlite3.connect(
                self.lock_db_after_accept, isolation_level=None, timeout=30, check_same_thread=False
            )
            self.db_lock.execute("BEGIN EXCLUSIVE")
            self.lock_db_after_accept = None
            self.reached.set()
        return "250 OK"

    def per_recipient(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for raw in self.received:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            out.setdefault(str(msg["To"]).split("<")[-1].strip(">"), []).append(
                str(msg["Message-ID"])
            )
        return out


@pytest.fixture
def smtp() -> Iterator[tuple[Server, int]]:
    server = Server()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    yield server, port
    server.release.set()
    controller.stop()


@pytest.fixture
def env(tmp_path: Path, home: Path, smtp: tuple[Server, int]) -> dict[str, str]:
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    return dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_CONFIG=str(config),
        CONFWATCH_SMTP_HOST="127.0.0.1",
        CONFWATCH_SMTP_PORT=str(smtp[1]),
        CONFWATCH_MAIL_FROM="digest@confwatch.example",
    )


def send(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "confwatch.scheduler", "digest", "send"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def outbox_status(home: Path) -> list[str]:
    with sqlite3.connect(home / "confwatch.db") as db:
        return sorted(row[0] for row in db.execute("SELECT status FROM outbox"))


def test_kill_9_before_the_server_accepted_anything_then_rerun_sends_each_digest_once(
    env: dict[str, str], smtp: tuple[Server, int], home: Path
) -> None:
    server, _ = smtp
    server.hold_mail = True
    proc = send(env)
    assert server.reached.wait(120), "the sender never reached the SMTP server"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    server.release.set()
    assert server.received == []
    assert len(outbox_status(home)) == 3  # stored before sending: nothing lost
    rerun = send(env)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err[-2000:]
    per = server.per_recipient()
    assert set(per) == EVERYONE and all(len(ids) == 1 for ids in per.values())
    assert outbox_status(home) == ["sent", "sent", "sent"]


def test_kill_9_after_data_was_accepted_but_before_marking_sent_resends_the_same_message(
    env: dict[str, str], smtp: tuple[Server, int], home: Path
) -> None:
    server, _ = smtp
    server.lock_db_after_accept = home / "confwatch.db"
    proc = send(env)
    assert server.reached.wait(120), "no message was accepted"
    time.sleep(1)  # the sender now waits for the write lock to mark the row sent
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert server.db_lock is not None
    server.db_lock.execute("ROLLBACK")
    server.db_lock.close()
    with sqlite3.connect(home / "confwatch.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rerun = send(env)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err[-2000:]
    per = server.per_recipient()
    assert set(per) == EVERYONE
    assert all(len(set(ids)) == 1 for ids in per.values()), per  # one distinct digest each
    assert sorted(len(ids) for ids in per.values()) == [1, 1, 2]  # the unconfirmed one, resent
    duplicated = next(raw for raw in server.received if server.received.count(raw) == 2)
    assert duplicated  # byte for byte the same message
    assert outbox_status(home) == ["sent", "sent", "sent"]
