"""Fixtures of the end-to-end, fault and scale-out tests: a site that fails on request.

``conf.test`` is a small generic site on the replay server: a listing (``/events``) linking to
two upcoming conferences (``/events/alpha``, ``/events/beta``). ``FaultySite.fail(path, fault)``
makes a once-good URL answer with one of the replay server's faults (``ROOT/_faults.json``);
``link()`` adds a link to the listing. Crawls run the real CLI in a child process, as an operator
would.

Redis (``redis_space``) is in tests/conftest.py, shared with tests/spiders/test_leases.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from confwatch.store.records import EventFields
from tests.conftest import ReplaySite, start_replay

HOST = "conf.test"
SOURCE = "conf-test"
LISTING = f"https://{HOST}/events"
ALPHA = f"https://{HOST}/events/alpha"
BETA = f"https://{HOST}/events/beta"

CONFIG = f"""
[crawl]
timeout = 3
retries = 1
max_page_bytes = 1000000
crawl_timeout = "2m"
download_delay = 0
concurrency_per_domain = 8

[[sources]]
key = "{SOURCE}"
kind = "generic"
start_urls = ["{LISTING}"]
follow = ['/events/[a-z0-9]+$', '/_fault/']
max_pages = 60
"""

EVENT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Conf Test</title></head>
<body><main>
<h1>{title}</h1>
<p>Date: {dates}</p>
<p>Venue: {place}</p>
<p>The OSCE Secretariat organizes a regional conference on preventing and countering violent
extremism and radicalization that lead to terrorism. Experts from participating States will
discuss counter-terrorism co-operation.</p>
</main></body></html>
"""

PAGES = {
    "alpha": EVENT_PAGE.format(
        title="Regional Conference on Countering Terrorism",
        dates="12-13 November 2030",
        place="Vienna, Austria",
    ),
    "beta": EVENT_PAGE.format(
        title="Interregional Conference on Preventing Violent Extremism",
        dates="3-4 March 2031",
        place="Ulaanbaatar, Mongolia",
    ),
}


CITIES = [
    ("Vienna", "Austria"), ("Geneva", "Switzerland"), ("Astana", "Kazakhstan"),
    ("Tashkent", "Uzbekistan"), ("Bishkek", "Kyrgyzstan"), ("Dushanbe", "Tajikistan"),
    ("Rome", "Italy"), ("Berlin", "Germany"), ("Madrid", "Spain"), ("Warsaw", "Poland"),
    ("Prague", "Czech Republic"), ("Budapest", "Hungary"), ("Sofia", "Bulgaria"),
    ("Riga", "Latvia"),
    ("Tbilisi", "Georgia"), ("Yerevan", "Armenia"), ("Baku", "Azerbaijan"), ("Oslo", "Norway"),
    ("Helsinki", "Finland"), ("Lisbon", "Portugal"),
]  # fmt: skip
TOPICS = ["Countering Terrorism", "Preventing Violent Extremism", "Border Security",
          "Terrorist Financing", "Foreign Terrorist Fighters"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def slug(fault: str) -> str:
    """A page name for a fault: "429?after=3600" -> "x429late"."""
    return (
        "x"
        + "".join(c for c in fault.split("?")[0] if c.isalnum())
        + ("late" if "?" in fault else "")
    )


def event_page(n: int) -> str:
    """The n-th of 20 distinct upcoming conferences (title, dates and city differ)."""
    city, country = CITIES[n]
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>t</title></head><body>"
        f"<main><h1>Regional Conference on {TOPICS[n % 5]} in {city}</h1>"
        f"<p>Date: {n + 2}-{n + 3} {MONTHS[n % 12]} 2031</p><p>Venue: {city}, {country}</p>"
        "<p>The OSCE Secretariat organizes a regional conference on preventing and countering "
        "violent extremism and radicalization that lead to terrorism. Experts from participating "
        "States will discuss counter-terrorism co-operation.</p></main></body></html>"
    )


