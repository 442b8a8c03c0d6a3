"""The whole cycle on real components: replay server (HTTP) -> real spiders -> SQLite -> feeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from tests.conftest import ReplaySite

OSCE_2020 = "https://www.osce.org/event/osce-wide-counter-terrorism-conference-2020"


def confwatch(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.fixture
def env(home: Path, replay_site: ReplaySite) -> dict[str, str]:
    import os

    return dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_REPLAY_URL=replay_site.url,
        CONFWATCH_DOWNLOAD_DELAY="0",
    )


def crawl_json(env: dict[str, str], *sources: str) -> dict:
    done = confwatch("crawl", *sources, "--json", env=env)
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout) | {"exit": done.returncode, "stderr": done.stderr}


def runs_by_source(result: dict) -> dict[str, dict]:
    return {r["source"]: r for r in result["runs"]}


def test_first_crawl_stores_every_conference_and_writes_valid_feeds(
    env: dict[str, str], home: Path
) -> None:
    result = crawl_json(env)
    assert result["exit"] == 0, result["stderr"]
    runs = runs_by_source(result)
    assert {k: r["status"] for k, r in runs.items()} == {
        "osce": "ok",
        "unoct": "ok",
        "mfa-mn": "ok",
        "gia-mn": "ok",
    }
    assert runs["unoct"]["items"] == 7
    events = json.loads(confwatch("events", "--json", env=env).stdout)
    cities = {(e["city"], e["country"], e["start_date"]) for e in events}
    assert ("Vienna", "AT", "2020-09-14") in cities
    assert ("Abu Dhabi", "AE", "2019-12-18") in cities
    assert (
        "Minsk",
        "BY",
        "2019-09-03",
    ) in cities  # the year comes from the page, not the crawl date
    for e in events:
        assert e["sources"] and all(s["url"].startswith("https://") for s in e["sources"])
    # The Ulaanbaatar conference is described by the GIA post, the OSCE POLIS page and the UNOCT
    # list: one event with three sources.
    ulaanbaatar = [
        e for e in events if e["city"] == "Ulaanbaatar" and e["start_date"] == "2019-06-20"
    ]
    assert len(ulaanbaatar) == 1
    assert sorted(s["source"] for s in ulaanbaatar[0]["sources"]) == ["gia-mn", "osce", "unoct"]
    skipped = [ln for ln in result["stderr"].splitlines() if "item.skipped" in ln]
    assert any(
        "url=https://www.osce.org/event/2019-annual-security-review-conference" in ln
        and "reason=" in ln
        for ln in skipped
    )
    names = [e["title"] for e in events]
    for name in ("feed.atom", "feed.rss"):
        parsed = feedparser.parse((home / "feeds" / name).read_bytes())
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        # One entry per new conference, titled by the conference's name first.
        assert len(parsed.entries) == len(events)
        for entry in parsed.entries:
            assert len(entry.title) <= 120, entry.title
            lead = entry.title.split("…")[0].split(" (")[0]
            assert any(n.startswith(lead) for n in names), entry.title


def test_date_change_on_a_page_gives_exactly_one_update_entry_in_both_feeds(
    env: dict[str, str], home: Path, replay_site: ReplaySite
) -> None:
    assert crawl_json(env)["exit"] == 0
    before = {
        n: feedparser.parse((home / "feeds" / n).read_bytes()).entries
        for n in ("feed.atom", "feed.rss")
    }
    # The site moves the conference a week: the event page and the listing's teaser both change.
    for page in (replay_site.page(OSCE_2020), replay_site.page("https://www.osce.org/events")):
        html = page.read_text("utf-8")
        assert "14 September 2020" in html
        html = (
            html.replace("2020-09-14", "2020-09-21")
            .replace("2020-09-15", "2020-09-22")
            .replace("14 September 2020", "21 September 2020")
            .replace("15 September 2020", "22 September 2020")
        )
        page.write_text(html, "utf-8")

    result = crawl_json(env)
    assert result["exit"] == 0, result["stderr"]
    runs = runs_by_source(result)
    assert runs["osce"]["changed"] == 1 and runs["osce"]["new"] == 0
    assert sum(r["changed"] + r["new"] for r in result["runs"]) == 1
    for name, old in before.items():
        entries = feedparser.parse((home / "feeds" / name).read_bytes()).entries
        old_ids = {e.id for e in old}
        added = [e for e in entries if e.id not in old_ids]
        assert len(added) == 1, [e.title for e in added]
        assert added[0].title.endswith("(Vienna): dates changed")
        assert "21–22 September 2020" in added[0].summary


def test_recrawl_without_changes_asks_conditionally_and_records_nothing(
    env: dict[str, str], replay_site: ReplaySite
) -> None:
    assert crawl_json(env)["exit"] == 0
    replay_site.requests(clear=True)
    result = crawl_json(env)
    assert result["exit"] == 0
    assert all(r["new"] == 0 and r["changed"] == 0 for r in result["runs"])
    asked = [r for r in replay_site.requests() if not str(r["path"]).endswith("robots.txt")]
    assert asked and all(r["if_none_match"] for r in asked)
    # The date validator is redundant beside an ETag (RFC 9110, 13.1.3): not sent.
    assert not any(r["if_modified_since"] for r in asked)
    assert all(r["status"] == 304 for r in asked)


def test_failed_crawl_leaves_stored_events_untouched_and_exits_1(
    env: dict[str, str], replay_site: ReplaySite
) -> None:
    assert crawl_json(env)["exit"] == 0
    before = json.loads(confwatch("events", "--json", env=env).stdout)
    replay_site.proc.terminate()
    replay_site.proc.wait(timeout=10)

    result = crawl_json(env, "osce")
    assert result["exit"] == 1
    run = runs_by_source(result)["osce"]
    assert run["status"] == "failed"
    assert any("osce.org/events" in (e["url"] or "") for e in run["errors"])
    after = json.loads(confwatch("events", "--json", env=env).stdout)
    assert after == before
    status = confwatch("status", "--json", env=env)
    assert status.returncode == 1
    states = {s["source"]: s["state"] for s in json.loads(status.stdout)["sources"]}
    assert states["osce"] == "failing" and states["unoct"] == "ok"


def test_crawler_identifies_itself_and_fetches_robots_txt(
    env: dict[str, str], replay_site: ReplaySite
) -> None:
    assert crawl_json(env, "unoct")["exit"] == 0
    asked = replay_site.requests()
    assert any(str(r["path"]) == "/www.un.org/robots.txt" for r in asked)
    assert all("confwatch" in str(r["user_agent"]) for r in asked)


def test_the_same_cycle_runs_on_postgresql_through_database_url(
    env: dict[str, str], postgres_url: str, home: Path
) -> None:
    pg = dict(env, DATABASE_URL=postgres_url)
    refused = confwatch("crawl", "unoct", env=pg)
    assert refused.returncode == 2 and "confwatch db upgrade" in refused.stderr
    assert "password" not in refused.stderr.lower()
    upgraded = confwatch("db", "upgrade", env=pg)
    assert upgraded.returncode == 0, upgraded.stderr
    result = crawl_json(pg, "unoct", "gia-mn")
    assert result["exit"] == 0, result["stderr"]
    events = json.loads(confwatch("events", "--json", env=pg).stdout)
    ulaanbaatar = [e for e in events if e["city"] == "Ulaanbaatar"]
    assert len(events) == 7 and len(ulaanbaatar) == 1
    assert sorted(s["source"] for s in ulaanbaatar[0]["sources"]) == ["gia-mn", "unoct"]
    assert not (home / "confwatch.db").exists()  # nothing went to the embedded SQLite file
    parsed = feedparser.parse((home / "feeds" / "feed.atom").read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) >= 7
