"""Scrapy settings for a confwatch crawl: polite, bounded, no cache, no consoles.

- robots.txt obeyed; an identifying User-Agent with the operator's contact.
- One request at a time per domain, at least the configured delay, AutoThrottle on top.
- Sane caps: 30 s timeout and 5 MB per page by default (Scrapy's 180 s and 1 GB are not).
- No HTTP cache (it would answer from disk without asking the site: see field-notes.md);
  conditional GET is ours (``middlewares.ConditionalGetMiddleware``), 304 allowed through;
  ``force`` turns it off for one crawl.
- Telnet console and remote-control server off; Scrapy logs through our handlers.
- Only public http(s) addresses (``safety.py``); retries wait and honour Retry-After
  (``retry_after.py``).
"""

from __future__ import annotations

from typing import Any

from confwatch.spiders.context import CrawlContext, register


def scrapy_settings(
    context: CrawlContext, *, max_pages: int = 0, force: bool = False
) -> dict[str, Any]:
    """``force``: fetch every page in full and read it (``crawl --force``): no validators are
    sent and no page counts as unchanged."""
    crawl = context.crawl
    settings: dict[str, Any] = {
        "CONFWATCH_CONTEXT": register(context),
        "CONFWATCH_FORCE": force,
        "USER_AGENT": crawl.full_user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrency_per_domain,
        "DOWNLOAD_DELAY": crawl.download_delay,
        # No jitter: Scrapy's draws from 0.5x-1.5x the delay and would go below the configured
        # minimum; AutoThrottle only ever waits longer.
        "DOWNLOAD_DELAY_JITTER": 0.0,
        "AUTOTHROTTLE_ENABLED": crawl.download_delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay, 0.1),
        "AUTOTHROTTLE_MAX_DELAY": max(60.0, crawl.download_delay * 4),
        "DOWNLOAD_TIMEOUT": crawl.timeout,
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": max(crawl.max_page_bytes // 2, 1),
        "RETRY_ENABLED": crawl.retries > 0,
        "RETRY_TIMES": crawl.retries,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "HTTPERROR_ALLOWED_CODES": [304],
        "REDIRECT_MAX_TIMES": 5,
        "HTTPCACHE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_ENABLED": True,
        "LOG_LEVEL": "WARNING",
        "LOG_INSTALL_ROOT_HANDLER": False,
        "LOG_VERSIONS": [],
        "LOGSTATS_INTERVAL": 0,
        "MEMUSAGE_ENABLED": False,
        "ITEM_PIPELINES": {"confwatch.spiders.pipelines.StorePipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {
            "confwatch.spiders.safety.SafeAddressMiddleware": 40,  # before offsite: every hop
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "confwatch.spiders.retry_after.RetryAfterMiddleware": 550,
            "confwatch.spiders.safety.PageTypeMiddleware": 555,  # after decompression, counting
            "confwatch.spiders.middlewares.ConditionalGetMiddleware": 560,
            "confwatch.spiders.safety.RedirectLoopMiddleware": 610,  # sees 3xx before redirecting
        },
        # SSRF: names resolving to non-public addresses fail; only http(s) has a handler.
        "TWISTED_DNS_RESOLVER": "confwatch.spiders.safety.SafeResolver",
        "DOWNLOAD_HANDLERS": {"data": None, "file": None, "s3": None, "ftp": None},
        "CONFWATCH_RETRY_MAX_WAIT": 60.0,
        "CONFWATCH_RETRY_BACKOFF": 1.0,
        "SPIDER_MIDDLEWARES": {"confwatch.spiders.middlewares.PageStateMiddleware": 950},
        "EXTENSIONS": {"confwatch.spiders.progress.Progress": 500},
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "DNS_TIMEOUT": min(crawl.timeout, 20),
    }
    if max_pages:
        settings["CLOSESPIDER_PAGECOUNT"] = max_pages
    if crawl.replay_url:
        handler = "confwatch.spiders.replay.handler.ReplayDownloadHandler"
        settings["CONFWATCH_REPLAY_URL"] = crawl.replay_url
        settings["DOWNLOAD_HANDLERS"] |= {"http": handler, "https": handler}
    if crawl.redis_url:
        # Distributed mode (decision 0004): a shared queue and duplicate filter in Redis, with keys
        # per run (set per crawler by the runner), kept on close because other workers still use
        # them; they expire once the run is finished.
        settings["SCHEDULER"] = "confwatch.spiders.distributed.RunScheduler"
        settings["DUPEFILTER_CLASS"] = "scrapy_redis.dupefilter.RFPDupeFilter"
        settings["SCHEDULER_PERSIST"] = True
        settings["REDIS_URL"] = crawl.redis_url
        settings["CONFWATCH_REDIS_PREFIX"] = crawl.redis_prefix
        settings["EXTENSIONS"] = {
            **settings["EXTENSIONS"],
            "confwatch.spiders.distributed.RunCoordination": 510,
        }
        # The delay holds across processes (a Redis key per host, taken by the download handler),
        # and each process holds only as many requests as it may send at once, so idle workers
        # find work left in the queue.
        gated = "SharedPoliteReplayHandler" if crawl.replay_url else "SharedPoliteDownloadHandler"
        handler = f"confwatch.spiders.distributed.{gated}"
        settings["DOWNLOAD_HANDLERS"] = {
            **settings["DOWNLOAD_HANDLERS"],
            "http": handler,
            "https": handler,
        }
        settings["CONCURRENT_REQUESTS"] = max(crawl.concurrency_per_domain, 1)
    return settings
