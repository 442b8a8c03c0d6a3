"""A mistake does not stick: after a selector fix, the stored event is corrected.

A real crawl (child process, replay server, SQLite store) of a ministry-style news site whose
conference page shows the day it was posted (3 November 2026, already past) and, further down,
the conference's dates (9-10 February 2027). The operator's first selector reads the posting
date; the fix reads the conference's. The site answers 304 to every conditional request.

- The next crawl corrects the event by reading the stored page again (its extraction setting
  changed), fetching nothing in full.
- ``crawl --force`` fetches every page without validators and reads it: it corrects a page the
  store holds no body of (a store written before bodies were kept), and it revisits known pages the
  listing no longer links, however recently they were fetched.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ReplaySite, start_replay

LISTING = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>News</title></head>
<body><h1>News</h1>
<ul><li><a href="/en/news/regional-conference/">Regional Conference on Countering the Financing
of Terrorism</a></li></ul>
</body></html>
"""
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Regional Conference on Countering the Financing of Terrorism</title></head>
<body>
<h1>Regional Conference on Countering the Financing of Terrorism</h1>
<p class="meta">Posted on <span class="post-date">3 November 2026</span></p>
<p>When: <span class="event-dates">9-10 February 2027</span></p>
<p>The Regional Conference on Countering the Financing of Terrorism will be held in Vienna,
Austria. The conference is organised by the OSCE and brings together experts on terrorist
financing and violent extremism.</p>
</body></html>
"""
LISTING_PATH = "/news.example/en/news/"
EVENT_PATH = "/news.example/en/news/regional-conference/"
EVENT_URL = "https://news.example/en/news/regional-conference/"
SOURCE = """
[[sources]]
key = "news"
kind = "generic"
name = "A ministry's news"
start_urls = ["https://news.example/en/news/"]
follow = ['/en/news/[a-z-]+/$']
fields = {{ date_text = "{selector}" }}
"""
WRONG = "span.post-date::text"  # the day the news was posted
FIXED = "span.event-dates::text"  # the conference's dates
POSTED = ("2026-11-03", "2026-11-03")
CONFERENCE = ("2027-02-09", "2027-02-10")


@pytest.fixture
def news_site(tmp_path: Path) -> Iterator[ReplaySite]:
    root = tmp_path / "sites"
    (root / "news.example/en/news/regional-conference").mkdir(parents=True)
    (root / "news.example/en/news/index.html").write_text(LISTING, "utf-8")
    (root / "news.example/en/news/regional-conference/index.html").write_text(PAGE, "utf-8")
    site = start_replay(root)
    yield site
    site.proc.terminate()
    site.proc.wait(timeout=10)


class Install:
    """One confwatch installation: its home, its configuration file, its command line."""

    def __init__(self, tmp_path: Path, home: Path, site: ReplaySite) -> None:
        self.home = home
        self.config = tmp_path / "confwatch.toml"
        self.configure(WRONG)
        self.env = dict(
            os.environ,
            CONFWATCH_HOME=str(home),
            CONFWATCH_CONFIG=str(self.config),
            CONFWATCH_REPLAY_URL=site.url,
            CONFWATCH_DOWNLOAD_DELAY="0",
        )

    def configure(self, selector: str) -> None:
        self.config.write_text(SOURCE.format(selector=selector), "utf-8")

    def run(self, *args: str, code: int = 0) -> Any:
        done = subprocess.run(
            [sys.executable, "-m", "confwatch.scheduler", *args, "--json"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert done.returncode == code, done.stderr[-3000:]
        return json.loads(done.stdout)

    def crawl(self, *args: str) -> dict[str, Any]:
        (run,) = self.run("crawl", *args, "--no-feeds")["runs"]
        assert run["status"] == "ok", run
        return dict(run)

    def event(self) -> dict[str, Any]:
        (event,) = self.run("events")
        return dict(self.run("events", "show", str(event["id"])))

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.home / "confwatch.db")


@pytest.fixture
def install(tmp_path: Path, home: Path, news_site: ReplaySite) -> Install:
    return Install(tmp_path, home, news_site)


def _dates(event: dict[str, Any]) -> tuple[str, str]:
    return event["start_date"], event["end_date"]


def _asked(site: ReplaySite) -> dict[str, dict[str, Any]]:
    """The last request of each page (robots.txt aside), by the path the replay server saw."""
    return {str(r["path"]): r for r in site.requests() if not str(r["path"]).endswith("robots.txt")}


def test_a_selector_fix_corrects_the_stored_date_on_the_next_crawl_without_fetching_the_page(
    install: Install, news_site: ReplaySite
) -> None:
    install.crawl()
    assert _dates(install.event()) == POSTED

    install.configure(FIXED)
    news_site.requests(clear=True)
    run = install.crawl()

    event = install.event()
    assert _dates(event) == CONFERENCE
    assert _asked(news_site)[EVENT_PATH]["status"] == 304  # read again from its stored body
    assert (run["not_modified"], run["changed"]) == (2, 1)
    assert event["revisions"][-1]["cause"] == "correction"


def test_crawl_force_fetches_every_page_in_full_and_reads_it(
    install: Install, news_site: ReplaySite
) -> None:
    install.crawl()
    news_site.requests(clear=True)
    plain = install.crawl()
    # The listing answers 304, and the event (past, by the wrong date) was fetched just now:
    # its page is not even asked, and nothing is read.
    assert EVENT_PATH not in _asked(news_site)
    assert plain["not_modified"] == 1 and plain["items"] == 0

    news_site.requests(clear=True)
    forced = install.crawl("--force")

    asked = _asked(news_site)
    assert set(asked) == {LISTING_PATH, EVENT_PATH}
    for request in asked.values():
        assert request["status"] == 200
        assert request["if_none_match"] is None and request["if_modified_since"] is None
    assert forced["not_modified"] == 0
    assert (forced["items"], forced["unchanged"]) == (1, 1)  # read, and nothing new to say
    with install.db() as db:  # the run says why it fetched everything
        (stats,) = db.execute(
            "SELECT stats FROM crawl_run WHERE id = ?", (forced["run"],)
        ).fetchone()
    assert json.loads(stats)["forced"] is True


def test_crawl_force_corrects_a_page_the_store_keeps_no_body_of_after_a_selector_fix(
    install: Install, news_site: ReplaySite
) -> None:
    install.crawl()
    with install.db() as db:  # as a store written before page bodies were kept
        db.execute("UPDATE page_state SET body = NULL, extraction = NULL, read_on = NULL")
    install.configure(FIXED)

    install.crawl()
    assert _dates(install.event()) == POSTED  # 304, and nothing stored to read again: it sticks

    news_site.requests(clear=True)
    forced = install.crawl("--force")

    event = install.event()
    assert _dates(event) == CONFERENCE
    assert forced["changed"] == 1
    assert _asked(news_site)[EVENT_PATH]["status"] == 200
    with install.db() as db:  # read in full: its body is kept now, with the current tag
        (kept,) = db.execute(
            "SELECT body IS NOT NULL AND extraction IS NOT NULL FROM page_state WHERE url = ?",
            (EVENT_URL,),
        ).fetchone()
    assert kept


def test_crawl_force_revisits_known_pages_the_listing_no_longer_links(
    install: Install, news_site: ReplaySite
) -> None:
    install.configure(FIXED)
    install.crawl()
    listing = news_site.root / "news.example/en/news/index.html"
    listing.write_text(LISTING.replace('href="/en/news/regional-conference/"', 'href="/"'), "utf-8")

    news_site.requests(clear=True)
    install.crawl()
    assert _asked(news_site)[EVENT_PATH]["status"] == 304  # an upcoming one: asked, conditionally
    # ... and a past one only once per revisit_past: make the stored event a past one.
    with install.db() as db:
        db.execute("UPDATE event SET start_date = '2019-05-01', end_date = '2019-05-02'")
    news_site.requests(clear=True)
    install.crawl()
    assert EVENT_PATH not in _asked(news_site)

    news_site.requests(clear=True)
    forced = install.crawl("--force")

    request = _asked(news_site)[EVENT_PATH]
    assert request["status"] == 200 and request["if_none_match"] is None
    assert forced["items"] == 1