def add_event_pages(root: Path, names: list[str]) -> list[str]:
    """One conference page per name, linked from the listing; their real URLs."""
    listing = root / HOST / "events" / "index.html"
    for n, name in enumerate(names):
        folder = root / HOST / "events" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(event_page(n), "utf-8")
    links = "".join(f'<li><a href="/events/{name}">{name}</a></li>' for name in names)
    listing.write_text(listing.read_text("utf-8").replace("</ul>", links + "</ul>"), "utf-8")
    return [f"https://{HOST}/events/{name}" for name in names]


@dataclass
class FaultySite:
    replay: ReplaySite
    root: Path

    def page(self, name: str) -> Path:
        return self.root / HOST / "events" / name / "index.html"

    def fail(self, path: str, fault: str) -> None:
        """From now on ``https://conf.test<path>`` answers with ``fault``."""
        table = self.root / "_faults.json"
        faults = json.loads(table.read_text("utf-8")) if table.is_file() else {}
        faults[f"/{HOST}{path}"] = fault
        table.write_text(json.dumps(faults), "utf-8")

    def heal(self) -> None:
        (self.root / "_faults.json").unlink(missing_ok=True)

    def link(self, url: str) -> None:
        listing = self.root / HOST / "events" / "index.html"
        html = listing.read_text("utf-8").replace(
            "</ul>", f'<li><a href="{url}">More</a></li></ul>'
        )
        listing.write_text(html, "utf-8")


def write_site(root: Path) -> None:
    base = root / HOST
    (base / "events").mkdir(parents=True, exist_ok=True)
    (base / "robots.txt").write_text("User-agent: *\nAllow: /\n", "utf-8")
    links = "".join(f'<li><a href="/events/{n}">{n}</a></li>' for n in PAGES)
    (base / "events" / "index.html").write_text(
        f"<html><head><title>Events</title></head><body><h1>Events</h1><ul>{links}</ul></body></html>",
        "utf-8",
    )
    for name, html in PAGES.items():
        (base / "events" / name).mkdir(exist_ok=True)
        (base / "events" / name / "index.html").write_text(html, "utf-8")


@contextmanager
def private_site(tmp: Path) -> Iterator[tuple[FaultySite, dict[str, str]]]:
    """A site, its replay server and a crawl environment under ``tmp``, for module fixtures."""
    root = tmp / "sites"
    write_site(root)
    config = tmp / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    replay = start_replay(root)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_URL"))}
    env |= {
        "CONFWATCH_HOME": str(tmp / "home"),
        "CONFWATCH_CONFIG": str(config),
        "CONFWATCH_REPLAY_URL": replay.url,
    }
    try:
        yield FaultySite(replay, root), env
    finally:
        replay.proc.terminate()
        replay.proc.wait(timeout=10)


@pytest.fixture
def site(replay_site: ReplaySite) -> FaultySite:
    write_site(replay_site.root)
    return FaultySite(replay_site, replay_site.root)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "confwatch.toml"
    path.write_text(CONFIG, "utf-8")
    return path


@pytest.fixture
def env(home: Path, config: Path, site: FaultySite) -> dict[str, str]:
    return dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_CONFIG=str(config),
        CONFWATCH_REPLAY_URL=site.replay.url,
        CONFWATCH_DOWNLOAD_DELAY="0",
    )


@dataclass
class Crawl:
    exit: int
    stderr: str
    run: dict[str, object]

    @property
    def errors(self) -> list[dict[str, str]]:
        return list(self.run["errors"])  # type: ignore[call-overload]

    def error_for(self, url: str) -> str:
        """The recorded message for ``url``; fails the test when there is none."""
        found = [e["message"] for e in self.errors if e.get("url") == url]
        assert found, f"no error recorded for {url}: {self.errors}\n{self.stderr[-3000:]}"
        return found[0]


def confwatch(
    env: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def crawl(env: dict[str, str]) -> Crawl:
    done = confwatch(env, "crawl", SOURCE, "--json", "--no-feeds")
    assert done.stdout.strip(), done.stderr
    result = json.loads(done.stdout)
    (run,) = result["runs"]
    return Crawl(done.returncode, done.stderr, run)


def stored(env: dict[str, str]) -> dict[int, EventFields]:
    """Every stored event's fields by id, read straight from the store."""
    settings = load_settings(env=env)
    store = open_store(settings, sync_sources=False)
    try:
        return {e.id: e.fields for e in store.events()}
    finally:
        store.close()
