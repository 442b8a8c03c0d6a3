"""The child process of one crawl: ``python -m confwatch.scheduler.crawl_child SOURCE...``.

Scrapy's reactor cannot be restarted, so every crawl runs in a fresh process (what scrapyd does);
the parent (CLI or scheduler) waits for it with a timeout. The child reads the same configuration
(``CONFWATCH_CONFIG`` / ``--config``), writes runs and events to the store, and prints the run ids
as one JSON line on stdout. Logs go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from confwatch.scheduler.logs import setup_logging
from confwatch.spiders.runner import run_crawl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="confwatch-crawl-child")
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--config")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
        setup_logging(log_format=settings.log_format, logs_dir=settings.logs_dir, secrets=settings.secrets())
        sources = [settings.source(key) for key in args.sources]
        store = open_store(settings, sync_sources=False)
        runs = run_crawl(store, sources, settings.crawl, show_progress=args.progress)
    except ConfwatchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(json.dumps({"runs": [r.id for r in runs]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
