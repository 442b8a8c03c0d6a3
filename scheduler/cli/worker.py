"""``confwatch worker``: an extra crawl process for distributed mode (decision 0004).

A worker looks in Redis for runs that a coordinator (``confwatch crawl`` or ``serve``) announced,
joins them in a child process, takes requests from their shared queues and records what it finds
into the shared database. It never starts or finishes a run; it only retires the announcement of
a run that the database has already closed (its coordinator died).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable

import click
from redis import Redis

from confwatch.errors import ConfigError
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import emit_json
from confwatch.scheduler.config import Settings
from confwatch.scheduler.crawl.parent import join_runs
from confwatch.scheduler.database import open_store
from confwatch.store.api import Store

pass_ctx = click.make_pass_decorator(Ctx)
log = logging.getLogger("confwatch.crawl")


def wait_for_runs(
    settings: Settings, sources: set[str], run: int | None, *, wait: float, poll: float = 0.5
) -> list[str]:
    """``SOURCE:RUN`` of the announced runs to join, waiting up to ``wait`` seconds for one."""
    from confwatch.spiders import distributed

    redis = distributed.connect(settings.crawl.redis_url or "")
    stores: list[Store] = []  # opened once a run is announced: an idle worker needs no database
    skipped: set[str] = set()  # runs of another database, named once
    opened = contextlib.ExitStack()  # closes Redis, and the store once one was opened
    opened.callback(redis.close)

    def store() -> Store:
        if not stores:
            stores.append(opened.enter_context(open_store(settings, sync_sources=False)))
        return stores[0]

    deadline = time.monotonic() + wait
    with opened:
        while True:
            found = joinable(settings, redis, store, sources, run, skipped)
            if found:
                # A coordinator announces its sources one after another: let it finish.
                time.sleep(2.0)
                return joinable(settings, redis, store, sources, run, skipped)
            if time.monotonic() >= deadline:
                return found
            time.sleep(poll)


def joinable(
    settings: Settings,
    redis: Redis,
    store: Callable[[], Store],
    sources: set[str],
    run: int | None,
    skipped: set[str],
) -> list[str]:
    """Announced runs this worker may join: running in the database too.

    A run the database has closed lost its coordinator (its parent closed it as failed) and
    nobody retired its announcement: retire it here, so that no worker keeps joining it.
    A run the database does not know is left alone (a worker pointed at another database).
    """
    from confwatch.spiders import distributed

    members = []
    for keys in distributed.active_runs(redis, settings.crawl.redis_prefix, sources or None):
        if run is not None and keys.run_id != run:
            continue
        found = [r for r in store().runs(source=keys.source, limit=50) if r.id == keys.run_id]
        if found and found[0].status == "running":
            members.append(keys.member)
        elif found:
            distributed.retire(redis, keys)
            log.warning(
                "worker.retired",
                extra={"source": keys.source, "run": keys.run_id, "status": found[0].status},
            )
        elif keys.member not in skipped:
            skipped.add(keys.member)
            log.warning(
                "worker.skipped",
                extra={"source": keys.source, "run": keys.run_id, "reason": "not in the database"},
            )
    return members


@click.command()
@click.argument("sources", nargs=-1)
@click.option("--run", "run", type=int, default=None, help="Join only this run id.")
@click.option(
    "--wait",
    type=click.FloatRange(0),
    default=60.0,
    show_default=True,
    help="Seconds to wait for a run to be announced before giving up.",
)
@click.option(
    "--forever",
    is_flag=True,
    help="Keep waiting for new runs after each one (for a service manager).",
)
@click.option("--json", "as_json", is_flag=True, help="Print pages fetched per source as JSON.")
@pass_ctx
def worker(
    ctx: Ctx, sources: tuple[str, ...], run: int | None, wait: float, forever: bool, as_json: bool
) -> None:
    """Help crawl runs that another process started (distributed mode, crawl.redis_url).

    Joins every announced run (or only those of the SOURCE keys, or only --run ID), takes
    requests from the run's shared Redis queue and records items into the shared database,
    then exits once no work is left anywhere. Exit 0 also when no run turned up within --wait.
    With --forever it waits for the next run again (systemd: confwatch-worker@.service).

    \b
    Examples:
      confwatch worker --wait 30
      confwatch worker osce --run 42
      CONFWATCH_REDIS_URL=redis://redis:6379/0 confwatch worker --forever
    """
    settings = ctx.settings
    if not settings.crawl.redis_url:
        raise ConfigError(
            "worker needs distributed mode: set crawl.redis_url or CONFWATCH_REDIS_URL"
        )
    for key in sources:
        settings.source(key)
    pages: dict[str, int] = {}
    while True:
        members = wait_for_runs(settings, set(sources), run, wait=wait)
        if members:
            log.info("worker.start", extra={"runs": " ".join(members)})
            for key, count in join_runs(settings, members).items():
                pages[key] = pages.get(key, 0) + count
        elif not forever:
            log.info("worker.idle", extra={"waited": wait})
        if not forever:
            break
    if as_json:
        emit_json({"pages": pages})
    else:
        for key, count in sorted(pages.items()):
            click.echo(f"{key}: {count} pages")
    sys.exit(0)


COMMANDS = [worker]
