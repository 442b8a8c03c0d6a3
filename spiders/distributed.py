"""Distributed crawling: several processes crawl one run through a shared Redis queue.

On with ``crawl.redis_url`` (see docs/decisions/0004-distributed-crawling.md). The coordinating
process creates the run in the database, announces it in Redis and yields the start requests;
workers (``confwatch worker``) join announced runs. Every run has its own keys::

    PREFIX:runs                       set of "SOURCE:RUN" being crawled (what workers look for)
    PREFIX:SOURCE:RUN:requests        scrapy-redis priority queue (shared by every process)
    PREFIX:SOURCE:RUN:dupefilter      scrapy-redis fingerprints: per run, so a re-crawl starts clean
    PREFIX:SOURCE:RUN:busy            worker -> when its lease was renewed (it may hold requests)
    PREFIX:SOURCE:RUN:held            the requests each worker took and has not finished
    PREFIX:SOURCE:RUN:progress        counters every process adds its share to
    PREFIX:SOURCE:RUN:state           "running" | "finished"

A request is always either in the queue or held under a live process's lease (``leases.py``):
``RunScheduler`` pops, holds and marks in one Lua script; a heartbeat renews the lease every
second; a process releases what it held only when Scrapy finds it idle; and the requests of a
process whose lease ran out (it died) go back onto the queue. So "queue empty and nobody busy"
for a short quiet period means the run is done; every process then closes, and the coordinator
alone finishes the run. Keys expire after.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from redis import Redis, RedisError
from scrapy import Request, Spider, signals
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler

from confwatch.spiders.context import CrawlContext, SourceProgress, context_of
from confwatch.spiders.leases import Leases
from confwatch.spiders.replay.handler import ReplayDownloadHandler

log = logging.getLogger("confwatch.crawl")

#: How long "queue empty, nobody busy" must hold before a run counts as done (seconds).
QUIET_PERIOD = 1.5
#: Keys of a finished run stay this long for inspection, then Redis drops them (seconds).
KEEP_AFTER = 3600
#: Idle processes look at the shared queue this often (Scrapy's default heartbeat is 5 s), and
#: every process renews its lease and shares its counters this often.
HEARTBEAT = 1.0

_COUNTERS = tuple(f.name for f in fields(SourceProgress) if f.name != "listing_ok")


@dataclass(frozen=True)
class RunKeys:
    """The Redis keys of one run of one source."""

    prefix: str
    source: str
    run_id: int

    @property
    def base(self) -> str:
        return f"{self.prefix}:{self.source}:{self.run_id}"

    @property
    def member(self) -> str:
        return f"{self.source}:{self.run_id}"

    @property
    def runs(self) -> str:
        return f"{self.prefix}:runs"

    requests = property(lambda self: f"{self.base}:requests")
    dupefilter = property(lambda self: f"{self.base}:dupefilter")
    busy = property(lambda self: f"{self.base}:busy")
    held = property(lambda self: f"{self.base}:held")
    progress = property(lambda self: f"{self.base}:progress")
    state = property(lambda self: f"{self.base}:state")

    def all(self) -> list[str]:
        return [self.requests, self.dupefilter, self.busy, self.held, self.progress, self.state]

    def leases(self, redis: Redis) -> Leases:
        return Leases(redis, queue=self.requests, busy=self.busy, held=self.held)


def worker_id() -> str:
    """Unique per process, readable in Redis: host, pid and a random tail."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def connect(url: str) -> Redis:
    return Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10)


# -- announcing and joining runs ----------------------------------------------------------------


def announce(redis: Redis, keys: RunKeys, *, holder: str, started_at: str) -> None:
    """Make a run visible to workers (the coordinator, before its crawl starts).

    ``holder`` (the coordinator) is marked busy at once: a worker that joins before the first
    request is queued waits instead of finding an empty queue and leaving.
    """
    pipe = redis.pipeline()
    pipe.delete(*keys.all())  # a run id reused after a database reset must not inherit old keys
    pipe.hset(keys.state, mapping={"status": "running", "started_at": started_at})
    keys.leases(redis).mark(holder, client=pipe)
    pipe.sadd(keys.runs, keys.member)
    pipe.execute()


def retire(redis: Redis, keys: RunKeys) -> None:
    """The run is finished: workers stop joining it and its keys expire."""
    pipe = redis.pipeline()
    pipe.hset(keys.state, "status", "finished")
    pipe.srem(keys.runs, keys.member)
    for key in keys.all():
        pipe.expire(key, KEEP_AFTER)
    pipe.execute()


