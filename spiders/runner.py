"""Running crawls: one Twisted reactor, one crawler per source, in the current process.

A reactor cannot be restarted (Scrapy #2941), so this runs once per process: the CLI and the
scheduler call it in a child process (``confwatch.scheduler.crawl.child``), never in their own.

A run's status is decided here from what happened, not from Scrapy's exit (which is 0 even when
every request failed): ``failed`` when no start page could be fetched or the crawl was cut short;
``partial`` when some pages failed; ``ok`` otherwise.

Before fetching, each run reads again the source's stored pages that were read with another
extraction tag (``spiders/reextract.py``): a new extractor or new extraction settings reach the
stored events even where the site answers 304. What that changes is recorded in the run as
corrections; a page that cannot be read again is logged and tried again next crawl, and does not
make the crawl fail.

A forced crawl (``force``: ``crawl --force``) fetches every page in full and reads it
(``middlewares.ConditionalGetMiddleware``), and revisits every known page of the source, past
events' pages too, however recently they were fetched.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from confwatch.errors import ConfwatchError
from confwatch.spiders import reextract
from confwatch.spiders.context import CrawlContext, SourceProgress
from confwatch.spiders.registry import spider_class
from confwatch.spiders.settings import scrapy_settings
from confwatch.spiders.sources import CrawlSettings, SourceConfig
from confwatch.store.api import Store
from confwatch.store.records import RunInfo, RunView

log = logging.getLogger("confwatch.crawl")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0][:200]


def run_status(listing_ok: bool, errors: int, finish_reason: str | None) -> str:
    if not listing_ok or finish_reason not in ("finished", "closespider_pagecount"):
        return "failed"
    return "partial" if errors else "ok"


def run_crawl(
    store: Store,
    sources: Sequence[SourceConfig],
    crawl: CrawlSettings,
    *,
    today: dt.date | None = None,
    show_progress: bool = False,
    force: bool = False,
) -> list[RunView]:
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    if force:  # every known page is due for a revisit (the extraction tag does not change)
        sources = [replace(s, revisit_past=dt.timedelta(0)) for s in sources]
    context = CrawlContext(
        store=store, crawl=crawl, sources={s.key: s for s in sources}, show_progress=show_progress
    )
    if today is not None:
        context.today = today
    reasons: dict[str, str] = {}
    rereads: dict[str, reextract.Reread] = {}
    receivers: list[Any] = []  # Scrapy holds signal receivers weakly: keep ours alive
    results: list[RunView] = []
    unfinished: list[str] = []  # runs the store would not let us finish, with the reason
    process = CrawlerProcess(scrapy_settings(context, force=force))
    # Scrapy's logging setup sets its own loggers to DEBUG; ours are the only handlers.
    logging.getLogger("scrapy").setLevel(logging.WARNING)

    shared = _Shared(crawl) if crawl.redis_url else None
    # One crawl, one instant: runs begun together are one crawl to the store, which gives an
    # event one revision per crawl whatever order its pages arrive in (store/recording.py).
    started = dt.datetime.now(dt.UTC)
    for source in sources:
        run = store.begin_run(source.key, now=started)
        context.runs[source.key] = run
        context.of(source.key)
        log.info(
            "crawl.start",
            extra={
                "source": source.key,
                "run": run.id,
                "urls": " ".join(source.start_urls),
                **({"force": True} if force else {}),
            },
        )
        if shared is not None:
            shared.announce(run)
        rereads[source.key] = _reread_stale(store, run, source, crawl)
        crawler = process.create_crawler(spider_class(source.kind))
        crawler.settings.set("CLOSESPIDER_PAGECOUNT", source.max_pages, priority="spider")
        if shared is not None:
            shared.join(crawler, shared.keys(run))

        def closed(spider: Any, reason: str, key: str = source.key) -> None:
            reasons[key] = reason

        receivers.append(closed)
        crawler.signals.connect(closed, signal=signals.spider_closed)
        process.crawl(crawler, source=source)

    if shared is not None:
        shared.quicken()
    process.start()
    if show_progress:
        import sys

        sys.stderr.write("\n")
    for source in sources:
        run = context.runs[source.key]
        prog = context.of(source.key)
        reason = reasons.get(source.key)
        workers: dict[str, int] = {}
        if shared is not None:
            # Every process added its share to Redis before it went idle: the run's totals.
            prog, workers = shared.totals(run)
            context.progress[source.key] = prog
        status = run_status(prog.listing_ok, prog.errors, reason)
        try:
            view = _finish(
                store,
                source,
                run,
                prog,
                status,
                reason,
                workers,
                shared is not None,
                rereads.get(source.key),
                force,
            )
        except Exception as exc:  # the store cannot be written (a full disk): say so, go on
            unfinished.append(f"{source.key}: {type(exc).__name__}: {_first_line(exc)}")
            log.error(
                "crawl.error",
                extra={"source": source.key, "run": run.id, "error": "could not finish the run"},
            )
            continue
        if shared is not None:
            shared.retire(run)
        level = logging.INFO if status == "ok" else logging.WARNING
        log.log(
            level,
            "crawl.finish",
            extra={
                "source": source.key,
                "run": run.id,
                "status": status,
                "pages": prog.pages,
                "not_modified": prog.not_modified,
                "items": prog.items,
                "new": prog.new,
                "changed": prog.changed,
                "unchanged": prog.unchanged,
                "errors": len(view.errors),  # as recorded: what status, --json and the table show
                "duration": round((view.finished_at - view.started_at).total_seconds(), 2)
                if view.finished_at
                else None,
            },
        )
        results.append(view)
    if shared is not None:
        shared.close()
    if unfinished:
        # Runs left "running": the parent closes them (or the next crawl does), touching no event.
        raise ConfwatchError("could not finish the crawl's runs: " + "; ".join(unfinished))
    return results


def _finish(
    store: Store,
    source: SourceConfig,
    run: RunInfo,
    prog: SourceProgress,
    status: str,
    reason: str | None,
    workers: dict[str, int],
    shared: bool,
    reread: reextract.Reread | None = None,
    force: bool = False,
) -> RunView:
    """Record how the run ended: its errors, status, pages and stats."""
    if not prog.listing_ok:
        store.add_error(run, source.start_urls[0], "no start page could be fetched")
    elif reason not in ("finished", "closespider_pagecount"):
        store.add_error(run, None, f"crawl stopped early: {reason or 'unknown reason'}")
    return store.finish_run(
        run,
        status=status,
        pages=prog.pages,
        stats={
            "not_modified": prog.not_modified,
            "parsed": prog.parsed,
            "skipped": prog.skipped,
            "warnings": prog.warnings,
            "bytes": prog.bytes,
            "finish_reason": reason,
            "with_date": prog.with_date,
            "with_country": prog.with_country,
            **({"workers": workers} if shared else {}),
            **({"reread": reread.to_json()} if reread and (reread.pages or reread.errors) else {}),
            **({"forced": True} if force else {}),  # every page fetched in full: say why
        },
    )


def _reread_stale(
    store: Store, run: RunInfo, source: SourceConfig, crawl: CrawlSettings
) -> reextract.Reread:
    """The source's pages read with another extraction tag, read again into ``run``."""
    try:
        done = reextract.reread(
            store, run, source, stale_only=True, max_page_bytes=crawl.max_page_bytes
        )
    except Exception as exc:  # the crawl itself may still work: say so, go on
        message = f"could not read stored pages again: {type(exc).__name__}: {_first_line(exc)}"
        log.error("crawl.error", extra={"source": source.key, "run": run.id, "error": message})
        return reextract.Reread(source.key, errors=[{"url": None, "message": message}])
    if done.pages or done.errors:
        log.info(
            "crawl.reread",
            extra={"source": source.key, "run": run.id, **done.to_json()},
        )
    return done


