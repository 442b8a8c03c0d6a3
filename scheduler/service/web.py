"""The read-only HTTP side of ``confwatch serve``: the WSGI application (served by web_server.py).

``/`` is the HTML page of upcoming and recently changed conferences; ``/feeds/NAME`` any file the
feeds build published (with its proper content type); ``/events/ID`` one conference's page,
rendered on request by the ``events`` lookup the server is given (docs/decisions/0013; without
one, and for an unknown id, a short 404 page; an event merged into another redirects there);
``/healthz`` JSON with each source's state, 200 when every source is fresh and 503 when one is
overdue or failing, never cached. Only GET and HEAD (405 with ``Allow`` otherwise); anything else
is 404; a path can never leave the feeds folder. Every response, errors included, carries the
security headers in ``SECURITY_HEADERS``.

Published files carry a strong ``ETag`` and ``Last-Modified`` and may be cached for five minutes;
a conditional request for an unchanged file gets ``304`` with no body; text files are sent
gzipped to clients that accept it (``http_cache.py``: each file version hashed and compressed once).
An event page is revalidated on every use (``no-cache``): its ``ETag`` names what it shows, so
a conditional request for an unchanged event gets ``304`` from one read of the store, unrendered.

Each request is logged as ``http.request`` with its method, path, status, bytes and time.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from http import HTTPStatus
from io import BufferedReader
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote

from confwatch.scheduler.service.http_cache import (
    FileVersions,
    accepts_gzip,
    compressible,
    http_date,
    not_modified,
)
from confwatch.store.records import health_json

log = logging.getLogger("confwatch.web")

TYPES = {
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".opml": "text/x-opml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json",
}

SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    # The page has inline styles only: no scripts, frames, forms or foreign content anywhere.
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    ),
    ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate it
    ("Referrer-Policy", "no-referrer"),
)

HealthFn = Callable[[], tuple[int, dict[str, Any]]]
Headers = list[tuple[str, str]]
StartResponse = Callable[[str, Headers], Any]
CHUNK = 64 * 1024
# Feed readers poll every few minutes; five minutes of freshness, then a cheap conditional request.
FILE_CACHE_CONTROL = "public, max-age=300"
# An event page changes with the store, not with a build: ask every time (a 304 is cheap).
EVENT_CACHE_CONTROL = "no-cache"
EVENT_ROUTE = re.compile(r"/events/([0-9]{1,12})")  # ASCII digits only; longer is no id of ours
HTML = "text/html; charset=utf-8"
NO_SUCH_EVENT = (
    b'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
    b'<meta name="viewport" content="width=device-width, initial-scale=1">'
    b"<title>No such conference</title><style>body { font-family: system-ui, sans-serif; "
    b"max-width: 44rem; margin: 0 auto; padding: 1rem; }</style></head>\n"
    b"<body><h1>No such conference</h1>\n"
    b"<p>confwatch knows no conference by this number.</p>\n"
    b'<p><a href="/">All conferences and feeds</a></p></body></html>\n'
)


@dataclass(frozen=True)
class EventPage:
    """An event's page as the route needs it: validators first, the body only if it is sent."""

    validator: str  # names everything the page shows (no quotes)
    modified: dt.datetime
    render: Callable[[], str]


@dataclass(frozen=True)
class Moved:
    """The event was merged into ``event_id`` (an operator's ``events merge``)."""

    event_id: int


EventLookup = Callable[[int], EventPage | Moved | None]


def safe_file(folder: Path, name: str) -> Path | None:
    """``folder/name`` if it is a regular, non-hidden file inside ``folder``; None otherwise."""
    if not name or "\x00" in name or any(part.startswith(".") for part in name.split("/")):
        return None
    try:
        root = folder.resolve()
        target = (root / name).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
    except (OSError, ValueError):  # a name too long for the file system, among others
        return None
    return target