def active_runs(redis: Redis, prefix: str, sources: set[str] | None = None) -> list[RunKeys]:
    """Runs announced and not finished, optionally only of ``sources``."""
    found = []
    for raw in sorted(redis.smembers(f"{prefix}:runs")):
        member = raw.decode() if isinstance(raw, bytes) else str(raw)
        source, _, run = member.rpartition(":")
        if not run.isdigit() or (sources and source not in sources):
            continue
        keys = RunKeys(prefix, source, int(run))
        if redis.hget(keys.state, "status") in (b"running", "running"):
            found.append(keys)
    return found


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def totals(redis: Redis, keys: RunKeys) -> tuple[SourceProgress, dict[str, int]]:
    """The run's counters summed over every process, and pages fetched per process."""
    raw = {_text(k): int(v) for k, v in redis.hgetall(keys.progress).items()}
    prog = SourceProgress(listing_ok=raw.get("listing_ok", 0) > 0)
    for name in _COUNTERS:
        setattr(prog, name, raw.get(name, 0))
    per_worker = {k.removeprefix("pages@"): v for k, v in raw.items() if k.startswith("pages@")}
    return prog, per_worker


def crawler_settings(keys: RunKeys, worker: str) -> dict[str, Any]:
    """The per-crawler settings that bind one crawler to one run's keys."""
    return {
        "SCHEDULER_QUEUE_KEY": keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
        "CONFWATCH_BUSY_KEY": keys.busy,
        "CONFWATCH_HELD_KEY": keys.held,
        "CONFWATCH_SOURCE": keys.source,
        "CONFWATCH_RUN_ID": keys.run_id,
        "CONFWATCH_WORKER_ID": worker,
    }


def worker_spider(cls: type[Spider]) -> type[Spider]:
    """A spider class that yields no start requests: a worker only takes from the shared queue."""

    async def start(self: Spider) -> Any:
        return
        yield  # an async generator that yields nothing

    return type(f"{cls.__name__}Worker", (cls,), {"start": start})


# -- Scrapy components ----------------------------------------------------------------------------


class RunScheduler(Scheduler):  # type: ignore[misc]
    """scrapy-redis' scheduler whose pop holds the request under this process's lease (atomic)."""

    worker: str = ""
    busy_key: str = ""
    held_key: str = ""
    leases: Leases

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunScheduler:
        instance: RunScheduler = super().from_crawler(crawler)  # scrapy-redis is untyped
        instance.worker = crawler.settings.get("CONFWATCH_WORKER_ID")
        instance.busy_key = crawler.settings.get("CONFWATCH_BUSY_KEY")
        instance.held_key = crawler.settings.get("CONFWATCH_HELD_KEY")
        return instance

    def open(self, spider: Spider) -> None:
        super().open(spider)
        self.leases = Leases(
            self.server, queue=self.queue.key, busy=self.busy_key, held=self.held_key
        )

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Any:
        found = self.leases.take(self.worker)
        if found is None:
            return None
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return self.queue._decode_request(found)


class PoliteGate:
    """The per-domain delay across every process: one request start per host per delay.

    Each process already sends one request at a time per domain and waits the delay; with N
    workers that would be N times the rate a site agreed to. A Redis key per host that lives for
    the delay is taken (SET NX PX) right before each download; whoever does not get it waits.
    """

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.redis = connect(s.get("REDIS_URL"))
        self.prefix = s.get("CONFWATCH_REDIS_PREFIX")
        self.delay_ms = int(s.getfloat("DOWNLOAD_DELAY") * 1000)
        self.worker = s.get("CONFWATCH_WORKER_ID") or worker_id()

    async def wait(self, url: str) -> None:
        from scrapy.utils.asyncio import sleep

        if self.delay_ms <= 0:
            return
        key = f"{self.prefix}:polite:{urlsplit(url).hostname}"
        while not self.redis.set(key, self.worker, nx=True, px=self.delay_ms):
            await sleep(max(self.redis.pttl(key), 10) / 1000)


