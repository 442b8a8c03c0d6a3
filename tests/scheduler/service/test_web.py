"""The HTTP side of ``confwatch serve``: a real server on 127.0.0.1 and real clients (http.client,
raw sockets). Security headers on every response, methods and hostile paths, HTTP caching
(validators, 304s, gzip, keep-alive), slow and vanishing clients, log events, the health check's
database connections, and a busy port."""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import http.client
import json
import logging
import os
import resource
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import Pool

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.service.serve import Service
from confwatch.scheduler.service.web_server import WebServer
from confwatch.store import migrate

HealthFn = Callable[[], tuple[int, dict[str, Any]]]


def healthy() -> tuple[int, dict[str, Any]]:
    return 200, {"ok": True, "sources": []}


def broken() -> tuple[int, dict[str, Any]]:
    raise RuntimeError("the database went away")


@pytest.fixture
def feeds(tmp_path: Path) -> Path:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "index.html").write_text("<!doctype html><title>confwatch</title>", "utf-8")
    (folder / "feed.atom").write_text("<feed xmlns='http://www.w3.org/2005/Atom'/>", "utf-8")
    (folder / "sub").mkdir()
    (folder / ".feed.atom.tmp").write_text("half-written", "utf-8")
    (tmp_path / "secret.txt").write_text("not for the web", "utf-8")
    return folder


@pytest.fixture
def start_web(feeds: Path) -> Iterator[Callable[..., WebServer]]:
    """Starts WebServers on a free port; every one is stopped after the test."""
    started: list[WebServer] = []

    def start(health: HealthFn = healthy, **options: Any) -> WebServer:
        server = WebServer("127.0.0.1", 0, feeds, health, **options)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def request(
    server: WebServer,
    method: str,
    path: str,
    *,
    timeout: float = 30,
    headers: dict[str, str] | None = None,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def half_sent_request(server: WebServer) -> socket.socket:
    """A connection that sent the start of a request and then nothing more (slowloris)."""
    parts = urlsplit(server.url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    return sock


def assert_security_headers(headers: http.client.HTTPMessage) -> None:
    assert headers["X-Content-Type-Options"] == "nosniff"
    csp = headers["Content-Security-Policy"] or ""
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "style-src 'unsafe-inline'" in csp
    assert headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("GET", "/index.html", 200),
        ("GET", "/feeds/feed.atom", 200),
        ("HEAD", "/feeds/feed.atom", 200),
        ("GET", "/healthz", 200),
        ("GET", "/nothing-here", 404),
        ("POST", "/", 405),
    ],
)
def test_every_response_carries_the_security_headers(
    start_web: Callable[..., WebServer], method: str, path: str, status: int
) -> None:
    server = start_web()
    got, headers, _ = request(server, method, path)
    assert got == status
    assert_security_headers(headers)


def test_a_failing_health_check_is_a_500_with_security_headers_and_no_traceback(
    start_web: Callable[..., WebServer], capfd: pytest.CaptureFixture[str]
) -> None:
    server = start_web(broken)
    status, headers, body = request(server, "GET", "/healthz")
    assert status == 500
    assert_security_headers(headers)
    assert headers["Cache-Control"] == "no-store"
    assert b"database went away" not in body and b"Traceback" not in body
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(
    "raw",
    [
        b"NOT A REQUEST\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n" + b"a" * 70_000,
    ],
    ids=["garbage", "huge-header", "huge-body"],
)
def test_requests_the_server_itself_refuses_get_4xx_with_security_headers(
    start_web: Callable[..., WebServer], raw: bytes
) -> None:
    server = start_web()
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        # The server may answer and hang up before it has read everything.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(raw)
        response = http.client.HTTPResponse(sock)
        response.begin()
    assert 400 <= response.status < 500
    assert_security_headers(response.headers)


