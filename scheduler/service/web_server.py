"""The HTTP server of ``confwatch serve``: waitress running ``web.FeedsApp`` in a thread.

waitress (docs/decisions/0009-http-server.md) reads requests in one event loop and hands only
complete requests to a few worker threads, so a slow or half-sent request costs a buffer, not a
thread, and is dropped after ``channel_timeout`` seconds of silence. At most ``connection_limit``
connections are open at once (fitted to the open-files limit); waitress' own error responses carry
our security headers; its log records become ``http.*`` events; a port that cannot be listened on
is a ConfigError naming it. HTTP/1.1 requests get HTTP/1.1 responses on a kept-alive connection,
304s included (waitress answers each request in the version it was asked in).
"""

from __future__ import annotations

import errno
import logging
import resource
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask, WSGITask

from confwatch.errors import ConfigError
from confwatch.scheduler.service.web import SECURITY_HEADERS, EventLookup, FeedsApp, HealthFn

log = logging.getLogger("confwatch.web")


class _Trigger(Protocol):
    """What we use of waitress' trigger. types-waitress types ``BaseWSGIServer.trigger`` as an
    int and a thunk as taking an argument; waitress calls each thunk with none."""

    def pull_trigger(self, thunk: Callable[[], object] | None = None) -> None: ...
    def del_channel(self) -> None: ...
    def close(self) -> None: ...


class _ErrorTask(ErrorTask):
    """waitress' own error responses (400, 413, 431, ...) with our security headers too."""

    def execute(self) -> None:
        self.response_headers = [*self.response_headers, *SECURITY_HEADERS]
        super().execute()


class _Task(WSGITask):
    """Keeps the connection open after a 304 (or 204) when the client asked for keep-alive.

    waitress 3.0 closes the connection after any response without a Content-Length, and a 304
    must not carry one; but a 304 ends at its blank line (RFC 9112 §6.3), so nothing needs the
    close, and feed readers polling with conditional requests would reconnect every time.
    """

    _bodiless_keep_alive = False

    def build_response_header(self) -> bytes:
        # types-waitress types Task.request as an Error; a WSGITask's is the parsed request.
        headers: dict[str, str] = self.request.headers  # type: ignore[attr-defined]
        asked = headers.get("CONNECTION", "").lower()
        self._bodiless_keep_alive = not self.has_body and (
            (self.version == "1.1" and asked != "close")
            or (self.version == "1.0" and asked == "keep-alive")
        )
        if self._bodiless_keep_alive and self.version == "1.0":
            self.response_headers = [*self.response_headers, ("Connection", "Keep-Alive")]
        try:
            return bytes(super().build_response_header())
        finally:
            self._bodiless_keep_alive = False

    def set_close_on_finish(self) -> None:
        if not self._bodiless_keep_alive:
            super().set_close_on_finish()


class _Channel(HTTPChannel):
    task_class = _Task
    error_task_class = _ErrorTask


# waitress log text -> our event name. A client leaving mid-response is routine: debug only.
_WAITRESS_EVENTS = (
    ("Task queue depth", "http.busy", logging.WARNING),
    ("total open connections reached", "http.connection_limit", logging.WARNING),
    ("total open connections dropped", "http.connection_limit_cleared", logging.INFO),
    ("Client disconnected", "http.client_gone", logging.DEBUG),
)


BUSY_EVERY = 60.0  # seconds: waitress warns per queued request; we say it once a minute at most


class _WaitressEvents(logging.Filter):
    """Turns waitress' log records into our events: a dotted name, the original text a field."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._busy_at = float("-inf")
        self._busy_dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        name, level = "http.server", record.levelno
        for prefix, event, event_level in _WAITRESS_EVENTS:
            if text.startswith(prefix):
                name, level = event, event_level
                break
        if name == "http.busy":
            with self._lock:
                now = time.monotonic()
                if now - self._busy_at < BUSY_EVERY:
                    self._busy_dropped += 1
                    return False
                self._busy_at = now
                record.suppressed, self._busy_dropped = self._busy_dropped, 0
        record.msg, record.args, record.detail = name, None, text
        record.levelno, record.levelname = level, logging.getLevelName(level)
        return True


def route_waitress_logs() -> None:
    """waitress' loggers speak in our events (records still reach the root's handlers). Each
    server installs a fresh filter, so its ``http.busy`` allowance starts anew."""
    events = _WaitressEvents()
    for name in ("waitress", "waitress.queue"):
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, _WaitressEvents)]:
            logger.removeFilter(old)
        logger.addFilter(events)


def listen_socket(host: str, port: int) -> socket.socket:
    """A bound socket for ``host:port``; a ConfigError (exit 2) naming both when it cannot be."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {host}: {exc.strerror}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart over TIME_WAIT
        sock.bind(address)
    except OSError as exc:
        sock.close()
        where = f"port {port} on {host}"
        reason = {
            errno.EADDRINUSE: f"{where} is in use",
            errno.EACCES: f"{where}: permission denied (ports below 1024 need privileges)",
            errno.EADDRNOTAVAIL: f"{where}: {host} is not an address of this machine",
        }.get(exc.errno or 0, f"{where}: cannot listen: {exc.strerror}")
        raise ConfigError(reason) from None
    return sock


