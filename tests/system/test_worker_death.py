"""A worker of a distributed crawl dies holding a request (kill -9): the run still finishes.

Real processes end to end: ``confwatch crawl`` (the coordinator) and ``confwatch worker`` against
the machine's Redis and PostgreSQL and the replay server. The worker reaches the site through a
small proxy of this test that answers robots.txt and then holds the worker's first page request
unanswered, so the worker is killed, with its whole process group, while it holds that request.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import RedisSpace, ReplaySite
from tests.system.conftest import HOST, LISTING, add_event_pages, write_site
from tests.system.test_distributed import confwatch, page_paths

# A source key no other test crawls: on PostgreSQL a source's crawl lock is database-wide.
SOURCE = "worker-death"
# crawl_timeout is far above what the test waits for the run (RUN_WAIT): a run that ends only
# because the parent's crawl_timeout stopped it can never pass.
CONFIG = f"""
[crawl]
download_delay = 2.0
concurrency_per_domain = 1
retries = 1
crawl_timeout = "10m"

[[sources]]
key = "{SOURCE}"
kind = "generic"
start_urls = ["{LISTING}"]
follow = ['/events/[a-z0-9]+$']
max_pages = 60
"""
#: Seconds the test waits for the run once the worker is dead: the lease timeout plus the rest
#: of the crawl, with room for a busy machine; well below crawl_timeout (600 s).
RUN_WAIT = 180


class HoldingProxy:
    """Stands between one worker and the replay server: passes robots.txt through, and holds
    every other request unanswered until released (a page the worker is caught holding)."""

    def __init__(self, upstream: str) -> None:
        self.held: list[str] = []
        self.holding = threading.Event()
        self.release = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.endswith("/robots.txt"):
                    try:
                        with urllib.request.urlopen(upstream + self.path, timeout=10) as r:
                            status, body = r.status, r.read()
                    except urllib.error.HTTPError as exc:
                        status, body = exc.code, exc.read()
                    self.send_response(status)
                    self.send_header("Content-Type", "text/plain; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                proxy.held.append(self.path)
                proxy.holding.set()
                proxy.release.wait(timeout=RUN_WAIT + 60)
                self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(replay_site: ReplaySite) -> Iterator[HoldingProxy]:
    holding = HoldingProxy(replay_site.url)
    yield holding
    holding.close()


def kill_group(proc: subprocess.Popen[str]) -> None:
    """SIGKILL to a process started in a session of its own and to every child it started."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_run_finishes_ok_with_every_page_when_a_worker_dies_holding_a_request(
    home: Path,
    tmp_path: Path,
    replay_site: ReplaySite,
    proxy: HoldingProxy,
    postgres_url: str,
    redis_space: RedisSpace,
) -> None:
    write_site(replay_site.root)
    # 22 pages 2 s apart: the coordinator is still crawling when the worker has joined, even
    # when a busy machine takes many seconds to start the worker.
    event_urls = add_event_pages(replay_site.root, [f"e{n}" for n in range(20)])
    event_urls += [f"https://{HOST}/events/alpha", f"https://{HOST}/events/beta"]
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_"))}
    env |= {
        "CONFWATCH_HOME": str(home),
        "CONFWATCH_CONFIG": str(config),
        "CONFWATCH_REPLAY_URL": replay_site.url,
        "CONFWATCH_REDIS_URL": redis_space.url,
        "CONFWATCH_REDIS_PREFIX": redis_space.prefix,
        "DATABASE_URL": postgres_url,
    }
    assert confwatch("db", "upgrade", env=env).returncode == 0

    cmd = [sys.executable, "-m", "confwatch.scheduler"]
    with (tmp_path / "worker.log").open("w") as worker_log:
        worker = subprocess.Popen(
            [*cmd, "worker", "--wait", "120"],
            env=env | {"CONFWATCH_REPLAY_URL": proxy.url},
            stdout=subprocess.DEVNULL,
            stderr=worker_log,
            text=True,
            start_new_session=True,
        )
    crawl = subprocess.Popen(
        [*cmd, "crawl", "--json", "--no-feeds"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        if not proxy.holding.wait(timeout=120):
            pytest.fail(
                "the worker never took a page from the run; its log:\n"
                + (tmp_path / "worker.log").read_text("utf-8")[-3000:]
            )
        kill_group(worker)
        try:
            out, err = crawl.communicate(timeout=RUN_WAIT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the run was still going {RUN_WAIT} s after its worker died")
    finally:
        kill_group(worker)
        kill_group(crawl)

    assert crawl.returncode == 0, err
    run = json.loads(out)["runs"][0]
    assert run["status"] == "ok"
    # A fresh database: every conference of the site was stored, and stored by this run.
    assert run["new"] == len(event_urls)
    done = confwatch("events", "--json", env=env)
    assert done.returncode == 0, done.stderr
    stored = {s["url"] for e in json.loads(done.stdout) for s in e["sources"]}
    assert stored == set(event_urls)
    # The page the dead worker held went back to the queue and the coordinator fetched it.
    assert proxy.held[0] in page_paths(replay_site)
