"""``confwatch serve``: the APScheduler schedule, the HTTP side, and a clean stop.

- One crawl job per enabled source (its interval with jitter, or its cron), plus the weekly
  digest job. ``coalesce`` and ``max_instances=1``: a source never overlaps itself, and runs
  missed during downtime collapse into one, if still within the misfire grace time (default: half
  the interval; APScheduler's own default of 1 s silently drops late runs).
- Jobs live in the database (APScheduler's SQLAlchemy job store, table ``apscheduler_jobs``), so
  a restart keeps each source's next run. A job whose schedule is unchanged in the configuration is
  left as stored; a changed one is replaced; one for a removed source is dropped.
- Only one process may run the schedule (APScheduler 3 must not share a job store): the leader
  holds the ``scheduler`` lock (flock or PostgreSQL advisory lock). Another ``serve`` serves HTTP
  and waits as a standby, taking over when the leader goes away. A leader whose PostgreSQL lock
  connection dies pauses its schedule as soon as the lock's watchdog notices (about a second) and
  becomes a standby; a new leader on PostgreSQL waits ``locks.TAKEOVER_GRACE`` before it schedules,
  so the old one has paused by then (decision 0007).
- SIGTERM / SIGINT: stop taking jobs, ask running crawl children to stop (Scrapy closes its
  spiders and the runs are recorded as failed with the reason), wait for them, exit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import signal
import threading
from contextlib import ExitStack
from typing import Any

from confwatch.scheduler import locks
from confwatch.scheduler.config import Settings
from confwatch.scheduler.crawl import parent as crawling
from confwatch.scheduler.database import open_store
from confwatch.scheduler.publish import feed_settings
from confwatch.scheduler.service.event_route import StoreEventPages
from confwatch.scheduler.service.web import health_document
from confwatch.scheduler.service.web_server import WebServer
from confwatch.spiders.sources import SourceConfig
from confwatch.store.api import Store
from confwatch.store.db import normalise_url

log = logging.getLogger("confwatch.service")
CRAWL_JOB = "confwatch.scheduler.service.jobs:crawl_job"
DIGEST_JOB = "confwatch.scheduler.service.jobs:digest_job"


def source_trigger(source: SourceConfig) -> Any:
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    jitter = int(source.jitter.total_seconds()) or None
    if source.cron:
        return CronTrigger.from_crontab(source.cron, timezone=dt.UTC)
    return IntervalTrigger(
        seconds=int(source.every.total_seconds()), jitter=jitter, timezone=dt.UTC
    )


def misfire_grace(settings: Settings, source: SourceConfig) -> int:
    if settings.service.misfire_grace:
        return int(settings.service.misfire_grace.total_seconds())
    return max(60, int(source.every.total_seconds() / 2))


def build_scheduler(settings: Settings) -> Any:
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    return BackgroundScheduler(
        jobstores={
            "default": SQLAlchemyJobStore(
                url=normalise_url(settings.database_url), tablename="apscheduler_jobs"
            )
        },
        executors={"default": ThreadPoolExecutor(max_workers=4)},
        job_defaults={"coalesce": True, "max_instances": 1},
        timezone=dt.UTC,
    )


def sync_jobs(
    scheduler: Any, settings: Settings, *, now: dt.datetime | None = None
) -> dict[str, str]:
    """Make the stored jobs match the configuration; returns job id -> what was done."""
    from apscheduler.triggers.cron import CronTrigger

    now = now or dt.datetime.now(dt.UTC)
    config = str(settings.config_path) if settings.config_path else None
    wanted: dict[str, tuple[str, list[Any], Any, int]] = {}
    for s in settings.sources:
        if s.enabled:
            wanted[f"crawl:{s.key}"] = (
                CRAWL_JOB,
                [config, s.key],
                source_trigger(s),
                misfire_grace(settings, s),
            )
    digest = CronTrigger.from_crontab(settings.service.digest_cron, timezone=dt.UTC)
    wanted["digest:weekly"] = (DIGEST_JOB, [config], digest, 6 * 3600)
    done: dict[str, str] = {}
    for job in scheduler.get_jobs():
        if job.id not in wanted:
            scheduler.remove_job(job.id)
            done[job.id] = "removed"
    for job_id, (func, args, trigger, grace) in wanted.items():
        job = scheduler.get_job(job_id)
        if (
            job is not None
            and job.func_ref == func  # a job stored before a move names the old path
            and str(job.trigger) == str(trigger)
            and list(job.args) == args
            and job.misfire_grace_time == grace
        ):
            done[job_id] = "kept"
            continue
        first = (
            now + dt.timedelta(seconds=5) if job is None and job_id.startswith("crawl:") else None
        )
        scheduler.add_job(
            func,
            trigger=trigger,
            id=job_id,
            name=job_id,
            args=args,
            replace_existing=True,
            misfire_grace_time=grace,
            coalesce=True,
            max_instances=1,
            **({"next_run_time": first} if first else {}),
        )
        done[job_id] = "added" if job is None else "replaced"
    return done


class Service:
    def __init__(self, settings: Settings, *, host: str, port: int, schedule: bool = True) -> None:
        self.settings = settings
        self.schedule = schedule
        self.stop_event = threading.Event()
        self.scheduler: Any = None
        # /healthz and /events/ID read through one store (one engine and pool) for the
        # service's life; neither writes.
        self._health_store: Store | None = None
        self._health_lock = threading.Lock()
        events = StoreEventPages(self._open_health_store, feed_settings(settings))
        self.web = WebServer(host, port, settings.feeds_dir, self.health, events=events)
        self._locks = ExitStack()  # the scheduler lock, while this process leads
        self._lead: locks.Held | None = None
        self._wake = threading.Event()  # the main loop has something to do (stop, lost lead)

    def health(self) -> tuple[int, dict[str, Any]]:
        """/healthz: each enabled source's state; 503 also when the database cannot be read."""
        now = dt.datetime.now(dt.UTC)
        try:
            states = self._source_states(self._open_health_store(), now)
        except Exception as exc:
            # The detail goes to the log (secrets masked), never to an anonymous client.
            first = (str(exc).splitlines() or [""])[0][:300]
            log.warning("health.error", extra={"error": f"{type(exc).__name__}: {first}"})
            return 503, {
                "ok": False,
                "checked_at": now.isoformat(),
                "error": "database unavailable",
                "sources": [],
            }
        return health_document(states, now)

    def _open_health_store(self) -> Store:
        with self._health_lock:
            if self._health_store is None:
                self._health_store = open_store(self.settings, sync_sources=False)
            return self._health_store

    def close_health_store(self) -> None:
        with self._health_lock:
            if self._health_store is not None:
                self._health_store.close()
                self._health_store = None

    def _source_states(self, store: Store, now: dt.datetime) -> list[dict[str, Any]]:
        from confwatch.scheduler.service.alerts import check_run

        states = []
        for h in store.source_health(
            now, {s.key: s.max_age for s in self.settings.sources if s.enabled}
        ):
            runs = store.runs(source=h.source, limit=7)
            finished = [r for r in runs if r.status != "running"]
            active = check_run(finished[0], finished[1:]) if finished else []
            states.append(
                {
                    "source": h.source,
                    "state": h.state,
                    "message": h.message,
                    "last_success": h.last_success_at.isoformat() if h.last_success_at else None,
                    "last_success_age_seconds": int((now - h.last_success_at).total_seconds())
                    if h.last_success_at
                    else None,
                    "alerts": [a.kind for a in active],
                }
            )
        return states

    standby_retry = 30.0  # seconds between a standby's attempts to take the lead

    def _become_leader(self) -> bool:
        """Take the ``scheduler`` lock and start the schedule; False while another process leads."""
        try:
            held = self._locks.enter_context(locks.hold(self.settings, "scheduler"))
        except locks.Busy:
            return False
        if held.takeover_grace:
            # A leader whose lock connection just died may not know it yet; it finds out within
            # a check and pauses. Wait until it must have, so that two schedulers never work
            # the job store at once.
            log.info("scheduler.takeover", extra={"wait": held.takeover_grace})
            if self.stop_event.wait(held.takeover_grace) or not held.verify():
                self._locks.close()
                return False
        self.scheduler = build_scheduler(self.settings)
        self.scheduler.start(paused=True)
        for job_id, what in sync_jobs(self.scheduler, self.settings).items():
            log.info("scheduler.job", extra={"job": job_id, "action": what})
        self.scheduler.resume()
        log.info("scheduler.start", extra={"jobs": len(self.scheduler.get_jobs())})
        self._lead = held
        held.on_lost(self._lost_lead)  # at once if it went during the start
        return True

    def _lost_lead(self, reason: str) -> None:
        """From the lock's watchdog: pause the schedule now, before a standby can take over; the
        main loop then steps down."""
        from apscheduler.schedulers import SchedulerNotRunningError

        scheduler = self.scheduler
        if scheduler is not None:
            with contextlib.suppress(SchedulerNotRunningError):  # shut down meanwhile
                scheduler.pause()
        log.error("scheduler.lost", extra={"reason": reason})
        self._wake.set()

    def _step_down(self) -> None:
        """Leave the schedule to whoever takes the lock next. Jobs already running finish (each
        crawl holds its own source's locks); no new one starts here."""
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        self._lead = None
        self._locks.close()
        log.warning("scheduler.standby", extra={"reason": "this process lost the scheduler lock"})

    def run(self) -> None:
        with open_store(self.settings):  # migrate the embedded database, register sources
            pass
        self.settings.feeds_dir.mkdir(parents=True, exist_ok=True)
        self.web.start()
        log.info("serve.start", extra={"url": self.web.url})
        if self.schedule and not self._become_leader():
            log.warning(
                "scheduler.standby", extra={"reason": "another confwatch serve runs the schedule"}
            )
        while not self.stop_event.is_set():
            standby = self.schedule and self._lead is None
            self._wake.wait(self.standby_retry if standby else 3600)
            self._wake.clear()
            if self.stop_event.is_set():
                break
            if self._lead is not None and self._lead.lost.is_set():
                self._step_down()
            elif standby:
                self._become_leader()
        self.shutdown()

    def stop(self, *_: Any) -> None:
        self.stop_event.set()
        self._wake.set()

    def shutdown(self) -> None:
        log.info("serve.stop")
        if self.scheduler is not None:
            self.scheduler.pause()
        crawling.stop_running()  # crawls of this term, and of an earlier one if we stepped down
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=True)
        self.web.stop()
        self.close_health_store()
        self._locks.close()


def serve(settings: Settings, *, host: str, port: int, schedule: bool = True) -> None:
    service = Service(settings, host=host, port=port, schedule=schedule)
    signal.signal(signal.SIGTERM, service.stop)
    signal.signal(signal.SIGINT, service.stop)
    service.run()