class _Gated:
    """A download handler that passes the shared gate first: the last step before the wire, so
    Scrapy's own per-slot delay (which comes before) can only add to the wait."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)  # type: ignore[call-arg]
        self.gate = PoliteGate(crawler)

    async def download_request(self, request: Request) -> Any:
        await self.gate.wait(request.url)
        return await super().download_request(request)  # type: ignore[misc]


class SharedPoliteDownloadHandler(_Gated, HTTP11DownloadHandler):
    """http(s) with the shared per-host delay."""


class SharedPoliteReplayHandler(_Gated, ReplayDownloadHandler):
    """Replay mode with the shared per-host delay."""


class RunCoordination:
    """Keeps a process's spider open while the run has work anywhere; renews this process's
    lease, shares its counters and takes back the requests of processes that died."""

    def __init__(self, crawler: Crawler, context: CrawlContext) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.context = context
        self.worker = settings.get("CONFWATCH_WORKER_ID")
        self.keys = RunKeys(
            settings.get("CONFWATCH_REDIS_PREFIX"),
            settings.get("CONFWATCH_SOURCE"),
            settings.getint("CONFWATCH_RUN_ID"),
        )
        self.redis = connect(settings.get("REDIS_URL"))
        self.leases = self.keys.leases(self.redis)
        self.flushed = SourceProgress()
        self.quiet_since: float | None = None
        self.heartbeat: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunCoordination:
        ext = cls(crawler, context_of(crawler))
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider: Spider) -> None:
        from scrapy.utils.asyncio import create_looping_call

        # Busy from the start: a worker joining before the first request is queued must wait.
        self.leases.mark(self.worker)
        # The lease is renewed on a timer of its own: a process busy with a slow download for
        # minutes gets no idle signal, and must not look dead meanwhile.
        self.heartbeat = create_looping_call(self.beat)
        self.heartbeat.start(HEARTBEAT, now=False)

    def beat(self) -> None:
        """Renew this process's lease (if it holds one) and share its counters so far."""
        try:
            self.share()
            self.leases.renew(self.worker)
        except RedisError as exc:  # the next beat tries again; the lease allows for a few
            log.warning(
                "crawl.heartbeat_failed",
                extra={"source": self.keys.source, "run": self.keys.run_id, "error": str(exc)},
            )

    def share(self, *, idle: bool = False) -> None:
        """Add what this process did since it last shared to the run's counters; when ``idle``,
        every request it took is finished: release them and its lease in the same transaction."""
        prog = self.context.of(self.keys.source)
        deltas = {
            name: getattr(prog, name) - getattr(self.flushed, name)
            for name in _COUNTERS
            if getattr(prog, name) != getattr(self.flushed, name)
        }
        pipe = self.redis.pipeline()
        if deltas.get("pages"):
            pipe.hincrby(self.keys.progress, f"pages@{self.worker}", deltas["pages"])
        for name, delta in deltas.items():
            pipe.hincrby(self.keys.progress, name, delta)
        if prog.listing_ok and not self.flushed.listing_ok:
            pipe.hset(self.keys.progress, "listing_ok", 1)
        if idle:
            self.leases.release(self.worker, client=pipe)
        pipe.execute()
        # Counted as shared only once Redis has them: a failed beat leaves them for the next.
        for name in deltas:
            setattr(self.flushed, name, getattr(prog, name))
        self.flushed.listing_ok = prog.listing_ok

    def reclaim(self) -> None:
        """Put the requests of processes whose lease ran out back onto the queue."""
        for worker, count in self.leases.reclaim().items():
            log.warning(
                "crawl.reclaimed",
                extra={
                    "source": self.keys.source,
                    "run": self.keys.run_id,
                    "worker": worker,
                    "requests": count,
                    "by": self.worker,
                },
            )

    def run_is_done(self) -> bool:
        """Queue empty and no process holding a lease (read in one transaction)."""
        if self.redis.hget(self.keys.state, "status") in (b"finished", "finished"):
            return True
        pipe = self.redis.pipeline(transaction=True)
        pipe.zcard(self.keys.requests)
        pipe.hlen(self.keys.busy)
        queued, busy = pipe.execute()
        return int(queued) == 0 and int(busy) == 0

    def idle(self, spider: Spider) -> None:
        self.share(idle=True)
        self.reclaim()
        if not self.run_is_done():
            self.quiet_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.quiet_since is None:
            self.quiet_since = now
        if now - self.quiet_since < QUIET_PERIOD:
            raise DontCloseSpider  # a request may be between two processes: look again

    def closed(self, spider: Spider, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        self.share()
        # Closed with requests unfinished (stopped, page budget reached): others can do them now,
        # without waiting for this lease to run out. A finished process holds nothing.
        given = self.leases.give_back(self.worker)
        if given:
            log.warning(
                "crawl.given_back",
                extra={
                    "source": self.keys.source,
                    "run": self.keys.run_id,
                    "worker": self.worker,
                    "requests": given,
                    "reason": reason,
                },
            )
        self.redis.close()
