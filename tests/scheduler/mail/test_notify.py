"""Notifications through Apprise to a real webhook: an HTTP server on 127.0.0.1 started by the
test, which records what Apprise's ``json://`` posts and answers 500 when told to."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main
from confwatch.scheduler.config import Settings, load_settings
from confwatch.scheduler.mail import digests as digest_runner
from confwatch.scheduler.publish import rebuild_feeds
from confwatch.store import notifiers as notes
from confwatch.store.api import Store
from confwatch.store.records import EventFields, Sighting
from tests.conftest import ReplaySite
from tests.digest_seed import LATE, MFA, MFA_URL, NOW, UNOCT, UNOCT_URL

SECRET = "s3cr3t-t0ken"


class Webhook:
    """Keeps each POST's JSON body; answers ``status``."""

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.status = 200
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if hook.status == 200:
                    hook.posts.append(json.loads(body))
                self.send_response(hook.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler

    def url(self, path: str = "hook") -> str:
        # A password in the URL: it must never be printed.
        return f"json://bot:{SECRET}@127.0.0.1:{self.port}/{path}"


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    hook = Webhook()
    hook.thread.start()
    yield hook
    hook.server.shutdown()
    hook.server.server_close()


def settings_for(tmp_path: Path, database_url: str) -> Settings:
    config = tmp_path / "confwatch.toml"
    config.write_text('[digest]\nbase_url = "https://confwatch.example"\n', "utf-8")
    env = {"CONFWATCH_HOME": str(tmp_path / "home"), "DATABASE_URL": database_url}
    return load_settings(config, env)  # no SMTP: notifications need no mail server


def add_notifier(url: str, name: str, urls: list[str], mode: str, **filters: Any) -> None:
    with Store.open(url) as store:
        spec = notes.NotifierSpec(name=name, urls=urls, mode=mode, **filters)
        store.notifiers.add(spec, origin="cli", now=NOW - dt.timedelta(days=30))


def test_weekly_summary_arrives_once_with_the_new_conferences_names(
    seeded: str, webhook: Webhook, tmp_path: Path
) -> None:
    add_notifier(seeded, "mn-desk", [webhook.url()], "weekly", countries=["MN"])
    report = digest_runner.send_due(settings_for(tmp_path, seeded), now=NOW)
    assert report.exit_code == 0
    (post,) = webhook.posts
    assert post["title"].startswith("[confwatch] 1 new conference – week 47")
    assert MFA.title in post["message"] and MFA_URL in post["message"]
    assert UNOCT.title not in post["message"]  # Tajikistan: not this subscriber's filter
    assert LATE.title not in post["message"]  # recorded in week 48


def test_a_second_run_sends_nothing(seeded: str, webhook: Webhook, tmp_path: Path) -> None:
    add_notifier(seeded, "all", [webhook.url()], "weekly")
    settings = settings_for(tmp_path, seeded)
    digest_runner.send_due(settings, now=NOW)
    again = digest_runner.send_due(settings, now=NOW + dt.timedelta(hours=2))
    assert len(webhook.posts) == 1
    assert again.deliveries == []


def test_a_refused_delivery_is_retried_next_run_and_the_error_names_the_subscriber(
    seeded: str, webhook: Webhook, tmp_path: Path
) -> None:
    add_notifier(seeded, "ops-room", [webhook.url()], "weekly")
    settings = settings_for(tmp_path, seeded)
    webhook.status = 500
    failed = digest_runner.send_due(settings, now=NOW)
    assert failed.exit_code == 1
    (delivery,) = failed.deliveries
    assert delivery.status == "failed" and delivery.error is not None
    assert delivery.error.startswith(f"ops-room: json://bot:****@127.0.0.1:{webhook.port}/hook")
    assert "500" in delivery.error and SECRET not in delivery.error
    webhook.status = 200
    retried = digest_runner.send_due(settings, now=NOW + dt.timedelta(hours=1))
    assert [d.status for d in retried.deliveries] == ["sent"]
    assert len(webhook.posts) == 1
    with Store.open(seeded) as store:
        (row,) = store.notifiers.outbox()
    assert (row.status, row.attempts) == ("sent", 2)


def test_one_failing_url_does_not_resend_to_the_other(
    seeded: str, webhook: Webhook, tmp_path: Path
) -> None:
    dead = "json://127.0.0.1:9/nobody-listens"
    add_notifier(seeded, "two", [webhook.url(), dead], "weekly")
    settings = settings_for(tmp_path, seeded)
    assert digest_runner.send_due(settings, now=NOW).exit_code == 1
    assert digest_runner.send_due(settings, now=NOW + dt.timedelta(hours=1)).exit_code == 1
    assert len(webhook.posts) == 1


def test_each_mode_sends_one_message_per_new_or_changed_conference_after_publishing(
    database_url: str, webhook: Webhook, tmp_path: Path
) -> None:
    from confwatch.store.migrate import upgrade

    upgrade(database_url)
    settings = settings_for(tmp_path, database_url)
    start = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
    with Store.open(database_url) as store:
        store.notifiers.add(
            notes.NotifierSpec("each", [webhook.url()], mode="each"),
            origin="cli",
            now=start,
        )
        run = store.begin_run("unoct", now=start + dt.timedelta(minutes=1))
        store.record(run, Sighting("unoct", UNOCT_URL, UNOCT), now=start + dt.timedelta(minutes=1))
        store.record(run, Sighting("unoct", MFA_URL, MFA), now=start + dt.timedelta(minutes=1))
        # Changed in the crawl that found it: told in its "new" message, not separately.
        moved = EventFields(**{**vars(MFA), "city": "Darkhan"})
        store.record(run, Sighting("unoct", MFA_URL, moved), now=start + dt.timedelta(minutes=2))
        store.finish_run(run, status="ok", pages=2, now=start + dt.timedelta(minutes=3))
        rebuild_feeds(settings, store, now=start + dt.timedelta(minutes=4))
        titles = sorted(p["title"] for p in webhook.posts)
        assert titles == [
            f"{UNOCT.title} (Dushanbe): new conference",
            f"{MFA.title} (Darkhan): new conference",
        ]
        rebuild_feeds(settings, store, now=start + dt.timedelta(minutes=5))
        assert len(webhook.posts) == 2  # publishing again sends nothing again

        later = start + dt.timedelta(days=1)
        run = store.begin_run("unoct", now=later)
        store.record(run, Sighting("unoct", MFA_URL, MFA), now=later)
        store.finish_run(run, status="ok", pages=1, now=later)
        rebuild_feeds(settings, store, now=later + dt.timedelta(minutes=1))
    changed = webhook.posts[2]
    assert changed["title"] == f"{MFA.title} (Ulaanbaatar): place changed"
    assert "Darkhan" in changed["message"] and "Ulaanbaatar" in changed["message"]


def test_a_change_title_leads_with_the_name_within_120_characters_and_text_is_cleaned() -> None:
    from confwatch.feeds.notice import change_notice
    from confwatch.store.records import ChangeView, FieldChange

    title = "Regional Conference on " + "Very Long Words " * 20 + "\x07<b>x</b>"
    event = EventFields(title=title, city="Budapest", start_date=dt.date(2027, 3, 4))
    change = ChangeView(
        revision_id=1,
        uid="e-r2",
        event_id=1,
        event_uid="e",
        kind="changed",
        at=NOW,
        changes=[FieldChange("start_date", "2027-03-01", "2027-03-04")],
        event=event,
        sources=[],
    )
    subject, body = change_notice(change)
    assert len(subject) <= 120 and subject.startswith("Regional Conference on Very Long")
    assert subject.endswith("(Budapest): dates changed")
    assert "\x07" not in subject and "1 March 2027" in body and "4 March 2027" in body


def test_a_failing_notification_never_fails_publishing(database_url: str, tmp_path: Path) -> None:
    from confwatch.store.migrate import upgrade

    upgrade(database_url)
    settings = settings_for(tmp_path, database_url)
    now = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
    with Store.open(database_url) as store:
        spec = notes.NotifierSpec("gone", ["json://127.0.0.1:9/closed"], mode="each")
        store.notifiers.add(spec, origin="cli", now=now)
        run = store.begin_run("mfa-mn", now=now)
        store.record(run, Sighting("mfa-mn", MFA_URL, MFA), now=now)
        store.finish_run(run, status="ok", pages=1, now=now)
        report = rebuild_feeds(settings, store, now=now + dt.timedelta(minutes=1))
        (row,) = store.notifiers.outbox()
    assert report.paths
    assert row.status == "pending" and row.last_error and row.last_error.startswith("gone: ")


# -- the command line -----------------------------------------------------------------------


@pytest.fixture
def runner(home: Path) -> CliRunner:
    return CliRunner()


def test_subscribers_list_masks_the_urls_secrets(runner: CliRunner, webhook: Webhook) -> None:
    slack = "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ/#general"
    added = runner.invoke(
        main,
        ["subscribers", "add", "desk", "--notify", webhook.url(), "--notify", slack],
        catch_exceptions=False,
    )
    assert added.exit_code == 0, added.output
    for args in (["subscribers", "list"], ["subscribers", "list", "--json"]):
        listed = runner.invoke(main, args)
        assert listed.exit_code == 0, listed.output
        assert "desk" in listed.stdout and "json://bot:****@127.0.0.1" in listed.stdout
        assert SECRET not in listed.output and "TIiajkdnlazkcOXrIdevi7FQ" not in listed.output
    assert SECRET not in added.output
    (entry,) = json.loads(runner.invoke(main, ["subscribers", "list", "--json"]).stdout)
    assert (entry["email"], entry["name"], entry["mode"]) == (None, "desk", "weekly")
    assert runner.invoke(main, ["subscribers", "remove", "desk"]).exit_code == 0
    assert json.loads(runner.invoke(main, ["subscribers", "list", "--json"]).stdout) == []


@pytest.mark.parametrize("url", ["nonsense://x", "https//missing-colon", "slack://"])
def test_a_url_apprise_cannot_parse_is_refused_with_exit_2(runner: CliRunner, url: str) -> None:
    result = runner.invoke(main, ["subscribers", "add", "desk", "--notify", url])
    assert result.exit_code == 2
    assert "is not a notification URL Apprise knows" in result.stderr


def test_each_mode_after_a_real_crawl_sends_one_message_per_new_conference(
    home: Path, replay_site: ReplaySite, webhook: Webhook
) -> None:
    env = dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_REPLAY_URL=replay_site.url,
        CONFWATCH_DOWNLOAD_DELAY="0",
    )

    def confwatch(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "confwatch.scheduler", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)

    added = confwatch("subscribers", "add", "hook", "--notify", webhook.url(), "--mode", "each")
    assert added.returncode == 0, added.stderr
    crawled = confwatch("crawl", "mfa-mn", "--json")
    assert crawled.returncode == 0, crawled.stderr
    (run,) = json.loads(crawled.stdout)["runs"]
    assert run["new"] >= 1
    assert len(webhook.posts) == run["new"]
    assert all(p["title"].endswith(": new conference") for p in webhook.posts)
    assert SECRET not in crawled.stderr
    again = confwatch("crawl", "mfa-mn", "--json")
    assert again.returncode == 0, again.stderr
    assert len(webhook.posts) == run["new"]  # nothing new: nothing sent again


