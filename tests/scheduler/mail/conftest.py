"""Digest fixtures: a seeded store, a real SMTP server (aiosmtpd) on a free port, settings."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from confwatch.scheduler.config import Settings, load_settings
from confwatch.store.api import Store
from confwatch.store.migrate import upgrade
from tests.digest_seed import NOW, seed_store

MAIL_FROM = "digest@confwatch.example"


class Inbox:
    """An SMTP handler that keeps what it accepts, and misbehaves on request."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []
        self.refuse: set[str] = set()  # RCPT TO answered with 550
        self.drop_before_accepting = 0  # next N DATA: hang up, message not kept
        self.drop_after_accepting = 0  # next N DATA: keep the message, hang up before "250"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        if self.drop_before_accepting:
            self.drop_before_accepting -= 1
            server.transport.close()  # type: ignore[union-attr]
            return "421 closing"
        self.received.append((list(envelope.rcpt_tos), content))
        if self.drop_after_accepting:
            self.drop_after_accepting -= 1
            server.transport.close()  # type: ignore[union-attr]
            return "421 closing"
        return "250 OK"

    def messages(self) -> list[EmailMessage]:
        return [
            email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[misc]
            for _, raw in self.received
        ]

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages() if address in str(m["To"])]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def seeded(database_url: str) -> Iterator[str]:
    """A migrated database holding the seed conferences; yields its URL."""
    upgrade(database_url)
    with Store.open(database_url) as store:
        seed_store(store)
    return database_url


SUBSCRIBERS = """
[digest]
empty = "{empty}"
base_url = "https://confwatch.example"

[[subscribers]]
email = "all@example.org"
name = "Ana Analyst"

[[subscribers]]
email = "mongolia@example.org"
countries = ["MN"]

[[subscribers]]
email = "osce@example.org"
organisers = ["OSCE"]
health_notes = true
"""


def make_settings(
    tmp_path: Path,
    database_url: str,
    port: int | None,
    *,
    empty: str = "skip",
    extra: str = "",
) -> Settings:
    config = tmp_path / "confwatch.toml"
    config.write_text(SUBSCRIBERS.format(empty=empty) + extra, "utf-8")
    env = {
        "CONFWATCH_HOME": str(tmp_path / "home"),
        "DATABASE_URL": database_url,
        "CONFWATCH_MAIL_FROM": MAIL_FROM,
    }
    if port is not None:
        env |= {"CONFWATCH_SMTP_HOST": "127.0.0.1", "CONFWATCH_SMTP_PORT": str(port)}
    return load_settings(config, env)


__all__ = ["MAIL_FROM", "NOW", "Inbox", "make_settings"]
