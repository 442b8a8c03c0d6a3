"""Alerts reach the operator by email (a real SMTP server): once when raised, once when cleared."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from confwatch.scheduler.service.jobs import crawl_job
from tests.conftest import ReplaySite

CONFIG = """
[mail]
operator = "ops@example.org"

[[sources]]
key = "gia-mn"
kind = "generic"
start_urls = ["{url}"]
"""
GOOD = "https://gia.gov.mn/en/12/item/514"
BROKEN = "https://gia.gov.mn/_fault/500"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    box = Inbox()
    with socket.socket() as probe:  # a free port: aiosmtpd's readiness check cannot use port 0
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("CONFWATCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CONFWATCH_SMTP_PORT", str(port))
    monkeypatch.setenv("CONFWATCH_MAIL_FROM", "confwatch@example.org")
    yield box
    controller.stop()


def test_operator_gets_one_mail_when_a_source_breaks_and_one_when_it_recovers(
    tmp_path: Path,
    home: Path,
    replay_site: ReplaySite,
    inbox: Inbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = tmp_path / "confwatch.toml"
    monkeypatch.setenv("CONFWATCH_REPLAY_URL", replay_site.url)
    monkeypatch.setenv("CONFWATCH_DOWNLOAD_DELAY", "0")

    def run(url: str) -> None:
        config.write_text(CONFIG.format(url=url), "utf-8")
        crawl_job(str(config), "gia-mn")

    run(GOOD)
    assert inbox.messages == []
    run(BROKEN)
    assert len(inbox.messages) == 1
    alert = inbox.messages[0]
    assert (
        alert["To"] == "ops@example.org"
        and "gia-mn" in alert["Subject"]
        and "alert" in alert["Subject"]
    )
    assert "HTTP 500" in alert.get_content() and BROKEN in alert.get_content()
    run(BROKEN)
    assert len(inbox.messages) == 1, "a source that stays broken is not announced again"
    run(GOOD)
    assert len(inbox.messages) == 2
    assert "recovered" in inbox.messages[1]["Subject"]
    assert "CLEARED" in inbox.messages[1].get_content()
