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
  and waits as a standby, taking over when the leader goes away.
- SIGTERM / SIGINT: stop taking jobs, ask running crawl children to stop (Scrapy closes its
  spiders and the runs are recorded as failed with the reason), wait for them, exit.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
from contextlib import ExitStack
from typing import Any

from confwatch.scheduler import crawling, locks
from confwatch.scheduler.config import Settings
from confwatch.scheduler.database import open_store
from confwatch.scheduler.web import WebServer, health_document
from confwatch.spiders.sources import SourceConfig
from confwatch.store.db import normalise_url

log = logging.getLogger("confwatch.service")
CRAWL_JOB = "confwatch.scheduler.jobs:crawl_job"
DIGEST_JOB = "confwatch.scheduler.jobs:digest_job"


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
        self.web = WebServer(host, port, settings.feeds_dir, self.health)
        self._locks = ExitStack()

    def health(self) -> tuple[int, dict[str, Any]]:
        from confwatch.scheduler.alerts import check_run

        now = dt.datetime.now(dt.UTC)
        store = open_store(self.settings, sync_sources=False)
        try:
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
                        "last_success": h.last_success_at.isoformat()
                        if h.last_success_at
                        else None,
                        "last_success_age_seconds": int((now - h.last_success_at).total_seconds())
                        if h.last_success_at
                        else None,
                        "alerts": [a.kind for a in active],
                    }
                )
        finally:
            store.close()
        return health_document(states, now)

    def _become_leader(self) -> bool:
        try:
            self._locks.enter_context(locks.hold(self.settings, "scheduler"))
        except locks.Busy:
            return False
        self.scheduler = build_scheduler(self.settings)
        self.scheduler.start(paused=True)
        for job_id, what in sync_jobs(self.scheduler, self.settings).items():
            log.info("scheduler.job", extra={"job": job_id, "action": what})
        self.scheduler.resume()
        log.info("scheduler.start", extra={"jobs": len(self.scheduler.get_jobs())})
        return True

    def run(self) -> None:
        open_store(self.settings).close()  # migrate the embedded database, register sources
        self.settings.feeds_dir.mkdir(parents=True, exist_ok=True)
        self.web.start()
        log.info("serve.start", extra={"url": self.web.url})
        leader = self._become_leader() if self.schedule else False
        if self.schedule and not leader:
            log.warning(
                "scheduler.standby", extra={"reason": "another confwatch serve runs the schedule"}
            )
        while not self.stop_event.wait(30 if (self.schedule and not leader) else 3600):
            if self.schedule and not leader:
                leader = self._become_leader()
        self.shutdown()

    def stop(self, *_: Any) -> None:
        self.stop_event.set()

    def shutdown(self) -> None:
        log.info("serve.stop")
        if self.scheduler is not None:
            self.scheduler.pause()
            crawling.stop_running()
            self.scheduler.shutdown(wait=True)
        self.web.stop()
        self._locks.close()


def serve(settings: Settings, *, host: str, port: int, schedule: bool = True) -> None:
    service = Service(settings, host=host, port=port, schedule=schedule)
    signal.signal(signal.SIGTERM, service.stop)
    signal.signal(signal.SIGINT, service.stop)
    service.run()