FD_HEADROOM = 256  # descriptors kept for the database, log files, crawl children's pipes


def fit_connection_limit(wanted: int) -> int:
    """``wanted``, or fewer if the open-files limit cannot hold that many sockets beside ours.

    Raises the soft limit towards the hard one first. Past the limit, accept() fails with EMFILE
    while the listening socket stays readable: the event loop would spin instead of waiting.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = wanted + FD_HEADROOM
    if soft != resource.RLIM_INFINITY and soft < need:
        soft = need if hard == resource.RLIM_INFINITY else min(need, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    if soft == resource.RLIM_INFINITY or soft >= need:
        return wanted
    fitted = max(16, soft - FD_HEADROOM)
    log.warning(
        "http.connection_limit_lowered",
        extra={"wanted": wanted, "limit": fitted, "open_files_limit": soft},
    )
    return fitted


class WebServer:
    """waitress serving ``FeedsApp`` in a thread of its own: ``start()``, ``url``, ``stop()``.

    ``channel_timeout``: seconds of silence after which a connection (a half-sent request, an
    idle keep-alive) is closed. ``threads``: workers running the application. At most
    ``connection_limit`` connections are open at once; more wait in the listen ``backlog``.
    ``events``: renders ``/events/ID`` from the store; None, a server without one (404s).
    """

    def __init__(
        self,
        host: str,
        port: int,
        feeds_dir: Path,
        health: HealthFn,
        *,
        channel_timeout: int = 15,
        threads: int = 4,
        connection_limit: int = 1000,
        backlog: int = 1024,
        events: EventLookup | None = None,
    ) -> None:
        route_waitress_logs()
        sock = listen_socket(host, port)
        self._map: dict[int, Any] = {}
        try:
            server = create_server(
                FeedsApp(feeds_dir, health, events=events),
                map=self._map,
                sockets=[sock],
                threads=threads,
                channel_timeout=channel_timeout,
                cleanup_interval=max(1, min(30, channel_timeout // 2)),
                connection_limit=fit_connection_limit(connection_limit),
                backlog=backlog,
                asyncore_use_poll=True,  # select() fails past 1024 descriptors
                log_socket_errors=False,  # a client hanging up is no error of ours
                max_request_header_size=32 * 1024,
                max_request_body_size=64 * 1024,  # GET and HEAD need none; refuse big uploads early
                ident="confwatch",
            )
        except BaseException:  # the socket is not waitress' yet
            sock.close()
            raise
        # One listening socket: one server (a TcpWSGIServer), never a MultiSocketServer.
        assert isinstance(server, BaseWSGIServer)
        self.server = server
        self.server.channel_class = _Channel
        # Numeric host and port, as waitress keeps them (effective_host/port, not in the stubs).
        self._address = server.getsockname()
        # types-waitress types this as an int (it is the loop's wake-up pipe), see _Trigger.
        self._trigger: _Trigger = server.trigger  # type: ignore[assignment]
        self.thread = threading.Thread(target=self.server.run, name="web", daemon=True)
        self._stopped = False

    @property
    def url(self) -> str:
        host, port = self._address
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Close the listening socket and every connection, stop the workers, then the trigger."""
        if self._stopped:
            return
        self._stopped = True
        if self.thread.is_alive():
            # The event loop owns its sockets: close them from inside it; with its map empty the
            # loop ends.
            self._trigger.pull_trigger(self._close_sockets)
            self.thread.join(timeout=30)
        else:
            self._close_sockets()
        workers = self.server.task_dispatcher
        workers.shutdown(timeout=5)
        if not workers.threads and not self.thread.is_alive():
            # Only now: a worker finishing a response writes to the trigger's pipe, and a write
            # to a closed descriptor can land in whatever file reused its number.
            self._trigger.close()

    def _close_sockets(self) -> None:
        trigger = self._trigger
        for dispatcher in list(self._map.values()):
            if dispatcher is trigger:
                trigger.del_channel()
            elif isinstance(dispatcher, HTTPChannel):
                dispatcher.handle_close()  # also wakes a worker waiting to write to it
            else:  # the listening socket; the server's own close() would close the trigger too
                wasyncore.dispatcher.close(dispatcher)
        self._map.clear()
