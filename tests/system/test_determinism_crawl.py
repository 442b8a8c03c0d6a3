"""The real crawl of the recorded sites, several times, in different arrival orders: the same
conferences, uids, canonical fields and feed entry ids every time.

Each run is a fresh CONFWATCH_HOME and a real child process (``confwatch demo``, ``confwatch
crawl``). Scrapy's concurrency already varies the order in which pages arrive; to make sure the
orders differ, some runs crawl through a front that holds one site's pages back for a moment (as a
slow site would) and list the sources in reverse. Nothing here asserts an order or a duration:
only that what the crawl stores and publishes is the same.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest

from confwatch.store import Store
from tests.conftest import REPO, ReplaySite

SOURCES = ["osce", "unoct", "mfa-mn", "gia-mn"]
HOLD_SECONDS = 2.0


class _HoldingFront(BaseHTTPRequestHandler):
    """Forwards to the replay server; pages of the ``held`` host wait ``HOLD_SECONDS`` first."""

    upstream: str = ""
    held: str = ""

    def do_GET(self) -> None:
        if self.path.startswith(f"/{self.held}/"):
            time.sleep(HOLD_SECONDS)
        target = urlsplit(self.upstream)
        conn = http.client.HTTPConnection(target.hostname or "", target.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        conn.request("GET", self.path, headers=headers)
        reply = conn.getresponse()
        body = reply.read()
        self.send_response(reply.status)
        for name, value in reply.getheaders():
            if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        conn.close()

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


def holding_front(upstream: str, held: str) -> tuple[ThreadingHTTPServer, str]:
    handler = type("Front", (_HoldingFront,), {"upstream": upstream, "held": held})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def confwatch(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "CONFWATCH_CONFIG", "CONFWATCH_REPLAY_URL")
    }
    environ.update(CONFWATCH_HOME=str(home), CONFWATCH_DOWNLOAD_DELAY="0", **env)
    return subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", *args],
        env=environ,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def published(home: Path) -> dict[str, Any]:
    """What readers see: the events by uid (fields and pages), the main feed's (id, title)s."""
    with Store.open(f"sqlite:///{home / 'confwatch.db'}") as store:
        events = {
            event.uid: (event.fields, sorted((ref.source, ref.url) for ref in event.sources))
            for event in store.events()
        }
    feed = feedparser.parse(str(home / "feeds" / "feed.atom"))
    assert not feed.bozo, feed.bozo_exception
    entries = sorted((entry.id, entry.title) for entry in feed.entries)
    return {"events": events, "entries": entries}


@pytest.fixture
def runs(tmp_path: Path, replay_site: ReplaySite) -> Iterator[list[dict[str, Any]]]:
    """The demo once, then the same crawl twice more: one site held back each time, the second
    time with the sources listed in reverse."""
    results = []
    home = tmp_path / "demo"
    # The packaged configuration: the recorded sites only, as the crawls below (the demo's own
    # configuration adds a fictional site whose dates follow the run date).
    default = str(REPO / "scheduler" / "default.toml")
    done = confwatch("--config", default, "demo", "--json", home=home)
    assert done.returncode == 0, done.stderr
    results.append(published(home))
    fronts = []
    try:
        for n, (held, keys) in enumerate(
            [
                ("gia.gov.mn", SOURCES),
                ("www.un.org", SOURCES[::-1]),
            ]
        ):
            server, url = holding_front(replay_site.url, held)
            fronts.append(server)
            home = tmp_path / f"crawl-{n}"
            done = confwatch("crawl", *keys, "--json", home=home, CONFWATCH_REPLAY_URL=url)
            assert done.returncode == 0, done.stderr
            results.append(published(home))
        yield results
    finally:
        for server in fronts:
            server.shutdown()
            server.server_close()


def test_repeated_crawls_in_any_order_store_and_publish_the_same(
    runs: list[dict[str, Any]],
) -> None:
    first = runs[0]
    # The conference on three of the sites is one event, titled by its lead organiser's page.
    (ulaanbaatar,) = [
        (fields, pages)
        for fields, pages in first["events"].values()
        if fields.city == "Ulaanbaatar" and fields.start_date == dt.date(2019, 6, 20)
    ]
    assert [source for source, _ in ulaanbaatar[1]] == ["gia-mn", "osce", "unoct"]
    assert ulaanbaatar[0].title.startswith("High-level Inter-Regional Conference")
    for n, other in enumerate(runs[1:], start=1):
        assert sorted(other["events"]) == sorted(first["events"]), f"run {n}: event uids"
        for uid, event in first["events"].items():
            assert other["events"][uid] == event, f"run {n}: event {uid}"
        assert other["entries"] == first["entries"], f"run {n}: feed entries"
