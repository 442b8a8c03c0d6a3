"""Sending through a real SMTP server (aiosmtpd on 127.0.0.1): delivery, failures and re-runs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from confwatch.errors import ConfigError
from confwatch.scheduler.mail import digests as digest_runner
from confwatch.store import subscribers as subs
from confwatch.store.api import Store
from tests.digest_seed import HOSTILE_TITLE, NOW

from .conftest import Inbox, make_settings

EVERYONE = {"all@example.org", "mongolia@example.org", "osce@example.org"}


def outbox(url: str) -> list[subs.OutboxView]:
    with Store.open(url) as store:
        return store.subscribers.outbox()


def per_recipient(inbox: Inbox) -> Counter[str]:
    return Counter(rcpt for rcpts, _ in inbox.received for rcpt in rcpts)


def test_every_subscriber_receives_one_multipart_digest_with_the_same_content_in_both_parts(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp_server
    report = digest_runner.send_due(make_settings(tmp_path, seeded, port), now=NOW)
    assert report.exit_code == 0
    assert per_recipient(inbox) == Counter(EVERYONE)
    (msg,) = inbox.to("all@example.org")
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for line in (
        "Regional Conference on Countering the Financing of Terrorism",
        "Dates changed: 10–11 December 2026 → 14–15 December 2026",
        "https://www.osce.org/event/mediterranean-conference-2026",
        "Registration closes 30 November 2026",
    ):
        assert line in text and line in html
    assert HOSTILE_TITLE in text and "<script>" not in html and "&lt;script&gt;" in html
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert (
        msg["Subject"] == "[confwatch] 3 new, 2 changed conferences – week 47, 16–22 November 2026"
    )
    assert msg["To"] == "Ana Analyst <all@example.org>"
    assert (
        msg["List-Unsubscribe"]
        .strip()
        .startswith("<mailto:digest@confwatch.example?subject=unsubscribe")
    )
    assert msg["Message-ID"].endswith("@confwatch.example>")
    assert msg["Date"] is not None


def test_filters_decide_what_each_subscriber_receives(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp_server
    digest_runner.send_due(make_settings(tmp_path, seeded, port), now=NOW)
    (mongolia,) = inbox.to("mongolia@example.org")
    text = mongolia.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Ulaanbaatar Dialogue" in text and "Vienna" not in text and "Dushanbe" not in text
    assert mongolia["Subject"].startswith("[confwatch] 1 new conference –")
    (osce,) = inbox.to("osce@example.org")
    text = osce.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Youth Forum" in text and "Ulaanbaatar" not in text and "Dushanbe" not in text
    assert "SOURCE HEALTH" in text  # the operator asked for health notes
    assert "SOURCE HEALTH" not in mongolia.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_second_run_sends_nothing_again(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp_server
    settings = make_settings(tmp_path, seeded, port)
    digest_runner.send_due(settings, now=NOW)
    again = digest_runner.send_due(settings, now=NOW.replace(hour=9))
    assert again.deliveries == [] and len(inbox.received) == 3
    assert {row.status for row in outbox(seeded)} == {"sent"}


def test_a_refused_recipient_is_recorded_and_gets_its_digest_on_the_next_run(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp_server
    settings = make_settings(tmp_path, seeded, port)
    inbox.refuse = {"mongolia@example.org"}
    first = digest_runner.send_due(settings, now=NOW)
    assert first.exit_code == 1
    assert {d.recipient: d.status for d in first.deliveries} == {
        "all@example.org": "sent",
        "mongolia@example.org": "failed",
        "osce@example.org": "sent",
    }
    (row,) = [r for r in outbox(seeded) if r.recipient == "mongolia@example.org"]
    assert row.status == "pending" and row.attempts == 1 and "550" in (row.last_error or "")
    inbox.refuse = set()
    second = digest_runner.send_due(settings, now=NOW.replace(hour=8))
    assert second.exit_code == 0 and [d.recipient for d in second.deliveries] == [
        "mongolia@example.org"
    ]
    assert per_recipient(inbox) == Counter(EVERYONE)


def test_a_connection_dropped_before_acceptance_is_retried_without_duplicates(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp_server
    settings = make_settings(tmp_path, seeded, port)
    inbox.drop_before_accepting = 1
    first = digest_runner.send_due(settings, now=NOW)
    assert first.exit_code == 1 and first.count("sent") == 2 and first.count("failed") == 1
    digest_runner.send_due(settings, now=NOW.replace(hour=8))
    assert per_recipient(inbox) == Counter(EVERYONE)
    assert {row.status for row in outbox(seeded)} == {"sent"}


def test_a_copy_accepted_but_unconfirmed_is_resent_with_the_same_message_id(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    """What SMTP cannot guarantee: the server kept the message but its "250" never arrived.
    The retry is byte-identical, so clients de-duplicate it by Message-ID."""
    inbox, port = smtp_server
    settings = make_settings(tmp_path, seeded, port)
    inbox.drop_after_accepting = 1
    digest_runner.send_due(settings, now=NOW)
    digest_runner.send_due(settings, now=NOW.replace(hour=8))
    ids: dict[str, set[str]] = {}
    for msg in inbox.messages():
        ids.setdefault(str(msg["To"]).split("<")[-1].strip(">"), set()).add(str(msg["Message-ID"]))
    assert set(ids) == EVERYONE and all(len(v) == 1 for v in ids.values())
    assert len(inbox.received) == 4
    raws = Counter(raw for _, raw in inbox.received)
    assert max(raws.values()) == 2  # the resent copy is byte for byte the first


def test_dry_run_sends_nothing_and_writes_nothing(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp_server
    report = digest_runner.send_due(make_settings(tmp_path, seeded, port), now=NOW, dry_run=True)
    assert {d.recipient for d in report.deliveries} == EVERYONE
    assert {d.status for d in report.deliveries} == {"would_send"}
    assert inbox.received == [] and outbox(seeded) == []
    with Store.open(seeded) as store:
        assert store.subscribers.listing(include_inactive=True) == []


@pytest.mark.parametrize(("empty", "sent", "status"), [("skip", 0, "skipped"), ("send", 3, "sent")])
def test_an_empty_period_is_skipped_or_sent_as_configured(
    seeded: str, smtp_server: tuple[Inbox, int], tmp_path: Path, empty: str, sent: int, status: str
) -> None:
    inbox, port = smtp_server
    quiet_week = NOW.replace(day=30)  # 2026-W48 has only the late addition ... for nobody's filter
    settings = make_settings(
        tmp_path,
        seeded,
        port,
        empty=empty,
        extra='\n[[subscribers]]\nemail = "nobody@example.org"\ncountries = ["FR"]\n',
    )
    digest_runner.send_due(settings, now=quiet_week)
    rows = {r.recipient: r for r in outbox(seeded)}
    assert rows["nobody@example.org"].status == status
    got = inbox.to("nobody@example.org")
    assert len(got) == (1 if empty == "send" else 0)
    if got:
        assert "nothing new" in got[0]["Subject"]
        assert "Nothing new or changed this time." in got[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    del sent


def test_without_mail_settings_digests_wait_in_the_outbox(seeded: str, tmp_path: Path) -> None:
    settings = make_settings(tmp_path, seeded, None)
    with pytest.raises(ConfigError, match="CONFWATCH_SMTP_HOST"):
        digest_runner.send_due(settings, now=NOW)
    assert {r.status for r in outbox(seeded)} == {"pending"}
