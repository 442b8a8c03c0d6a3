"""The child process of one crawl: ``python -m confwatch.scheduler.crawl_child SOURCE...``.

Scrapy's reactor cannot be restarted, so every crawl runs in a fresh process (what scrapyd does);
the parent (CLI or scheduler) waits for it with a timeout. The child reads the same configuration
(``CONFWATCH_CONFIG`` / ``--config``), writes runs and events to the store, and prints the run ids
as one JSON line on stdout. Logs go to stderr. With ``--join SOURCE:RUN`` it is a worker of a
distributed crawl (decision 0004): it joins runs another process started and prints the pages
it fetched per source.
"""

from __future__ import annotations

import argparse
import json
import sys

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import Settings, load_settings
from confwatch.scheduler.database import open_store
from confwatch.scheduler.logs import setup_logging
from confwatch.spiders.normalise import places
from confwatch.spiders.runner import run_crawl, run_worker
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
    try:
        settings = load_settings(args.config)
        setup_logging(
            log_format=settings.log_format, logs_dir=settings.logs_dir, secrets=settings.secrets()
        )
        places.use_cache_dir(settings.home / "cache")  # the gazetteer, built once per version
        store = open_store(settings, sync_sources=False)
        if args.join:
            pages = run_worker(store, _joins(settings, store, args.join), settings.crawl)
            print(json.dumps({"pages": pages}), flush=True)
            return 0
        sources = [settings.source(key) for key in args.sources]
        runs = run_crawl(store, sources, settings.crawl, show_progress=args.progress)
    except ConfwatchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(json.dumps({"runs": [r.id for r in runs]}), flush=True)
    return 0


def _joins(
    settings: Settings, store: Store, members: list[str]
) -> list[tuple[SourceConfig, RunInfo]]:
    """``SOURCE:RUN`` -> the source's configuration and the running run it names."""
    joins = []
    for member in members:
        key, _, run_text = member.rpartition(":")
        source = settings.source(key)
        run = next((r for r in store.runs(source=key, limit=50) if str(r.id) == run_text), None)
        if run is None or run.status != "running":
            raise ConfwatchError(f"run {run_text} is not running", source=key)
        joins.append((source, RunInfo(id=run.id, source=key, started_at=run.started_at)))
    return joins


if __name__ == "__main__":
    sys.exit(main())
