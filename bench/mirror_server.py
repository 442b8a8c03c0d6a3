"""The benchmark's web server: the project's replay server, counting what crosses the wire.

It serves a generated mirror exactly as ``confwatch.spiders.replay.server`` does (ETag,
Last-Modified, 304 on conditional requests), and adds counters instead of the per-request log:
requests by status and by kind (robots, listing, event), body bytes, and wire bytes in both
directions (request line and headers read; status line, headers and body written), so a re-crawl's
bytes can be compared with a full crawl's. ``/_stats`` returns them as JSON; ``/_stats?clear=1``
returns and resets them.

Run: ``python -m bench.mirror_server --root DIR``; prints ``listening on http://127.0.0.1:PORT``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
import time
from collections import Counter
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qs, urlsplit

from confwatch.spiders.replay.server import ReplayHandler

_lock = threading.Lock()
_stats: Counter[str] = Counter()


class _CountingReader:
    """The handler's input stream, counting the bytes the server reads for this request."""

    def __init__(self, raw: BinaryIO, owner: CountingHandler) -> None:
        self.raw = raw
        self.owner = owner

    def readline(self, limit: int = -1) -> bytes:
        data = self.raw.readline(limit)
        self.owner.pending_in += len(data)
        return data

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.owner.pending_in += len(data)
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class _CountingWriter:
    """The handler's output stream, counting the bytes the server writes for this request."""

    def __init__(self, raw: BinaryIO, owner: CountingHandler) -> None:
        self.raw = raw
        self.owner = owner

    def write(self, data: bytes) -> int:
        self.owner.pending_out += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def kind_of(path: str) -> str:
    if path.endswith("/robots.txt"):
        return "robots"
    if "/events" in path:
        return "listing"
    if "/event/" in path:
        return "event"
    return "other"


class CountingHandler(ReplayHandler):
    pending_in = 0  # bytes of the current request, added to the totals once it is answered
    pending_out = 0

    def setup(self) -> None:
        super().setup()
        self.rfile = _CountingReader(self.rfile, self)  # type: ignore[assignment]
        self.wfile = _CountingWriter(self.wfile, self)  # type: ignore[assignment]

    counting = False  # the current request is the crawl's (not /_stats)

    def parse_request(self) -> bool:
        ok = super().parse_request()
        self.counting = ok and not self.path.startswith("/_stats")
        if self.counting:
            with _lock:  # answered (counted) in handle_one_request; /_stats waits for these
                _stats["in_flight"] += 1
        return ok

    def _note(self, status: int, size: int) -> None:
        # The replay server notes a request when it answers (before or after the answer is
        # written, by path); its wire bytes are added once the answer is out, below.
        kind = kind_of(urlsplit(self.path).path)
        with _lock:
            _stats["requests"] += 1
            _stats[f"status_{status}"] += 1
            _stats[f"{kind}_{status}"] += 1
            _stats["body_bytes"] += max(size, 0)
            if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                _stats["conditional"] += 1

    def handle_one_request(self) -> None:
        self.counting = False
        super().handle_one_request()
        if not self.counting:
            return
        with _lock:  # the answer is written, whichever path wrote it (a body, a 304, an error)
            _stats["in_flight"] -= 1
            _stats["wire_in"] += self.pending_in
            _stats["wire_out"] += self.pending_out
            self.pending_in = self.pending_out = 0

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/_stats":
            super().do_GET()
            return
        # A client has the last answer before its handler thread counted it: wait for that.
        deadline = time.monotonic() + 2
        while _stats["in_flight"] > 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        with _lock:
            body = json.dumps({k: v for k, v in _stats.items() if k != "in_flight"}).encode()
            if "clear" in parse_qs(parts.query):
                in_flight = _stats["in_flight"]
                _stats.clear()
                _stats["in_flight"] = in_flight
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.pending_in = self.pending_out = 0  # the stats request is not the crawl's traffic


class _Server(ThreadingHTTPServer):
    # socketserver's listen backlog of 5 overflowed when a crawler opened several connections
    # at once: the dropped connection was retried a second later, on either side at random.
    request_queue_size = 128


def make_server(root: Path, port: int = 0) -> ThreadingHTTPServer:
    handler = type(
        "Handler", (CountingHandler,), {"root": root.resolve(), "log": [], "lock": threading.Lock()}
    )
    server = _Server(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a generated mirror, counting wire bytes.")
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    server = make_server(args.root, args.port)
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
