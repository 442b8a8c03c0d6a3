"""The child process of one crawl: ``python -m confwatch.scheduler.crawl_child SOURCE...``.

Scrapy's reactor cannot be restarted, so every crawl runs in a fresh process (what scrapyd does);
the parent (CLI or scheduler) waits for it with a timeout. The child reads the same configuration
(``CONFWATCH_CONFIG`` / ``--config``), writes runs and events to the store, and prints the run ids
as one JSON line on stdout. Logs go to stderr. With ``--join SOURCE:RUN`` it is a worker of a
distributed crawl (decision 0004): it joins runs another process started and prints the pages
it fetched per source.

Every scheduled crawl pays this process's start and end, so both are kept short:

- The modules (Scrapy, SQLAlchemy, the normalisers: about 1.5 s) are imported inside ``main``
  with the garbage collector paused, then frozen (``gc.freeze``): they live as long as the
  process, so later collections need not walk them again and again (that was ~0.5 s a crawl).
  The youngest generation is then collected every 10,000 allocations instead of 700: a page
  makes thousands of short-lived objects, and a collection every few hundred of them cost
  ~0.06 s a crawl for nothing (a cycle waits a little longer to be freed).
- Run as a program, the process leaves with ``os._exit`` once the store is closed, the output
  flushed and the ``atexit`` hooks (logging's among them) have run: the interpreter's own
  teardown, freeing every object one by one, took another ~0.5 s and did nothing useful.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, NoReturn

_YOUNG_THRESHOLD = 10_000  # allocations between collections of the youngest generation

if TYPE_CHECKING:
    from confwatch.scheduler.config import Settings
    from confwatch.spiders.sources import SourceConfig
    from confwatch.store.api import Store
    from confwatch.store.records import RunInfo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="confwatch-crawl-child")
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--config")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument(
        "--join",
        action="append",
        default=[],
        metavar="SOURCE:RUN",
        help="worker mode: join these runs of a distributed crawl",
    )
    args = parser.parse_args(argv)
    if bool(args.sources) == bool(args.join):
        parser.error("give SOURCE keys to crawl, or --join SOURCE:RUN to work on runs")
    with _long_lived():
        # Imported here, not at the top, so that they load with the collector paused.
        from confwatch.errors import ConfwatchError
        from confwatch.scheduler.config import load_settings
        from confwatch.scheduler.database import open_store
        from confwatch.scheduler.logs import setup_logging
        from confwatch.spiders.normalise import places
        from confwatch.spiders.runner import run_crawl, run_worker
    try:
        settings = load_settings(args.config)
        setup_logging(
            log_format=settings.log_format, logs_dir=settings.logs_dir, secrets=settings.secrets()
        )
        places.use_cache_dir(settings.home / "cache")  # the gazetteer, built once per version
        store = open_store(settings, sync_sources=False)
        try:
            if args.join:
                pages = run_worker(store, _joins(settings, store, args.join), settings.crawl)
                print(json.dumps({"pages": pages}), flush=True)
                return 0
            sources = [settings.source(key) for key in args.sources]
            runs = run_crawl(store, sources, settings.crawl, show_progress=args.progress)
        finally:
            store.close()
    except ConfwatchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(json.dumps({"runs": [r.id for r in runs]}), flush=True)
    return 0


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """Objects made in this block live as long as the process: no collections while they are
    made, and none of them is looked at by a collection again (``gc.freeze``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _, *older = gc.get_threshold()
        gc.set_threshold(_YOUNG_THRESHOLD, *older)
        if enabled:
            gc.enable()


def _joins(
    settings: Settings, store: Store, members: list[str]
) -> list[tuple[SourceConfig, RunInfo]]:
    """``SOURCE:RUN`` -> the source's configuration and the running run it names."""
    from confwatch.errors import ConfwatchError
    from confwatch.store.records import RunInfo

    joins = []
    for member in members:
        key, _, run_text = member.rpartition(":")
        source = settings.source(key)
        run = next((r for r in store.runs(source=key, limit=50) if str(r.id) == run_text), None)
        if run is None or run.status != "running":
            raise ConfwatchError(f"run {run_text} is not running", source=key)
        joins.append((source, RunInfo(id=run.id, source=key, started_at=run.started_at)))
    return joins


def _exit(code: int) -> NoReturn:
    """Leave without the interpreter's teardown: everything that must reach a file or a pipe has
    been written once the streams are flushed and the ``atexit`` hooks have run."""
    import atexit
    import os
    import threading

    run_hooks = getattr(atexit, "_run_exitfuncs", None)
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if run_hooks is None or any(t.is_alive() and not t.daemon for t in others):
        sys.exit(code)  # a thread still at work, or no way to run the hooks: the usual exit
    run_hooks()  # logging.shutdown among them: log files are flushed and closed
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    _exit(main())
