"""Crawling from the parent's side: start the child process, bound it in time, report the runs.

Used by ``confwatch crawl``, ``confwatch demo`` and the scheduler alike. A child that overruns
``crawl.crawl_timeout`` gets SIGTERM (Scrapy then closes its spiders cleanly), then SIGKILL; runs it
left "running" are closed as failed with the reason, and no event is touched.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass

from confwatch.errors import ConfwatchError
from confwatch.scheduler import locks
from confwatch.scheduler.config import Settings
from confwatch.store.api import Store
from confwatch.store.records import RunInfo, RunView

log = logging.getLogger("confwatch.crawl")


@dataclass
class CrawlResult:
    runs: list[RunView]

    @property
    def failed(self) -> bool:
        return any(r.status != "ok" for r in self.runs)

    def to_json(self) -> dict[str, object]:
        return {
            "ok": not self.failed,
            "runs": [
                {
                    "source": r.source,
                    "run": r.id,
                    "status": r.status,
                    "pages": r.pages,
                    "items": r.items,
                    "new": r.new,
                    "changed": r.changed,
                    "unchanged": r.unchanged,
                    "not_modified": r.stats.get("not_modified", 0),
                    "errors": r.errors,
                    "started_at": r.started_at.isoformat(),
                    "finished_at": r.finished_at.isoformat() if r.finished_at else None,
                }
                for r in self.runs
            ],
        }


def crawl_sources(
    settings: Settings,
    store: Store,
    keys: Sequence[str],
    *,
    progress: bool = False,
    extra_env: dict[str, str] | None = None,
) -> CrawlResult:
    """Crawl ``keys`` in one child process and return their finished runs.

    Each source's lock is held while its crawl runs: a second crawl of a source refuses at once.
    """
    for key in keys:
        settings.source(key)  # unknown keys fail here, with exit status 2
    with ExitStack() as stack:
        for key in keys:
            try:
                stack.enter_context(locks.hold(settings, f"crawl-{key}"))
            except locks.Busy:
                raise ConfwatchError(
                    "a crawl of this source is already running", source=key
                ) from None
        _close_abandoned(store, keys)
        return _crawl_locked(settings, store, keys, progress=progress, extra_env=extra_env)


def _close_abandoned(store: Store, keys: Sequence[str]) -> None:
    """With the source's lock held, no crawl of it can be running: a run still marked running
    was abandoned by a process that died (kill -9 of parent and child). Close it, touching no
    event."""
    for key in keys:
        for run in store.runs(source=key, limit=10):
            if run.status == "running":
                info = RunInfo(id=run.id, source=run.source, started_at=run.started_at)
                store.add_error(info, None, "abandoned: the process running this crawl died")
                store.finish_run(info, status="interrupted", pages=run.pages, stats=run.stats)
                log.warning(
                    "crawl.error",
                    extra={"source": key, "run": run.id, "error": "abandoned run closed"},
                )


RUNNING: set[subprocess.Popen[str]] = set()  # children to stop on shutdown


FORCE_AFTER = 10.0  # seconds a child may take to stop gracefully before it is told again


def stop_child(proc: subprocess.Popen[str], *, force_after: float = FORCE_AFTER) -> None:
    """SIGTERM: Scrapy stops scheduling and finishes the downloads in flight. If that takes longer
    than ``force_after`` (a page dripping slowly), a second SIGTERM makes Scrapy stop at once; the
    child still records its runs as failed ("crawl stopped early")."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)

    def again() -> None:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)

    timer = threading.Timer(force_after, again)
    timer.daemon = True
    timer.start()


def stop_running() -> None:
    """Ask every running crawl child to stop (used by the service on shutdown)."""
    for proc in list(RUNNING):
        stop_child(proc)