def test_files_are_served_with_their_content_types_and_cache_headers(
    start_web: Callable[..., WebServer],
) -> None:
    server = start_web()
    status, headers, body = request(server, "GET", "/feeds/feed.atom")
    assert status == 200
    assert headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert headers["Content-Length"] == str(len(body))
    assert headers["Cache-Control"] == "public, max-age=300"
    status, headers, body = request(server, "GET", "/")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert body.startswith(b"<!doctype html>")


# -- HTTP caching: validators, conditional requests, gzip, keep-alive ---------------------------

FEED = (
    "<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>"
    + "".join(
        f"<entry><title>Conference {n} (Budapest): dates changed</title></entry>" for n in range(50)
    )
    + "</feed>\n"
).encode()
LONG_AGO = 1_600_000_000  # 2020-09-13: the file's mtime in tests that need a known one


@pytest.fixture
def feed(feeds: Path) -> Path:
    """A feed big enough to be worth compressing, last modified at LONG_AGO."""
    path = feeds / "big-feed.atom"
    path.write_bytes(FEED)
    os.utime(path, (LONG_AGO, LONG_AGO))
    return path


def test_a_repeated_conditional_request_gets_304_with_no_body_and_the_same_etag(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    status, headers, body = request(server, "GET", "/feeds/big-feed.atom")
    etag = headers["ETag"]
    assert (status, body) == (200, FEED)
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    for _ in range(2):
        status, again, body = request(
            server, "GET", "/feeds/big-feed.atom", headers={"If-None-Match": etag}
        )
        assert (status, body) == (304, b"")
        assert again["ETag"] == etag
        assert again["Last-Modified"] == headers["Last-Modified"]
        assert again["Cache-Control"] == "public, max-age=300"
        assert_security_headers(again)


def test_the_page_and_feeds_carry_validators_and_cache_control(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    for path in ("/", "/feeds/feed.atom", "/feeds/big-feed.atom"):
        status, headers, _ = request(server, "GET", path)
        assert status == 200
        assert headers["ETag"] and headers["Cache-Control"] == "public, max-age=300"
        assert email.utils.parsedate_to_datetime(headers["Last-Modified"]).tzinfo is not None
    _, headers, _ = request(server, "GET", "/feeds/big-feed.atom")
    assert headers["Last-Modified"] == "Sun, 13 Sep 2020 12:26:40 GMT"  # the file's mtime
    assert headers["Vary"] == "Accept-Encoding"


def test_an_etag_that_does_not_match_gets_the_file(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    status, _, body = request(
        server, "GET", "/feeds/big-feed.atom", headers={"If-None-Match": '"something-else"'}
    )
    assert (status, body) == (200, FEED)


@pytest.mark.parametrize(
    ("since", "status"),
    [
        ("Sun, 13 Sep 2020 12:26:40 GMT", 304),  # exactly the file's Last-Modified
        ("Mon, 14 Sep 2020 00:00:00 GMT", 304),  # later
        ("Sun, 13 Sep 2020 12:26:39 GMT", 200),  # a second older than the file
        ("not a date", 200),
    ],
)
def test_if_modified_since_gets_304_unless_older_than_the_file(
    start_web: Callable[..., WebServer], feed: Path, since: str, status: int
) -> None:
    server = start_web()
    got, _, body = request(
        server, "GET", "/feeds/big-feed.atom", headers={"If-Modified-Since": since}
    )
    assert got == status
    assert body == (b"" if status == 304 else FEED)


def test_if_none_match_takes_precedence_over_if_modified_since(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    conditions = {"If-None-Match": '"stale"', "If-Modified-Since": "Mon, 14 Sep 2020 00:00:00 GMT"}
    status, _, body = request(server, "GET", "/feeds/big-feed.atom", headers=conditions)
    assert (status, body) == (200, FEED)


def test_a_changed_file_gets_a_new_etag_and_200(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    _, headers, _ = request(server, "GET", "/feeds/big-feed.atom")
    changed = FEED.replace(b"Conference 7", b"Conference 8")  # same size, other content
    feed.write_bytes(changed)
    os.utime(feed, (LONG_AGO + 60, LONG_AGO + 60))
    status, after, body = request(
        server,
        "GET",
        "/feeds/big-feed.atom",
        headers={"If-None-Match": headers["ETag"], "If-Modified-Since": headers["Last-Modified"]},
    )
    assert (status, body) == (200, changed)
    assert after["ETag"] != headers["ETag"]
    assert after["Last-Modified"] == "Sun, 13 Sep 2020 12:27:40 GMT"


def test_a_rebuild_with_the_same_content_keeps_etag_and_last_modified(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    _, headers, _ = request(server, "GET", "/feeds/big-feed.atom")
    feed.write_bytes(FEED)  # the build rewrites every file, changed or not
    os.utime(feed, (LONG_AGO + 3600, LONG_AGO + 3600))
    for condition in (
        {"If-None-Match": headers["ETag"]},
        {"If-Modified-Since": headers["Last-Modified"]},
    ):
        status, after, _ = request(server, "GET", "/feeds/big-feed.atom", headers=condition)
        assert status == 304
        assert (after["ETag"], after["Last-Modified"]) == (
            headers["ETag"],
            headers["Last-Modified"],
        )


@pytest.mark.parametrize(
    "accept", ["gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.5", "*", "x-gzip"]
)
def test_a_client_accepting_gzip_gets_a_gzip_body_that_decompresses_to_the_file(
    start_web: Callable[..., WebServer], feed: Path, accept: str
) -> None:
    server = start_web()
    _, plain, _ = request(server, "GET", "/feeds/big-feed.atom")
    status, headers, body = request(
        server, "GET", "/feeds/big-feed.atom", headers={"Accept-Encoding": accept}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == FEED
    assert int(headers["Content-Length"]) == len(body) < len(FEED)
    assert headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["ETag"] != plain["ETag"]
    assert headers["ETag"].endswith('-gzip"')


@pytest.mark.parametrize("accept", [None, "identity", "gzip;q=0", "br", "*;q=0", "*, gzip;q=0"])
def test_a_client_not_accepting_gzip_gets_the_file_as_it_is(
    start_web: Callable[..., WebServer], feed: Path, accept: str | None
) -> None:
    server = start_web()
    headers = {"Accept-Encoding": accept} if accept is not None else {}
    status, got, body = request(server, "GET", "/feeds/big-feed.atom", headers=headers)
    assert (status, body) == (200, FEED)
    assert got["Content-Encoding"] is None
    assert got["Content-Length"] == str(len(FEED))


def test_the_gzip_variant_answers_its_own_conditional_requests(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    gz = {"Accept-Encoding": "gzip"}
    _, headers, _ = request(server, "GET", "/feeds/big-feed.atom", headers=gz)
    status, again, body = request(
        server, "GET", "/feeds/big-feed.atom", headers={**gz, "If-None-Match": headers["ETag"]}
    )
    assert (status, body, again["ETag"]) == (304, b"", headers["ETag"])
    # The identity ETag does not validate the gzip variant, nor the other way round.
    status, _, _ = request(
        server, "GET", "/feeds/big-feed.atom", headers={"If-None-Match": headers["ETag"]}
    )
    assert status == 200


def test_head_with_gzip_gives_the_headers_of_get_without_a_body(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    gz = {"Accept-Encoding": "gzip"}
    _, get_headers, get_body = request(server, "GET", "/feeds/big-feed.atom", headers=gz)
    status, headers, body = request(server, "HEAD", "/feeds/big-feed.atom", headers=gz)
    assert (status, body) == (200, b"")
    for name in ("Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Vary"):
        assert headers[name] == get_headers[name], name
    assert headers["Content-Length"] == str(len(get_body))


def test_requests_share_one_kept_alive_http_1_1_connection_304s_included(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        conn.request("GET", "/feeds/big-feed.atom")
        first = conn.getresponse()
        assert (first.status, first.read()) == (200, FEED)
        assert first.version == 11 and not first.will_close
        assert conn.sock is not None
        local = conn.sock.getsockname()
        for _ in range(2):  # a feed reader polling: conditional requests answered 304
            conn.request(
                "GET", "/feeds/big-feed.atom", headers={"If-None-Match": first.headers["ETag"]}
            )
            again = conn.getresponse()
            assert (again.status, again.read()) == (304, b"")
            assert again.version == 11 and not again.will_close
            assert again.headers["Connection"] is None
        conn.request("GET", "/", headers={"Accept-Encoding": "gzip"})
        last = conn.getresponse()
        assert last.status == 200 and last.read()
        assert conn.sock is not None and conn.sock.getsockname() == local  # the same socket
    finally:
        conn.close()


def test_an_http_1_0_client_asking_for_keep_alive_keeps_its_connection_after_a_304(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    _, headers, _ = request(server, "GET", "/feeds/big-feed.atom")
    parts = urlsplit(server.url)
    ask = (
        "GET /feeds/big-feed.atom HTTP/1.0\r\nConnection: keep-alive\r\n"
        f"If-None-Match: {headers['ETag']}\r\n\r\n"
    ).encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        for _ in range(2):
            sock.sendall(ask)
            response = http.client.HTTPResponse(sock)
            response.begin()
            assert response.status == 304
            assert response.headers["Connection"] == "Keep-Alive"


def test_a_client_asking_to_close_gets_its_connection_closed_after_a_304(
    start_web: Callable[..., WebServer], feed: Path
) -> None:
    server = start_web()
    _, headers, _ = request(server, "GET", "/feeds/big-feed.atom")
    status, again, _ = request(
        server,
        "GET",
        "/feeds/big-feed.atom",
        headers={"If-None-Match": headers["ETag"], "Connection": "close"},
    )
    assert status == 304 and again["Connection"] == "close"


def test_healthz_answers_json_that_is_never_cached(start_web: Callable[..., WebServer]) -> None:
    server = start_web(lambda: (503, {"ok": False, "sources": [{"state": "failing"}]}))
    status, headers, body = request(server, "GET", "/healthz")
    assert status == 503
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "no-store"
    assert json.loads(body) == {"ok": False, "sources": [{"state": "failing"}]}


def test_head_gives_the_headers_of_get_without_a_body(start_web: Callable[..., WebServer]) -> None:
    server = start_web()
    _, get_headers, get_body = request(server, "GET", "/feeds/feed.atom")
    status, headers, body = request(server, "HEAD", "/feeds/feed.atom")
    assert (status, body) == (200, b"")
    assert headers["Content-Length"] == get_headers["Content-Length"] == str(len(get_body))
    assert headers["Content-Type"] == get_headers["Content-Type"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_methods_other_than_get_and_head_are_refused_with_405_and_allow(
    start_web: Callable[..., WebServer], method: str
) -> None:
    server = start_web()
    status, headers, _ = request(server, method, "/feeds/feed.atom")
    assert status == 405
    assert headers["Allow"] == "GET, HEAD"
    assert_security_headers(headers)


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/" + "a" * 5000,
        "/" + "a" * 5000,
        "/feeds/" + "/".join(["a" * 200] * 25),
        "/feeds/feed.atom%00",
        "/feeds/%00",
        "/feeds/../secret.txt",
        "/feeds/%2e%2e/secret.txt",
        "/feeds/..%2fsecret.txt",
        "/feeds/%2e%2e%2fsecret.txt",
        "/feeds/%252e%252e/secret.txt",
        "/feeds/..%5csecret.txt",
        "/feeds//etc/passwd",
        "/feeds/%2fetc%2fpasswd",
        "/feeds/",
        "/feeds/sub",
        "/feeds/.feed.atom.tmp",
        "/feeds",
        "/secret.txt",
        "/feeds/%ff%fe",
        "/%",
    ],
)
def test_hostile_paths_get_404_and_never_a_traceback(
    start_web: Callable[..., WebServer], capfd: pytest.CaptureFixture[str], path: str
) -> None:
    server = start_web()
    status, _, body = request(server, "GET", path)
    assert status == 404
    assert b"not for the web" not in body
    assert "Traceback" not in capfd.readouterr().err


def test_a_half_sent_request_is_dropped_after_the_channel_timeout(
    start_web: Callable[..., WebServer],
) -> None:
    server = start_web(channel_timeout=2)
    sock = half_sent_request(server)
    try:
        sock.settimeout(60)  # generous bound; the server should hang up after ~2 s
        try:
            received = sock.recv(4096)
        except ConnectionResetError:
            received = b""
        except TimeoutError:
            pytest.fail("the server still held the half-sent request after 60 s")
        assert not received.startswith(b"HTTP/1.1 200"), "a half-sent request was answered"
    finally:
        sock.close()


def test_half_open_connections_do_not_each_take_a_thread(
    start_web: Callable[..., WebServer],
) -> None:
    server = start_web()
    request(server, "GET", "/")  # the server's own threads are up
    before = threading.active_count()
    socks = [half_sent_request(server) for _ in range(100)]
    try:
        request(server, "GET", "/")  # every connection above has been accepted by now
        assert threading.active_count() - before < 10
    finally:
        for sock in socks:
            sock.close()


def test_a_normal_request_is_served_while_hundreds_of_connections_are_half_open(
    start_web: Callable[..., WebServer],
) -> None:
    server = start_web()
    socks = [half_sent_request(server) for _ in range(500)]
    try:
        status, _, body = request(server, "GET", "/feeds/feed.atom", timeout=60)
        assert status == 200 and body.startswith(b"<feed")
    finally:
        for sock in socks:
            sock.close()


def test_a_client_vanishing_mid_response_leaves_no_traceback(
    start_web: Callable[..., WebServer],
    feeds: Path,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    (feeds / "big.atom").write_bytes(b"<feed>" + b"x" * 30_000_000 + b"</feed>")
    server = start_web()
    parts = urlsplit(server.url)
    caplog.set_level(logging.INFO)
    for _ in range(3):
        sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        sock.sendall(b"GET /feeds/big.atom HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.recv(1024)  # the response has started
        # Close with a reset (linger 0): the server's next write fails at once.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()
    err = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        err += capfd.readouterr().err
        finished = [r for r in caplog.records if r.getMessage() == "http.request"]
        if "Traceback" in err or len(finished) >= 3:
            break
        time.sleep(0.2)
    assert "Traceback" not in err
    assert "Broken pipe" not in err and "Connection reset" not in err
    assert not [r for r in caplog.records if r.exc_info], "a disconnect was logged with a traceback"
    assert len(finished) == 3, "the server did not finish the three aborted responses"


def test_requests_are_logged_as_http_request_events_with_fields(
    start_web: Callable[..., WebServer], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    server = start_web()
    request(server, "GET", "/feeds/feed.atom")
    request(server, "GET", "/nothing-here")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        events = [r for r in caplog.records if r.getMessage() == "http.request"]
        if len(events) >= 2:
            break
        time.sleep(0.1)
    got = [(r.method, r.path, r.status) for r in events]  # type: ignore[attr-defined]
    assert got == [("GET", "/feeds/feed.atom", 200), ("GET", "/nothing-here", 404)]


def test_stop_closes_the_listening_socket(start_web: Callable[..., WebServer]) -> None:
    server = start_web()
    parts = urlsplit(server.url)
    request(server, "GET", "/")
    server.stop()
    with pytest.raises(OSError):
        socket.create_connection((parts.hostname, parts.port), timeout=10).close()


def test_waitress_log_records_become_dotted_events_and_busy_is_said_once(
    start_web: Callable[..., WebServer], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    release = threading.Event()
    holding = threading.Event()

    def slow_health() -> tuple[int, dict[str, Any]]:
        holding.set()
        release.wait(240)
        return healthy()

    server = start_web(slow_health, threads=1)
    # Clients patient enough to wait behind the busy worker however slow the machine is.
    patient = {"timeout": 300}
    first = threading.Thread(target=request, args=(server, "GET", "/healthz"), kwargs=patient)
    first.start()
    queued: list[threading.Thread] = []
    try:
        # Only once the only worker holds /healthz can every later request be made to queue;
        # a request sent earlier may be served first and never sit in the queue.
        assert holding.wait(60), "the /healthz request never reached the worker"
        deadline = time.monotonic() + 30
        while not [r for r in caplog.records if r.getMessage() == "http.busy"]:
            assert time.monotonic() < deadline, "no http.busy event while the only worker waited"
            queued.append(
                threading.Thread(target=request, args=(server, "GET", "/"), kwargs=patient)
            )
            queued[-1].start()
            time.sleep(0.5)
        for _ in range(10):  # more requests queue behind the busy worker
            queued.append(
                threading.Thread(target=request, args=(server, "GET", "/"), kwargs=patient)
            )
            queued[-1].start()
        waiting = server.server.task_dispatcher.queue  # the tasks no worker has taken yet
        while len(waiting) < len(queued):
            assert time.monotonic() < deadline + 120, "the requests did not queue up"
            time.sleep(0.1)
    finally:
        release.set()
        first.join(60)
        for thread in queued:
            thread.join(60)

    # A request is logged when the server closes its response, which may be just after the
    # client has read it: wait for the last lines rather than race them.
    def logged() -> int:
        return len([r for r in caplog.records if r.getMessage() == "http.request"])

    deadline = time.monotonic() + 60
    while logged() < len(queued) + 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert logged() == len(queued) + 1
    (busy,) = [r for r in caplog.records if r.getMessage() == "http.busy"]
    assert busy.levelno == logging.WARNING
    assert busy.detail.startswith("Task queue depth is")  # type: ignore[attr-defined]
    assert not [r for r in caplog.records if r.name.startswith("waitress") and " " in r.msg]


def test_stop_returns_with_clients_mid_download_and_half_open(
    start_web: Callable[..., WebServer], feeds: Path
) -> None:
    (feeds / "big.atom").write_bytes(b"<feed>" + b"x" * 40_000_000 + b"</feed>")
    server = start_web()
    parts = urlsplit(server.url)
    downloading = socket.create_connection((parts.hostname, parts.port), timeout=30)
    downloading.sendall(b"GET /feeds/big.atom HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    downloading.recv(1024)  # started, then never read again: the server's buffers fill up
    idle = [half_sent_request(server) for _ in range(20)]
    stopper = threading.Thread(target=server.stop)
    stopper.start()
    stopper.join(90)
    try:
        assert not stopper.is_alive(), "stop() hung"
        assert not server.thread.is_alive()
        assert not [t for t in threading.enumerate() if "waitress" in t.name]
        with pytest.raises(OSError):
            socket.create_connection((parts.hostname, parts.port), timeout=10).close()
    finally:
        for sock in [downloading, *idle]:
            sock.close()


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_stopping_right_after_a_response_is_clean_and_releases_every_descriptor(
    feeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A worker finishes a response (and wakes the event loop) while stop() closes everything.
    before = open_descriptors()
    for _ in range(100):
        server = WebServer("127.0.0.1", 0, feeds, healthy)
        server.start()
        assert request(server, "GET", "/feeds/" + "a" * 5000)[0] == 404
        server.stop()
    assert open_descriptors() == before
    # http.busy may come from the start, not the stop: a request that arrives before the new
    # server's workers first wait for work counts as queued (seen on a loaded machine).
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [r for r in warnings if r.getMessage() != "http.busy"]


FD_PROBE = """
import resource, sys
from pathlib import Path
from confwatch.scheduler.service.web_server import WebServer
resource.setrlimit(resource.RLIMIT_NOFILE, (int(sys.argv[1]), int(sys.argv[2])))
server = WebServer("127.0.0.1", 0, Path("."), lambda: (200, {}))
print(server.server.adj.connection_limit, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
"""


@pytest.mark.parametrize(
    ("soft", "hard", "limit", "soft_after"),
    [(400, 4096, 1000, 1256), (400, 400, 144, 400)],
    ids=["soft-limit-raised", "hard-limit-too-low"],
)
def test_connection_limit_fits_within_the_open_files_limit(
    soft: int, hard: int, limit: int, soft_after: int
) -> None:
    hard_now = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard_now != resource.RLIM_INFINITY and hard_now < hard:
        pytest.skip(f"this machine's hard open-files limit is below {hard}")
    out = subprocess.run(
        [sys.executable, "-c", FD_PROBE, str(soft), str(hard)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.split() == [str(limit), str(soft_after)]


# -- the service's health check --------------------------------------------------------------


@pytest.fixture
def connections() -> Iterator[dict[str, int]]:
    """Counts DBAPI connections opened and closed by any SQLAlchemy pool while it is active."""
    counts = {"opened": 0, "closed": 0}

    def opened(*_: Any) -> None:
        counts["opened"] += 1

    def closed(*_: Any) -> None:
        counts["closed"] += 1

    sa.event.listen(Pool, "connect", opened)
    sa.event.listen(Pool, "close", closed)
    yield counts
    sa.event.remove(Pool, "connect", opened)
    sa.event.remove(Pool, "close", closed)


def test_healthz_reuses_one_database_connection_across_requests(
    home: Path, database_url: str, monkeypatch: pytest.MonkeyPatch, connections: dict[str, int]
) -> None:
    migrate.upgrade(database_url)
    monkeypatch.setenv("DATABASE_URL", database_url)
    service = Service(load_settings(), host="127.0.0.1", port=0, schedule=False)
    service.web.start()
    try:
        status, _, body = request(service.web, "GET", "/healthz")  # opens (and migrates) once
        assert status == 200 and json.loads(body)["ok"] is True
        after_first = connections["opened"]
        for _ in range(20):
            assert request(service.web, "GET", "/healthz")[0] == 200
        assert connections["opened"] == after_first
    finally:
        service.web.stop()


def test_service_shutdown_closes_the_health_check_connections(
    home: Path, connections: dict[str, int]
) -> None:
    service = Service(load_settings(), host="127.0.0.1", port=0, schedule=False)
    service.web.start()
    for _ in range(3):
        assert request(service.web, "GET", "/healthz")[0] == 200
    service.shutdown()
    assert connections["opened"] > 0
    assert connections["closed"] == connections["opened"]


def test_healthz_is_503_without_secrets_when_the_database_is_unreachable(
    home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # a port nothing listens on
    port = closed.getsockname()[1]
    monkeypatch.setenv(
        "DATABASE_URL", f"postgresql+psycopg://confwatch:s3cret-pw@127.0.0.1:{port}/confwatch"
    )
    service = Service(load_settings(), host="127.0.0.1", port=0, schedule=False)
    service.web.start()
    try:
        status, headers, body = request(service.web, "GET", "/healthz")
    finally:
        service.web.stop()
        closed.close()
    assert status == 503
    assert headers["Cache-Control"] == "no-store"
    data = json.loads(body)
    assert data["ok"] is False and data["error"] == "database unavailable"
    assert b"s3cret-pw" not in body and b"127.0.0.1" not in body


# -- confwatch serve -------------------------------------------------------------------------


def test_serve_on_a_busy_port_exits_2_with_one_line_naming_the_port(home: Path) -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "confwatch.scheduler",
                "serve",
                "--no-scheduler",
                "--port",
                f"{port}",
            ],
            env=dict(os.environ, CONFWATCH_HOME=str(home)),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.close()
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [f"Error: port {port} on 127.0.0.1 is in use"]
    assert proc.stdout == ""