def test_digest_send_dry_run_lists_a_notifier_masked_and_sends_nothing(
    runner: CliRunner, webhook: Webhook
) -> None:
    add = ["subscribers", "add", "desk", "--notify", webhook.url(), "--mode", "weekly"]
    assert runner.invoke(main, add).exit_code == 0
    result = runner.invoke(main, ["digest", "send", "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    (planned,) = json.loads(result.stdout)["digests"]
    assert planned["recipient"] == f"desk: json://bot:****@127.0.0.1:{webhook.port}/hook"
    assert planned["status"] in ("would_send", "would_skip")
    assert webhook.posts == [] and SECRET not in result.output


def test_mode_without_notify_and_email_options_with_notify_are_usage_errors(
    runner: CliRunner, webhook: Webhook
) -> None:
    alone = runner.invoke(main, ["subscribers", "add", "ana@example.org", "--mode", "each"])
    assert alone.exit_code == 2 and "--mode is for --notify subscribers" in alone.stderr
    mixed = ["subscribers", "add", "desk", "--notify", webhook.url(), "--frequency", "daily"]
    result = runner.invoke(main, mixed)
    assert result.exit_code == 2 and "are for email digests" in result.stderr


def test_a_crawl_still_recording_is_told_after_it_finishes_not_half_way(
    database_url: str, webhook: Webhook, tmp_path: Path
) -> None:
    from confwatch.store.migrate import upgrade

    upgrade(database_url)
    settings = settings_for(tmp_path, database_url)
    t = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
    minute = dt.timedelta(minutes=1)
    with Store.open(database_url) as store:
        spec = notes.NotifierSpec("each", [webhook.url()], mode="each")
        store.notifiers.add(spec, origin="cli", now=t)
        slow = store.begin_run("mfa-mn", now=t + minute)
        store.record(slow, Sighting("mfa-mn", MFA_URL, MFA), now=t + 2 * minute)
        quick = store.begin_run("unoct", now=t + 2 * minute)
        store.record(quick, Sighting("unoct", UNOCT_URL, UNOCT), now=t + 3 * minute)
        store.finish_run(quick, status="ok", pages=1, now=t + 4 * minute)
        rebuild_feeds(settings, store, now=t + 5 * minute)  # the quick crawl publishes
        assert [p["title"] for p in webhook.posts] == [f"{UNOCT.title} (Dushanbe): new conference"]
        moved = EventFields(**{**vars(MFA), "city": "Darkhan"})
        store.record(slow, Sighting("mfa-mn", MFA_URL, moved), now=t + 6 * minute)
        store.finish_run(slow, status="ok", pages=1, now=t + 7 * minute)
        rebuild_feeds(settings, store, now=t + 8 * minute)
    assert [p["title"] for p in webhook.posts[1:]] == [f"{MFA.title} (Darkhan): new conference"]
