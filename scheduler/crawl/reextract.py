"""``confwatch reextract``: read the stored pages again now, one run of kind "reextract" a source.

A crawl re-reads by itself the pages read with another extraction tag (``spiders/runner.py``);
this does it on demand, without a crawl, for every stored page (or only those, ``stale_only``).
It holds the source's two crawl locks (decision 0007) for as long as it writes, so it never runs
beside a crawl of the same source; a run it leaves "running" (kill -9) is closed by the next one.
Its runs never count as crawls: ``status`` and alerts look at crawls only.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from confwatch.errors import ConfwatchError
from confwatch.scheduler import locks
from confwatch.scheduler.config import Settings
from confwatch.scheduler.crawl.parent import LOST_LOCK, RUNNING_ALREADY, child_lock
from confwatch.spiders.sources import SourceConfig
from confwatch.store.api import Store
from confwatch.store.records import RunInfo, RunView

if TYPE_CHECKING:
    from confwatch.spiders.reextract import Reread

log = logging.getLogger("confwatch.crawl")


@dataclass
class Reextracted:
    run: RunView
    reread: Reread

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.run.source,
            "run": self.run.id,
            "status": self.run.status,
            **self.reread.to_json(),
            "errors": self.run.errors,
            "started_at": self.run.started_at.isoformat(),
            "finished_at": self.run.finished_at.isoformat() if self.run.finished_at else None,
        }


def reextract_sources(
    settings: Settings, store: Store, keys: Sequence[str], *, stale_only: bool = False
) -> list[Reextracted]:
    """Read ``keys``' stored pages again, each source in a run of its own; their finished runs.

    Raises ``locks.Busy`` (naming the source) while a crawl of one of them runs."""
    sources = [settings.source(key) for key in keys]  # unknown keys fail here, exit status 2
    with ExitStack() as stack:
        held: list[locks.Held] = []
        for key in keys:
            try:
                held.append(stack.enter_context(locks.hold(settings, f"crawl-{key}")))
                held.append(stack.enter_context(locks.hold(settings, child_lock(key))))
            except locks.Busy:
                raise locks.Busy(RUNNING_ALREADY, source=key) from None
        _close_abandoned(store, keys)
        return [
            _reextract_one(settings, store, source, held, stale_only=stale_only)
            for source in sources
        ]


def _close_abandoned(store: Store, keys: Sequence[str]) -> None:
    """With the locks held no re-read of these sources runs: one still "running" died."""
    for key in keys:
        for run in store.runs(source=key, limit=10, kind="reextract"):
            if run.status == "running":
                info = RunInfo(run.id, run.source, run.started_at, kind="reextract")
                store.add_error(info, None, "abandoned: the process running it died")
                store.finish_run(info, status="interrupted", pages=run.pages, stats=run.stats)


def _reextract_one(
    settings: Settings,
    store: Store,
    source: SourceConfig,
    held: Sequence[locks.Held],
    *,
    stale_only: bool,
) -> Reextracted:
    from confwatch.spiders import reextract

    run = store.begin_run(source.key, kind="reextract")
    log.info("reextract.start", extra={"source": source.key, "run": run.id, "stale": stale_only})
    try:
        for lock in held:
            if not lock.verify():
                raise ConfwatchError(f"{LOST_LOCK}: {lock.reason}", source=source.key)
        done = reextract.reread(
            store,
            run,
            source,
            stale_only=stale_only,
            max_page_bytes=settings.crawl.max_page_bytes,
        )
    except BaseException as exc:
        message = f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:200]}"
        with contextlib.suppress(Exception):  # the store may be what failed: the next run closes it
            store.add_error(run, None, message)
            store.finish_run(run, status="failed", pages=0, stats={"stale_only": stale_only})
        raise
    for error in done.errors:
        store.add_error(run, error["url"], error["message"])
    view = store.finish_run(
        run,
        status="partial" if done.errors else "ok",
        pages=done.pages,
        stats={"stale_only": stale_only, **done.to_json()},
    )
    log.info(
        "reextract.finish",
        extra={"source": source.key, "run": run.id, "status": view.status, **done.to_json()},
    )
    return Reextracted(view, done)