class _Shared:
    """Distributed mode from the runner's side: announce runs, bind crawlers, read totals."""

    def __init__(self, crawl: CrawlSettings) -> None:
        from confwatch.spiders import distributed

        self.d = distributed
        self.prefix = crawl.redis_prefix
        self.worker = distributed.worker_id()
        self.redis = distributed.connect(crawl.redis_url or "")

    def keys(self, run: RunInfo) -> Any:
        return self.d.RunKeys(self.prefix, run.source, run.id)

    def announce(self, run: RunInfo) -> None:
        self.d.announce(
            self.redis, self.keys(run), holder=self.worker, started_at=run.started_at.isoformat()
        )

    def join(self, crawler: Any, keys: Any) -> None:
        for name, value in self.d.crawler_settings(keys, self.worker).items():
            crawler.settings.set(name, value, priority="spider")

    def quicken(self) -> None:
        # Idle processes look at the shared queue on Scrapy's engine heartbeat (5 s by default):
        # poll every second so work pushed by another worker is picked up promptly.
        from scrapy.core.engine import ExecutionEngine

        ExecutionEngine._SLOT_HEARTBEAT_INTERVAL = self.d.HEARTBEAT

    def totals(self, run: RunInfo) -> tuple[SourceProgress, dict[str, int]]:
        prog, workers = self.d.totals(self.redis, self.keys(run))
        return prog, workers

    def retire(self, run: RunInfo) -> None:
        self.d.retire(self.redis, self.keys(run))

    def close(self) -> None:
        self.redis.close()


def run_worker(
    store: Store,
    joins: Sequence[tuple[SourceConfig, RunInfo]],
    crawl: CrawlSettings,
    *,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Join runs that a coordinator started (distributed mode); return pages fetched per source.

    The worker yields no start requests: it takes requests from each run's shared queue, records
    items into the run through the store, and closes when the run has no work left anywhere. It
    never finishes a run: the coordinator does, once.
    """
    from scrapy.crawler import CrawlerProcess

    if not crawl.redis_url:
        raise ValueError("run_worker needs crawl.redis_url (distributed mode)")
    shared = _Shared(crawl)
    context = CrawlContext(store=store, crawl=crawl, sources={s.key: s for s, _ in joins})
    if today is not None:
        context.today = today
    process = CrawlerProcess(scrapy_settings(context))
    logging.getLogger("scrapy").setLevel(logging.WARNING)
    for source, run in joins:
        context.runs[source.key] = run
        context.of(source.key)
        log.info(
            "worker.join", extra={"source": source.key, "run": run.id, "worker": shared.worker}
        )
        crawler = process.create_crawler(shared.d.worker_spider(spider_class(source.kind)))
        crawler.settings.set("CLOSESPIDER_PAGECOUNT", source.max_pages, priority="spider")
        shared.join(crawler, shared.keys(run))
        process.crawl(crawler, source=source)
    shared.quicken()
    process.start()
    shared.close()
    done = {key: prog.pages for key, prog in context.progress.items()}
    for source, run in joins:
        log.info(
            "worker.done", extra={"source": source.key, "run": run.id, "pages": done[source.key]}
        )
    return done