class FeedsApp:
    """The WSGI application: routes, headers, and one ``http.request`` log event per request."""

    def __init__(
        self,
        feeds_dir: Path,
        health: HealthFn,
        versions: FileVersions | None = None,
        *,
        events: EventLookup | None = None,
    ) -> None:
        self.feeds_dir = feeds_dir
        self.health = health
        self.versions = versions or FileVersions()
        self.events = events  # None: no store behind this server, every /events/ID is 404

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.monotonic()
        method = environ["REQUEST_METHOD"]
        # waitress gives the percent-decoded path as latin-1; file names are UTF-8.
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "surrogateescape")
        try:
            status, headers, body = self.respond(method, path, environ)
        except Exception as exc:
            log.error("http.error", extra={"path": _loggable(path), "error": _one_line(exc)})
            status, headers, body = _text(500, "Internal server error\n", cache="no-store")
        headers.extend(SECURITY_HEADERS)
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        fields = {
            "method": method,
            "path": _loggable(path),
            "status": status,
            "client": environ.get("REMOTE_ADDR", "-"),
        }
        if method == "HEAD":
            _close(body)
            body = []
        return _LoggedBody(body, fields, started)

    def respond(
        self, method: str, path: str, environ: dict[str, Any] | None = None
    ) -> tuple[int, Headers, Iterable[bytes]]:
        if method not in ("GET", "HEAD"):
            status, headers, body = _text(405, "Method not allowed\n")
            headers.append(("Allow", "GET, HEAD"))
            return status, headers, body
        if path == "/healthz":
            status, data = self.health()
            payload = json.dumps(data, indent=2).encode()
            return status, _headers("application/json", len(payload), "no-store"), [payload]
        if path.startswith("/events/"):
            return self.event_response(path, environ or {})
        if path in ("/", "/index.html"):
            name = "index.html"
        elif path.startswith("/feeds/"):
            name = path.removeprefix("/feeds/")
        else:
            return _text(404, "Not found\n")
        file = safe_file(self.feeds_dir, name)
        if file is None:
            return _text(404, "Not found\n")
        try:
            handle = file.open("rb")  # an atomic rewrite of the feed leaves this copy whole
        except OSError:  # replaced or removed since it was looked at
            return _text(404, "Not found\n")
        try:
            return self.file_response(file, handle, environ or {})
        except BaseException:
            handle.close()
            raise

    def event_response(
        self, path: str, environ: dict[str, Any]
    ) -> tuple[int, Headers, Iterable[bytes]]:
        """``/events/ID``: the page, a 304, a redirect to the event it was merged into, or 404."""
        match = EVENT_ROUTE.fullmatch(path)
        found = self.events(int(match.group(1))) if match and self.events else None
        if found is None:
            return 404, _headers(HTML, len(NO_SUCH_EVENT), "no-cache"), [NO_SUCH_EVENT]
        if isinstance(found, Moved):
            target = f"/events/{found.event_id}"
            moved = _text(302, f"Merged into {target}\n")
            moved[1].append(("Location", target))
            return moved
        use_gzip = accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
        etag = f'"{found.validator}-gzip"' if use_gzip else f'"{found.validator}"'
        modified = int(found.modified.timestamp())
        headers: Headers = [
            ("Cache-Control", EVENT_CACHE_CONTROL),
            ("ETag", etag),
            ("Last-Modified", http_date(modified)),
            ("Vary", "Accept-Encoding"),
        ]
        if not_modified(
            environ.get("HTTP_IF_NONE_MATCH"), environ.get("HTTP_IF_MODIFIED_SINCE"), etag, modified
        ):
            return 304, headers, []
        page = found.render().encode("utf-8")
        if use_gzip:
            page = gzip.compress(page, compresslevel=6, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        headers += [("Content-Type", HTML), ("Content-Length", str(len(page)))]
        return 200, headers, [page]

    def file_response(
        self, file: Path, handle: BufferedReader, environ: dict[str, Any]
    ) -> tuple[int, Headers, Iterable[bytes]]:
        """A published file, conditional on the request's validators, gzipped when accepted."""
        size = os.fstat(handle.fileno()).st_size
        ctype = TYPES.get(file.suffix.lower(), "application/octet-stream")
        version = self.versions.version(str(file), handle)
        negotiated = compressible(ctype, size)
        use_gzip = negotiated and accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
        etag = version.etag(gzip=use_gzip)
        headers: Headers = [
            ("Cache-Control", FILE_CACHE_CONTROL),
            ("ETag", etag),
            ("Last-Modified", http_date(version.modified)),
        ]
        if negotiated:
            headers.append(("Vary", "Accept-Encoding"))
        if not_modified(
            environ.get("HTTP_IF_NONE_MATCH"),
            environ.get("HTTP_IF_MODIFIED_SINCE"),
            etag,
            version.modified,
        ):
            handle.close()
            return 304, headers, []
        headers.append(("Content-Type", ctype))
        if use_gzip:
            body = self.versions.gzipped(str(file), version, handle)
            handle.close()
            headers += [("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))]
            return 200, headers, [body]
        headers.append(("Content-Length", str(size)))
        return 200, headers, _FileBody(handle, size)


class _LoggedBody:
    """The response body; logs ``http.request`` when the server is done with it (sent or not)."""

    def __init__(self, body: Iterable[bytes], fields: dict[str, Any], started: float) -> None:
        self.body = body
        self.fields = fields
        self.started = started
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            self.sent += len(chunk)
            yield chunk

    def close(self) -> None:
        _close(self.body)
        ms = round((time.monotonic() - self.started) * 1000)
        log.info("http.request", extra={**self.fields, "bytes": self.sent, "ms": ms})


class _FileBody:
    """A file's bytes in chunks; the server closes it when done, whether all was sent or not."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle = handle
        self.size = size

    def __iter__(self) -> Iterator[bytes]:
        left = self.size
        while left > 0:
            chunk = self.handle.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk

    def close(self) -> None:
        self.handle.close()


def _close(body: Iterable[bytes]) -> None:
    close = getattr(body, "close", None)
    if close is not None:
        close()


def _headers(ctype: str, length: int, cache: str) -> Headers:
    return [("Content-Type", ctype), ("Content-Length", str(length)), ("Cache-Control", cache)]


def _text(status: int, text: str, cache: str = "no-cache") -> tuple[int, Headers, Iterable[bytes]]:
    body = text.encode()
    return status, _headers("text/plain; charset=utf-8", len(body), cache), [body]


def _loggable(path: str) -> str:
    """The path as one short printable token, whatever a client sent."""
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")[:200]


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:200]}"


def health_document(states: list[dict[str, Any]], now: dt.datetime) -> tuple[int, dict[str, Any]]:
    document = health_json(states, now)
    return (200 if document["ok"] else 503), document
