"""Crawling from the parent's side: start the child process, bound it in time, report the runs.

Used by ``confwatch crawl``, ``confwatch demo`` and the scheduler alike. A child that overruns
``crawl.crawl_timeout`` gets SIGTERM (Scrapy then closes its spiders cleanly), then SIGKILL; runs it
left "running" are closed as failed with the reason, and no event is touched.

A crawl of a source holds two locks (decision 0007): the parent holds ``crawl-KEY`` for as long as
it waits for the child, and the child holds ``crawl-KEY.child`` for as long as it can write. A new
crawl needs both, so it refuses while an earlier crawl's child is still at work, even one whose
parent died or lost its lock (the child then stops: it dies with its parent, and stops when either
lock is lost). Only with both in hand may it close runs left "running" as abandoned.
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


RUNNING_ALREADY = "a crawl of this source is already running"
LOST_LOCK = "lost the crawl lock"  # how a run stopped by a lost lock says so


def child_lock(key: str) -> str:
    """The lock a crawl child holds for source ``key`` while it crawls."""
    return f"crawl-{key}.child"


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
    force: bool = False,
) -> CrawlResult:
    """Crawl ``keys`` in one child process and return their finished runs.

    ``force``: fetch every page in full (no validators) and read it, revisiting every known page.
    Each source's lock is held while its crawl runs: a second crawl of a source refuses at once
    with ``locks.Busy``. Losing a lock (its database connection died) stops the crawl.
    """
    for key in keys:
        settings.source(key)  # unknown keys fail here, with exit status 2
    with ExitStack() as stack:
        held = []
        for key in keys:
            try:
                held.append(stack.enter_context(locks.hold(settings, f"crawl-{key}")))
                # The child of an earlier crawl may still be at work (its parent died or lost
                # the lock, and it is stopping): it holds this one until it has stopped.
                with locks.hold(settings, child_lock(key)):
                    pass
            except locks.Busy:
                raise locks.Busy(RUNNING_ALREADY, source=key) from None
        for key, lock in zip(keys, held, strict=True):
            if not lock.verify():  # closing others' runs needs the lock now, not a memory of it
                raise ConfwatchError(f"{LOST_LOCK}: {lock.reason}", source=key)
        _close_abandoned(store, keys)
        return _crawl_locked(
            settings, store, keys, held, progress=progress, extra_env=extra_env, force=force
        )


def _close_abandoned(store: Store, keys: Sequence[str]) -> None:
    """With both of the source's locks held, no crawl of it can be running: a run still marked
    running was abandoned by processes that died (kill -9 of parent and child). Close it,
    touching no event."""
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
    held: Sequence[locks.Held],
    *,
    progress: bool,
    extra_env: dict[str, str] | None,
    force: bool = False,
) -> CrawlResult:
    before = {r.source: r.id for r in store.last_runs().values()}
    cmd = [sys.executable, "-m", "confwatch.scheduler.crawl.child", *keys]
    cmd += ["--parent", str(os.getpid())]
    if settings.config_path:
        cmd += ["--config", str(settings.config_path)]
    if progress:
        cmd.append("--progress")
    if force:
        cmd.append("--force")
    env = child_env(settings, extra_env)
    timeout = settings.crawl.crawl_timeout.total_seconds()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    RUNNING.add(proc)
    restore = forward_sigterm(proc)
    lost: list[str] = []

    def stop_for_lost_lock(reason: str) -> None:
        if proc.poll() is None:  # a lock lost once the crawl is over takes nothing from it
            lost.append(reason)
            stop_child(proc)

    for lock in held:
        lock.on_lost(stop_for_lost_lock)
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
    if lost:
        _note_lost_lock(store, keys, before, lost[0])
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


def forward_sigterm(proc: subprocess.Popen[str]) -> Callable[[], None]:
    """While a command-line crawl runs, SIGTERM stops the child cleanly instead of orphaning it.

    (Under ``serve`` crawls run in worker threads, where signals cannot be handled; the service's
    own handler stops the children through ``stop_running``.)
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def forward(signum: int, frame: object) -> None:
        stop_child(proc)

    previous = signal.signal(signal.SIGTERM, forward)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore


def child_env(settings: Settings, extra_env: dict[str, str] | None) -> dict[str, str]:
    env = dict(os.environ)
    env["CONFWATCH_HOME"] = str(settings.home)
    env["DATABASE_URL"] = settings.database_url
    env["CONFWATCH_LOG_FORMAT"] = settings.log_format  # --log-format json reaches the child too
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
    cmd = [sys.executable, "-m", "confwatch.scheduler.crawl.child", "--parent", str(os.getpid())]
    for member in members:
        cmd += ["--join", member]
    if settings.config_path:
        cmd += ["--config", str(settings.config_path)]
    env = child_env(settings, extra_env)
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


def _note_lost_lock(store: Store, keys: Sequence[str], before: dict[str, int], reason: str) -> None:
    """Say on each run the stopped crawl did not finish ``ok`` why it was stopped (once: the
    child says so too when it lost its own lock); close any still marked running."""
    message = f"{LOST_LOCK}: {reason}; crawl stopped"
    for key in keys:
        for run in store.runs(source=key, limit=3):
            if run.id <= before.get(key, 0) or run.status == "ok":
                continue  # not this crawl's, or finished well before the lock went
            if any(str(e.get("message", "")).startswith(LOST_LOCK) for e in run.errors):
                continue
            info = RunInfo(id=run.id, source=run.source, started_at=run.started_at)
            store.add_error(info, None, message)
            if run.status == "running":
                store.finish_run(info, status="failed", pages=run.pages, stats=run.stats)
            log.error("crawl.error", extra={"source": key, "run": run.id, "error": message})


def _close_orphans(store: Store, keys: Sequence[str], before: dict[str, int], reason: str) -> None:
    """Runs the child left open: close them as failed, touching no event."""
    for key in keys:
        for run in store.runs(source=key, limit=3):
            if run.status == "running" and run.id != before.get(key):
                info = RunInfo(id=run.id, source=run.source, started_at=run.started_at)
                store.add_error(info, None, reason)
                store.finish_run(info, status="failed", pages=run.pages, stats=run.stats)
                log.error("crawl.error", extra={"source": key, "run": run.id, "error": reason})
