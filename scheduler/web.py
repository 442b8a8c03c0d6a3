"""The read-only HTTP side of ``confwatch serve``: the page, the feed files and ``/healthz``.

``/`` is the HTML page of upcoming and recently changed conferences; ``/feeds/NAME`` any file the
feeds build published (with its proper content type); ``/healthz`` JSON with each source's state,
200 when every source is fresh and 503 when one is overdue or failing. Only GET and HEAD; a path
can never leave the feeds folder.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

TYPES = {
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".opml": "text/x-opml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json",
}

HealthFn = Callable[[], tuple[int, dict[str, Any]]]


def safe_file(folder: Path, name: str) -> Path | None:
    """``folder/name`` if it is a regular file inside ``folder``; None for anything else."""
    if not name or "\x00" in name:
        return None
    try:
        root = folder.resolve()
        target = (root / name).resolve()
    except (OSError, ValueError):
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target


def make_handler(feeds_dir: Path, health: HealthFn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "confwatch"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(
            self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
            )
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            if path == "/healthz":
                status, data = health()
                self._send(
                    status,
                    json.dumps(data, indent=2).encode(),
                    "application/json",
                    {"Cache-Control": "no-store"},
                )
                return
            name = (
                "index.html"
                if path in ("/", "/index.html")
                else (path.removeprefix("/feeds/") if path.startswith("/feeds/") else None)
            )
            file = safe_file(feeds_dir, name) if name else None
            if file is None:
                self._send(404, b"Not found\n", "text/plain; charset=utf-8")
                return
            ctype = TYPES.get(file.suffix.lower(), "application/octet-stream")
            self._send(200, file.read_bytes(), ctype, {"Cache-Control": "max-age=300"})

        def _refuse(self) -> None:
            self._send(
                405, b"Method not allowed\n", "text/plain; charset=utf-8", {"Allow": "GET, HEAD"}
            )

        do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

    return Handler


class WebServer:
    def __init__(self, host: str, port: int, feeds_dir: Path, health: HealthFn) -> None:
        self.httpd = ThreadingHTTPServer((host, port), make_handler(feeds_dir, health))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="web", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def health_document(states: list[dict[str, Any]], now: dt.datetime) -> tuple[int, dict[str, Any]]:
    bad = [s for s in states if s["state"] in ("failing", "overdue")]
    return (503 if bad else 200), {"ok": not bad, "checked_at": now.isoformat(), "sources": states}
