"""The replay server: recorded pages of the real sites, served on 127.0.0.1 as a real site would.

``tests/fixtures/sites/<host>/<path>`` is served at ``http://127.0.0.1:PORT/<host>/<path>``; in
replay mode the crawler's download handler (``confwatch.spiders.replay.handler``) sends every
``https://<host>/<path>`` request here, so spiders, robots.txt, link following and stored URLs all
see the real addresses. A path with no extension is ``<path>/index.html``; a query string picks
``<path>/index@<query>.html`` (e.g. ``events/index@page=1.html``).

Like a real site it sends ``ETag`` and ``Last-Modified`` and answers conditional requests with 304.
Faults are named routes under any host: ``/_fault/500``, ``/_fault/503`` (with Retry-After),
``/_fault/429``, ``/_fault/slow`` (drips for 20 s), ``/_fault/reset``, ``/_fault/huge`` (20 MB),
``/_fault/redirect-loop``, ``/_fault/pdf``, ``/_fault/hang`` (no answer for 30 s), ``/_fault/cut``
(body shorter than its Content-Length), ``/_fault/gzip-bomb`` (100 MB of zeros, gzip-compressed),
``/_fault/image``, ``/_fault/truncated`` (HTML cut mid-tag), ``/_fault/bad-encoding`` (says UTF-8,
is cp1252), ``/_fault/mixed-encoding``, ``/_fault/unknown-charset``, ``/_fault/redirect-to?url=U``;
``/_fault/429?after=N`` sets Retry-After; ``no-validators`` (in ``_faults.json`` only) serves the
page itself without ETag or Last-Modified. ``ROOT/_faults.json`` (``{"/host/path": "500"}``) makes
a recorded page answer with a fault instead, so a once-good URL can fail. ``/_requests`` lists what
was asked (JSON) and ``/_requests?clear=1`` empties the list, so tests count requests and bytes.

A file named ``<name>.tmpl`` (``index.html.tmpl``) is served as ``<name>`` with its dates filled
in relative to the server's run date: ``{{+21|%d %B %Y}}`` is the date 21 days after it, written
with that strftime format (``{{-3|%Y-%m-%d}}`` three days before). The run date is today (UTC)
unless ``today`` / ``--today YYYY-MM-DD`` fixes it, so a demo site can always announce an
upcoming conference and a test can pin what it serves.

Run: ``python -m confwatch.spiders.replay.server --root DIR [--port 0] [--today DATE]``; it
prints ``listening on http://127.0.0.1:PORT`` once ready.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import email.utils
import functools
import hashlib
import json
import mimetypes
import re
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".pdf": "application/pdf",
}


def resolve(root: Path, path: str, query: str) -> Path | None:
    """The fixture file for a request path, or None. Never leaves ``root``."""
    rel = unquote(path).lstrip("/")
    candidates: list[Path] = []
    base = root / rel
    if query:
        candidates += [base / f"index@{query}.html", Path(f"{base}@{query}")]
    candidates += [base, base / "index.html"]
    root_resolved = root.resolve()
    for c in [f for plain in candidates for f in (plain, Path(f"{plain}{TEMPLATE_SUFFIX}"))]:
        try:
            real = c.resolve()
        except OSError:
            continue
        if real.is_file() and real.is_relative_to(root_resolved):
            return real
    return None


TEMPLATE_SUFFIX = ".tmpl"
_DAYS_FROM_TODAY = re.compile(r"\{\{\s*([+-]\d{1,4})\s*\|([^{}]+)\}\}")


def render_template(text: str, today: dt.date) -> str:
    """A ``.tmpl`` page with each ``{{+N|FORMAT}}`` replaced by ``today`` + N days."""
    return _DAYS_FROM_TODAY.sub(
        lambda m: (today + dt.timedelta(days=int(m[1]))).strftime(m[2].strip()), text
    )


class ReplayHandler(BaseHTTPRequestHandler):
    server_version = "confwatch-replay/1.0"
    protocol_version = "HTTP/1.1"
    root: Path
    log: list[dict[str, object]]
    lock: threading.Lock
    today: dt.date | None = None  # the run date of ``.tmpl`` pages; None: today (UTC)

    def log_message(self, format: str, *args: object) -> None:  # quiet: tests read /_requests
        pass

    def _note(self, status: int, size: int) -> None:
        with self.lock:
            self.log.append(
                {
                    "method": self.command,
                    "path": self.path,
                    "status": status,
                    "bytes": size,
                    "if_none_match": self.headers.get("If-None-Match"),
                    "if_modified_since": self.headers.get("If-Modified-Since"),
                    "user_agent": self.headers.get("User-Agent"),
                    "at": time.time(),
                }
            )

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        # Noted before the answer goes out: a client that has read the whole answer may ask
        # /_requests at once (on another thread), and must find this request there.
        self._note(status, len(body))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/_requests":
            with self.lock:
                body = json.dumps(self.log).encode()
                if "clear" in parse_qs(parts.query):
                    self.log.clear()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        segments = parts.path.split("/")
        if len(segments) > 3 and segments[2] == "_fault":
            self._fault(segments[3], parse_qs(parts.query))
            return
        override = self._fault_override(parts.path)
        # "no-validators": the page itself, as a server that sends neither ETag nor
        # Last-Modified (and so never answers 304) serves it.
        plain = override == "no-validators"
        if override and not plain:  # "429?after=3600": a fault name, then its query
            name, _, query = override.partition("?")
            self._fault(name, parse_qs(query))
            return
        file = resolve(self.root, parts.path, parts.query)
        if file is None:
            self._send(404, b"Not Found")
            return
        body = file.read_bytes()
        mtime = int(file.stat().st_mtime)
        if file.name.endswith(TEMPLATE_SUFFIX):
            today = self.today or dt.datetime.now(dt.UTC).date()
            body = render_template(body.decode("utf-8"), today).encode("utf-8")
            # The page changes when its dates do: at the run date's midnight at the latest.
            midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
            mtime = max(mtime, int(midnight.timestamp()))
            file = file.with_name(file.name.removesuffix(TEMPLATE_SUFFIX))
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        headers = {"ETag": etag, "Last-Modified": last_modified, "Cache-Control": "max-age=0"}
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if plain:
            headers, not_modified = {"Cache-Control": "no-cache"}, False
        elif inm is not None:
            not_modified = etag in [t.strip() for t in inm.split(",")]
        elif ims:
            since = email.utils.parsedate_to_datetime(ims) if ims else None
            not_modified = since is not None and mtime <= since.timestamp()
        else:
            not_modified = False
        if not_modified:
            self.send_response(304)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self._note(304, 0)
            return
        ctype = (
            _TYPES.get(file.suffix.lower())
            or mimetypes.guess_type(file.name)[0]
            or "text/html; charset=utf-8"
        )
        if file.name.startswith("index.html"):
            ctype = _TYPES[".html"]
        self._send(200, body, ctype, headers)

    def _fault_override(self, path: str) -> str | None:
        table = self.root / "_faults.json"
        if not table.is_file():
            return None
        faults: dict[str, str] = json.loads(table.read_text("utf-8"))
        return faults.get(path.rstrip("/") or "/")

    def _fault(self, name: str, query: dict[str, list[str]]) -> None:
        if name == "500":
            self._send(500, b"Internal Server Error")
        elif name == "503":
            self._send(503, b"Service Unavailable", headers={"Retry-After": "1"})
        elif name == "429":
            after = query.get("after", ["1"])[0]
            self._send(429, b"Too Many Requests", headers={"Retry-After": after})
        elif name in _CONTENT_FAULTS:
            ctype, body, extra = _CONTENT_FAULTS[name]()
            self._send(200, body, ctype, extra)
        elif name == "hang":
            time.sleep(30)
            self._note(0, 0)
            self.close_connection = True
        elif name == "cut":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "10000")
            self.end_headers()
            self.wfile.write(b"<html><body><h1>Cut short")
            self._note(200, 25)
            self.close_connection = True
        elif name == "redirect-to":
            self._send(302, b"", headers={"Location": query.get("url", ["/"])[0]})
        elif name == "reset":
            # RST instead of FIN: SO_LINGER with a zero timeout.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self._note(0, 0)
            self.close_connection = True
        elif name == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b" " * 10)
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            self._note(200, -1)
            self.close_connection = True
        elif name == "huge":
            size = 20_000_000
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            try:
                chunk = b"<p>" + b"x" * 65533
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except OSError:
                pass
            self._note(200, size)
            self.close_connection = True
        elif name == "redirect-loop":
            # The path without its host segment: in replay mode the crawler sees the real URL.
            self._send(302, b"", headers={"Location": "/" + self.path.split("/", 2)[-1]})
        elif name == "pdf":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf")
        else:
            self._send(404, b"Unknown fault")


@functools.cache
def _gzip_bomb() -> bytes:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    zeros = b"\0" * 1_000_000
    return b"".join([*(packer.compress(zeros) for _ in range(100)), packer.flush()])


_PAGE = "<html><head><title>{t}</title></head><body><h1>{t}</h1><p>{p}</p></body></html>"
# Fault name -> (content type, body, extra headers), built when asked for (the bomb is big).
_CONTENT_FAULTS: dict[str, Callable[[], tuple[str, bytes, dict[str, str]]]] = {
    "gzip-bomb": lambda: ("text/html; charset=utf-8", _gzip_bomb(), {"Content-Encoding": "gzip"}),
    "image": lambda: ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, {}),
    "truncated": lambda: (
        "text/html; charset=utf-8",
        b"<html><head><title>Conference on</title></head><body><h1>Regional Con",
        {},
    ),
    "bad-encoding": lambda: (
        "text/html; charset=utf-8",
        _PAGE.format(t="Conférence régionale", p="Genève, 12–13 mai").encode("cp1252"),
        {},
    ),
    "mixed-encoding": lambda: (
        "text/html",
        _PAGE.format(t="Conférence", p="").encode("utf-8")
        + "<p>Genève</p>".encode("cp1252")
        + "<p>Улаанбаатар</p>".encode("koi8-r"),
        {},
    ),
    "unknown-charset": lambda: (
        "text/html; charset=x-no-such-charset",
        _PAGE.format(t="Conférence", p="Genève").encode("utf-8"),
        {},
    ),
}


def make_server(
    root: Path, port: int = 0, host: str = "127.0.0.1", *, today: dt.date | None = None
) -> ThreadingHTTPServer:
    handler = type(
        "Handler",
        (ReplayHandler,),
        {"root": root.resolve(), "log": [], "lock": threading.Lock(), "today": today},
    )
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def _address(server: ThreadingHTTPServer) -> tuple[str, int]:
    """The host and port a server listens on (typeshed allows a bytes host; ours is text)."""
    host, port = server.server_address[:2]
    return (host.decode() if isinstance(host, (bytes, bytearray)) else host), port


class ReplayServer:
    """The replay server on a background thread of this process (for ``make demo``)."""

    def __init__(self, root: Path, port: int = 0, *, today: dt.date | None = None) -> None:
        self.server = make_server(root, port, today=today)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = _address(self.server)
        return f"http://{host}:{port}"

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve recorded pages on 127.0.0.1.")
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="run date of .tmpl pages (YYYY-MM-DD; default: today, UTC)",
    )
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"error: {args.root}: not a folder", file=sys.stderr)
        return 2
    server = make_server(args.root, args.port, today=args.today)
    host, port = _address(server)
    print(f"listening on http://{host}:{port}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
