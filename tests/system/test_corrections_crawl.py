"""Improvements reach existing stores: a better reading of a page the site no longer changes.

A real crawl (child process, replay server, SQLite store, feeds) of a ministry-style news site
whose conference page gives its real dates only in a widget (a ``data-dates`` attribute) that the
text heuristics never see; its prose says "3 November 2026". Adding a selector for the widget to
the configuration (an extraction setting) must correct the stored event, although the site
answers 304 for every page, and the feeds must say that confwatch corrected itself.
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
<div id="when" data-dates="9-10 February 2027"></div>
<p>The Regional Conference on Countering the Financing of Terrorism will take place on
3 November 2026 in Vienna, Austria.</p>
<p>The conference is organised by the OSCE and brings together experts on terrorist financing
and violent extremism.</p>
</body></html>
"""
EVENT_URL = "https://news.example/en/news/regional-conference/"
SOURCE = """
[[sources]]
key = "news"
kind = "generic"
name = "A ministry's news"
start_urls = ["https://news.example/en/news/"]
follow = ['/en/news/[a-z-]+/$']
"""
# The extraction setting the operator adds: the widget's attribute, read by XPath.
SELECTOR = """fields = { date_text = "//div[@id='when']/@data-dates" }\n"""
CORRECTED = "Dates corrected: 3 November 2026 → 9–10 February 2027"


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
        self.configure(selector=False)
        self.env = dict(
            os.environ,
            CONFWATCH_HOME=str(home),
            CONFWATCH_CONFIG=str(self.config),
            CONFWATCH_REPLAY_URL=site.url,
            CONFWATCH_DOWNLOAD_DELAY="0",
        )

    def configure(self, *, selector: bool) -> None:
        self.config.write_text(SOURCE + (SELECTOR if selector else ""), "utf-8")

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

    def event(self) -> dict[str, Any]:
        (event,) = self.run("events")
        return dict(self.run("events", "show", str(event["id"])))

    def feed(self) -> str:
        return (self.home / "feeds" / "feed.atom").read_text("utf-8")

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.home / "confwatch.db")


@pytest.fixture
def install(tmp_path: Path, home: Path, news_site: ReplaySite) -> Install:
    return Install(tmp_path, home, news_site)


def _dates(event: dict[str, Any]) -> tuple[str, str]:
    return event["start_date"], event["end_date"]


def test_a_new_selector_corrects_the_stored_date_on_the_next_crawl_while_the_site_answers_304(
    install: Install, news_site: ReplaySite
) -> None:
    install.run("crawl")
    assert _dates(install.event()) == ("2026-11-03", "2026-11-03")  # the prose's date
    with install.db() as db:  # the page whose events were read keeps its body; the listing not
        assert db.execute("SELECT url FROM page_state WHERE body IS NOT NULL").fetchall() == [
            (EVENT_URL,)
        ]

    install.configure(selector=True)
    news_site.requests(clear=True)
    (run,) = install.run("crawl")["runs"]

    event = install.event()
    assert _dates(event) == ("2027-02-09", "2027-02-10")
    # Nothing was fetched in full: the page was read again from its stored body.
    asked = {str(r["path"]): r["status"] for r in news_site.requests()}
    assert asked["/news.example/en/news/regional-conference/"] == 304
    assert run["not_modified"] == 2 and (run["items"], run["changed"]) == (1, 1)
    latest = event["revisions"][-1]
    assert (latest["kind"], latest["cause"], latest["run_id"]) == (
        "changed",
        "correction",
        run["run"],
    )
    assert CORRECTED in install.feed()
    assert "What was corrected" in install.feed()


def test_reextract_corrects_on_demand_in_a_run_of_its_own_that_is_not_a_crawl(
    install: Install,
) -> None:
    (crawl,) = install.run("crawl")["runs"]
    install.configure(selector=True)

    done = install.run("reextract")
    (run,) = done["runs"]
    assert (run["source"], run["status"], run["pages"], run["changed"]) == ("news", "ok", 1, 1)
    assert run["run"] != crawl["run"] and done["feeds"]
    event = install.event()
    assert _dates(event) == ("2027-02-09", "2027-02-10")
    assert event["revisions"][-1]["cause"] == "correction"
    assert CORRECTED in install.feed()
    # status speaks of crawls: a re-read fetched nothing.
    (health,) = install.run("status")["sources"]
    assert health["last_run"] == crawl["run"]
    # The pages now carry the current tag: the next crawl has nothing to read again.
    (again,) = install.run("crawl")["runs"]
    assert again["changed"] == 0 and again["items"] == 0
    with install.db() as db:
        kinds = [k for (k,) in db.execute("SELECT kind FROM crawl_run ORDER BY id")]
    assert kinds == ["crawl", "reextract", "crawl"]


def test_a_store_read_by_an_older_extractor_is_read_again_by_the_next_crawl(
    install: Install,
) -> None:
    from confwatch.store.changes import fingerprint
    from confwatch.store.records import EventFields

    install.configure(selector=True)
    install.run("crawl")
    # What a store of the previous release holds: that release's reading (the prose's date)
    # and its version in the page's tag.
    with install.db() as db:
        (raw,) = db.execute("SELECT fields FROM sighting").fetchone()
        fields = json.loads(raw)
        fields.update(start_date="2026-11-03", end_date="2026-11-03")
        (tag,) = db.execute("SELECT extraction FROM page_state WHERE body IS NOT NULL").fetchone()
        db.execute("UPDATE sighting SET fields = ?", (json.dumps(fields),))
        db.execute(
            "UPDATE event SET start_date = '2026-11-03', end_date = '2026-11-03', fingerprint = ?",
            (fingerprint(EventFields.from_json(fields)),),
        )
        old_tag = "2025.14.0/" + tag.split("/", 1)[1]
        db.execute("UPDATE page_state SET extraction = ? WHERE url = ?", (old_tag, EVENT_URL))

    (run,) = install.run("crawl")["runs"]

    assert run["changed"] == 1
    event = install.event()
    assert _dates(event) == ("2027-02-09", "2027-02-10")
    assert event["revisions"][-1]["cause"] == "correction"
    with install.db() as db:
        (now_tag,) = db.execute(
            "SELECT extraction FROM page_state WHERE url = ?", (EVENT_URL,)
        ).fetchone()
    assert now_tag == tag