def _crawl_locked(
    settings: Settings,
    store: Store,
    keys: Sequence[str],
    *,
    progress: bool,
    extra_env: dict[str, str] | None,
) -> CrawlResult:
    before = {r.source: r.id for r in store.last_runs().values()}
    cmd = [sys.executable, "-m", "confwatch.scheduler.crawl_child", *keys]
    if settings.config_path:
        cmd += ["--config", str(settings.config_path)]
    if progress:
        cmd.append("--progress")
    env = _child_env(settings, extra_env)
    timeout = settings.crawl.crawl_timeout.total_seconds()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    RUNNING.add(proc)
    restore = _forward_sigterm(proc)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=30)  # noqa: RUF059
        except subprocess.TimeoutExpired:
            proc.kill()
            _out, _ = proc.communicate()
        _close_orphans(store, keys, before, f"crawl timed out after {timeout:g} s")
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        _close_orphans(store, keys, before, "crawl interrupted")
        raise
    finally:
        RUNNING.discard(proc)
        restore()
    if proc.returncode == 2:
        raise ConfwatchError("crawl could not start (see the message above)", exit_code=2)
    if proc.returncode != 0:
        _close_orphans(store, keys, before, f"crawl process exited with status {proc.returncode}")
    runs = []
    for key in keys:
        latest = store.runs(source=key, limit=1)
        if latest and latest[0].id != before.get(key):
            runs.append(latest[0])
    if not runs:
        raise ConfwatchError(
            f"crawl process failed (exit status {proc.returncode}) before recording a run"
        )
    return CrawlResult(runs)


def _forward_sigterm(proc: subprocess.Popen[str]) -> Callable[[], None]:
    """While a command-line crawl runs, SIGTERM stops the child cleanly instead of orphaning it.

    (Under ``serve`` crawls run in worker threads, where signals cannot be handled; the service's
    own handler stops the children through ``stop_running``.)
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def forward(signum: int, frame: object) -> None:
        stop_child(proc)

    previous = signal.signal(signal.SIGTERM, forward)
    return lambda: signal.signal(signal.SIGTERM, previous)


def _child_env(settings: Settings, extra_env: dict[str, str] | None) -> dict[str, str]:
    env = dict(os.environ)
    env["CONFWATCH_HOME"] = str(settings.home)
    env["DATABASE_URL"] = settings.database_url
    if settings.crawl.replay_url:
        env["CONFWATCH_REPLAY_URL"] = settings.crawl.replay_url
    if settings.crawl.redis_url:
        env["CONFWATCH_REDIS_URL"] = settings.crawl.redis_url
        env["CONFWATCH_REDIS_PREFIX"] = settings.crawl.redis_prefix
    env.update(extra_env or {})
    return env


def join_runs(
    settings: Settings, members: Sequence[str], *, extra_env: dict[str, str] | None = None
) -> dict[str, int]:
    """Work on runs of a distributed crawl (``SOURCE:RUN``) in a child process until they are done.

    Returns the pages this worker fetched per source. The child is stopped like a crawl that
    overruns ``crawl.crawl_timeout``; it never finishes a run (the coordinator does).
    """
    cmd = [sys.executable, "-m", "confwatch.scheduler.crawl_child"]
    for member in members:
        cmd += ["--join", member]
    if settings.config_path:
        cmd += ["--config", str(settings.config_path)]
    env = _child_env(settings, extra_env)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    RUNNING.add(proc)
    try:
        out, _ = proc.communicate(timeout=settings.crawl.crawl_timeout.total_seconds())
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    finally:
        RUNNING.discard(proc)
    if proc.returncode != 0:
        raise ConfwatchError(
            f"worker process exited with status {proc.returncode}",
            exit_code=2 if proc.returncode == 2 else 1,
        )
    import json

    return {str(k): int(v) for k, v in json.loads(out.strip().splitlines()[-1])["pages"].items()}


def _close_orphans(store: Store, keys: Sequence[str], before: dict[str, int], reason: str) -> None:
    """Runs the child left open: close them as failed, touching no event."""
    for key in keys:
        for run in store.runs(source=key, limit=3):
            if run.status == "running" and run.id != before.get(key):
                info = RunInfo(id=run.id, source=run.source, started_at=run.started_at)
                store.add_error(info, None, reason)
                store.finish_run(info, status="failed", pages=run.pages, stats=run.stats)
                log.error("crawl.error", extra={"source": key, "run": run.id, "error": reason})
